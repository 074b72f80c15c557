// 1-D block kernels: quantize the blocks of one pre-processed row segment, four blocks at a
// time (16 values = 4 SSE vectors per NVFP4 block; 32 = 8 vectors per MXFP4 block).
//
// Promises: for each block, the stored codes, the scale byte and the "alternative" flag are
// bit-identical with `ReferenceBlock.quantize` (the scalar reference) for the tensor's
// context. Per-block quantities (block max, E4M3/UE8M0 scales, multipliers, 4/6 and IF4
// errors) are computed for the four blocks of a group in the four lanes of one vector; the
// block errors follow `ErrorReduction.sum`'s order for n = 16: Σ_k (e[k] + e[k+8]) added
// left to right over k = 0…7.

import BlockFormats
import BlockQuantization

/// Per-tensor constants of the kernels (spec §3), as the scalar context computes them.
struct KernelConstants: Sendable {
    let format: BlockFormat
    let rule: ScaleRule
    let amax: Float
    /// M (the value a block max maps to).
    let maxValue: Float
    /// `M·S / amax` and its reciprocal, as `TensorQuantizationContext` computes them.
    let encodeScale: Float
    let inverseEncodeScale: Float
    /// M·S (1536, 2688, …): the divisor of the selection's dequantization.
    let product: Float
    let seed: UInt64?

    init(_ ctx: TensorQuantizationContext) {
        format = ctx.format
        rule = ctx.rule
        amax = ctx.amax
        maxValue = ctx.constants.maxValue
        encodeScale = ctx.encodeScale
        inverseEncodeScale = ctx.inverseEncodeScale
        product = ctx.constants.product
        seed = ctx.stochasticSeed
    }
}

/// Where the codes and scale bytes of a row segment go.
struct RowOutput {
    /// Packed codes of the segment's first block (8 bytes per 16 values).
    let codes: UnsafeMutablePointer<UInt8>
    /// Scale-byte storage and layout.
    let scales: UnsafeMutablePointer<UInt8>
    let row: Int
    let firstBlock: Int
    let swizzled: Bool
    let scaleCols: Int

    /// Byte offset of the scale of block `b` of this segment in row `row`.
    @inline(__always)
    func scaleIndex(_ b: Int, row r: Int) -> Int {
        let c = firstBlock + b
        if !swizzled { return r * scaleCols + c }
        return ScaleLayout.swizzledIndex(row: r, col: c, paddedCols: roundUp(scaleCols, 4))
    }

    /// Stores the scale bytes of blocks b..<b+n (n ≤ 4) of a group in lanes 0..<n of `bytes`,
    /// for rows `rows` (one row, or the real rows of a 2-D tile).
    @inline(__always)
    func storeScales(_ bytes: I4, group b: Int, count n: Int, rows: Range<Int>) {
        let packed = unsafeBitCast(SIMD4<UInt8>(truncatingIfNeeded: bytes), to: UInt32.self)
        for r in rows {
            let i = scaleIndex(b, row: r)
            if n == 4 && (firstBlock + b) & 3 == 0 {
                // Four consecutive scale columns starting at a multiple of 4 are contiguous
                // in both layouts.
                UnsafeMutableRawPointer(scales + i).storeBytes(of: packed, as: UInt32.self)
            } else {
                for j in 0..<n { scales[scaleIndex(b + j, row: r)] = UInt8(truncatingIfNeeded: bytes[j]) }
            }
        }
    }
}

@inline(__always)
func load4(_ p: UnsafePointer<Float>, _ i: Int) -> F4 {
    UnsafeRawPointer(p + i).loadUnaligned(as: F4.self)
}

@inline(__always)
func blockMax16(_ p: UnsafePointer<Float>) -> F4 {
    vmax(vmax(vabs(load4(p, 0)), vabs(load4(p, 4))), vmax(vabs(load4(p, 8)), vabs(load4(p, 12))))
}

/// E4M3 scales of four blocks: (scale byte, scale value, element multiplier).
@inline(__always)
func e4m3Scales(_ highPrecision: F4, dec: F4) -> (code: I4, scale: F4, k: F4) {
    let code = e4m3Code(highPrecision)
    let scale = e4m3Value(code)
    return (code, scale, elementMultiplier(dec: dec, scale: scale))
}

/// The element encoders of the static kernels.
protocol ElementEncoder {
    static func encode<R: RoundingPolicy>(_ y: F4, noise: F4, _ r: R.Type) -> I4
}
enum E2M1Encoder: ElementEncoder {
    @inline(__always) static func encode<R: RoundingPolicy>(_ y: F4, noise: F4, _ r: R.Type) -> I4 {
        e2m1(y, noise: noise, r).code
    }
}
enum INT4Encoder: ElementEncoder {
    @inline(__always) static func encode<R: RoundingPolicy>(_ y: F4, noise: F4, _ r: R.Type) -> I4 {
        int4(y, noise: noise, r).code
    }
}

@inline(__always)
func noiseVector<R: RoundingPolicy>(_ n: UnsafePointer<Float>, _ i: Int, _: R.Type) -> F4 {
    R.isStochastic ? load4(n, i) : F4()
}

/// Codes of one 16-value block with multiplier vector `k`, packed.
@inline(__always)
func encodeBlock16<E: ElementEncoder, R: RoundingPolicy>(_ x: UnsafePointer<Float>, _ n: UnsafePointer<Float>,
                                                         _ k: F4, _: E.Type, _ r: R.Type) -> UInt64 {
    let c0 = E.encode(load4(x, 0) * k, noise: noiseVector(n, 0, r), r)
    let c1 = E.encode(load4(x, 4) * k, noise: noiseVector(n, 4, r), r)
    let c2 = E.encode(load4(x, 8) * k, noise: noiseVector(n, 8, r), r)
    let c3 = E.encode(load4(x, 12) * k, noise: noiseVector(n, 12, r), r)
    return packNibbles(c0, c1, c2, c3)
}

@inline(__always)
func storeCodes(_ p: UnsafeMutablePointer<UInt8>, _ v: UInt64) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: UInt64.self)
}

// MARK: - Static E4M3-scaled blocks (NVFP4 static6/static4, NVINT4)

/// Quantizes `blockCount` 16-value blocks of `x` (zero-padded to a multiple of 64 floats).
func quantizeRowStatic<E: ElementEncoder, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, blockCount: Int, out: RowOutput,
    constants c: KernelConstants, _ e: E.Type, _ r: R.Type
) {
    let invM = F4(repeating: c.maxValue), enc = F4(repeating: c.encodeScale)
    let dec = F4(repeating: c.inverseEncodeScale)
    var b = 0
    while b < blockCount {
        let p = x + 16 * b, q = noise + 16 * b
        let bmax = horizontalMax4(blockMax16(p), blockMax16(p + 16), blockMax16(p + 32), blockMax16(p + 48))
        let (code, _, k) = e4m3Scales((bmax / invM) * enc, dec: dec)
        let n = min(4, blockCount - b)
        let o = out.codes + 8 * b
        storeCodes(o, encodeBlock16(p, q, F4(repeating: k[0]), e, r))
        if n > 1 { storeCodes(o + 8, encodeBlock16(p + 16, q + 16, F4(repeating: k[1]), e, r)) }
        if n > 2 { storeCodes(o + 16, encodeBlock16(p + 32, q + 32, F4(repeating: k[2]), e, r)) }
        if n > 3 { storeCodes(o + 24, encodeBlock16(p + 48, q + 48, F4(repeating: k[3]), e, r)) }
        out.storeScales(code, group: b, count: n, rows: out.row..<(out.row + 1))
        b += 4
    }
}

// MARK: - NVFP4 4/6 (mse, mae, absMax)

/// One block's two candidates: packed codes and the partial error vectors
/// (p[0..4), p[4..8) of the reference order, or the lane maxima for absMax).
@inline(__always)
func candidates46<Rule: ErrorRule, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, _ n: UnsafePointer<Float>, k6: F4, k4: F4, s6: F4, s4: F4, amax: F4, divisor: F4,
    _: Rule.Type, _ r: R.Type
) -> (codes6: UInt64, codes4: UInt64, e6: ErrorVectors, e4: ErrorVectors) {
    var c6 = (I4(), I4(), I4(), I4()), c4 = (I4(), I4(), I4(), I4())
    var err6 = (F4(), F4(), F4(), F4()), err4 = (F4(), F4(), F4(), F4())
    @inline(__always) func one(_ i: Int) -> (I4, I4, F4, F4) {
        let v = load4(x, 4 * i), z = noiseVector(n, 4 * i, r)
        let q6 = e2m1(v * k6, noise: z, r), q4 = e2m1(v * k4, noise: z, r)
        let d6 = ((q6.value * s6) * amax) / divisor
        let d4 = ((q4.value * s4) * amax) / divisor
        return (q6.code, q4.code, Rule.term(d6 - v), Rule.term(d4 - v))
    }
    (c6.0, c4.0, err6.0, err4.0) = one(0)
    (c6.1, c4.1, err6.1, err4.1) = one(1)
    (c6.2, c4.2, err6.2, err4.2) = one(2)
    (c6.3, c4.3, err6.3, err4.3) = one(3)
    return (packNibbles(c6.0, c6.1, c6.2, c6.3), packNibbles(c4.0, c4.1, c4.2, c4.3), err6, err4)
}

/// The 16 per-element errors of one block, in element order.
typealias ErrorVectors = (F4, F4, F4, F4)

/// Block errors of four blocks (one per lane): `ErrorReduction.sum` for n = 16 (pairs
/// e[k] + e[k+8], then a left-to-right sum over k), or the maximum for absMax.
@inline(__always)
func blockErrors<Rule: ErrorRule>(_ a: ErrorVectors, _ b: ErrorVectors, _ c: ErrorVectors, _ d: ErrorVectors,
                                  _: Rule.Type) -> F4 {
    if Rule.isMax {
        @inline(__always) func m(_ e: ErrorVectors) -> F4 { vmax(vmax(e.0, e.2), vmax(e.1, e.3)) }
        return horizontalMax4(m(a), m(b), m(c), m(d))
    }
    let (t0, t1, t2, t3) = transpose(a.0 + a.2, b.0 + b.2, c.0 + c.2, d.0 + d.2)
    let (t4, t5, t6, t7) = transpose(a.1 + a.3, b.1 + b.3, c.1 + c.3, d.1 + d.3)
    return ((((((t0 + t1) + t2) + t3) + t4) + t5) + t6) + t7
}

/// NVFP4 with 4/6 selection; returns the number of blocks that chose 4.
func quantizeRowFourOverSix<Rule: ErrorRule, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, blockCount: Int, out: RowOutput,
    constants c: KernelConstants, _ rule: Rule.Type, _ r: R.Type
) -> Int {
    let m = F4(repeating: c.maxValue), enc = F4(repeating: c.encodeScale)
    let dec = F4(repeating: c.inverseEncodeScale)
    let amax = F4(repeating: c.amax), divisor = F4(repeating: c.product)
    var alternatives = 0
    var b = 0
    while b < blockCount {
        let p = x + 16 * b, q = noise + 16 * b
        let bmax = horizontalMax4(blockMax16(p), blockMax16(p + 16), blockMax16(p + 32), blockMax16(p + 48))
        let sHP = (bmax / m) * enc
        let six = e4m3Scales(sHP, dec: dec)
        let four = e4m3Scales(sHP * 1.5, dec: dec)
        @inline(__always) func block(_ j: Int) -> (UInt64, UInt64, ErrorVectors, ErrorVectors) {
            candidates46(p + 16 * j, q + 16 * j, k6: F4(repeating: six.k[j]), k4: F4(repeating: four.k[j]),
                         s6: F4(repeating: six.scale[j]), s4: F4(repeating: four.scale[j]),
                         amax: amax, divisor: divisor, rule, r)
        }
        let n = min(4, blockCount - b)
        let zero: ErrorVectors = (F4(), F4(), F4(), F4()), none = (UInt64(0), UInt64(0), zero, zero)
        let b0 = block(0), b1 = n > 1 ? block(1) : none, b2 = n > 2 ? block(2) : none, b3 = n > 3 ? block(3) : none
        let err6 = blockErrors(b0.2, b1.2, b2.2, b3.2, rule)
        let err4 = blockErrors(b0.3, b1.3, b2.3, b3.3, rule)
        let o = out.codes + 8 * b
        var chosen = six.code
        @inline(__always) func emit(_ j: Int, _ cand: (UInt64, UInt64, ErrorVectors, ErrorVectors)) {
            guard j < n else { return }
            let useFour = err4[j] < err6[j]
            storeCodes(o + 8 * j, useFour ? cand.1 : cand.0)
            if useFour { chosen[j] = four.code[j]; alternatives += 1 }
        }
        emit(0, b0); emit(1, b1); emit(2, b2); emit(3, b3)
        out.storeScales(chosen, group: b, count: n, rows: out.row..<(out.row + 1))
        b += 4
    }
    return alternatives
}

// MARK: - IF4 (FP4 or INT4 per block)

@inline(__always)
func candidatesIF4<Rule: ErrorRule, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, _ n: UnsafePointer<Float>, k: F4, s: F4, amax: F4, divisor: F4,
    _: Rule.Type, _ r: R.Type
) -> (codesFP: UInt64, codesInt: UInt64, eFP: ErrorVectors, eInt: ErrorVectors) {
    let expandReciprocal = F4(repeating: ReferenceBlock.if4IntExpansionReciprocal)
    let expand = F4(repeating: ReferenceBlock.if4IntExpansion)
    var cf = (I4(), I4(), I4(), I4()), ci = (I4(), I4(), I4(), I4())
    var ef = (F4(), F4(), F4(), F4()), ei = (F4(), F4(), F4(), F4())
    @inline(__always) func one(_ i: Int) -> (I4, I4, F4, F4) {
        let v = load4(x, 4 * i), z = noiseVector(n, 4 * i, r)
        let y = v * k
        let qf = e2m1(y, noise: z, r), qi = int4(y * expandReciprocal, noise: z, r)
        let df = ((qf.value * s) * amax) / divisor
        let di = (((qi.value * s) * amax) * expand) / divisor
        return (qf.code, qi.code, Rule.term(df - v), Rule.term(di - v))
    }
    (cf.0, ci.0, ef.0, ei.0) = one(0)
    (cf.1, ci.1, ef.1, ei.1) = one(1)
    (cf.2, ci.2, ef.2, ei.2) = one(2)
    (cf.3, ci.3, ef.3, ei.3) = one(3)
    return (packNibbles(cf.0, cf.1, cf.2, cf.3), packNibbles(ci.0, ci.1, ci.2, ci.3), ef, ei)
}

/// IF4; returns the number of INT4 blocks.
func quantizeRowIF4<Rule: ErrorRule, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, blockCount: Int, out: RowOutput,
    constants c: KernelConstants, _ rule: Rule.Type, _ r: R.Type
) -> Int {
    let m = F4(repeating: c.maxValue), enc = F4(repeating: c.encodeScale)
    let dec = F4(repeating: c.inverseEncodeScale)
    let amax = F4(repeating: c.amax), divisor = F4(repeating: c.product)
    var alternatives = 0
    var b = 0
    while b < blockCount {
        let p = x + 16 * b, q = noise + 16 * b
        let bmax = horizontalMax4(blockMax16(p), blockMax16(p + 16), blockMax16(p + 32), blockMax16(p + 48))
        let sc = e4m3Scales((bmax / m) * enc, dec: dec)
        @inline(__always) func block(_ j: Int) -> (UInt64, UInt64, ErrorVectors, ErrorVectors) {
            candidatesIF4(p + 16 * j, q + 16 * j, k: F4(repeating: sc.k[j]), s: F4(repeating: sc.scale[j]),
                          amax: amax, divisor: divisor, rule, r)
        }
        let n = min(4, blockCount - b)
        let zero: ErrorVectors = (F4(), F4(), F4(), F4()), none = (UInt64(0), UInt64(0), zero, zero)
        let b0 = block(0), b1 = n > 1 ? block(1) : none, b2 = n > 2 ? block(2) : none, b3 = n > 3 ? block(3) : none
        let eFP = blockErrors(b0.2, b1.2, b2.2, b3.2, rule)
        let eInt = blockErrors(b0.3, b1.3, b2.3, b3.3, rule)
        let o = out.codes + 8 * b
        var chosen = sc.code
        @inline(__always) func emit(_ j: Int, _ cand: (UInt64, UInt64, ErrorVectors, ErrorVectors)) {
            guard j < n else { return }
            let useInt = eInt[j] < eFP[j]
            storeCodes(o + 8 * j, useInt ? cand.1 : cand.0)
            if useInt { chosen[j] &+= 128; alternatives += 1 }
        }
        emit(0, b0); emit(1, b1); emit(2, b2); emit(3, b3)
        out.storeScales(chosen, group: b, count: n, rows: out.row..<(out.row + 1))
        b += 4
    }
    return alternatives
}

// MARK: - MXFP4 (32-value blocks, UE8M0 scales)

/// Quantizes `blockCount` 32-value blocks of `x` (zero-padded to a multiple of 128 floats).
func quantizeRowMX<R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, blockCount: Int, out: RowOutput,
    constants c: KernelConstants, _ r: R.Type
) {
    let m = F4(repeating: c.maxValue)
    var b = 0
    while b < blockCount {
        let p = x + 32 * b, q = noise + 32 * b
        @inline(__always) func max32(_ p: UnsafePointer<Float>) -> F4 { vmax(blockMax16(p), blockMax16(p + 16)) }
        let bmax = horizontalMax4(max32(p), max32(p + 32), max32(p + 64), max32(p + 96))
        let (e, k) = mxScales(bmax, maxValue: m)
        let n = min(4, blockCount - b)
        let o = out.codes + 16 * b
        for j in 0..<n {
            let kj = F4(repeating: k[j])
            storeCodes(o + 16 * j, encodeBlock16(p + 32 * j, q + 32 * j, kj, E2M1Encoder.self, r))
            storeCodes(o + 16 * j + 8, encodeBlock16(p + 32 * j + 16, q + 32 * j + 16, kj, E2M1Encoder.self, r))
        }
        out.storeScales(e, group: b, count: n, rows: out.row..<(out.row + 1))
        b += 4
    }
}

/// UE8M0 scale bytes of four blocks and the multiplier 1/scale (0 where the byte is 0).
/// x / 2^k and x · 2^-k round identically, and 2^-k is exact for every byte the block
/// maxima of finite inputs produce, so the multiplication reproduces the reference's division.
@inline(__always)
func mxScales(_ bmax: F4, maxValue: F4) -> (code: I4, k: F4) {
    let e = ue8m0RoundingUp(bmax / maxValue)
    let scale = floats(e &<< 23)
    let k = (F4(repeating: 1) / scale).replacing(with: 0, where: e .== 0)
    return (e, k)
}
