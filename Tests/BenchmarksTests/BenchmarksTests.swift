// The benchmarks on tiny sizes: every operation is measured, the bytes each must move are the
// documented ones, and the GEMM benchmark gives one row per shape. Timings are not asserted; the
// text and JSON of hand-built results are, exactly.

import BlockQuantization
import CPUKernels
import Foundation
import Testing

@testable import Benchmarks

@Suite struct BenchmarksTests {
    @Test func quantizationBenchmarkCountsTheBytesEachOperationMoves() throws {
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        let r = try QuantizationBenchmark(
            rows: 16, cols: 64, config: config, inputType: .bf16, threads: 1,
            repeats: 1
        ).run()
        #expect(
            r.operations.map(\.name) == ["quantize", "quantize_into", "amax", "dequantize_f32", "dequantize_bf16"])
        let n = 16.0 * 64, packed = n / 2 + n / 16
        #expect(
            r.operations.map(\.bytes) == [2 * n + packed, 2 * n + packed, 2 * n, packed + 4 * n, packed + 2 * n])
        #expect(r.operations.allSatisfy { $0.elements == n && $0.seconds > 0 && $0.seconds.isFinite })
        #expect(r.operations.map(\.writtenBytes) == [packed, packed, 0, 4 * n, 2 * n])
        #expect(r.bandwidths.copy > 0 && r.bandwidths.write > 0 && r.bandwidths.read > 0)
        #expect(r.alternativeBlockShare >= 0 && r.alternativeBlockShare <= 1)
        let quantize = r.operations[0], dequantize = r.operations[3]
        // The copy bound, unless the written bytes at the write bandwidth are the lower one; the
        // read bound for the amax pass, which writes nothing.
        let even = QuantizationBenchmark.Bandwidths(copy: 1e9, write: 1e9, read: 1)
        #expect(quantize.memoryBound(even) == 1e9 / (quantize.bytes / n))
        #expect(dequantize.memoryBound(even) == 1e9 / (dequantize.bytes / n))
        #expect(dequantize.memoryBound(.init(copy: 1e9, write: 5e8, read: 1)) == 5e8 / 4)
        #expect(r.operations[2].memoryBound(.init(copy: 1, write: 1, read: 3e9)) == 3e9 / 2)
    }

    @Test func theInputIsSeededAndHasOutliers() {
        let b = QuantizationBenchmark(
            rows: 256, cols: 256, config: QuantizationConfig(), inputType: .f32, threads: 1,
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

/// What `bench quantize` and `bench gemm` print, from hand-built results: exact text and JSON.
@Suite struct BenchmarkTextTests {
    let result = QuantizationBenchmark.Result(
        bandwidths: .init(copy: 1e10, write: 4e9, read: 6e9), forkJoinSeconds: 4e-6, alternativeBlockShare: 0.25,
        operations: [
            .init(name: "quantize", seconds: 0.5, cpuSeconds: 0.75, bytes: 2.5e9, writtenBytes: 0.5e9, elements: 1e9),
            .init(
                name: "dequantize_bf16", seconds: 0.5, cpuSeconds: 0.25, bytes: 2.5e9, writtenBytes: 2e9,
                elements: 1e9),
        ])

    @Test func quantizationText() {
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        let benchmark = QuantizationBenchmark(
            rows: 16, cols: 64, config: config, inputType: .bf16, threads: 1,
            repeats: 3)
        #expect(
            benchmark.text(result) == """
                nvfp4 mse, bf16 16×64, 1 thread, best of 3
                memory copy: 10.000 GB/s (read + write), write: 4.000 GB/s, read: 6.000 GB/s; parallelFor \
                fork/join: 4.0 µs
                quantize        2.000 G elements/s  5.000 GB/s  (2.500 B/element; bound 4.000 G elements/s, \
                50.0% of it)  500.0 ms wall, 750.0 ms CPU
                dequantize_bf16 2.000 G elements/s  5.000 GB/s  (2.500 B/element; bound 2.000 G elements/s, \
                100.0% of it)  500.0 ms wall, 250.0 ms CPU
                alternative blocks: 25.0%
                """)
    }

    @Test func quantizationTextNamesTheOptionsAndLeavesOutTheShareOfAStaticRule() {
        let config = QuantizationConfig(
            format: .nvfp4, rule: .static6, rounding: .stochastic(seed: 1), transpose: true,
            rht: true, blockScale2D: true)
        let benchmark = QuantizationBenchmark(
            rows: 32, cols: 32, config: config, inputType: .f32, threads: 4,
            repeats: 1)
        let lines = benchmark.text(result).split(separator: "\n")
        #expect(
            lines.first
                == "nvfp4 static_6 + transpose, rht, 2-D blocks, stochastic, f32 32×32, 4 threads, best of 1")
        #expect(lines.count == 4)
    }

    @Test func quantizationJSON() {
        let config = QuantizationConfig(format: .nvfp4, rule: .mse, blockScale2D: true)
        let benchmark = QuantizationBenchmark(
            rows: 16, cols: 64, config: config, inputType: .f16, threads: 2,
            repeats: 5)
        #expect(
            benchmark.json(result) == """
                {"rows": 16, "cols": 64, "format": "nvfp4", "rule": "mse", "dtype": "f16", "threads": 2, "repeats": 5, \
                "rht": false, "transpose": false, "block_2d": true, "stochastic": false, "copy_gb_per_s": 10.000, \
                "write_gb_per_s": 4.000, "read_gb_per_s": 6.000, "parallel_for_overhead_us": 4.0, \
                "alternative_share": 0.250, \
                "quantize": {"seconds": 500.000e-3, "g_elements_per_s": 2.000, "gb_per_s": 5.000, \
                "bytes_per_element": 2.500, "memory_bound_g_elements_per_s": 4.000, "fraction_of_bound": 0.500, \
                "cpu_seconds": 750.000e-3}, \
                "dequantize_bf16": {"seconds": 500.000e-3, "g_elements_per_s": 2.000, "gb_per_s": 5.000, \
                "bytes_per_element": 2.500, "memory_bound_g_elements_per_s": 2.000, "fraction_of_bound": 1.000, \
                "cpu_seconds": 250.000e-3}}
                """)
    }

    let rows = [
        GEMMBenchmark.Row(shape: .init(m: 8, n: 8, k: 16), gflopsPrepacked: 12.34, gflopsPackedPerCall: 5.06),
        GEMMBenchmark.Row(
            shape: .init(m: 1024, n: 1024, k: 1024), gflopsPrepacked: 101,
            gflopsPackedPerCall: 99.5),
    ]

    @Test func gemmText() {
        let benchmark = GEMMBenchmark(threads: 2, kernel: .portable, seconds: 1, cpuTime: true)
        #expect(
            benchmark.text(rows) == """
                GEMM C[m,n] = A[m,k]·W[n,k]ᵀ, kernel portable, 2 thread(s), per CPU-second
                m×n×k           GFLOP/s prepacked W  GFLOP/s packed per call
                ──────────────  ───────────────────  ───────────────────────
                8×8×16                         12.3                      5.1
                1024×1024×1024                101.0                     99.5
                """)
    }

    @Test func gemmJSON() throws {
        let benchmark = GEMMBenchmark(threads: 1, kernel: .portable, seconds: 1, cpuTime: false)
        let data = try JSONSerialization.data(
            withJSONObject: benchmark.jsonObject(Array(rows.prefix(1))),
            options: [.sortedKeys])
        #expect(
            String(decoding: data, as: UTF8.self) == #"""
                {"clock":"wall","kernel":"portable","results":[{"gflops_packed_per_call":5.06,\#
                "gflops_prepacked":12.34,\#
                "k":16,"m":8,"n":8}],"threads":1}
                """#)
    }
}
