// The scalar reference block quantizers: the arithmetic of spec §3–§4 for one block,
// written for clarity, in the spec's order of float operations.
//
// Promises: for a block of n pre-processed values (16, 32 for MXFP4, or 256 for a 16×16
// tile in tile-row-major order) `ReferenceBlock.quantize` writes n unpacked 4-bit codes
// and returns the scale byte, bit-identical with the published reference. The fast paths
// (CPUKernels, CUDA) are tested against this file.

import BlockFormats

/// Per-tensor quantities every block of a tensor shares.
public struct TensorQuantizationContext: Sendable {
    public let format: BlockFormat
    public let rule: ScaleRule
    public let constants: ScaleConstants
    public let amax: Float
    /// `M·S / amax` (the spec's `enc`); infinite when amax is 0.
    public let encodeScale: Float
    /// `1 / encodeScale` (the spec's `dec`), computed as the reference does.
    public let inverseEncodeScale: Float
    /// `1 / M` is not used: the reference divides `bmax / M`.
    public let stochasticSeed: UInt64?
    /// The adaptive rules choose from the round-to-nearest errors, then round the chosen
    /// candidate stochastically (`Rounding.stochasticUnbiased`).
    public let choosesFromNearest: Bool

    public init(format: BlockFormat, rule: ScaleRule, amax: Float, rounding: Rounding) {
        self.format = format
        self.rule = rule
        self.constants = ScaleConstants(format: format, rule: rule)
        self.amax = amax
        self.encodeScale = constants.product / amax
        self.inverseEncodeScale = 1 / encodeScale
        stochasticSeed = rounding.stochasticSeed
        choosesFromNearest = rounding.choosesFromNearest
    }

    /// True when `M·S / amax` overflows float32 (amax below about 5e-36 for 4/6, 8e-36 for
    /// standard NVFP4): the spec's arithmetic has no tensor scale there (the reference stores
    /// NaN scales). Such tensors are stored as zeros: every block scale 0, every code +0.
    public var isDegenerate: Bool {
        format != .mxfp4 && amax > 0 && !encodeScale.isFinite
    }

    /// True when some block's `1 / (dec · scale)` could overflow (dec < 2^-116, amax below
    /// about 2e-32): those blocks store their scale byte and +0 codes (the reference produces
    /// NaN-derived codes there). Fast paths hand such tensors to this scalar reference.
    public var needsScalarPath: Bool {
        format != .mxfp4 && amax > 0 && !(encodeScale.isFinite && inverseEncodeScale >= 0x1p-116)
    }

    /// The E4M3-candidate block scale `(bmax / M) · enc` (before the ×1.5 of the 4 candidate);
    /// 0 for an all-zero or degenerate tensor.
    @inlinable
    public func highPrecisionScale(blockMax: Float) -> Float {
        amax == 0 || isDegenerate ? 0 : (blockMax / constants.maxValue) * encodeScale
    }

    /// `1 / (dec · scale)`: the per-block multiplier applied to each element; 0 for scale 0,
    /// and 0 when it overflows (see `needsScalarPath`).
    @inlinable
    public func elementMultiplier(scale: Float) -> Float {
        guard scale != 0 else { return 0 }
        let m = 1 / (inverseEncodeScale * scale)
        return m.isFinite ? m : 0
    }
}

public enum ReferenceBlock {
    /// IF4's INT candidate: `y · 1.16666666` before rounding, `· 0.8571428571` after.
    public static let if4IntExpansionReciprocal: Float = 1.16666666
    public static let if4IntExpansion: Float = 0.8571428571

    /// Quantizes one block.
    /// - Parameters:
    ///   - x: the block's n pre-processed values.
    ///   - noise: n stochastic-rounding offsets in [−0.5, 0.5), or nil for round-to-nearest.
    ///     With `context.choosesFromNearest` the adaptive rules compare the candidates
    ///     without noise and then round the chosen one with it.
    ///   - codes: receives n unpacked codes.
    /// - Returns: the stored scale byte and whether the block chose the alternative
    ///   candidate (4 for NVFP4 4/6, INT for IF4).
    public static func quantize(
        _ x: UnsafeBufferPointer<Float>, noise: UnsafeBufferPointer<Float>?,
        context ctx: TensorQuantizationContext,
        codes: UnsafeMutableBufferPointer<UInt8>
    ) -> (scale: UInt8, alternative: Bool) {
        let n = x.count
        var bmax: Float = 0
        for v in x { bmax = max(bmax, Swift.abs(v)) }

        switch ctx.format {
        case .mxfp4:
            let e = UE8M0.roundingUp(bmax / ctx.constants.maxValue)
            let scale = UE8M0.scaleFloat(ofCode: e)
            for i in 0..<n {
                let y: Float = e != 0 ? x[i] / scale : 0
                codes[i] = fp4Code(y, noise, i)
            }
            return (e, false)

        case .nvint4:
            let scaleByte = E4M3.code(for: ctx.highPrecisionScale(blockMax: bmax))
            let k = ctx.elementMultiplier(scale: E4M3.value(ofCode: scaleByte))
            for i in 0..<n { codes[i] = int4Code(x[i] * k, noise, i) }
            return (scaleByte, false)

        case .nvfp4 where !ctx.rule.isAdaptive:
            let scaleByte = E4M3.code(for: ctx.highPrecisionScale(blockMax: bmax))
            let k = ctx.elementMultiplier(scale: E4M3.value(ofCode: scaleByte))
            for i in 0..<n { codes[i] = fp4Code(x[i] * k, noise, i) }
            return (scaleByte, false)

        case .nvfp4:
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { codes4 in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n) { err in
                    let sHP = ctx.highPrecisionScale(blockMax: bmax)
                    let byte6 = E4M3.code(for: sHP)
                    let byte4 = E4M3.code(for: sHP * 1.5)
                    let scale6 = E4M3.value(ofCode: byte6), scale4 = E4M3.value(ofCode: byte4)
                    let k6 = ctx.elementMultiplier(scale: scale6), k4 = ctx.elementMultiplier(scale: scale4)
                    let divisor = ctx.constants.product  // 1536
                    let choiceNoise = ctx.choosesFromNearest ? nil : noise
                    for i in 0..<n {
                        let c6 = fp4Code(x[i] * k6, choiceNoise, i), c4 = fp4Code(x[i] * k4, choiceNoise, i)
                        codes[i] = c6
                        codes4[i] = c4
                        let d6 = ((E2M1.value(ofCode: c6) * scale6) * ctx.amax) / divisor
                        let d4 = ((E2M1.value(ofCode: c4) * scale4) * ctx.amax) / divisor
                        err[i] = elementError(d6 - x[i], ctx.rule)
                        err[n + i] = elementError(d4 - x[i], ctx.rule)
                    }
                    let e6 = blockError(err.baseAddress!, n, ctx.rule)
                    let e4 = blockError(err.baseAddress! + n, n, ctx.rule)
                    if ctx.choosesFromNearest, noise != nil {
                        // The choice is made; round the chosen candidate stochastically.
                        let k = e4 < e6 ? k4 : k6
                        for i in 0..<n { codes[i] = fp4Code(x[i] * k, noise, i) }
                        return e4 < e6 ? (byte4, true) : (byte6, false)
                    }
                    guard e4 < e6 else { return (byte6, false) }
                    for i in 0..<n { codes[i] = codes4[i] }
                    return (byte4, true)
                }
            }

        case .if4:
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { intCodes in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n) { err in
                    let scaleByte = E4M3.code(for: ctx.highPrecisionScale(blockMax: bmax))
                    let scale = E4M3.value(ofCode: scaleByte)
                    let k = ctx.elementMultiplier(scale: scale)
                    let divisor = ctx.constants.product  // 2688
                    let choiceNoise = ctx.choosesFromNearest ? nil : noise
                    for i in 0..<n {
                        let y = x[i] * k
                        let cf = fp4Code(y, choiceNoise, i)
                        let ci = int4Code(y * if4IntExpansionReciprocal, choiceNoise, i)
                        codes[i] = cf
                        intCodes[i] = ci
                        let df = ((E2M1.value(ofCode: cf) * scale) * ctx.amax) / divisor
                        let di = (((INT4.value(ofCode: ci) * scale) * ctx.amax) * if4IntExpansion) / divisor
                        err[i] = elementError(df - x[i], ctx.rule)
                        err[n + i] = elementError(di - x[i], ctx.rule)
                    }
                    let eFP = blockError(err.baseAddress!, n, ctx.rule)
                    let eInt = blockError(err.baseAddress! + n, n, ctx.rule)
                    if ctx.choosesFromNearest, noise != nil {
                        for i in 0..<n {
                            let y = x[i] * k
                            codes[i] =
                                eInt < eFP ? int4Code(y * if4IntExpansionReciprocal, noise, i) : fp4Code(y, noise, i)
                        }
                        return eInt < eFP ? (scaleByte &+ 128, true) : (scaleByte, false)
                    }
                    guard eInt < eFP else { return (scaleByte, false) }
                    for i in 0..<n { codes[i] = intCodes[i] }
                    return (scaleByte &+ 128, true)
                }
            }
        }
    }

    @inlinable
    static func fp4Code(_ y: Float, _ noise: UnsafeBufferPointer<Float>?, _ i: Int) -> UInt8 {
        guard let noise else { return E2M1.code(forScaled: y) }
        return E2M1.stochasticCode(forScaled: y, noise: noise[i])
    }

    @inlinable
    static func int4Code(_ y: Float, _ noise: UnsafeBufferPointer<Float>?, _ i: Int) -> UInt8 {
        guard let noise else { return INT4.code(forScaled: y) }
        return INT4.stochasticCode(forScaled: y, noise: noise[i])
    }

    /// Per-element error term: (d−x)² for mse, |d−x| for mae and absMax.
    @inlinable
    static func elementError(_ diff: Float, _ rule: ScaleRule) -> Float {
        rule == .mse ? diff * diff : Swift.abs(diff)
    }

    /// Block error: the reference-ordered sum, or the maximum for absMax.
    @inlinable
    static func blockError(_ e: UnsafePointer<Float>, _ n: Int, _ rule: ScaleRule) -> Float {
        if rule == .absMax {
            var m: Float = 0
            for i in 0..<n { m = max(m, e[i]) }
            return m
        }
        return ErrorReduction.sum(e, count: n)
    }
}
