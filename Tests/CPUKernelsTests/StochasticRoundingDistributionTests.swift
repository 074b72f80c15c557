// Stochastic rounding, element by element, over many seeds, for the reference and the CPU kernels.
//
// The published reference draws its noise from the device RNG (torch.rand), which cannot be
// reproduced here, so its rounding is checked by its distribution instead: for fixed inputs,
// each element lands only on the two FP4 grid values around it, and on the upper one with the
// frequency that makes the rounding unbiased. The grid, the neighbours and the expected
// frequencies are worked out here from the spec (§1: rne(2a + r)/2, rne(a + r), 2·rne(a/2 + r)
// with r uniform in [−0.5, 0.5), saturated at 6), not with the library's codecs or multipliers.
// Block scales are chosen so that every scaled value y = x / (block scale · dec) is exact:
// the supplied amax makes enc = M·S / amax = 1 and each block maximum makes its E4M3 scale a
// power of two 2^j, so y = x · 2^-j.

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct StochasticRoundingDistributionTests {
    /// E2M1 magnitudes (spec §1), in code order.
    static let grid: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]

    /// Seeds per element. With p the probability of the upper neighbour, the count of upper
    /// outcomes is Binomial(n, p); the test allows 5 standard deviations plus 1 (the noise is on
    /// a 2^-24 grid, so p is exact only to about 2^-24 · n < 1 count). A correct rounding lands
    /// outside with probability about 6e-7 per element (under 1e-4 over every element checked
    /// here; and the seeds are fixed, so the outcome is too); a rounding biased by 0.06 in p
    /// (at p = ½) is outside.
    static let seeds = 3000
    static let sigmas = 5.0

    /// One probed element: its row and column in the quantized tensor and its scaled value y.
    struct Probe {
        var row: Int, col: Int, y: Double
        /// The grid neighbours lo ≤ |y| ≤ hi (the spec's segments give exactly these).
        var lo: Double { StochasticRoundingDistributionTests.grid.last { $0 <= Swift.abs(y) }! }
        var hi: Double { StochasticRoundingDistributionTests.grid.first { $0 >= Swift.abs(y) }! }
        /// P(hi) for an unbiased rounding: E[value] = |y|.
        var pUpper: Double { (Swift.abs(y) - lo) / (hi - lo) }
    }

    /// A test tensor of 16-column rows (one block each), the probes, and the scale byte each
    /// row must store.
    struct Case {
        var x: [Float] = []
        var probes: [Probe] = []
        var scaleBytes: [UInt8] = []
        var rows: Int { scaleBytes.count }

        /// A row with scale 2^j: x = y · 2^j for the 16 values of `y`; `probed` columns are checked.
        mutating func addRow(_ y: [Double], scale j: Int, probed: [Int]) {
            precondition(y.count == 16)
            let row = rows
            x += y.map { Float($0) * Float(sign: .plus, exponent: j, significand: 1) }
            probes += probed.map { Probe(row: row, col: $0, y: Double(Float(y[$0]))) }
            scaleBytes.append(UInt8((j + 7) << 3))  // E4M3 2^j: exponent field j + 7, mantissa 0
        }
    }

    /// Decodes code c of element (r, c): the low nibble holds even columns (spec §1 packing).
    static func code(_ q: QuantizedTensor, _ r: Int, _ c: Int) -> UInt8 {
        let byte = q.codes[r * q.packedRowBytes + c / 2]
        return c % 2 == 0 ? byte & 0xF : byte >> 4
    }

    /// Quantizes `testCase` with `seeds` seeds on both quantizers and checks every probe.
    func check(_ testCase: Case, rule: ScaleRule, amax: Float, alternativeRows: Int) throws {
        let rows = testCase.rows
        for quantizer in ["reference", "CPU"] {
            var upper = [Int](repeating: 0, count: testCase.probes.count)
            var misses: [String] = []
            for seed in 0..<UInt64(Self.seeds) {
                let config = QuantizationConfig(
                    format: .nvfp4, rule: rule, rounding: .stochastic(seed: seed &* 7919 &+ 1))
                let q: QuantizedTensor
                if quantizer == "reference" {
                    q = try ReferenceQuantizer.quantize(testCase.x, rows: rows, cols: 16, config: config, amax: amax)
                } else {
                    q = try testCase.x.withUnsafeBufferPointer { b throws(QuantizationError) in
                        try CPUQuantizer.quantize(
                            .f32(b), rows: rows, cols: 16, config: config, amax: amax,
                            threads: 2, minimumPerThread: 1)
                    }
                }
                // The designed candidate was chosen in every block.
                guard q.scales == testCase.scaleBytes, q.alternativeBlockCount == alternativeRows else {
                    Issue.record(
                        "\(quantizer) seed \(seed): scales \(q.scales), \(q.alternativeBlockCount) alternative")
                    return
                }
                for (k, p) in testCase.probes.enumerated() {
                    let c = Self.code(q, p.row, p.col)
                    let magnitude = Self.grid[Int(c & 7)]
                    // The sign is kept (also when the magnitude rounds to 0).
                    let signOK = (c & 8 != 0) == (p.y < 0)
                    if magnitude == p.hi && p.hi != p.lo { upper[k] += 1 }
                    if !signOK || (magnitude != p.lo && magnitude != p.hi), misses.count < 5 {
                        misses.append("(\(p.row), \(p.col)) y = \(p.y): code \(c) is not ±\(p.lo) or ±\(p.hi)")
                    }
                }
            }
            #expect(misses.isEmpty, "\(quantizer) \(rule): \(misses)")
            let n = Double(Self.seeds)
            for (k, p) in testCase.probes.enumerated() {
                let expected = n * p.pUpper
                let tolerance = Self.sigmas * (n * p.pUpper * (1 - p.pUpper)).squareRoot() + 1
                #expect(
                    Swift.abs(Double(upper[k]) - expected) <= tolerance,
                    """
                    \(quantizer) \(rule) (\(p.row), \(p.col)) y = \(p.y): \(upper[k]) of \(Self.seeds) rounded up \
                    to \(p.hi), expected \(expected) ± \(tolerance)
                    """
                )
            }
        }
    }

    /// Standard NVFP4: amax 2688 = M·S gives enc = 1; each row's maximum 6 · 2^j gives the
    /// scale (6 · 2^j / 6) · 1 = 2^j. Probes cover all three segments of the spec's rounding
    /// (below 2, 2…4, 4…6), both signs, and upper-neighbour probabilities from 0.2 to about 0.9.
    @Test func static6LandsOnNeighboursWithUnbiasedFrequencies() throws {
        let y: [Double] = [6, 0.1, -0.3, 0.7, -0.95, 1.2, -1.45, 1.8, -2.25, 2.6, -2.9, 3.3, -3.75, 4.4, -5.1, 5.7]
        var testCase = Case()
        for j in [-3, 0, 2, 5] { testCase.addRow(y, scale: j, probed: Array(1..<16)) }
        #expect(testCase.probes.allSatisfy { $0.pUpper >= 0.15 && $0.pUpper <= 0.95 })
        try check(testCase, rule: .static6, amax: 2688, alternativeRows: 0)
    }

    /// The 4/6 rule `mae` (amax 1536 = M·S, enc = 1), on blocks built so that one candidate
    /// wins under every draw, so each probe's distribution is that of one candidate:
    /// - scale-to-6 rows: maximum 6 · 2^j (scale 2^j); eleven ±4 (exact for the 6 candidate;
    ///   the 4 candidate, scale 1.5 · 2^j, puts 4 at 2.67 and misses it by at least 0.5 each,
    ///   5.5 in all), and probes whose 6-candidate errors are at most 0.5, 0.5, 1 and 2 (4 in all).
    /// - scale-to-4 rows: maximum 4 · 2^j, so the 4 candidate's scale is E4M3(1.5 · 4/6) = 2^j;
    ///   eleven ±3 (exact for it; the 6 candidate's scale E4M3(2/3) = 0.6875 · 2^j misses each
    ///   by at least 0.25, and the maximum by 0.125: 2.875 in all) and four probes below 2
    ///   (errors at most 0.5 each, 2 in all).
    @Test func fourOverSixLandsOnNeighboursWithUnbiasedFrequencies() throws {
        let six: [Double] = [4, -4, 0.4, 4, -4, 1.3, 4, 6, -4, 2.6, 4, -4, 4.7, -4, 4, -4]
        let four: [Double] = [3, -0.3, 3, -3, 0.8, 3, -3, 1.3, 3, 4, -3, 3, -1.7, -3, 3, 3]
        var testCase = Case()
        testCase.addRow(six, scale: -2, probed: [2, 5, 9, 12])
        testCase.addRow(four, scale: -2, probed: [1, 4, 7, 12])
        testCase.addRow(six, scale: 3, probed: [2, 5, 9, 12])
        testCase.addRow(four, scale: 3, probed: [1, 4, 7, 12])
        try check(testCase, rule: .mae, amax: 1536, alternativeRows: 2)
    }
}
