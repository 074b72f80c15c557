// `fouroversix bench quantize`: throughput of the CPU quantizer and dequantizer next to the
// memory-copy bound (Benchmarks' `QuantizationBenchmark`), or of the CUDA kernels with
// `--device cuda` (CUDABackend's benchmark).
//
// Promises: prints G elements/s and GB/s of each operation, its fraction of the memory bound
// and its wall and CPU milliseconds (or one JSON object with --json); the copy, write and read
// bandwidths and the parallelFor fork/join cost; the share of blocks that chose the alternative
// scale for an adaptive rule. Numbers print with 3 (or 1) decimals.

import ArgumentParser
import Benchmarks
import BlockQuantization
import CPUKernels
import CUDABackend

extension QuantizationBenchmark.InputType: ExpressibleByArgument {}

struct BenchQuantize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Benchmark CPU quantization and dequantization against the memory-copy bound.")

    @Option(help: "Rows of the input tensor.") var rows = 8192
    @Option(help: "Columns of the input tensor.") var cols = 8192
    @Option(help: "nvfp4, mxfp4, nvint4 or if4.") var format = "nvfp4"
    @Option(help: "static_6, static_4, mse, mae or abs_max (default: the format's default).") var rule: String?
    @Option(help: "Worker threads (all active processors unless given).") var threads = CPUParallel.defaultThreadCount
    @Option(help: "Input element type: bf16, f16 or f32.") var dtype = "bf16"
    @Option(help: "Timed runs of each operation; the best is reported.") var repeats = 5
    @Flag(help: "Apply the 16-point random Hadamard transform.") var rht = false
    @Flag(help: "Quantize the transpose.") var transpose = false
    @Flag(name: .customLong("block-2d"), help: "One scale per 16×16 tile (32×32 for MXFP4).") var block2D = false
    @Flag(help: "Stochastic rounding (seed 1).") var stochastic = false
    @Flag(help: "With --stochastic and a 4/6 rule: choose 4 or 6 from the nearest candidates (unbiased).")
    var unbiased = false
    @Flag(help: "Print one JSON object instead of text.") var json = false
    @Option(help: "cpu, or cuda (device-resident input, CUDA events, device-to-device copy as the bound).")
    var device: ComputeDevice = .cpu

    func validate() throws {
        guard BlockFormat(rawValue: format) != nil else { throw ValidationError("unknown format '\(format)'") }
        if let rule, ScaleRule(rawValue: rule) == nil { throw ValidationError("unknown rule '\(rule)'") }
        guard ["bf16", "f16", "f32"].contains(dtype) else { throw ValidationError("dtype must be bf16, f16 or f32") }
        guard rows > 0, cols > 0, repeats > 0, threads > 0 else { throw ValidationError("sizes must be positive") }
        guard !unbiased || stochastic else { throw ValidationError("--unbiased applies to --stochastic") }
    }

    func run() throws {
        let fmt = BlockFormat(rawValue: format)!
        let config = QuantizationConfig(
            format: fmt, rule: rule.flatMap(ScaleRule.init(rawValue:)),
            rounding: !stochastic ? .nearest : unbiased ? .stochasticUnbiased(seed: 1) : .stochastic(seed: 1),
            transpose: transpose, rht: rht, blockScale2D: block2D)
        try config.validate()
        if let gpu = try cudaOption({ try device.openGPU() }) {
            let result = try gpu.benchmark(
                rows: rows, cols: cols, config: config,
                dtype: CUDAElementType(rawValue: dtype)!, repeats: max(repeats, 5))
            print(json ? result.json : "\(gpu.device.summary)\n" + CUDABenchmarkResult.table([result]))
            return
        }
        let benchmark = QuantizationBenchmark(
            rows: rows, cols: cols, config: config,
            inputType: .init(rawValue: dtype)!, threads: threads, repeats: repeats)
        let r = try benchmark.run()
        print(json ? benchmark.json(r) : benchmark.text(r))
    }
}
