// Seeded inputs for the parity tests: shapes on block boundaries and value distributions
// that stress the rounding paths (ties, tiny magnitudes, outliers, zero blocks).

import BlockFormats
import BlockQuantization
import TestSupport

@testable import CPUKernels

enum Distribution: String, CaseIterable, CustomStringConvertible {
    case normal, heavyTailed, outliers, tiny, zeroBlocks, allZero, ties, mixedScales
    var description: String { rawValue }

    func sample(_ n: Int, cols: Int, seed: UInt64) -> [Float] {
        var g = SplitMix64(seed: seed)
        switch self {
        case .normal:
            return (0..<n).map { _ in g.normal() }
        case .heavyTailed:
            // Student-t-like: normal / sqrt(uniform) (a Cauchy-ish tail), clipped to stay finite.
            return (0..<n).map { _ in
                let d = max(g.uniform(), 1e-6)
                return max(-1e6, min(1e6, g.normal() / (d * d).squareRoot() / d.squareRoot()))
            }
        case .outliers:
            return (0..<n).map { _ in g.uniform() < 0.01 ? g.normal() * 1000 : g.normal() * 0.01 }
        case .tiny:
            // Magnitudes from 1e-30 to 1e-6, per element.
            return (0..<n).map { _ in
                let e = -30 + 24 * g.uniform()
                var v: Float = 1
                for _ in 0..<Int(-e) { v *= 0.1 }
                return v * (1 + g.uniform()) * (g.uniform() < 0.5 ? -1 : 1)
            }
        case .zeroBlocks:
            // Whole 16-column stretches of zeros (and −0) between normal values.
            return (0..<n).map { i in
                let c = i % max(cols, 1)
                if (c / 16) % 3 == 1 { return g.uniform() < 0.5 ? 0 : -0.0 }
                return g.normal()
            }
        case .allZero:
            return [Float](repeating: 0, count: n)
        case .ties:
            // Multiples of 0.25 up to ±8 and E4M3 grid points: after the tensor scale many
            // products land exactly on E2M1 / E4M3 midpoints.
            let grid: [Float] = [0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5, 6, 7, 0.5, 3, 4, 448, 1.0625, 1.1875, 0x1p-10]
            return (0..<n).map { _ in
                let v = grid[Int(g.next() % UInt64(grid.count))] * (g.uniform() < 0.3 ? 0.5 : 1)
                return g.uniform() < 0.5 ? -v : v
            }
        case .mixedScales:
            // Each row has its own magnitude over 40 binades.
            return (0..<n).map { i in
                let row = i / max(cols, 1)
                var s: Float = 1
                let e = (row * 7) % 40 - 20
                for _ in 0..<abs(e) { s = e < 0 ? s * 0.5 : s * 2 }
                return g.normal() * s
            }
        }
    }
}

/// Everything that must match bit for bit between two quantized tensors.
func mismatch(_ a: QuantizedTensor, _ b: QuantizedTensor) -> String? {
    if a.rows != b.rows || a.cols != b.cols || a.paddedCols != b.paddedCols { return "shape" }
    if a.sourceRows != b.sourceRows || a.sourceCols != b.sourceCols { return "source shape" }
    if a.amax.bitPattern != b.amax.bitPattern { return "amax \(a.amax) vs \(b.amax)" }
    if a.config != b.config { return "config" }
    if a.blockCount != b.blockCount { return "blockCount \(a.blockCount) vs \(b.blockCount)" }
    if a.alternativeBlockCount != b.alternativeBlockCount {
        return "alternativeBlockCount \(a.alternativeBlockCount) vs \(b.alternativeBlockCount)"
    }
    if a.scales != b.scales {
        let i = a.scales.indices.first { a.scales[$0] != b.scales[$0] } ?? -1
        return "scales differ at \(i) of \(a.scales.count)"
    }
    if a.codes != b.codes {
        let i = a.codes.indices.first { a.codes[$0] != b.codes[$0] } ?? -1
        return "codes differ at byte \(i) of \(a.codes.count)"
    }
    return nil
}

/// The dequantized F32 and BF16 outputs of the fast path against the reference.
func dequantizeMismatch(_ q: QuantizedTensor, threads: Int) -> String? {
    let expected = ReferenceQuantizer.dequantize(q)
    for isa in availableISAs {
        var got = [Float](repeating: .nan, count: q.rows * q.cols)
        got.withUnsafeMutableBufferPointer {
            CPUQuantizer.dequantize(q, into: $0, threads: threads, minimumPerThread: 1, isa: isa)
        }
        if let difference = bitDifference(got, expected) { return "dequantized (\(isa)): \(difference)" }
        var bf = [UInt16](repeating: 0, count: q.rows * q.cols)
        bf.withUnsafeMutableBufferPointer {
            CPUQuantizer.dequantizeBF16(q, into: $0, threads: threads, minimumPerThread: 1, isa: isa)
        }
        for i in 0..<expected.count where bf[i] != BFloat16.bits(from: expected[i]) {
            return "BF16 dequantized element \(i) (\(isa))"
        }
    }
    return nil
}

/// All option combinations of a format and rule.
func allOptionConfigs(_ format: BlockFormat, _ rule: ScaleRule) -> [QuantizationConfig] {
    var out: [QuantizationConfig] = []
    for transpose in [false, true] {
        for rht in [false, true] {
            for twoD in [false, true] {
                for rounding in [Rounding.nearest, .stochastic(seed: 0xC0FFEE), .stochasticUnbiased(seed: 0xC0FFEE)] {
                    for layout in ScaleLayout.allCases {
                        out.append(
                            QuantizationConfig(
                                format: format, rule: rule, rounding: rounding,
                                transpose: transpose, rht: rht, blockScale2D: twoD, scaleLayout: layout))
                    }
                }
            }
        }
    }
    return out
}

extension QuantizationConfig {
    var label: String {
        var s = "\(format.rawValue)/\(rule.rawValue)"
        if transpose { s += "+T" }
        if rht { s += "+RHT" }
        if blockScale2D { s += "+2D" }
        if case .stochastic = rounding { s += "+SR" }
        if case .stochasticUnbiased = rounding { s += "+SR-unbiased" }
        if scaleLayout == .swizzled128x4 { s += "+swz" }
        return s
    }
}

/// Quantizes with the fast path at several thread counts and the reference; returns the
/// first difference.
func compare(
    _ values: [Float], rows: Int, cols: Int, config: QuantizationConfig, amax: Float? = nil,
    threads: [Int] = [1, 2, 3, 7], checkDequantize: Bool = true
) -> String? {
    let expected: QuantizedTensor
    do { expected = try ReferenceQuantizer.quantize(values, rows: rows, cols: cols, config: config, amax: amax) } catch
    {
        return "reference threw \(error)"
    }
    for isa in availableISAs {
        for t in threads {
            let got: QuantizedTensor
            do {
                got = try values.withUnsafeBufferPointer { b throws(QuantizationError) in
                    try CPUQuantizer.quantize(
                        .f32(b), rows: rows, cols: cols, config: config, amax: amax, threads: t,
                        minimumPerThread: 1, isa: isa)
                }
            } catch { return "fast path (\(isa)) threw \(error)" }
            if let m = mismatch(got, expected) { return "\(config.label) [\(rows)×\(cols)] \(isa) threads \(t): \(m)" }
            if checkDequantize, t <= 2, let m = dequantizeMismatch(got, threads: t) {
                return "\(config.label) [\(rows)×\(cols)] threads \(t): \(m)"
            }
        }
    }
    return nil
}

/// The kernel instruction sets this machine runs: the SIMD4 fallback always, AVX2 where present.
let availableISAs = QuantizationISA.allCases.filter(\.isAvailable)
