// Shared support of the CUDA tests: the one GPU quantizer of the test process (or why there is
// none), seeded inputs, and the bit-for-bit comparison of a GPU result with the CPU reference.
//
// Promises: `GPU.opened` is computed once and prints either the device or the skip reason;
// `expectParity` records an issue naming the configuration and the first differing positions
// whenever codes, scale bytes, amax, block counts or dequantized values differ by a single bit.

import BlockFormats
import BlockQuantization
import CPUKernels
import CUDABackend
import TestSupport
import Testing

enum GPU {
    static let opened: Result<CUDAQuantizer, CUDAUnavailable> = {
        let result = CUDAQuantizer.open()
        switch result {
        case .success(let q):
            let compile = (try? q.compileSeconds()) ?? 0
            let hw = (try? q.usesHardwareFP4()) ?? false
            print(
                "CUDA tests run on \(q.device.summary); BF16 kernels compiled in \(fmt2(compile)) s"
                    + (hw ? " (hardware FP4 conversion)" : " (software FP4 conversion)"))
        case .failure(let why):
            print("CUDA tests skipped: \(why)")
        }
        return result
    }()

    static var available: Bool {
        if case .success = opened { return true }
        return false
    }

    static var quantizer: CUDAQuantizer {
        get throws { try opened.get() }
    }
}

func fmt2(_ x: Double) -> String {
    let n = Int((x * 100).rounded())
    return "\(n / 100).\(n % 100 < 10 ? "0" : "")\(n % 100)"
}

/// Input value distributions, chosen to reach every branch of the codecs.
enum Distribution: String, CaseIterable, Sendable {
    case normal, outliers, smallUniform, tiny, wideRange, huge, sparseSignedZeros, gridTies, constant, zeros,
        hugeBesideLeast

    func values(count: Int, seed: UInt64) -> [Float] {
        var g = SplitMix64(seed: seed)
        switch self {
        case .normal:
            return (0..<count).map { _ in g.normal() }
        case .outliers:
            return (0..<count).map { i in g.normal() * (i % 37 == 5 ? 60 : 1) }
        case .smallUniform:
            return (0..<count).map { _ in (g.uniform() * 2 - 1) * 1e-3 }
        case .tiny:
            // Small, but with M·S / amax still finite (below amax ≈ 1e-35 the tensor scale
            // overflows and every quantizer stores the tensor as zeros; see `suppliedAmax`).
            return (0..<count).map { _ in g.normal() * 1e-30 }
        case .wideRange:
            // Magnitudes over 16 decades: blocks far below amax get subnormal E4M3 scales or 0.
            return (0..<count).map { _ in g.normal() * pow10(-Int(g.next() % 16)) }
        case .huge:
            return (0..<count).map { _ in g.normal() * 1e30 }
        case .sparseSignedZeros:
            return (0..<count).map { i in
                switch g.next() % 4 {
                case 0: return 0;
                case 1: return -0.0;
                default: return g.normal() * Float(i % 5 + 1)
                }
            }
        case .gridTies:
            // Multiples of 1/8 up to ±8 (plus one 6 per 16 so block maxima sit on grid points):
            // many elements land exactly on E2M1 and E4M3 rounding ties.
            return (0..<count).map { i in
                i % 16 == 3 ? 6 : Float(Int(g.next() % 129) - 64) / 8
            }
        case .hugeBesideLeast:
            // Every 17th value a maximum between 1 and 2^26 (so at most one in any 16 along a row
            // and, for row lengths not a multiple of 17, down a column), the rest ±2^-120 …
            // ±2^-149 or -0: in blocks with large maxima x · k rounds to ±0 (the code keeps the
            // product's sign, not x's), in the others it does not.
            return (0..<count).map { i in
                if i % 17 == 0 { return Float(sign: .plus, exponent: (i / 17 * 7) % 26, significand: 1 + g.uniform()) }
                let sign: FloatingPointSign = g.next() % 2 == 0 ? .minus : .plus
                return g.next() % 8 == 0 ? -0.0 : Float(sign: sign, exponent: -120 - Int(g.next() % 30), significand: 1)
            }
        case .constant:
            return [Float](repeating: 0.75, count: count)
        case .zeros:
            return [Float](repeating: 0, count: count)
        }
    }
}

func pow10(_ k: Int) -> Float {
    var v: Float = 1
    for _ in 0..<abs(k) { v *= 10 }
    return k < 0 ? 1 / v : v
}

/// A test input held in host memory in one element type (arrays that own what a
/// `TensorElements` view reads).
enum HostTensor {
    case f32([Float])
    /// BF16 bit patterns.
    case bf16([UInt16])
    /// IEEE binary16 bit patterns.
    case f16([UInt16])

    func withElements<R>(_ body: (TensorElements) throws -> R) rethrows -> R {
        switch self {
        case .f32(let v): return try v.withUnsafeBufferPointer { try body(.f32($0)) }
        case .bf16(let v): return try v.withUnsafeBufferPointer { try body(.bf16($0)) }
        case .f16(let v): return try v.withUnsafeBufferPointer { try body(.f16($0)) }
        }
    }
}

/// `values` rounded to the element type, and the host tensor holding them.
func hostTensor(_ values: [Float], _ type: CUDAElementType) -> (floats: [Float], tensor: HostTensor) {
    switch type {
    case .f32:
        return (values, .f32(values))
    case .bf16:
        let bits = values.map(BFloat16.bits(from:))
        return (bits.map(BFloat16.float(fromBits:)), .bf16(bits))
    case .f16:
        let bits = values.map { Float16Bits.bits(from: max(min($0, 65504), -65504)) }
        return (bits.map(Float16Bits.float(fromBits:)), .f16(bits))
    }
}

/// Quantizes on the CPU reference and on the GPU and records every difference; also checks the
/// GPU dequantizer against the reference's on the reference's output.
func expectParity(
    _ floats: [Float], _ tensor: HostTensor, rows: Int, cols: Int, config: QuantizationConfig,
    amax: Float? = nil, label: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let gpu = try GPU.quantizer
    let expected = try ReferenceQuantizer.quantize(floats, rows: rows, cols: cols, config: config, amax: amax)
    let got = try tensor.withElements { try gpu.quantize($0, rows: rows, cols: cols, config: config, amax: amax) }
    var problems: [String] = []
    if (got.rows, got.cols, got.paddedCols, got.sourceRows, got.sourceCols)
        != (expected.rows, expected.cols, expected.paddedCols, expected.sourceRows, expected.sourceCols)
    {
        problems.append(
            "shape \(got.rows)×\(got.cols)/\(got.paddedCols) "
                + "vs \(expected.rows)×\(expected.cols)/\(expected.paddedCols)"
        )
    }
    if got.config != expected.config { problems.append("config differs") }
    if got.amax.bitPattern != expected.amax.bitPattern { problems.append("amax \(got.amax) vs \(expected.amax)") }
    if got.codes != expected.codes { problems.append("codes: " + firstDifferences(got.codes, expected.codes)) }
    if got.scales != expected.scales {
        problems.append("scale bytes: " + firstDifferences(got.scales, expected.scales))
    }
    if got.alternativeBlockCount != expected.alternativeBlockCount || got.blockCount != expected.blockCount {
        problems.append(
            "blocks \(got.alternativeBlockCount)/\(got.blockCount) "
                + "vs \(expected.alternativeBlockCount)/\(expected.blockCount)"
        )
    }
    // The fast CPU path must agree too (same contract, bit for bit).
    let cpu = try tensor.withElements {
        try CPUQuantizer.quantize($0, rows: rows, cols: cols, config: config, amax: amax, threads: 2)
    }
    if cpu != expected { problems.append("CPUQuantizer differs from ReferenceQuantizer") }
    let deqExpected = ReferenceQuantizer.dequantize(expected)
    let deqGot = try gpu.dequantize(expected)
    if let difference = bitDifference(deqGot, deqExpected) {
        problems.append("dequantized: " + difference)
    }
    if !problems.isEmpty {
        Issue.record("\(label): \(problems.joined(separator: "; "))", sourceLocation: sourceLocation)
    }
}

func firstDifferences<T: Equatable>(_ a: [T], _ b: [T], limit: Int = 4) -> String {
    guard a.count == b.count else { return "count \(a.count) vs \(b.count)" }
    var shown: [String] = []
    var total = 0
    for i in 0..<a.count where a[i] != b[i] {
        total += 1
        if shown.count < limit { shown.append("[\(i)] \(a[i]) vs \(b[i])") }
    }
    return "\(total) differ, e.g. " + shown.joined(separator: ", ")
}

/// Every (format, rule) pair the quantizers accept.
let formatRules: [(BlockFormat, ScaleRule)] = BlockFormat.allCases.flatMap { f in f.supportedRules.map { (f, $0) } }

/// Every configuration: format × rule × rounding (nearest, stochastic, stochastic with the unbiased
/// 4/6 choice) × transpose × RHT × 2-D; every third one with the swizzled scale layout.
let allConfigs: [QuantizationConfig] = {
    var list: [QuantizationConfig] = []
    for (format, rule) in formatRules {
        for roundingKind in 0..<3 {
            for transpose in [false, true] {
                for rht in [false, true] {
                    for twoD in [false, true] {
                        let seed = UInt64(list.count) &* 7919 &+ 17
                        let rounding: Rounding = [.nearest, .stochastic(seed: seed), .stochasticUnbiased(seed: seed)][
                            roundingKind]
                        list.append(
                            QuantizationConfig(
                                format: format, rule: rule, rounding: rounding, transpose: transpose, rht: rht,
                                blockScale2D: twoD, scaleLayout: list.count % 3 == 1 ? .swizzled128x4 : .rowMajor))
                    }
                }
            }
        }
    }
    return list
}()

func describe(_ c: QuantizationConfig) -> String {
    var s = "\(c.format.rawValue).\(c.rule.rawValue)"
    if c.transpose { s += "+transpose" }
    if c.rht { s += "+rht" }
    if c.blockScale2D { s += "+2d" }
    if case .stochastic(let seed) = c.rounding { s += "+stochastic(\(seed))" }
    if case .stochasticUnbiased(let seed) = c.rounding { s += "+stochastic-unbiased(\(seed))" }
    if c.scaleLayout == .swizzled128x4 { s += "+swizzled" }
    return s
}
