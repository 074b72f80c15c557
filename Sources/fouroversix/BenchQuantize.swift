// `fouroversix bench quantize`: throughput of the CPU quantizer and dequantizer (CPUKernels)
// next to the machine's memory-copy bandwidth, measured in the same run.
//
// Promises: prints (or emits as JSON with --json) G elements/s and GB/s of quantize (amax
// pass included, as `CPUQuantizer.quantize` runs it), of the amax pass alone, and of
// dequantize to F32 and to BF16; the copy bandwidth of memcpy over buffers of the input's
// byte size (read + write counted, pages touched beforehand); and each operation's fraction
// of its memory bound = copy bandwidth / bytes moved per element. Times are the best of
// --repeats runs. A benchmark, not a test: nothing is asserted.

import ArgumentParser
import BlockFormats
import BlockQuantization
import CPUKernels
import CUDABackend
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct BenchQuantize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Benchmark CPU quantization and dequantization against the memory-copy bound.")

    @Option(help: "Rows of the input tensor.") var rows = 8192
    @Option(help: "Columns of the input tensor.") var cols = 8192
    @Option(help: "nvfp4, mxfp4, nvint4 or if4.") var format = "nvfp4"
    @Option(help: "static_6, static_4, mse, mae or abs_max (default: the format's default).") var rule: String?
    @Option(help: "Worker threads (default: active processors).") var threads = CPUParallel.defaultThreadCount
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
        if device == .cuda {
            let gpu = try openCUDA()
            let result = try gpu.benchmark(rows: rows, cols: cols, config: config,
                                           dtype: CUDAElementType(rawValue: dtype)!, repeats: max(repeats, 5))
            print("\(gpu.device.summary)\n" + CUDABenchmarkResult.table([result]))
            return
        }
        let n = rows * cols
        let elementSize = dtype == "f32" ? 4 : 2
        let inputBytes = n * elementSize

        // Input: a seeded, roughly normal tensor with a few outliers.
        let f32 = UnsafeMutableBufferPointer<Float>.allocate(capacity: dtype == "f32" ? n : 0)
        let h16 = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: dtype == "f32" ? 0 : n)
        defer { f32.deallocate(); h16.deallocate() }
        fillInput(f32: f32, h16: h16, n: n)
        let input: TensorElements = dtype == "f32" ? .f32(UnsafeBufferPointer(f32))
            : dtype == "bf16" ? .bf16(UnsafeBufferPointer(h16)) : .f16(UnsafeBufferPointer(h16))

        // Memory-copy bandwidth over buffers of the input's size, pages touched first.
        let copyTime = measureCopy(bytes: inputBytes)
        let copyBandwidth = 2 * Double(inputBytes) / copyTime

        var q: QuantizedTensor?
        let quantizeTime = try best {
            q = try CPUQuantizer.quantize(input, rows: rows, cols: cols, config: config, threads: threads)
        }
        let quantizeCPU = BenchQuantize.lastCPU
        let amaxTime = try best { _ = try CPUQuantizer.amax(input, rows: rows, cols: cols, config: config, threads: threads) }
        let amaxCPU = BenchQuantize.lastCPU
        let tensor = q!
        let outCount = tensor.rows * tensor.cols
        let outF32 = UnsafeMutableBufferPointer<Float>.allocate(capacity: outCount)
        let outBF16 = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: outCount)
        defer { outF32.deallocate(); outBF16.deallocate() }
        outF32.initialize(repeating: 0)
        outBF16.initialize(repeating: 0)
        let dequantF32Time = try best { CPUQuantizer.dequantize(tensor, into: outF32, threads: threads) }
        let dequantF32CPU = BenchQuantize.lastCPU
        let dequantBF16Time = try best { CPUQuantizer.dequantizeBF16(tensor, into: outBF16, threads: threads) }
        let dequantBF16CPU = BenchQuantize.lastCPU

        // Cost of one parallelFor call (waking the workers and joining them), empty body.
        let calls = 200
        let forkStart = now()
        for _ in 0..<calls { CPUParallel.parallelFor(threads, threads: threads) { _ in } }
        let forkJoin = (now() - forkStart) / Double(calls)

        let packed = Double(tensor.codes.count + tensor.scales.count)
        // Bytes each operation must move at least once: input + codes + scales for quantize.
        let quantizeBytes = Double(inputBytes) + packed
        let f32Bytes = packed + 4 * Double(outCount), bf16Bytes = packed + 2 * Double(outCount)
        let ops: [(String, Double, Double, Double, Double)] = [
            ("quantize", quantizeTime, quantizeBytes, Double(n), quantizeCPU),
            ("amax", amaxTime, Double(inputBytes), Double(n), amaxCPU),
            ("dequantize_f32", dequantF32Time, f32Bytes, Double(outCount), dequantF32CPU),
            ("dequantize_bf16", dequantBF16Time, bf16Bytes, Double(outCount), dequantBF16CPU),
        ]
        let label = config.rule.rawValue
        if json {
            var fields = [
                "\"rows\": \(rows)", "\"cols\": \(cols)", "\"format\": \"\(fmt.rawValue)\"", "\"rule\": \"\(label)\"",
                "\"dtype\": \"\(dtype)\"", "\"threads\": \(threads)", "\"repeats\": \(repeats)",
                "\"rht\": \(rht)", "\"transpose\": \(transpose)", "\"block_2d\": \(block2D)", "\"stochastic\": \(stochastic)",
                "\"copy_gb_per_s\": \(fmt3(copyBandwidth / 1e9))",
                "\"parallel_for_overhead_us\": \(fmt1(forkJoin * 1e6))",
                "\"alternative_share\": \(fmt3(tensor.alternativeBlockShare))",
            ]
            for (name, t, bytes, elements, cpu) in ops {
                let bound = copyBandwidth / (bytes / elements)
                fields.append("\"\(name)\": {\"seconds\": \(fmt3(t * 1e3) + "e-3"), \"g_elements_per_s\": \(fmt3(elements / t / 1e9)), "
                    + "\"gb_per_s\": \(fmt3(bytes / t / 1e9)), \"bytes_per_element\": \(fmt3(bytes / elements)), "
                    + "\"memory_bound_g_elements_per_s\": \(fmt3(bound / 1e9)), \"fraction_of_bound\": \(fmt3(elements / t / bound)), "
                    + "\"cpu_seconds\": \(fmt3(cpu * 1e3) + "e-3")}")
            }
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            var options = [String]()
            if transpose { options.append("transpose") }
            if rht { options.append("rht") }
            if block2D { options.append("2-D blocks") }
            if stochastic { options.append("stochastic") }
            print("\(fmt.rawValue) \(label)\(options.isEmpty ? "" : " + " + options.joined(separator: ", ")), "
                + "\(dtype) \(rows)×\(cols), \(threads) thread\(threads == 1 ? "" : "s"), best of \(repeats)")
            print("memory copy: \(fmt3(copyBandwidth / 1e9)) GB/s (read + write); "
                + "parallelFor fork/join: \(fmt1(forkJoin * 1e6)) µs")
            for (name, t, bytes, elements, cpu) in ops {
                let bound = copyBandwidth / (bytes / elements)
                print(pad(name, 16) + "\(fmt3(elements / t / 1e9)) G elements/s  \(fmt3(bytes / t / 1e9)) GB/s  "
                    + "(\(fmt3(bytes / elements)) B/element; bound \(fmt3(bound / 1e9)) G elements/s, "
                    + "\(fmt1(100 * elements / t / bound))% of it)  \(fmt1(t * 1e3)) ms wall, \(fmt1(cpu * 1e3)) ms CPU")
            }
            if config.rule.isAdaptive {
                print("alternative blocks: \(fmt1(100 * tensor.alternativeBlockShare))%")
            }
        }
    }

    /// Best wall time of `repeats` runs of `body` (after one warm-up run). Also records the
    /// process CPU time of the fastest run in `lastCPU` (a load-independent cross-check).
    func best(_ body: () throws -> Void) throws -> Double {
        try body()
        var t = Double.infinity
        for _ in 0..<repeats {
            let start = now(), cpuStart = cpuNow()
            try body()
            let elapsed = now() - start
            if elapsed < t { t = elapsed; BenchQuantize.lastCPU = cpuNow() - cpuStart }
        }
        return t
    }
    nonisolated(unsafe) static var lastCPU = 0.0

    func measureCopy(bytes: Int) -> Double {
        let src = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        let dst = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        defer { src.deallocate(); dst.deallocate() }
        memset(src, 1, bytes)
        memset(dst, 2, bytes)
        var t = Double.infinity
        for _ in 0..<max(repeats, 3) {
            let start = now()
            memcpy(dst, src, bytes)
            t = min(t, now() - start)
        }
        return t
    }

    func fillInput(f32: UnsafeMutableBufferPointer<Float>, h16: UnsafeMutableBufferPointer<UInt16>, n: Int) {
        var s: UInt64 = 0x2545_F491_4F6C_DD1D
        let kind = dtype == "f32" ? 0 : dtype == "bf16" ? 1 : 2
        for i in 0..<n {
            // xorshift64*; the sum of four uniforms approximates a normal; 1 in 4096 is ×50.
            s ^= s >> 12; s ^= s << 25; s ^= s >> 27
            let r = s &* 0x2545_F491_4F6C_DD1D
            var v: Float = 0
            for k in 0..<4 { v += Float((r >> (16 * UInt64(k))) & 0xFFFF) * 0x1p-16 }
            v = (v - 2) * 1.73
            if r >> 52 == 0 { v *= 50 }
            switch kind {
            case 0: f32[i] = v
            case 1: h16[i] = BFloat16.bits(from: v)
            default: h16[i] = Float16Bits.bits(from: v)
            }
        }
    }
}

private func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

private func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
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
