// The column sweep against the reference: without feedback it is RTN bit for bit, GPTQ with
// H = I is RTN exactly (scales in the sweep or frozen), the inverse-Hessian factor satisfies
// UᵀU = (H + λI)⁻¹, GPTQ lowers the output error on correlated inputs, activation order
// keeps the standard layout (RTN under a diagonal H, the permuted sweep for whole-block
// orders), and output-aware selection picks the candidate with the smaller h-weighted error.

import BlockFormats
import BlockQuantization
import CPUKernels
import TestSupport
import Testing

@testable import PostTrainingQuantization

@Suite struct ColumnSweepTests {
    static func weights(rows: Int, cols: Int, seed: UInt64) -> [Float] {
        var rng = SplitMix64(seed: seed)
        // Heavy-tailed so that both 6 and 4 get chosen.
        return (0..<(rows * cols)).map { _ in
            let v = rng.normal(); return v * v * v * 0.01
        }
    }

    static func rtn(_ w: [Float], rows: Int, cols: Int, rule: ScaleRule, amax: Float? = nil) throws -> QuantizedTensor {
        try ReferenceQuantizer.quantize(
            w, rows: rows, cols: cols, config: QuantizationConfig(format: .nvfp4, rule: rule),
            amax: amax)
    }

    @Test(arguments: [ScaleRule.static6, .mse, .mae, .absMax])
    func withoutFeedbackIsTheReference(rule: ScaleRule) throws {
        let (rows, cols) = (24, 64)
        let w = Self.weights(rows: rows, cols: cols, seed: 1)
        let amax = w.reduce(Float(0)) { max($0, abs($1)) } * 1.25  // a fused group's larger amax
        let expected = try Self.rtn(w, rows: rows, cols: cols, rule: rule, amax: amax)
        let got = ColumnSweep.quantize(
            w, rows: rows, cols: cols, config: QuantizationConfig(format: .nvfp4, rule: rule),
            amax: amax, threads: 3)
        #expect(got == expected)
        if rule.isAdaptive { #expect(got.alternativeBlockCount > 0 && got.alternativeBlockCount < got.blockCount) }
    }

    @Test(arguments: [GPTQScales.sweep, .frozen])
    func gptqWithIdentityHessianIsRTN(scales: GPTQScales) throws {
        let (rows, cols) = (16, 256)
        let w = Self.weights(rows: rows, cols: cols, seed: 2)
        var gram = [Double](repeating: 0, count: cols * cols)
        for j in 0..<cols { gram[j * cols + j] = 1 }
        let factor = try #require(InverseHessian.factor(gram, size: cols, damp: 0.01))
        let amax = w.reduce(Float(0)) { max($0, abs($1)) }
        for rule in [ScaleRule.static6, .mse] {
            let got = ColumnSweep.quantize(
                w, rows: rows, cols: cols, config: QuantizationConfig(format: .nvfp4, rule: rule),
                amax: amax, factor: factor.factor, frozenScales: scales == .frozen,
                blockSize: 128, threads: 2)
            #expect(got == (try Self.rtn(w, rows: rows, cols: cols, rule: rule)))
        }
    }

    /// A diagonal H gives no error feedback, whatever the order: GPTQ in activation order (a
    /// shuffled order of distinct h_jj) is RTN exactly, each block's scale chosen on its own weights.
    @Test(arguments: [GPTQScales.sweep, .frozen])
    func activationOrderWithDiagonalHessianIsRTN(scales: GPTQScales) throws {
        let (rows, cols) = (12, 128)
        let w = Self.weights(rows: rows, cols: cols, seed: 7)
        var rng = SplitMix64(seed: 8)
        var gram = [Double](repeating: 0, count: cols * cols)
        for j in 0..<cols { gram[j * cols + j] = 0.5 + Double(abs(rng.normal())) }
        let order = InverseHessian.activationOrder(gram, size: cols)
        #expect(order != Array(0..<cols) && Set(order).count == cols)
        for (a, b) in zip(order, order.dropFirst()) { #expect(gram[a * cols + a] >= gram[b * cols + b]) }
        let permuted = InverseHessian.permuted(gram, size: cols, order: order)
        let factor = try #require(InverseHessian.factor(permuted, size: cols, damp: 0.01))
        let amax = w.reduce(Float(0)) { max($0, abs($1)) }
        for rule in [ScaleRule.static6, .mse] {
            let got = ColumnSweep.quantize(
                w, rows: rows, cols: cols, config: QuantizationConfig(format: .nvfp4, rule: rule),
                amax: amax, factor: factor.factor, frozenScales: scales == .frozen, order: order,
                blockSize: 32, threads: 2)
            #expect(got == (try Self.rtn(w, rows: rows, cols: cols, rule: rule)))
        }
    }

    /// An order that moves whole 16-column blocks is the plain sweep of the block-permuted
    /// matrix (with H permuted alike), its codes and scales moved back block by block: checks
    /// that the sweep in order reads, updates and writes the right columns.
    @Test(arguments: [GPTQScales.sweep, .frozen])
    func activationOrderOfWholeBlocksIsThePermutedSweep(scales: GPTQScales) throws {
        let (rows, cols, m) = (8, 96, 200)
        var rng = SplitMix64(seed: 9)
        let z = rng.normals(m * 6), a = rng.normals(6 * cols)
        var x = [Float](repeating: 0, count: m * cols)
        for r in 0..<m { for j in 0..<cols { for k in 0..<6 { x[r * cols + j] += z[r * 6 + k] * a[k * cols + j] } } }
        var stats = InputStatistics(width: cols, collectGram: true, sampleEvery: 1)
        stats.add(x, rows: m, threads: 2)
        let blockOrder = [3, 0, 5, 1, 4, 2]
        let order = blockOrder.flatMap { b in (0..<16).map { 16 * b + $0 } }
        let permutedGram = InverseHessian.permuted(stats.gram, size: cols, order: order)
        let factor = try #require(InverseHessian.factor(permutedGram, size: cols, damp: 0.01))
        let w = Self.weights(rows: rows, cols: cols, seed: 10)
        var wPermuted = w
        for r in 0..<rows { for p in 0..<cols { wPermuted[r * cols + p] = w[r * cols + order[p]] } }
        let amax = w.reduce(Float(0)) { max($0, abs($1)) }
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        let inOrder = ColumnSweep.quantize(
            w, rows: rows, cols: cols, config: config, amax: amax, factor: factor.factor,
            frozenScales: scales == .frozen, order: order, blockSize: 32, threads: 2)
        let plain = ColumnSweep.quantize(
            wPermuted, rows: rows, cols: cols, config: config, amax: amax, factor: factor.factor,
            frozenScales: scales == .frozen, blockSize: 32, threads: 2)
        var codes = plain.codes, scaleBytes = plain.scales
        for r in 0..<rows {
            for (p, b) in blockOrder.enumerated() {
                for i in 0..<8 { codes[r * cols / 2 + 8 * b + i] = plain.codes[r * cols / 2 + 8 * p + i] }
                scaleBytes[r * cols / 16 + b] = plain.scales[r * cols / 16 + p]
            }
        }
        #expect(inOrder.codes == codes)
        #expect(inOrder.scales == scaleBytes)
        #expect(inOrder.alternativeBlockCount == plain.alternativeBlockCount)
        #expect(inOrder != plain, "the block order changed nothing: the test would not see a wrong mapping")
    }

    @Test(arguments: [1, 15, 16, 17, 40, 100])
    func blockedCholeskyEqualsTheRowByRowReferenceBitForBit(_ n: Int) throws {
        var rng = SplitMix64(seed: UInt64(n))
        let rows = n + 3
        let x = rng.normals(rows * n)
        var gram = [Double](repeating: 0, count: n * n)
        for r in 0..<rows {
            for i in 0..<n { for j in 0..<n { gram[i * n + j] += Double(x[r * n + i] * x[r * n + j]) } }
        }
        let a = { (i: Int, j: Int) in gram[i * n + j] + (i == j ? 0.01 : 0) }
        let fast = try #require(InverseHessian.lowerCholesky(size: n, a))
        let reference = try #require(InverseHessian.lowerCholeskyReference(size: n, a))
        let differing = zip(fast, reference).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "\(differing) of \(n * n) entries differ from the reference")
        // Not positive definite: both refuse.
        let indefinite = { (i: Int, j: Int) in i == j && i == n - 1 ? -1.0 : a(i, j) }
        #expect(InverseHessian.lowerCholesky(size: n, indefinite) == nil)
        #expect(InverseHessian.lowerCholeskyReference(size: n, indefinite) == nil)
    }

    @Test func factorInvertsTheDampedHessian() throws {
        let n = 40
        var rng = SplitMix64(seed: 3)
        let x = rng.normals(200 * n)
        var gram = [Double](repeating: 0, count: n * n)
        for r in 0..<200 {
            for i in 0..<n { for j in 0..<n { gram[i * n + j] += Double(x[r * n + i] * x[r * n + j]) } }
        }
        let f = try #require(InverseHessian.factor(gram, size: n, damp: 0.01))
        var mean = 0.0
        for j in 0..<n { mean += gram[j * n + j] }
        let lambda = 0.01 * mean / Double(n)
        // (UᵀU)(H + λI) = I.
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<n {
                    var utu = 0.0
                    for m in 0..<n { utu += Double(f.factor[m * n + i]) * Double(f.factor[m * n + k]) }
                    s += utu * (gram[k * n + j] + (k == j ? lambda : 0))
                }
                worst = max(worst, abs(s - (i == j ? 1 : 0)))
                if j < i { #expect(f.factor[i * n + j] == 0) }
            }
        }
        #expect(worst < 1e-4, "max |UᵀU(H + λI) − I| = \(worst)")
        // A zero channel is dead: kept invertible.
        var withDead = gram
        for k in 0..<n { withDead[5 * n + k] = 0; withDead[k * n + 5] = 0 }
        let g = try #require(InverseHessian.factor(withDead, size: n, damp: 0.01))
        #expect(g.dead[5] && g.dead.filter { $0 }.count == 1)
    }

    /// ‖X(Ŵ − W)ᵀ‖² for X `[m, n]`.
    static func outputError(_ x: [Float], m: Int, _ q: QuantizedTensor, _ w: [Float]) -> Double {
        let d = ReferenceQuantizer.dequantize(q)
        var e = 0.0
        for r in 0..<m {
            for o in 0..<q.rows {
                var s = 0.0
                for j in 0..<q.cols { s += Double(x[r * q.cols + j]) * Double(d[o * q.cols + j] - w[o * q.cols + j]) }
                e += s * s
            }
        }
        return e
    }

    @Test func gptqLowersTheOutputErrorOnCorrelatedInputs() throws {
        let (rows, cols, m) = (16, 64, 256)
        var rng = SplitMix64(seed: 4)
        // x = z·A with a few shared factors: strongly correlated channels of unequal scale.
        let z = rng.normals(m * 8), a = rng.normals(8 * cols)
        var x = [Float](repeating: 0, count: m * cols)
        for r in 0..<m { for j in 0..<cols { for k in 0..<8 { x[r * cols + j] += z[r * 8 + k] * a[k * cols + j] } } }
        for i in 0..<x.count { x[i] += 0.05 * rng.normal() }
        var stats = InputStatistics(width: cols, collectGram: true, sampleEvery: 1)
        stats.add(x, rows: m, threads: 2)
        let w = Self.weights(rows: rows, cols: cols, seed: 5)
        let amax = w.reduce(Float(0)) { max($0, abs($1)) }
        let f = try #require(InverseHessian.factor(stats.gram, size: cols, damp: 0.01))
        for rule in [ScaleRule.static6, .mse] {
            let config = QuantizationConfig(format: .nvfp4, rule: rule)
            let rtn = try Self.rtn(w, rows: rows, cols: cols, rule: rule)
            let sweep = ColumnSweep.quantize(
                w, rows: rows, cols: cols, config: config, amax: amax, factor: f.factor,
                blockSize: 32, threads: 2)
            let frozen = ColumnSweep.quantize(
                w, rows: rows, cols: cols, config: config, amax: amax, factor: f.factor,
                frozenScales: true, blockSize: 32, threads: 2)
            let eRTN = Self.outputError(x, m: m, rtn, w)
            let eSweep = Self.outputError(x, m: m, sweep, w), eFrozen = Self.outputError(x, m: m, frozen, w)
            #expect(eSweep < 0.7 * eRTN, "\(rule): GPTQ \(eSweep) vs RTN \(eRTN)")
            #expect(eFrozen < eRTN, "\(rule): frozen \(eFrozen) vs RTN \(eRTN)")
        }
    }

    /// AWQ's clipping search: the chosen scale's δᵀGδ is never above that of the plain choice
    /// (ratio 1 holds both plain candidates), is strictly below it for some blocks, and the sweep
    /// with `clipGram` writes exactly those scale bytes with each element's nearest code.
    @Test(arguments: [ScaleRule.static6, .mse])
    func clippingSearchLowersTheBlockOutputError(rule: ScaleRule) throws {
        let (rows, cols) = (6, 64)
        var rng = SplitMix64(seed: 12)
        let a = rng.normals(48 * cols)
        var gram = [Double](repeating: 0, count: cols * cols)
        for r in 0..<48 {
            for i in 0..<cols { for j in 0..<cols { gram[i * cols + j] += Double(a[r * cols + i] * a[r * cols + j]) } }
        }
        let w = Self.weights(rows: rows, cols: cols, seed: 13)
        let amax = w.reduce(Float(0)) { max($0, abs($1)) }
        let config = QuantizationConfig(format: .nvfp4, rule: rule)
        let ctx = TensorQuantizationContext(format: .nvfp4, rule: rule, amax: amax, rounding: .nearest)
        func error(_ x: ArraySlice<Float>, _ byte: UInt8, block b: Int) -> Double {
            let scale = E4M3.value(ofCode: byte), k = ctx.elementMultiplier(scale: scale)
            let d = x.map {
                Double(
                    ((E2M1.value(ofCode: E2M1.code(forScaled: $0 * k)) * scale) * ctx.amax) / ctx.constants.product - $0
                )
            }
            var e = 0.0
            for i in 0..<16 { for j in 0..<16 { e += d[i] * gram[(16 * b + i) * cols + 16 * b + j] * d[j] } }
            return e
        }
        let clipped = ColumnSweep.quantize(w, rows: rows, cols: cols, config: config, amax: amax, clipGram: gram)
        let plain = try Self.rtn(w, rows: rows, cols: cols, rule: rule)
        var lower = 0
        for r in 0..<rows {
            for b in 0..<(cols / 16) {
                let x = w[(r * cols + 16 * b)..<(r * cols + 16 * b + 16)]
                let (c, p) = (clipped.scales[r * cols / 16 + b], plain.scales[r * cols / 16 + b])
                #expect(error(x, c, block: b) <= error(x, p, block: b))
                if error(x, c, block: b) < error(x, p, block: b) { lower += 1 }
                let k = ctx.elementMultiplier(scale: E4M3.value(ofCode: c))
                for (i, v) in x.enumerated() {
                    let j = r * cols + 16 * b + i
                    let code = j % 2 == 0 ? clipped.codes[j / 2] & 0xF : clipped.codes[j / 2] >> 4
                    #expect(code == E2M1.code(forScaled: v * k))
                }
            }
        }
        #expect(lower > 0, "clipping never helped: the test would not see a search that ignores G")
    }

    @Test func outputAwareSelectionMinimizesTheWeightedError() throws {
        var rng = SplitMix64(seed: 6)
        let ctx = TensorQuantizationContext(format: .nvfp4, rule: .mse, amax: 3, rounding: .nearest)
        var disagreements = 0
        for _ in 0..<400 {
            let x = (0..<16).map { _ in rng.normal() * 0.3 }
            let h = (0..<16).map { _ in
                let v = rng.normal(); return v * v * v * v
            }
            let (byte, four) = x.withUnsafeBufferPointer { xp in
                h.withUnsafeBufferPointer {
                    ColumnSweep.chooseBlock(xp.baseAddress!, context: ctx, channelWeights: $0.baseAddress!)
                }
            }
            let plain = x.withUnsafeBufferPointer {
                ColumnSweep.chooseBlock($0.baseAddress!, context: ctx, channelWeights: nil)
            }
            if plain.alternative != four { disagreements += 1 }
            // The weighted error of the chosen candidate is no larger than the other's.
            func weighted(_ scaleByte: UInt8) -> Double {
                let scale = E4M3.value(ofCode: scaleByte), k = ctx.elementMultiplier(scale: scale)
                var e = 0.0
                for i in 0..<16 {
                    let d =
                        ((E2M1.value(ofCode: E2M1.code(forScaled: x[i] * k)) * scale) * ctx.amax)
                        / ctx.constants.product
                    e += Double(h[i]) * Double(d - x[i]) * Double(d - x[i])
                }
                return e
            }
            let sHP = ctx.highPrecisionScale(blockMax: x.map(abs).max()!)
            let other = four ? E4M3.code(for: sHP) : E4M3.code(for: sHP * 1.5)
            #expect(weighted(byte) <= weighted(other))
        }
        #expect(disagreements > 0, "output-aware selection never differed from plain selection")
    }
}
