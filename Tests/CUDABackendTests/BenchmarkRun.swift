// The GPU benchmark, run from the test bundle on a GPU machine (no Swift toolchain needed there):
//
//     FOUROVERSIX_CUDA_BENCH=1 ./FourOverSixPackageTests.xctest --testing-library swift-testing \
//         --filter CUDABenchmarkRun
//
// Promises: does nothing unless FOUROVERSIX_CUDA_BENCH=1 and a GPU is present; then times the
// configurations of BENCHMARKS.md's "CUDA (H200)" section on a device-resident random tensor
// (FOUROVERSIX_CUDA_BENCH_SHAPE, default 8192x8192; FOUROVERSIX_CUDA_BENCH_TYPE, default bf16),
// prints a Markdown table, and writes it to FOUROVERSIX_CUDA_BENCH_OUT when that is set.

import BlockQuantization
import CUDABackend
import Testing

#if canImport(Glibc)
import Glibc
#endif

private func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

@Suite struct CUDABenchmarkRun {
    static var requested: Bool { env("FOUROVERSIX_CUDA_BENCH") == "1" }

    @Test(.enabled(if: CUDABenchmarkRun.requested && GPU.available, "set FOUROVERSIX_CUDA_BENCH=1 on a GPU machine"))
    func benchmarkTable() throws {
        let gpu = try GPU.quantizer
        let shape = (env("FOUROVERSIX_CUDA_BENCH_SHAPE") ?? "8192x8192").split(separator: "x").compactMap { Int($0) }
        let (rows, cols) = (shape.count == 2 ? shape[0] : 8192, shape.count == 2 ? shape[1] : 8192)
        let types = (env("FOUROVERSIX_CUDA_BENCH_TYPE") ?? "bf16").split(separator: ",")
            .compactMap { CUDAElementType(rawValue: String($0)) }
        var configs: [QuantizationConfig] = []
        for rule in [ScaleRule.static6, .mse] {
            configs.append(QuantizationConfig(rule: rule))
            configs.append(QuantizationConfig(rule: rule, rht: true))
            configs.append(QuantizationConfig(rule: rule, transpose: true))
            configs.append(QuantizationConfig(rule: rule, blockScale2D: true))
            configs.append(QuantizationConfig(rule: rule, rounding: .stochastic(seed: 1)))
            configs.append(QuantizationConfig(rule: rule, rounding: .stochastic(seed: 1), transpose: true, rht: true))
        }
        configs += [
            QuantizationConfig(rule: .static4), QuantizationConfig(rule: .mae), QuantizationConfig(rule: .absMax),
            QuantizationConfig(rule: .mse, scaleLayout: .swizzled128x4),
            QuantizationConfig(format: .mxfp4), QuantizationConfig(format: .nvint4), QuantizationConfig(format: .if4),
        ]
        var report = "GPU: \(gpu.device.summary)\nShape: \(rows)×\(cols)\n"
        for type in types {
            let start = monotonicNow()
            let results = try gpu.benchmark(rows: rows, cols: cols, configs: configs, dtype: type, repeats: 20)
            report += "\nInput \(type.rawValue) (benchmark wall time \(fmt2(monotonicNow() - start)) s):\n\n"
            report += CUDABenchmarkResult.table(results) + "\n"
        }
        print(report)
        if let path = env("FOUROVERSIX_CUDA_BENCH_OUT"), let f = fopen(path, "w") {
            fputs(report, f)
            fclose(f)
        }
    }
}

private func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
