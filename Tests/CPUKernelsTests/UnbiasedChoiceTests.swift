// `Rounding.stochasticUnbiased`: the adaptive rules (NVFP4 4/6, IF4) choose their candidate
// from the round-to-nearest errors, then round the chosen one stochastically.
//
// Checked here: the CPU fast path equals the scalar reference bit for bit (every adaptive
// format and rule, 1-D and 2-D, transposed, RHT, thread counts 1, 2, 3, 7); the choice (scale
// bytes, IF4 flags and the count of alternative blocks) is exactly round-to-nearest's; the
// codes are stochastic (they differ from round-to-nearest's and from the realized-error
// choice); the static rules give `stochastic`'s bytes; and over many seeds the dequantized
// values are unbiased, while the realized-error choice of the reference is measurably biased.

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct UnbiasedChoiceTests {
    static let adaptive = formatRules.filter { $0.1.isAdaptive }

    static func quantize(_ v: [Float], _ rows: Int, _ cols: Int, _ config: QuantizationConfig, threads: Int = 2) throws
        -> QuantizedTensor
    {
        try v.withUnsafeBufferPointer { b throws(QuantizationError) in
            try CPUQuantizer.quantize(
                .f32(b), rows: rows, cols: cols, config: config, amax: nil, threads: threads,
                minimumPerThread: 1)
        }
    }

    @Test(arguments: adaptive.map { "\($0.0.rawValue)/\($0.1.rawValue)" })
    func fastPathEqualsReferenceAndChoosesLikeNearest(_ name: String) throws {
        let (format, rule) = Self.adaptive.first { "\($0.0.rawValue)/\($0.1.rawValue)" == name }!
        let (rows, cols) = (33, 70)
        var differsFromNearest = false, differsFromRealized = false
        for (i, (transpose, rht, twoD)) in [
            (false, false, false), (true, false, false), (false, true, false),
            (false, false, true), (true, true, false),
        ].enumerated() {
            let dist: Distribution = [.normal, .heavyTailed, .outliers, .ties, .mixedScales][i]
            let values = dist.sample(rows * cols, cols: cols, seed: UInt64(40 + i))
            func config(_ r: Rounding) -> QuantizationConfig {
                QuantizationConfig(
                    format: format, rule: rule, rounding: r, transpose: transpose, rht: rht, blockScale2D: twoD)
            }
            let unbiased = config(.stochasticUnbiased(seed: 77))
            #expect(
                compare(values, rows: rows, cols: cols, config: unbiased, threads: [1, 2, 3, 7]) == nil,
                "\(compare(values, rows: rows, cols: cols, config: unbiased, threads: [1, 2, 3, 7]) ?? "")")
            let u = try Self.quantize(values, rows, cols, unbiased)
            let nearest = try Self.quantize(values, rows, cols, config(.nearest))
            let realized = try Self.quantize(values, rows, cols, config(.stochastic(seed: 77)))
            #expect(u.scales == nearest.scales, "\(unbiased.label): the choice is round-to-nearest's")
            #expect(u.alternativeBlockCount == nearest.alternativeBlockCount)
            differsFromNearest = differsFromNearest || u.codes != nearest.codes
            differsFromRealized = differsFromRealized || u.codes != realized.codes || u.scales != realized.scales
        }
        #expect(differsFromNearest && differsFromRealized)
    }

    @Test func staticRulesRoundAsStochastic() throws {
        let (rows, cols) = (9, 64)
        let values = Distribution.normal.sample(rows * cols, cols: cols, seed: 3)
        for (format, rule) in formatRules where !rule.isAdaptive {
            for twoD in [false, true] {
                let a = try Self.quantize(
                    values, rows, cols,
                    QuantizationConfig(
                        format: format, rule: rule,
                        rounding: .stochasticUnbiased(seed: 5), blockScale2D: twoD))
                let b = try Self.quantize(
                    values, rows, cols,
                    QuantizationConfig(
                        format: format, rule: rule,
                        rounding: .stochastic(seed: 5), blockScale2D: twoD))
                #expect(a.codes == b.codes && a.scales == b.scales, "\(format.rawValue)/\(rule.rawValue) 2-D \(twoD)")
            }
        }
    }

    /// χ² = Σ_i bias_i² / (var_i / n) over elements with a non-zero spread, where bias_i is the
    /// mean over n seeds of (dequantized − x) and var_i its sample variance. Unbiased rounding
    /// gives about one per element (a standard deviation of √(2m) for m elements).
    static func chiSquare(_ values: [Float], rows: Int, cols: Int, rounding: (UInt64) -> Rounding, seeds n: Int) throws
        -> (chi2: Double, elements: Int)
    {
        var sum = [Double](repeating: 0, count: values.count), sq = sum
        for s in 0..<n {
            let q = try quantize(
                values, rows, cols, QuantizationConfig(format: .nvfp4, rule: .mse, rounding: rounding(UInt64(s))))
            let d = ReferenceQuantizer.dequantize(q)
            for i in values.indices {
                let e = Double(d[i]) - Double(values[i])
                sum[i] += e
                sq[i] += e * e
            }
        }
        var chi2 = 0.0, m = 0
        for i in values.indices {
            let mean = sum[i] / Double(n), variance = (sq[i] - Double(n) * mean * mean) / Double(n - 1)
            guard variance > 1e-12 * max(1e-30, Double(values[i] * values[i])) else { continue }
            chi2 += mean * mean / (variance / Double(n))
            m += 1
        }
        return (chi2, m)
    }

    @Test func unbiasedOverSeedsWhereTheRealizedChoiceIsBiased() throws {
        let (rows, cols) = (16, 16)
        let values = Distribution.normal.sample(rows * cols, cols: cols, seed: 11)
        let n = 1500
        let unbiased = try Self.chiSquare(
            values, rows: rows, cols: cols, rounding: { .stochasticUnbiased(seed: $0) }, seeds: n)
        let realized = try Self.chiSquare(values, rows: rows, cols: cols, rounding: { .stochastic(seed: $0) }, seeds: n)
        let m = Double(unbiased.elements), limit = m + 6 * (2 * m).squareRoot()
        #expect(unbiased.elements > rows * cols / 2)
        #expect(unbiased.chi2 < limit, "unbiased: χ² \(unbiased.chi2) over \(unbiased.elements) elements")
        #expect(realized.chi2 > 2 * limit, "realized choice: χ² \(realized.chi2) over \(realized.elements) elements")
    }
}
