// Throughput of the GPU kernels on device-resident data, timed with CUDA events.
//
// Promises: inputs are generated on the device (random, roughly normal with a heavier tail, never
// all zeros) and stay there; every figure is the median over `repeats` samples of back-to-back
// launches after warm-up, measured with events on the same stream; the device-to-device copy
// bandwidth of the same input is measured in the same run, so the kernels can be read against it.
// Bytes are counted as the fewest a kernel must move: each input read once, each output written
// once (quantize: input + codes + scale bytes; dequantize: codes + scale bytes + output; copy:
// read + write). `json` is one result as one line of JSON for other tools.

import BlockFormats
import BlockQuantization
import JSONText
import ReportText

public struct CUDABenchmarkResult: Sendable, CustomStringConvertible {
    /// The GPU, e.g. "NVIDIA H200 (sm_90, 132 SMs, …)".
    public let device: String
    public let rows: Int
    public let cols: Int
    public let elementType: CUDAElementType
    public let config: QuantizationConfig
    /// The quantization kernel alone, with the tensor amax already on the device (supplied or
    /// computed earlier), seconds per call.
    public let quantizeSeconds: Double
    /// The amax pass alone (zeroing included).
    public let amaxSeconds: Double
    /// What `quantize` costs when the amax is not supplied: amax pass, then the kernel.
    public let pipelineSeconds: Double
    /// Dequantization to the input's element type.
    public let dequantizeSeconds: Double
    /// `cuMemcpyDtoD` of the input buffer.
    public let copySeconds: Double
    public let quantizeBytes: Int
    public let dequantizeBytes: Int
    public let copyBytes: Int
    /// Share of blocks that chose the alternative candidate (scale to 4, or INT for IF4).
    public let alternativeShare: Double

    public var elements: Int { rows * cols }
    public var quantizeElementsPerSecond: Double { Double(elements) / quantizeSeconds }
    public var pipelineElementsPerSecond: Double { Double(elements) / pipelineSeconds }
    public var dequantizeElementsPerSecond: Double { Double(elements) / dequantizeSeconds }
    public var quantizeBytesPerSecond: Double { Double(quantizeBytes) / quantizeSeconds }
    public var dequantizeBytesPerSecond: Double { Double(dequantizeBytes) / dequantizeSeconds }
    public var copyBytesPerSecond: Double { Double(copyBytes) / copySeconds }

    /// A short name of the configuration: "nvfp4 mse +rht +transpose", …
    public var label: String { CUDABenchmarkResult.label(config) }

    static func label(_ c: QuantizationConfig) -> String {
        var s = "\(c.format.rawValue) \(c.rule.rawValue)"
        if c.rht { s += " +rht" }
        if c.transpose { s += " +transpose" }
        if c.blockScale2D { s += " +2d" }
        if case .stochastic = c.rounding { s += " +stochastic" }
        if c.scaleLayout == .swizzled128x4 { s += " +swizzled" }
        return s
    }

    public var description: String {
        return "\(label) [\(rows)×\(cols) \(elementType.rawValue)]: quantize \(microseconds(quantizeSeconds)) µs "
            + "(\(giga(quantizeElementsPerSecond)) G el/s, \(giga(quantizeBytesPerSecond)) GB/s), "
            + "with amax pass \(microseconds(pipelineSeconds)) µs (\(giga(pipelineElementsPerSecond)) G el/s), "
            + "dequantize \(microseconds(dequantizeSeconds)) µs (\(giga(dequantizeElementsPerSecond)) G el/s), "
            + "copy \(fixedDecimal(copyBytesPerSecond / 1e12, 2)) TB/s"
    }

    /// A Markdown table of results (one row each).
    public static func table(_ results: [CUDABenchmarkResult]) -> String {
        var lines = [
            "| config | quantize µs | G el/s | GB/s | % of copy BW | with amax pass µs | G el/s | dequantize µs | "
                + "G el/s | GB/s | D2D copy TB/s | alt. blocks |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results {
            let share = r.quantizeBytesPerSecond / r.copyBytesPerSecond * 100
            lines.append(
                "| \(r.label) | \(microseconds(r.quantizeSeconds)) | \(giga(r.quantizeElementsPerSecond)) | "
                    + "\(giga(r.quantizeBytesPerSecond)) | \(fixedDecimal(share, 0))% | "
                    + "\(microseconds(r.pipelineSeconds)) | \(giga(r.pipelineElementsPerSecond)) | "
                    + "\(microseconds(r.dequantizeSeconds)) | \(giga(r.dequantizeElementsPerSecond)) | "
                    + "\(giga(r.dequantizeBytesPerSecond)) | \(fixedDecimal(r.copyBytesPerSecond / 1e12, 2)) | "
                    + "\(fixedDecimal(r.alternativeShare * 100, 1))% |"
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension CUDABenchmarkResult {
    /// The result as one line of JSON (what `bench quantize --device cuda --json` prints): the
    /// configuration, the copy bandwidth, the alternative share and, for each of "quantize" (amax on
    /// the device), "amax", "quantize_with_amax" and "dequantize_<dtype>", seconds (as µs with an
    /// "e-6" exponent), G elements/s and GB/s; "quantize" and "dequantize" also give the copy-bound
    /// rate and the fraction of it reached (the amax pass reads the input only, so its bound is the
    /// copy's read half). Numbers have 3 decimals.
    public var json: String {
        func number(_ x: Double) -> String { x.isFinite ? fixedDecimal(x, 3) : "0" }
        let n = Double(elements), copyRate = copyBytesPerSecond
        func operation(_ name: String, seconds: Double, bytes: Double, boundBytesPerSecond: Double) -> String {
            let rate = n / seconds, bound = n / (bytes / boundBytesPerSecond)
            return
                "\"\(name)\": {\"seconds\": \(number(seconds * 1e6))e-6, \"g_elements_per_s\": \(number(rate / 1e9)), "
                + "\"gb_per_s\": \(number(bytes / seconds / 1e9)), \"bytes_per_element\": \(number(bytes / n)), "
                + "\"memory_bound_g_elements_per_s\": \(number(bound / 1e9)), "
                + "\"fraction_of_bound\": \(number(rate / bound))}"
        }
        var unbiased = false
        if case .stochasticUnbiased = config.rounding { unbiased = true }
        let inputBytes = Double(elements * elementType.byteSize)
        let fields = [
            "\"device\": \(jsonQuoted(device))", "\"rows\": \(rows)", "\"cols\": \(cols)",
            "\"format\": \"\(config.format.rawValue)\"", "\"rule\": \"\(config.rule.rawValue)\"",
            "\"dtype\": \"\(elementType.rawValue)\"", "\"rht\": \(config.rht)", "\"transpose\": \(config.transpose)",
            "\"block_2d\": \(config.blockScale2D)", "\"stochastic\": \(config.rounding != .nearest)",
            "\"unbiased\": \(unbiased)", "\"copy_gb_per_s\": \(number(copyRate / 1e9))",
            "\"alternative_share\": \(number(alternativeShare))",
            operation(
                "quantize", seconds: quantizeSeconds, bytes: Double(quantizeBytes), boundBytesPerSecond: copyRate),
            operation("amax", seconds: amaxSeconds, bytes: inputBytes, boundBytesPerSecond: copyRate),
            operation(
                "quantize_with_amax", seconds: pipelineSeconds, bytes: Double(quantizeBytes) + inputBytes,
                boundBytesPerSecond: copyRate),
            operation(
                "dequantize_\(elementType.rawValue)", seconds: dequantizeSeconds, bytes: Double(dequantizeBytes),
                boundBytesPerSecond: copyRate),
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

/// Seconds as microseconds with one decimal; a rate in 10⁹ per second without decimals.
private func microseconds(_ seconds: Double) -> String { fixedDecimal(seconds * 1e6, 1) }
private func giga(_ perSecond: Double) -> String { fixedDecimal(perSecond / 1e9, 0) }

extension CUDAQuantizer {
    /// Times one configuration on a device-resident `[rows, cols]` input (see `benchmark(rows:cols:configs:…)`).
    public func benchmark(
        rows: Int, cols: Int, config: QuantizationConfig, dtype: CUDAElementType = .bf16,
        repeats: Int = 20
    ) throws -> CUDABenchmarkResult {
        try benchmark(rows: rows, cols: cols, configs: [config], dtype: dtype, repeats: repeats)[0]
    }

    /// Times several configurations on one device-resident random `[rows, cols]` input of
    /// `dtype`: for each, the quantization kernel (amax on the device), the amax pass, both
    /// together, dequantization to `dtype`, and the device-to-device copy of the input.
    /// Each figure is the median of `repeats` samples of 10 back-to-back calls, after warm-up.
    public func benchmark(
        rows: Int, cols: Int, configs: [QuantizationConfig], dtype: CUDAElementType = .bf16,
        repeats: Int = 20, seed: UInt64 = 0x4F53_6978
    ) throws -> [CUDABenchmarkResult] {
        precondition(rows > 0 && cols > 0 && repeats > 0, "benchmark needs a non-empty tensor and repeats > 0")
        let n = rows * cols
        let input = try device.allocate(bytes: n * dtype.byteSize)
        let copyTarget = try device.allocate(bytes: n * dtype.byteSize)
        let sms = max(device.multiprocessorCount, 1)
        try device.launch(
            function("fos_fill_random", dtype), blocks: sms * 16, threads: 256,
            [.buffer(input), .uint64(UInt64(n)), .uint64(seed)])
        let copySeconds = try time(repeats: repeats) {
            try device.copy(from: input, to: copyTarget, bytes: n * dtype.byteSize)
        }
        var results: [CUDABenchmarkResult] = []
        for config in configs {
            try config.validate()
            let plan = try QuantizationPlan(QuantizationGeometry(rows: rows, cols: cols, config: config))
            let buffers = PlanBuffers(
                input: input, amax: try device.allocate(bytes: 4),
                codes: try device.allocate(bytes: plan.geometry.codeByteCount),
                scales: try device.allocate(bytes: plan.geometry.scaleByteCount),
                alternatives: try device.allocate(bytes: 4))
            // One full run first: the amax stays on the device for the kernel-only timing.
            try run(plan, buffers, elementType: dtype, amax: nil)
            let amax = Float(bitPattern: try device.download(buffers.amax, count: 1, as: UInt32.self)[0])
            let alternatives = try device.download(buffers.alternatives, count: 1, as: UInt32.self)[0]
            let quantizeSeconds = try time(repeats: repeats) {
                try launchQuantize(plan, buffers, dtype, resetOutputs: false)
            }
            let amaxSeconds =
                config.format == .mxfp4
                ? 0
                : try time(repeats: repeats) { try launchAmax(plan, buffers, dtype) }
            let pipelineSeconds = try time(repeats: repeats) {
                if config.format != .mxfp4 { try launchAmax(plan, buffers, dtype) }
                try launchQuantize(plan, buffers, dtype, resetOutputs: false)
            }
            let shape = DequantizationShape(plan: plan, amax: amax)
            let output = try device.allocate(bytes: shape.rows * shape.cols * dtype.byteSize)
            let dequantizeSeconds = try time(repeats: repeats) {
                try launchDequantize(
                    q: shape, codes: buffers.codes, scales: buffers.scales, output: output,
                    outputType: dtype)
            }
            let codesAndScales = plan.geometry.codeByteCount + plan.geometry.scaleByteCount
            results.append(
                CUDABenchmarkResult(
                    device: device.summary, rows: rows, cols: cols, elementType: dtype, config: config,
                    quantizeSeconds: quantizeSeconds, amaxSeconds: amaxSeconds, pipelineSeconds: pipelineSeconds,
                    dequantizeSeconds: dequantizeSeconds, copySeconds: copySeconds,
                    quantizeBytes: n * dtype.byteSize + codesAndScales,
                    dequantizeBytes: codesAndScales + shape.rows * shape.cols * dtype.byteSize,
                    copyBytes: 2 * n * dtype.byteSize,
                    alternativeShare: plan.geometry.blockCount == 0
                        ? 0 : Double(alternatives) / Double(plan.geometry.blockCount)))
        }
        return results
    }

    /// Median seconds per call of `body` over `repeats` samples of `inner` calls (events on the
    /// default stream), after 3 warm-up calls.
    func time(repeats: Int, inner: Int = 10, _ body: () throws -> Void) throws -> Double {
        for _ in 0..<3 { try body() }
        try device.synchronize()
        let start = try device.makeEvent(), stop = try device.makeEvent()
        var samples: [Double] = []
        for _ in 0..<repeats {
            try device.record(start)
            for _ in 0..<inner { try body() }
            try device.record(stop)
            samples.append(try device.elapsedMilliseconds(from: start, to: stop) / 1000 / Double(inner))
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
