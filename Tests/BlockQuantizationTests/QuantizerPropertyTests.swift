// Properties of the scalar reference quantizer beyond the fixtures: stochastic rounding is
// unbiased and reproducible, padding never changes real elements, a supplied amax is
// honoured, scale layouts round-trip, RHT is orthogonal, and bad input is rejected.

import BlockFormats
import TestSupport
import Testing

@testable import BlockQuantization

/// Seeded test data: a mix of normal-ish values, outliers and exact zeros.
func testValues(_ count: Int, seed: UInt64) -> [Float] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { i in
        let v = rng.uniform() + rng.uniform() + rng.uniform() - 1.5
        if i % 53 == 0 { return v * 40 }
        if i % 31 == 0 { return 0 }
        return v
    }
}

@Suite struct QuantizerPropertyTests {
    @Test func stochasticRoundingIsReproducibleAndSeedDependent() throws {
        let x = testValues(48 * 64, seed: 3)
        let a = QuantizationConfig(rule: .mse, rounding: .stochastic(seed: 11))
        let q1 = try ReferenceQuantizer.quantize(x, rows: 48, cols: 64, config: a)
        let q2 = try ReferenceQuantizer.quantize(x, rows: 48, cols: 64, config: a)
        let q3 = try ReferenceQuantizer.quantize(
            x, rows: 48, cols: 64,
            config: QuantizationConfig(rule: .mse, rounding: .stochastic(seed: 12)))
        #expect(q1 == q2)
        #expect(q1.codes != q3.codes)
        // With a static rule the scales do not depend on the noise (with 4/6 the choice may).
        let s1 = try ReferenceQuantizer.quantize(
            x, rows: 48, cols: 64,
            config: QuantizationConfig(rule: .static6, rounding: .stochastic(seed: 1)))
        let s2 = try ReferenceQuantizer.quantize(
            x, rows: 48, cols: 64,
            config: QuantizationConfig(rule: .static6, rounding: .stochastic(seed: 2)))
        #expect(s1.scales == s2.scales && s1.codes != s2.codes)
    }

    /// Averaged over many seeds, stochastically rounded codes converge to the scaled input
    /// y = x / (block scale · tensor scale): the mean of (q − y) for each element is within 5
    /// standard errors of 0. Elements with |y| above the format's maximum (the block maximum
    /// when its E4M3 scale rounded down) are clamped, hence biased by design, and left out.
    /// y is computed here from the spec's formula (docs/quantization-spec.md §3), not with the
    /// quantizer's own `elementMultiplier`, so a wrong multiplier shows up as a bias.
    @Test(arguments: [BlockFormat.nvfp4, .nvint4, .mxfp4])
    func stochasticRoundingIsUnbiased(_ format: BlockFormat) throws {
        let rows = 4, cols = 64, amax: Float = 1.4
        let x = testValues(rows * cols, seed: 5).map { max(min($0, amax), -amax) }
        let config = { (seed: UInt64) in
            QuantizationConfig(format: format, rule: .static6, rounding: .stochastic(seed: seed))
        }
        let scales = try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config(0), amax: amax).scales
        let scaleCols = cols / format.blockSize
        // y for each element from the spec: enc = M·S / amax, dec = 1 / enc, y = x · (1 / (dec · scale)),
        // with M = 6 (E2M1) or 7 (INT4) and S = 448; MXFP4 divides by its power-of-two scale.
        let maxValue: Float = format == .nvint4 ? 7 : 6
        let enc = (maxValue * 448) / amax, dec = 1 / enc
        let y: [Float] = x.indices.map { i in
            let byte = scales[(i / cols) * scaleCols + (i % cols) / format.blockSize]
            if format == .mxfp4 { return x[i] / UE8M0.scaleFloat(ofCode: byte) }
            return x[i] * (1 / (dec * E4M3.value(ofCode: byte)))
        }
        let trials = 600
        var sum = [Double](repeating: 0, count: x.count)
        for seed in 0..<UInt64(trials) {
            // A fixed amax keeps the scales identical across trials.
            let q = try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config(seed), amax: amax)
            #expect(q.scales == scales)
            for (i, code) in NibblePacking.unpack(q.codes).enumerated() {
                let v = format == .nvint4 ? INT4.value(ofCode: code) : E2M1.value(ofCode: code)
                let e = Double(v) - Double(y[i])
                sum[i] += e
            }
        }
        // The exact variance of rounding a to its grid neighbours lo ≤ a ≤ hi with P(hi) = (a−lo)/(hi−lo).
        let grid: [Float] = format == .nvint4 ? (0...7).map(Float.init) : E2M1.magnitudes
        var worst = 0.0, checked = 0
        for i in 0..<x.count where abs(y[i]) <= maxValue {
            checked += 1
            let a = abs(y[i])
            let lo = Double(grid.last { $0 <= a }!), hi = Double(grid.first { $0 >= a }!)
            let mean = sum[i] / Double(trials)
            if lo == hi { #expect(mean == 0, "exact element \(i) moved"); continue }
            let p = (Double(a) - lo) / (hi - lo)
            let variance = p * (1 - p) * (hi - lo) * (hi - lo)
            worst = max(worst, abs(mean) / (variance / Double(trials)).squareRoot())
        }
        #expect(checked > x.count * 9 / 10)
        // With 256 elements the largest |z| of a fair estimator exceeds 5 with probability < 1e-4.
        #expect(worst < 5, "largest standardized bias \(worst)")
    }

    @Test(arguments: [1, 15, 16, 17, 31, 33, 129])
    func paddingNeverChangesRealElements(_ cols: Int) throws {
        let rows = 19
        let x = testValues(rows * cols, seed: UInt64(cols))
        let padded = roundUp(cols, 32)
        var xp = [Float](repeating: 0, count: rows * padded)
        for r in 0..<rows { for c in 0..<cols { xp[r * padded + c] = x[r * cols + c] } }
        for config in [
            QuantizationConfig(rule: .mse), QuantizationConfig(format: .if4, rule: .mae),
            QuantizationConfig(format: .mxfp4, rule: .static6), QuantizationConfig(rule: .absMax, blockScale2D: true),
        ] {
            let q = try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config)
            let qp = try ReferenceQuantizer.quantize(xp, rows: rows, cols: padded, config: config)
            #expect(q.amax == qp.amax)
            let d = ReferenceQuantizer.dequantize(q), dp = ReferenceQuantizer.dequantize(qp)
            for r in 0..<rows {
                for c in 0..<cols { #expect(d[r * cols + c].bitPattern == dp[r * padded + c].bitPattern) }
                for b in 0..<q.scaleCols { #expect(q.scales[r * q.scaleCols + b] == qp.scales[r * qp.scaleCols + b]) }
            }
        }
    }

    @Test func transposeQuantizesTheTranspose() throws {
        let (rows, cols) = (24, 40)
        let x = testValues(rows * cols, seed: 8)
        var xt = [Float](repeating: 0, count: x.count)
        for r in 0..<rows { for c in 0..<cols { xt[c * rows + r] = x[r * cols + c] } }
        let a = try ReferenceQuantizer.quantize(
            x, rows: rows, cols: cols, config: QuantizationConfig(rule: .mse, transpose: true))
        let b = try ReferenceQuantizer.quantize(xt, rows: cols, cols: rows, config: QuantizationConfig(rule: .mse))
        #expect(a.codes == b.codes && a.scales == b.scales && a.amax == b.amax)
        // Restoring the source basis transposes the dequantized values back: element (r, c) is
        // element (c, r) of the transpose's dequantization, bit for bit.
        let restored = ReferenceQuantizer.restoreSourceBasis(ReferenceQuantizer.dequantize(a), of: a)
        let db = ReferenceQuantizer.dequantize(b)
        var expected = [Float](repeating: .nan, count: x.count)
        for r in 0..<rows { for c in 0..<cols { expected[r * cols + c] = db[c * rows + r] } }
        #expect(bitDifference(restored, expected) == nil)
    }

    @Test func suppliedAmaxIsHonoured() throws {
        let x = testValues(16 * 32, seed: 9)
        let own = try ReferenceQuantizer.quantize(x, rows: 16, cols: 32, config: QuantizationConfig(rule: .mse))
        let same = try ReferenceQuantizer.quantize(
            x, rows: 16, cols: 32, config: QuantizationConfig(rule: .mse), amax: own.amax)
        #expect(own == same)
        let shared = try ReferenceQuantizer.quantize(
            x, rows: 16, cols: 32, config: QuantizationConfig(rule: .mse), amax: own.amax * 3)
        #expect(shared.amax == own.amax * 3 && shared.scales != own.scales)
        #expect(throws: QuantizationError.invalidAmax(-1)) {
            try ReferenceQuantizer.quantize(x, rows: 16, cols: 32, config: QuantizationConfig(), amax: -1)
        }
    }

    @Test func swizzledLayoutHoldsTheSameScales() throws {
        let x = testValues(130 * 48, seed: 10)
        let row = try ReferenceQuantizer.quantize(x, rows: 130, cols: 48, config: QuantizationConfig(rule: .mse))
        let swz = try ReferenceQuantizer.quantize(
            x, rows: 130, cols: 48,
            config: QuantizationConfig(rule: .mse, scaleLayout: .swizzled128x4))
        #expect(swz.scales.count == 256 * 4)
        #expect(swz.scales == ScaleLayout.swizzle(row.scales, rows: 130, cols: 3))
        #expect(swz.rowMajorScales() == row.scales)
        #expect(ReferenceQuantizer.dequantize(swz) == ReferenceQuantizer.dequantize(row))
        #expect(swz.withScaleLayout(.rowMajor) == row)
    }

    @Test func hadamardIsOrthogonalAndRestores() throws {
        let r = RandomHadamard.matrix
        for i in 0..<16 {
            for j in 0..<16 {
                var dot: Float = 0
                for k in 0..<16 { dot += r[i * 16 + k] * r[j * 16 + k] }
                #expect(dot == (i == j ? 1 : 0))
            }
        }
        // Quantize with RHT, dequantize, undo the rotation: close to the input.
        let x = testValues(8 * 32, seed: 12).map { $0 / 4 }
        let q = try ReferenceQuantizer.quantize(x, rows: 8, cols: 32, config: QuantizationConfig(rule: .mse, rht: true))
        let back = ReferenceQuantizer.restoreSourceBasis(ReferenceQuantizer.dequantize(q), of: q)
        let err = zip(back, x).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
        let energy = x.reduce(0.0) { $0 + Double($1 * $1) }
        #expect(err / energy < 0.02)
    }

    @Test func twoDimensionalTilesShareOneScale() throws {
        let x = testValues(37 * 48, seed: 13)
        let q = try ReferenceQuantizer.quantize(
            x, rows: 37, cols: 48, config: QuantizationConfig(rule: .mse, blockScale2D: true))
        #expect(q.blockCount == 3 * 3)
        for r in 0..<37 {
            for b in 0..<3 { #expect(q.scales[r * 3 + b] == q.scales[(r / 16 * 16) * 3 + b]) }
        }
    }

    @Test func badInputIsRejected() {
        var x = testValues(4 * 16, seed: 14)
        x[21] = .nan
        do {
            _ = try ReferenceQuantizer.quantize(x, rows: 4, cols: 16, config: QuantizationConfig())
            Issue.record("a NaN input was accepted")
        } catch {
            guard case let .nonFinite(index, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(index == 21)
        }
        #expect(throws: QuantizationError.emptyQuantizationAxis(rows: 3, cols: 0)) {
            try ReferenceQuantizer.quantize([], rows: 3, cols: 0, config: QuantizationConfig())
        }
        #expect(throws: QuantizationError.unsupportedRule(format: .mxfp4, rule: .mse)) {
            try ReferenceQuantizer.quantize(
                [1], rows: 1, cols: 1, config: QuantizationConfig(format: .mxfp4, rule: .mse))
        }
        #expect(throws: QuantizationError.shapeMismatch(expected: 6, actual: 5)) {
            try ReferenceQuantizer.quantize([1, 2, 3, 4, 5], rows: 2, cols: 3, config: QuantizationConfig())
        }
    }

    @Test func allZeroTensorStoresZeroCodesAndScales() throws {
        let q = try ReferenceQuantizer.quantize(
            [Float](repeating: 0, count: 64), rows: 2, cols: 32,
            config: QuantizationConfig(rule: .mse))
        #expect(q.amax == 0 && q.codes.allSatisfy { $0 == 0 } && q.scales.allSatisfy { $0 == 0 })
        #expect(ReferenceQuantizer.dequantize(q).allSatisfy { $0 == 0 })
    }

    @Test func tensorScaleForms() {
        let c = ScaleConstants(format: .nvfp4, rule: .mse)
        #expect(c.product == 1536)
        #expect(c.encodeScale(amax: 3) == 512)
        #expect(c.decodeScale(amax: 3) == Float(3) / 1536)
        #expect(ScaleConstants(format: .nvfp4, rule: .static6).product == 2688)
        #expect(ScaleConstants(format: .nvint4, rule: .static6).product == 3136)
    }
}

@Suite struct DegenerateTensorScaleTests {
    /// amax so small that M·S/amax overflows float32: stored as zeros, no trap.
    @Test(arguments: [Float(1e-37), 0x1p-126, 0x1p-149])
    func tinyTensorsAreStoredAsZeros(_ magnitude: Float) throws {
        let x = testValues(4 * 32, seed: 21).map { $0 * magnitude }
        for rule in ScaleRule.allCases {
            let q = try ReferenceQuantizer.quantize(x, rows: 4, cols: 32, config: QuantizationConfig(rule: rule))
            #expect(q.scales.allSatisfy { $0 == 0 } && q.codes.allSatisfy { $0 == 0 }, "\(rule)")
            #expect(ReferenceQuantizer.dequantize(q).allSatisfy { $0 == 0 })
        }
        // Above it the arithmetic is ordinary: the error is that of ordinary magnitudes.
        for magnitude: Float in [1e-34, 1e-30] {
            let y = testValues(4 * 32, seed: 21).map { $0 * magnitude }
            let q = try ReferenceQuantizer.quantize(y, rows: 4, cols: 32, config: QuantizationConfig(rule: .mse))
            let d = ReferenceQuantizer.dequantize(q)
            var err = 0.0, energy = 0.0
            for (a, b) in zip(d, y) {
                let e = Double(a - b) / Double(magnitude), v = Double(b) / Double(magnitude)
                err += e * e
                energy += v * v
            }
            #expect(err / energy < 0.05, "relative error at \(magnitude)")
        }
    }
}
