// The benchmarks on tiny sizes: every operation is measured, the bytes each must move are the
// documented ones, and the GEMM benchmark gives one row per shape. Timings are not asserted.

import BlockQuantization
import CPUKernels
import Testing
@testable import Benchmarks

@Suite struct BenchmarksTests {
    @Test func quantizationBenchmarkCountsTheBytesEachOperationMoves() throws {
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        let r = try QuantizationBenchmark(rows: 16, cols: 64, config: config, inputType: .bf16, threads: 1,
                                          repeats: 1).run()
        #expect(r.operations.map(\.name) == ["quantize", "amax", "dequantize_f32", "dequantize_bf16"])
        let n = 16.0 * 64, packed = n / 2 + n / 16
        #expect(r.operations.map(\.bytes) == [2 * n + packed, 2 * n, packed + 4 * n, packed + 2 * n])
        #expect(r.operations.allSatisfy { $0.elements == n && $0.seconds > 0 && $0.seconds.isFinite })
        #expect(r.copyBandwidth > 0 && r.alternativeBlockShare >= 0 && r.alternativeBlockShare <= 1)
        let quantize = r.operations[0]
        #expect(quantize.memoryBound(copyBandwidth: 1e9) == 1e9 / (quantize.bytes / n))
    }

    @Test func theInputIsSeededAndHasOutliers() {
        let b = QuantizationBenchmark(rows: 256, cols: 256, config: QuantizationConfig(), inputType: .f32, threads: 1,
                                      repeats: 1)
        let n = 256 * 256
        func fill() -> [Float] {
            let f32 = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
            let h16 = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 0)
            defer { f32.deallocate(); h16.deallocate() }
            b.fillInput(f32: f32, h16: h16, n: n)
            return Array(f32)
        }
        let values = fill()
        #expect(values == fill())
        #expect(values.contains { abs($0) > 10 } && values.allSatisfy { abs($0) < 2 * 1.73 * 50 })
    }

    @Test func gemmBenchmarkGivesOneRowPerShape() {
        let shapes = [GEMMBenchmark.Shape(m: 4, n: 8, k: 16), GEMMBenchmark.Shape(m: 3, n: 5, k: 7)]
        let rows = GEMMBenchmark(threads: 1, kernel: .portable, seconds: 0.001, cpuTime: true).run(shapes)
        #expect(rows.map(\.shape) == shapes)
        #expect(rows.allSatisfy { $0.gflopsPrepacked > 0 && $0.gflopsPackedPerCall > 0 })
    }
}
