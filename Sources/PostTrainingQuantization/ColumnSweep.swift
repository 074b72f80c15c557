// The one weight quantizer of every PTQ method: NVFP4 blocks chosen (6 vs 4 included) either
// by the rule on the weights or by the output-aware criterion, with optional GPTQ error
// feedback through the upper Cholesky factor of H⁻¹ — scales chosen in the sweep (on the
// weights as updated so far) or frozen (on the original weights) — in column order or in a
// given order (GPTQ's activation order), the scale layout staying the standard one — or by
// AWQ's clipping search (`clipGram`: each block's maximum shrunk by the ratio whose scale gives
// the smallest output error δᵀ·G·δ over the block's 16×16 input second moments).
//
// Promises: without feedback and with plain selection the result is bit-identical with
// `ReferenceQuantizer` / `CPUQuantizer` at the same amax (the block choice *is*
// `ReferenceBlock.quantize`, each element's code its `E2M1.code(forScaled: x · k)`); feedback
// with U = c·I (H a multiple of the identity) changes nothing, so GPTQ with H = I is RTN.
// With an order, the sweep visits column order[p] at step p and U is the factor of H permuted
// to that order; a block's scale is chosen (in the sweep) when its first column is reached, on
// its 16 weights as updated so far. The identity order is the plain sweep, bit for bit.
// Rows are independent (each row its own scales and error feedback), so they run in parallel
// without changing a bit; the lazy update of later columns is one SGEMM per 128 columns.

import BlockFormats
import BlockQuantization
import CPUKernels

public enum ColumnSweep {
    /// Quantizes `w` `[rows, cols]` (cols a multiple of 16) with tensor amax `amax`.
    /// - Parameters:
    ///   - factor: U `[cols, cols]`, upper triangular with UᵀU = H⁻¹ (GPTQ), or nil (RTN).
    ///   - channelWeights: h_jj per input channel for output-aware selection, or nil (plain).
    ///   - frozenScales: with feedback, choose every block's scale on the original weights.
    ///   - order: the columns in the order the sweep quantizes them (`factor` then belongs to H
    ///     permuted to this order); nil for 0, 1, …, cols − 1.
    ///   - clipGram: XᵀX `[cols, cols]` for the clipping search (without feedback), or nil.
    public static func quantize(
        _ w: [Float], rows: Int, cols: Int, config: QuantizationConfig, amax: Float,
        factor: [Float]? = nil, channelWeights: [Float]? = nil, frozenScales: Bool = false,
        order: [Int]? = nil, clipGram: [Double]? = nil, blockSize: Int = 128,
        threads: Int = CPUParallel.defaultThreadCount
    ) -> QuantizedTensor {
        precondition(clipGram == nil || (factor == nil && channelWeights == nil && clipGram!.count == cols * cols))
        precondition(cols % 16 == 0 && w.count == rows * cols && config.format == .nvfp4)
        let sweep = order ?? Array(0..<cols)
        let position = {  // position[column] = the step of the sweep that quantizes it
            var p = [Int](repeating: -1, count: cols)
            for (step, j) in sweep.enumerated() where (0..<cols).contains(j) { p[j] = step }
            return p
        }()
        precondition(sweep.count == cols && !position.contains(-1), "order must be a permutation of the columns")
        let firstStep = {  // the step that reaches each block first
            var f = [Int](repeating: cols, count: cols / 16)
            for j in 0..<cols { f[j / 16] = min(f[j / 16], position[j]) }
            return f
        }()
        let inOrder = order == nil
        let ctx = TensorQuantizationContext(format: .nvfp4, rule: config.rule, amax: amax, rounding: .nearest)
        let scaleCols = cols / 16
        // The weights in sweep order: work[r, p] = w[r, sweep[p]].
        var work = w
        if !inOrder { for r in 0..<rows { for p in 0..<cols { work[r * cols + p] = w[r * cols + sweep[p]] } } }
        var unpacked = [UInt8](repeating: 0, count: rows * cols)
        var scales = [UInt8](repeating: 0, count: rows * scaleCols)
        var alternative = [UInt8](repeating: 0, count: rows * scaleCols)
        let reciprocal = ctx.constants.reciprocalProduct
        let shared = channelWeights ?? []
        let gram = clipGram ?? []

        // Frozen (or no feedback): every block's scale from the weights as given.
        let chooseUpFront = factor == nil || frozenScales
        if chooseUpFront {
            w.withUnsafeBufferPointer { wp in
                scales.withUnsafeMutableBufferPointer { sp in
                    alternative.withUnsafeMutableBufferPointer { ap in
                        let p = SendablePointer((w: wp.baseAddress!, s: sp.baseAddress!, a: ap.baseAddress!))
                        CPUParallel.parallelFor(rows, threads: threads) { range in
                            shared.withUnsafeBufferPointer { h in
                                gram.withUnsafeBufferPointer { g in
                                    for r in range {
                                        for b in 0..<scaleCols {
                                            let x = p.p.w + r * cols + 16 * b
                                            let (byte, alt) =
                                                g.isEmpty
                                                ? chooseBlock(
                                                    x, context: ctx,
                                                    channelWeights: h.isEmpty ? nil : h.baseAddress! + 16 * b)
                                                : chooseClippedBlock(
                                                    x, context: ctx, gram: g.baseAddress! + 16 * b * cols + 16 * b,
                                                    stride: cols)
                                            p.p.s[r * scaleCols + b] = byte
                                            p.p.a[r * scaleCols + b] = alt ? 1 : 0
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        let u = factor ?? []
        let block = factor == nil ? cols : blockSize
        var negErr = [Float](repeating: 0, count: rows * block)
        for c0 in stride(from: 0, to: cols, by: block) {
            let c1 = min(cols, c0 + block), width = c1 - c0
            work.withUnsafeMutableBufferPointer { wp in
                unpacked.withUnsafeMutableBufferPointer { cp in
                    scales.withUnsafeMutableBufferPointer { sp in
                        alternative.withUnsafeMutableBufferPointer { ap in
                            negErr.withUnsafeMutableBufferPointer { ep in
                                let p = SendablePointer(
                                    (
                                        w: wp.baseAddress!, c: cp.baseAddress!, s: sp.baseAddress!,
                                        a: ap.baseAddress!, e: ep.baseAddress!
                                    ))
                                CPUParallel.parallelFor(rows, threads: threads) { range in
                                    u.withUnsafeBufferPointer { up in
                                        shared.withUnsafeBufferPointer { h in
                                            for r in range {
                                                let row = p.p.w + r * cols
                                                for step in c0..<c1 {
                                                    let j = sweep[step], b = j / 16
                                                    if !chooseUpFront && step == firstStep[b] {
                                                        let hb = h.isEmpty ? nil : h.baseAddress! + 16 * b
                                                        let (byte, alt) =
                                                            inOrder
                                                            ? chooseBlock(row + step, context: ctx, channelWeights: hb)
                                                            : withUnsafeTemporaryAllocation(
                                                                of: Float.self, capacity: 16
                                                            ) { x in
                                                                // The block's weights as updated so far.
                                                                for i in 0..<16 { x[i] = row[position[16 * b + i]] }
                                                                return chooseBlock(
                                                                    x.baseAddress!, context: ctx, channelWeights: hb)
                                                            }
                                                        p.p.s[r * scaleCols + b] = byte
                                                        p.p.a[r * scaleCols + b] = alt ? 1 : 0
                                                    }
                                                    let byte = p.p.s[r * scaleCols + b]
                                                    let k = ctx.elementMultiplier(scale: E4M3.value(ofCode: byte))
                                                    let code = E2M1.code(forScaled: row[step] * k)
                                                    p.p.c[r * cols + j] = code
                                                    guard !up.isEmpty else { continue }
                                                    let q = ReferenceQuantizer.dequantizedValue(
                                                        code: code, scaleByte: byte, format: .nvfp4, amax: ctx.amax,
                                                        reciprocal: reciprocal)
                                                    let uj = up.baseAddress! + step * cols
                                                    let err = (row[step] - q) / uj[step]
                                                    p.p.e[r * block + (step - c0)] = -err
                                                    for t in (step + 1)..<c1 { row[t] -= err * uj[t] }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // Lazy batch update of the later columns: W[:, c1...] += (−Err) · U[c0..<c1, c1...].
            if factor != nil && c1 < cols {
                work.withUnsafeMutableBufferPointer { wp in
                    negErr.withUnsafeBufferPointer { ep in
                        u.withUnsafeBufferPointer { up in
                            GEMM.multiply(
                                m: rows, n: cols - c1, k: width, a: ep.baseAddress!, lda: block,
                                b: up.baseAddress! + c0 * cols + c1, ldb: cols, transposeB: false,
                                c: wp.baseAddress! + c1, ldc: cols, accumulate: true, threads: threads)
                        }
                    }
                }
            }
        }
        var packed = [UInt8](repeating: 0, count: rows * cols / 2)
        for i in 0..<packed.count { packed[i] = NibblePacking.pack(low: unpacked[2 * i], high: unpacked[2 * i + 1]) }
        let alternatives = alternative.reduce(0) { $0 + Int($1) }
        return QuantizedTensor(
            config: config, rows: rows, cols: cols, paddedCols: cols, sourceRows: rows, sourceCols: cols,
            amax: amax, codes: packed, scales: scales, alternativeBlockCount: alternatives,
            blockCount: rows * scaleCols)
    }

    /// AWQ's clipping ratios of the block maximum, tried in this order (ties keep the earlier).
    public static let clipRatios: [Float] = (0..<10).map { 1 - Float($0) / 20 }  // 1, 0.95, …, 0.55

    /// AWQ's clipping search for one block: the scale of the block maximum times each ratio of
    /// `clipRatios` (and, for a 4/6 rule, the 4 candidate of each), keeping the one with the smallest
    /// δᵀ·G·δ, δ = ŵ − w, G the block's input second moments (`gram[i·stride + j]`). Ratio 1 holds
    /// the plain candidates, so the result is never worse than `chooseBlock` by that measure.
    public static func chooseClippedBlock(
        _ x: UnsafePointer<Float>, context ctx: TensorQuantizationContext, gram g: UnsafePointer<Double>,
        stride: Int
    ) -> (scale: UInt8, alternative: Bool) {
        var bmax: Float = 0
        for i in 0..<16 { bmax = max(bmax, abs(x[i])) }
        let divisor = ctx.constants.product
        var best: (scale: UInt8, alternative: Bool, error: Double)?
        let candidates = ctx.rule.isAdaptive ? 2 : 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 16) { delta in
            for ratio in clipRatios {
                let sHP = ctx.highPrecisionScale(blockMax: bmax * ratio)
                for candidate in 0..<candidates {
                    let four = candidate == 1
                    let byte = E4M3.code(for: four ? sHP * 1.5 : sHP)
                    let scale = E4M3.value(ofCode: byte), k = ctx.elementMultiplier(scale: scale)
                    for i in 0..<16 {
                        let q = ((E2M1.value(ofCode: E2M1.code(forScaled: x[i] * k)) * scale) * ctx.amax) / divisor
                        delta[i] = Double(q - x[i])
                    }
                    var e = 0.0
                    for i in 0..<16 {
                        var row = 0.0
                        for j in 0..<16 { row += g[i * stride + j] * delta[j] }
                        e += delta[i] * row
                    }
                    if best == nil || e < best!.error { best = (byte, four, e) }
                }
            }
            return (best!.scale, best!.alternative)
        }
    }

    /// The scale byte of one 16-value block and whether it chose 4: the reference's choice, or
    /// (with `channelWeights`) the candidate with the smaller Σ h_j (ŵ_j − w_j)².
    public static func chooseBlock(
        _ x: UnsafePointer<Float>, context ctx: TensorQuantizationContext,
        channelWeights h: UnsafePointer<Float>?
    ) -> (scale: UInt8, alternative: Bool) {
        guard let h, ctx.rule.isAdaptive else {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { codes in
                ReferenceBlock.quantize(
                    UnsafeBufferPointer(start: x, count: 16), noise: nil, context: ctx, codes: codes)
            }
        }
        var bmax: Float = 0
        for i in 0..<16 { bmax = max(bmax, abs(x[i])) }
        let sHP = ctx.highPrecisionScale(blockMax: bmax)
        let byte6 = E4M3.code(for: sHP), byte4 = E4M3.code(for: sHP * 1.5)
        let scale6 = E4M3.value(ofCode: byte6), scale4 = E4M3.value(ofCode: byte4)
        let k6 = ctx.elementMultiplier(scale: scale6), k4 = ctx.elementMultiplier(scale: scale4)
        let divisor = ctx.constants.product
        var e6 = 0.0, e4 = 0.0
        for i in 0..<16 {
            let d6 = ((E2M1.value(ofCode: E2M1.code(forScaled: x[i] * k6)) * scale6) * ctx.amax) / divisor
            let d4 = ((E2M1.value(ofCode: E2M1.code(forScaled: x[i] * k4)) * scale4) * ctx.amax) / divisor
            e6 += Double(h[i]) * Double(d6 - x[i]) * Double(d6 - x[i])
            e4 += Double(h[i]) * Double(d4 - x[i]) * Double(d4 - x[i])
        }
        return e4 < e6 ? (byte4, true) : (byte6, false)
    }
}
