// The NVFP4 linear layer against the recipe written out with the scalar reference quantizer:
// forward X(1×16)·W(16×16)ᵀ round-to-nearest; dX = SR(dY)·W; dW = SR(RHT(dYᵀ))·RHT(Xᵀ)ᵀ
// brought back to the source basis. Also: W's 16×16 tiles make NVFP4(Wᵀ) = NVFP4(W)ᵀ, and
// stochastic rounding seeds are a pure function of (run, step, layer, operand).

import BlockQuantization
import TestSupport
import Testing

@testable import Training

@Suite struct QuantizedLinearTests {
    /// C = A·Bᵀ in float64 (A [m, k], B [n, k]).
    func matmulABt(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Double = 0
                for t in 0..<k { s += Double(a[i * k + t]) * Double(b[j * k + t]) }
                c[i * n + j] = s
            }
        }
        return c
    }

    func transpose(_ x: [Float], rows: Int, cols: Int) -> [Float] {
        var out = [Float](repeating: 0, count: x.count)
        for r in 0..<rows { for c in 0..<cols { out[c * rows + r] = x[r * cols + c] } }
        return out
    }

    func referenceCast(_ x: [Float], rows: Int, cols: Int, _ config: QuantizationConfig) throws -> [Float] {
        let q = try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config)
        return ReferenceQuantizer.restoreSourceBasis(ReferenceQuantizer.dequantize(q), of: q)
    }

    func maxRelativeError(_ a: [Float], _ b: [Double]) -> Double {
        var m: Double = 0, scale: Double = 0
        for i in a.indices { m = max(m, abs(Double(a[i]) - b[i])); scale = max(scale, abs(b[i])) }
        return m / max(scale, 1e-30)
    }

    @Test(arguments: [ScaleRule.static6, .mse])
    func matchesReferenceRecipe(rule: ScaleRule) throws {
        var r = SplitMix64(seed: 21)
        let rows = 48, inF = 32, outF = 48
        let x = r.normals(rows * inF), w = r.normals(outF * inF, scale: 0.1), dy = r.normals(rows * outF, scale: 0.01)
        let ops = NVFP4Operands(rule: rule)
        let precision = GEMMPrecision.nvfp4(ops)
        var stats = QuantizationStatistics()
        let seeds: (UInt64, UInt64) = (77, 78)

        let xc = try x.withUnsafeBufferPointer {
            try CastLinear.castInput($0, rows: rows, cols: inF, precision: precision, threads: 2, statistics: &stats)
        }
        let wc = try w.withUnsafeBufferPointer {
            try CastLinear.castWeight($0, out: outF, in: inF, precision: precision, threads: 2, statistics: &stats)
        }
        let y = CastLinear.forward(castInput: xc, rows: rows, in: inF, castWeight: wc, out: outF, threads: 2)
        let input = try x.withUnsafeBufferPointer {
            try CastLinear.castWeightGradientInput(
                $0, rows: rows, cols: inF, precision: precision, threads: 2, statistics: &stats)
        }
        var dW = [Float](repeating: 0, count: outF * inF), dX = [Float](repeating: 0, count: rows * inF)
        try dy.withUnsafeBufferPointer { dyb in
            try dW.withUnsafeMutableBufferPointer { dwb in
                try dX.withUnsafeMutableBufferPointer { dxb in
                    try CastLinear.backward(
                        dy: dyb, rows: rows, out: outF, in: inF, castWeight: wc, input: input,
                        precision: precision, seeds: seeds, weightGradient: dwb.baseAddress!,
                        dx: dxb.baseAddress!, accumulateDX: false, threads: 2, statistics: &stats)
                }
            }
        }

        // The recipe with the scalar reference.
        let xr = try referenceCast(x, rows: rows, cols: inF, ops.forwardInput)
        let wr = try referenceCast(w, rows: outF, cols: inF, ops.weight)
        #expect(xr == xc && wr == wc)
        let yRef = matmulABt(xr, wr, m: rows, n: outF, k: inF)
        #expect(maxRelativeError(y, yRef) < 1e-5)

        let dyData = try referenceCast(dy, rows: rows, cols: outF, ops.dataGradientOutput(seed: seeds.0))
        let dxRef = matmulABt(dyData, transpose(wr, rows: outF, cols: inF), m: rows, n: inF, k: outF)
        #expect(maxRelativeError(dX, dxRef) < 1e-5)

        let dyW = try referenceCast(dy, rows: rows, cols: outF, ops.weightGradientOutput(seed: seeds.1))  // [rows, out]
        let xW = try referenceCast(x, rows: rows, cols: inF, ops.weightGradientInput)  // [rows, in]
        let dwRef = matmulABt(
            transpose(dyW, rows: rows, cols: outF), transpose(xW, rows: rows, cols: inF), m: outF, n: inF, k: rows)
        #expect(maxRelativeError(dW, dwRef) < 1e-4)

        // Every operand kind was quantized; 4/6 picks some blocks to 4, static 6 none.
        for kind in OperandKind.allCases { #expect(stats.blocks[kind.rawValue] > 0) }
        if rule == .static6 {
            #expect(stats.totalAlternativeShare == 0)
        } else {
            #expect(stats.totalAlternativeShare > 0)
        }
    }

    @Test func gradientRuleAblationChangesOnlyTheGradientOperands() {
        let settings = RecipeSettings(recipe: .nvfp4FourOverSix, highPrecisionLastLayers: 0, gradientRule: .static6)
        guard case .nvfp4(let o) = settings.precision(layer: 0, of: 2) else {
            Issue.record("a quantized layer expected")
            return
        }
        #expect(o.forwardInput.rule == .mse && o.weight.rule == .mse && o.weightGradientInput.rule == .mse)
        #expect(o.dataGradientOutput(seed: 1).rule == .static6 && o.weightGradientOutput(seed: 1).rule == .static6)
        // Without the ablation every operand takes the recipe's rule.
        guard
            case .nvfp4(let plain) = RecipeSettings(recipe: .nvfp4FourOverSix, highPrecisionLastLayers: 0).precision(
                layer: 0, of: 2)
        else {
            Issue.record("a quantized layer expected")
            return
        }
        #expect(plain.dataGradientOutput(seed: 1).rule == .mse && plain.weightGradientOutput(seed: 1).rule == .mse)
    }

    @Test func weightTilesQuantizeTransposeAlike() throws {
        var r = SplitMix64(seed: 22)
        let rows = 48, cols = 32
        let w = r.normals(rows * cols)
        let config = QuantizationConfig(format: .nvfp4, rule: .mse, blockScale2D: true)
        let a = try referenceCast(w, rows: rows, cols: cols, config)
        let b = try referenceCast(transpose(w, rows: rows, cols: cols), rows: cols, cols: rows, config)
        #expect(transpose(a, rows: rows, cols: cols) == b)
    }

    @Test func stochasticSeedsAreDistinctAndStable() {
        let a = StochasticSeeds.seed(run: 1, step: 10, linear: 3, operand: .dataGradientOutput)
        #expect(a == StochasticSeeds.seed(run: 1, step: 10, linear: 3, operand: .dataGradientOutput))
        var seen = Set<UInt64>()
        for run: UInt64 in 1...2 {
            for step in 0..<4 {
                for linear in 0..<4 {
                    for op in [StochasticSeeds.Operand.dataGradientOutput, .weightGradientOutput] {
                        seen.insert(StochasticSeeds.seed(run: run, step: step, linear: linear, operand: op))
                    }
                }
            }
        }
        #expect(seen.count == 2 * 4 * 4 * 2)
    }

    @Test func stochasticRoundingIsUnbiasedInTheDataGradient() throws {
        // Averaged over seeds, SR(dY)·W approaches dY·W better than any single draw.
        var r = SplitMix64(seed: 23)
        let rows = 16, inF = 16, outF = 32
        let w = r.normals(outF * inF, scale: 0.1), dy = r.normals(rows * outF)
        let ops = NVFP4Operands(rule: .static6)
        let exact = matmulABt(dy, transpose(w, rows: outF, cols: inF), m: rows, n: inF, k: outF)
        var mean = [Double](repeating: 0, count: rows * inF)
        var single: Double = 0
        let draws = 64
        for s in 0..<draws {
            let q = try referenceCast(dy, rows: rows, cols: outF, ops.dataGradientOutput(seed: UInt64(s)))
            let d = matmulABt(q, transpose(w, rows: outF, cols: inF), m: rows, n: inF, k: outF)
            for i in mean.indices { mean[i] += d[i] / Double(draws) }
            if s == 0 { single = zip(d, exact).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
        }
        let averaged = zip(mean, exact).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        #expect(averaged < single / 8)
    }
}
