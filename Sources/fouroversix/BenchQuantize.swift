// `fouroversix bench quantize`: throughput of the CPU quantizer and dequantizer next to the
// memory-copy bound (Benchmarks' `QuantizationBenchmark`), or of the CUDA kernels with
// `--device cuda` (CUDABackend's benchmark).
//
// Promises: prints G elements/s and GB/s of each operation, its fraction of the memory bound
// and its wall and CPU milliseconds (or one JSON object with --json); the copy bandwidth and
// the parallelFor fork/join cost; the share of blocks that chose the alternative scale for an
// adaptive rule. Numbers print with 3 (or 1) decimals.

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
    @Flag(help: "Print one JSON object instead of text.") var json = false
    @Option(help: "cpu, or cuda (device-resident input, CUDA events, device-to-device copy as the bound).")
    var device: ComputeDevice = .cpu

    func validate() throws {
        guard BlockFormat(rawValue: format) != nil else { throw ValidationError("unknown format '\(format)'") }
        if let rule, ScaleRule(rawValue: rule) == nil { throw ValidationError("unknown rule '\(rule)'") }
        guard ["bf16", "f16", "f32"].contains(dtype) else { throw ValidationError("dtype must be bf16, f16 or f32") }
        guard rows > 0, cols > 0, repeats > 0, threads > 0 else { throw ValidationError("sizes must be positive") }
    }

    func run() throws {
        let fmt = BlockFormat(rawValue: format)!
        let config = QuantizationConfig(format: fmt, rule: rule.flatMap(ScaleRule.init(rawValue:)),
                                        rounding: stochastic ? .stochastic(seed: 1) : .nearest,
                                        transpose: transpose, rht: rht, blockScale2D: block2D)
        try config.validate()
        if let gpu = try cudaOption({ try device.openGPU() }) {
            let result = try gpu.benchmark(rows: rows, cols: cols, config: config,
                                           dtype: CUDAElementType(rawValue: dtype)!, repeats: max(repeats, 5))
            print("\(gpu.device.summary)\n" + CUDABenchmarkResult.table([result]))
            return
        }
        let r = try QuantizationBenchmark(rows: rows, cols: cols, config: config, inputType: .init(rawValue: dtype)!,
                                          threads: threads, repeats: repeats).run()
        let label = config.rule.rawValue
        if json {
            var fields = [
                "\"rows\": \(rows)", "\"cols\": \(cols)", "\"format\": \"\(fmt.rawValue)\"", "\"rule\": \"\(label)\"",
                "\"dtype\": \"\(dtype)\"", "\"threads\": \(threads)", "\"repeats\": \(repeats)",
                "\"rht\": \(rht)", "\"transpose\": \(transpose)", "\"block_2d\": \(block2D)", "\"stochastic\": \(stochastic)",
                "\"copy_gb_per_s\": \(fmt3(r.copyBandwidth / 1e9))",
                "\"parallel_for_overhead_us\": \(fmt1(r.forkJoinSeconds * 1e6))",
                "\"alternative_share\": \(fmt3(r.alternativeBlockShare))",
            ]
            for op in r.operations {
                let (t, bytes, elements) = (op.seconds, op.bytes, op.elements)
                let bound = op.memoryBound(copyBandwidth: r.copyBandwidth)
                fields.append("\"\(op.name)\": {\"seconds\": \(fmt3(t * 1e3) + "e-3"), \"g_elements_per_s\": \(fmt3(elements / t / 1e9)), "
                    + "\"gb_per_s\": \(fmt3(bytes / t / 1e9)), \"bytes_per_element\": \(fmt3(bytes / elements)), "
                    + "\"memory_bound_g_elements_per_s\": \(fmt3(bound / 1e9)), \"fraction_of_bound\": \(fmt3(elements / t / bound)), "
                    + "\"cpu_seconds\": \(fmt3(op.cpuSeconds * 1e3) + "e-3")}")
            }
            print("{" + fields.joined(separator: ", ") + "}")
            return
        }
        var options = [String]()
        if transpose { options.append("transpose") }
        if rht { options.append("rht") }
        if block2D { options.append("2-D blocks") }
        if stochastic { options.append("stochastic") }
        print("\(fmt.rawValue) \(label)\(options.isEmpty ? "" : " + " + options.joined(separator: ", ")), "
            + "\(dtype) \(rows)×\(cols), \(threads) thread\(threads == 1 ? "" : "s"), best of \(repeats)")
        print("memory copy: \(fmt3(r.copyBandwidth / 1e9)) GB/s (read + write); "
            + "parallelFor fork/join: \(fmt1(r.forkJoinSeconds * 1e6)) µs")
        for op in r.operations {
            let (t, bytes, elements) = (op.seconds, op.bytes, op.elements)
            let bound = op.memoryBound(copyBandwidth: r.copyBandwidth)
            print(pad(op.name, 16) + "\(fmt3(elements / t / 1e9)) G elements/s  \(fmt3(bytes / t / 1e9)) GB/s  "
                + "(\(fmt3(bytes / elements)) B/element; bound \(fmt3(bound / 1e9)) G elements/s, "
                + "\(fmt1(100 * elements / t / bound))% of it)  \(fmt1(t * 1e3)) ms wall, \(fmt1(op.cpuSeconds * 1e3)) ms CPU")
        }
        if config.rule.isAdaptive {
            print("alternative blocks: \(fmt1(100 * r.alternativeBlockShare))%")
        }
    }
}

private func fmt3(_ x: Double) -> String { format(x, 3) }
private func fmt1(_ x: Double) -> String { format(x, 1) }
private func format(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (x * scale).rounded() / scale
    var s = "\(r)"
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
    }
    return s
}
private func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(1, width - s.count)) }
