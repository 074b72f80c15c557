// 1-D block kernels: quantize the blocks of one pre-processed row segment four blocks at a
// time, one block per SSE lane. The segment is staged "interleaved": in each group of four
// blocks (64 floats; 128 for MXFP4's 32-value blocks) element e of block j sits at 4e + j,
// so element vector e is one load and every per-block quantity is a vertical operation.
//
// Promises: for each block, the stored codes, the scale byte and the "alternative" flag are
// bit-identical with `ReferenceBlock.quantize` (the scalar reference) for the tensor's
// context, including `Rounding.stochasticUnbiased` (choice from the noiseless candidates). The
// block errors follow `ErrorReduction.sum`'s order for n = 16: the pairs e[k] + e[k+8] added left
// to right over k = 0…7.

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
func encodeBlock16<E: ElementEncoder, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, _ n: UnsafePointer<Float>,
    _ k: F4, _: E.Type, _ r: R.Type
) -> UInt64 {
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

// MARK: - Lane layout: four blocks across the four lanes

/// Element vector e of an interleaved group: lane j is element e of block j.
@inline(__always)
func element(_ p: UnsafePointer<Float>, _ e: Int) -> F4 { load4(p, 4 * e) }

@inline(__always)
func noiseElement<R: RoundingPolicy>(_ p: UnsafePointer<Float>, _ e: Int, _: R.Type) -> F4 {
    R.isStochastic ? load4(p, 4 * e) : F4()
}

/// Block maxima of an interleaved group of `n` elements per block (lane j = block j).
@inline(__always)
func groupMax(_ p: UnsafePointer<Float>, elements n: Int) -> F4 {
    @inline(__always) func m8(_ q: UnsafePointer<Float>) -> F4 {
        vmax(
            vmax(vmax(vabs(load4(q, 0)), vabs(load4(q, 4))), vmax(vabs(load4(q, 8)), vabs(load4(q, 12)))),
            vmax(vmax(vabs(load4(q, 16)), vabs(load4(q, 20))), vmax(vabs(load4(q, 24)), vabs(load4(q, 28)))))
    }
    let m = vmax(m8(p), m8(p + 32))
    if n == 16 { return m }
    return vmax(m, vmax(m8(p + 64), m8(p + 96)))
}

/// Packed code words of four blocks (lane j = block j): word w holds the codes of elements
/// 8w ..< 8w+8, element e in bits 4·(e mod 8) — little-endian, the nibble order of a row.
struct CodeWords {
    var w0 = I4(), w1 = I4(), w2 = I4(), w3 = I4()

    @inline(__always)
    mutating func add(_ code: I4, element e: Int) {
        let c = code &<< Int32(4 * (e & 7))
        switch e >> 3 {
        case 0: w0 |= c
        case 1: w1 |= c
        case 2: w2 |= c
        default: w3 |= c
        }
    }

    /// Lanewise choice: `other` where `mask` is all ones.
    @inline(__always)
    func choosing(_ other: CodeWords, where mask: I4) -> CodeWords {
        CodeWords(
            w0: (w0 & ~mask) | (other.w0 & mask), w1: (w1 & ~mask) | (other.w1 & mask),
            w2: w2, w3: w3)
    }

    /// Stores the 8 bytes of each of the first `n` 16-value blocks at `out` (block j at 8j).
    /// Not inlined on purpose: inlined, LLVM pushes the final lane shuffles up through the
    /// shifts and ORs that build the words and turns them into per-lane multiplies.
    @inline(never)
    func store16(_ out: UnsafeMutablePointer<UInt8>, count n: Int) {
        let raw = UnsafeMutableRawPointer(out)
        if n == 4 {
            raw.storeBytes(of: I4(w0[0], w1[0], w0[1], w1[1]), as: I4.self)
            raw.storeBytes(of: I4(w0[2], w1[2], w0[3], w1[3]), toByteOffset: 16, as: I4.self)
            return
        }
        for j in 0..<n {
            raw.storeBytes(of: SIMD2<Int32>(w0[j], w1[j]), toByteOffset: 8 * j, as: SIMD2<Int32>.self)
        }
    }

    /// Stores the 16 bytes of each of the first `n` 32-value blocks at `out` (block j at 16j).
    @inline(never)
    func store32(_ out: UnsafeMutablePointer<UInt8>, count n: Int) {
        let raw = UnsafeMutableRawPointer(out)
        let (b0, b1, b2, b3) = transpose(floats(w0), floats(w1), floats(w2), floats(w3))
        raw.storeBytes(of: b0, as: F4.self)
        if n > 1 { raw.storeBytes(of: b1, toByteOffset: 16, as: F4.self) }
        if n > 2 { raw.storeBytes(of: b2, toByteOffset: 32, as: F4.self) }
        if n > 3 { raw.storeBytes(of: b3, toByteOffset: 48, as: F4.self) }
    }
}

/// Elements 4q ..< 4q+4 of an interleaved group: codes into `words`.
@inline(__always)
func encodeQuarter<E: ElementEncoder, R: RoundingPolicy>(
    _ p: UnsafePointer<Float>, _ z: UnsafePointer<Float>, _ q: Int,
    _ k: F4, _ words: inout CodeWords, _: E.Type, _ r: R.Type
) {
    @inline(__always) func one(_ e: Int) {
        words.add(E.encode(element(p, e) * k, noise: noiseElement(z, e, r), r), element: e)
    }
    one(4 * q); one(4 * q + 1); one(4 * q + 2); one(4 * q + 3)
}

// MARK: - Static E4M3-scaled blocks (NVFP4 static6/static4, NVINT4)

/// Quantizes `blockCount` 16-value blocks of `x` (zero-padded to a multiple of 64 floats).
func quantizeRowStatic<E: ElementEncoder, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, blockCount: Int, out: RowOutput,
    constants c: KernelConstants, _ e: E.Type, _ r: R.Type
) {
    let m = F4(repeating: c.maxValue), enc = F4(repeating: c.encodeScale)
    let dec = F4(repeating: c.inverseEncodeScale)
    var b = 0
    while b < blockCount {
        let p = x + 16 * b, z = noise + 16 * b
        let bmax = groupMax(p, elements: 16)
        let (code, _, k) = e4m3Scales((bmax / m) * enc, dec: dec)
        var words = CodeWords()
        encodeQuarter(p, z, 0, k, &words, e, r)
        encodeQuarter(p, z, 1, k, &words, e, r)
        encodeQuarter(p, z, 2, k, &words, e, r)
        encodeQuarter(p, z, 3, k, &words, e, r)
        let n = min(4, blockCount - b)
        words.store16(out.codes + 8 * b, count: n)
        out.storeScales(code, group: b, count: n, rows: out.row..<(out.row + 1))
        b += 4
    }
}

// MARK: - NVFP4 4/6 (mse, mae, absMax)

/// Running block errors of four blocks (lane j = block j) in `ErrorReduction.sum`'s order
/// for n = 16: pairs p_k = e[k] + e[k+8] added left to right over k; or the maximum.
struct LaneErrorSum<Rule: ErrorRule> {
    var total = F4()

    /// Adds the pair (e[k], e[k+8]) for k = 0, 1, … in order.
    @inline(__always)
    mutating func add(_ low: F4, _ high: F4) {
        if Rule.isMax {
            total = vmax(total, vmax(low, high))
        } else {
            total += low + high
        }
    }
}

/// One FP4 candidate of a group of four 16-value blocks (lane j = block j): codes into
/// `words`, the block errors into `err` in the reference's order (pairs e[k] + e[k+8],
/// k = 0…7). The dequantized value is ((q · scale) · amax) / divisor.
@inline(__always)
func fp4Candidate<Rule: ErrorRule, R: RoundingPolicy>(
    _ p: UnsafePointer<Float>, _ z: UnsafePointer<Float>, k: F4, scale: F4, amax: F4, divisor: F4,
    _ words: inout CodeWords, _ err: inout LaneErrorSum<Rule>, _ r: R.Type
) {
    @inline(__always) func one(_ e: Int) -> F4 {
        let v = element(p, e)
        let q = e2m1(v * k, noise: noiseElement(z, e, r), r)
        words.add(q.code, element: e)
        return Rule.term(((q.value * scale) * amax) / divisor - v)
    }
    // Written out: a `for` loop here is left rolled and then "vectorized" across its
    // iterations by LLVM into lane shuffles and scalar code.
    @inline(__always) func pair(_ e: Int) { err.add(one(e), one(e + 8)) }
    pair(0); pair(1); pair(2); pair(3); pair(4); pair(5); pair(6); pair(7)
}

/// IF4's INT4 candidate: q = INT4(y · 1.16666666), value (((q · scale) · amax) · 0.8571428571) / divisor.
@inline(__always)
func int4Candidate<Rule: ErrorRule, R: RoundingPolicy>(
    _ p: UnsafePointer<Float>, _ z: UnsafePointer<Float>, k: F4, scale: F4, amax: F4, divisor: F4,
    _ words: inout CodeWords, _ err: inout LaneErrorSum<Rule>, _ r: R.Type
) {
    let expandReciprocal = F4(repeating: ReferenceBlock.if4IntExpansionReciprocal)
    let expand = F4(repeating: ReferenceBlock.if4IntExpansion)
    @inline(__always) func one(_ e: Int) -> F4 {
        let v = element(p, e)
        let q = int4((v * k) * expandReciprocal, noise: noiseElement(z, e, r), r)
        words.add(q.code, element: e)
        return Rule.term((((q.value * scale) * amax) * expand) / divisor - v)
    }
    @inline(__always) func pair(_ e: Int) { err.add(one(e), one(e + 8)) }
    pair(0); pair(1); pair(2); pair(3); pair(4); pair(5); pair(6); pair(7)
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
        let p = x + 16 * b, z = noise + 16 * b
        let bmax = groupMax(p, elements: 16)
        let sHP = (bmax / m) * enc
        let six = e4m3Scales(sHP, dec: dec)
        let four = e4m3Scales(sHP * 1.5, dec: dec)
        var words6 = CodeWords(), words4 = CodeWords()
        var err6 = LaneErrorSum<Rule>(), err4 = LaneErrorSum<Rule>()
        // One candidate after the other: half the live values of interleaving them (SSE has
        // 16 registers), so far fewer spills.
        if R.choosesFromNearest {
            // Errors (the choice) without noise, then the codes of both with noise.
            var unused6 = CodeWords(), unused4 = CodeWords()
            var noiseErr6 = LaneErrorSum<Rule>(), noiseErr4 = LaneErrorSum<Rule>()
            fp4Candidate(
                p, z, k: six.k, scale: six.scale, amax: amax, divisor: divisor, &unused6, &err6, NearestRounding.self)
            fp4Candidate(
                p, z, k: four.k, scale: four.scale, amax: amax, divisor: divisor, &unused4, &err4, NearestRounding.self)
            fp4Candidate(p, z, k: six.k, scale: six.scale, amax: amax, divisor: divisor, &words6, &noiseErr6, r)
            fp4Candidate(p, z, k: four.k, scale: four.scale, amax: amax, divisor: divisor, &words4, &noiseErr4, r)
        } else {
            fp4Candidate(p, z, k: six.k, scale: six.scale, amax: amax, divisor: divisor, &words6, &err6, r)
            fp4Candidate(p, z, k: four.k, scale: four.scale, amax: amax, divisor: divisor, &words4, &err4, r)
        }
        let n = min(4, blockCount - b)
        let useFour = lessThanLanes(err4.total, err6.total) & validLanes(n)
        words6.choosing(words4, where: useFour).store16(out.codes + 8 * b, count: n)
        out.storeScales(
            (six.code & ~useFour) | (four.code & useFour), group: b, count: n, rows: out.row..<(out.row + 1))
        alternatives += laneCount(useFour)
        b += 4
    }
    return alternatives
}

/// All-ones in lanes 0 ..< n.
@inline(__always) func validLanes(_ n: Int) -> I4 {
    (I4(0, 1, 2, 3) &- I4(repeating: Int32(n))) &>> 31
}

/// Number of all-ones lanes.
@inline(__always) func laneCount(_ mask: I4) -> Int { signMask(mask).nonzeroBitCount }

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
        let p = x + 16 * b, z = noise + 16 * b
        let bmax = groupMax(p, elements: 16)
        let sc = e4m3Scales((bmax / m) * enc, dec: dec)
        var wordsFP = CodeWords(), wordsInt = CodeWords()
        var errFP = LaneErrorSum<Rule>(), errInt = LaneErrorSum<Rule>()
        if R.choosesFromNearest {
            var unusedFP = CodeWords(), unusedInt = CodeWords()
            var noiseErrFP = LaneErrorSum<Rule>(), noiseErrInt = LaneErrorSum<Rule>()
            fp4Candidate(
                p, z, k: sc.k, scale: sc.scale, amax: amax, divisor: divisor, &unusedFP, &errFP, NearestRounding.self)
            int4Candidate(
                p, z, k: sc.k, scale: sc.scale, amax: amax, divisor: divisor, &unusedInt, &errInt, NearestRounding.self)
            fp4Candidate(p, z, k: sc.k, scale: sc.scale, amax: amax, divisor: divisor, &wordsFP, &noiseErrFP, r)
            int4Candidate(p, z, k: sc.k, scale: sc.scale, amax: amax, divisor: divisor, &wordsInt, &noiseErrInt, r)
        } else {
            fp4Candidate(p, z, k: sc.k, scale: sc.scale, amax: amax, divisor: divisor, &wordsFP, &errFP, r)
            int4Candidate(p, z, k: sc.k, scale: sc.scale, amax: amax, divisor: divisor, &wordsInt, &errInt, r)
        }
        let n = min(4, blockCount - b)
        let useInt = lessThanLanes(errInt.total, errFP.total) & validLanes(n)
        wordsFP.choosing(wordsInt, where: useInt).store16(out.codes + 8 * b, count: n)
        out.storeScales(sc.code | (useInt & 128), group: b, count: n, rows: out.row..<(out.row + 1))
        alternatives += laneCount(useInt)
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
        let p = x + 32 * b, z = noise + 32 * b
        let bmax = groupMax(p, elements: 32)
        let (e, k) = mxScales(bmax, maxValue: m)
        var words = CodeWords()
        encodeQuarter(p, z, 0, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 1, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 2, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 3, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 4, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 5, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 6, k, &words, E2M1Encoder.self, r)
        encodeQuarter(p, z, 7, k, &words, E2M1Encoder.self, r)
        let n = min(4, blockCount - b)
        words.store32(out.codes + 16 * b, count: n)
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
    let k = zeroWhereZero(F4(repeating: 1) / scale, mask: e)
    return (e, k)
}
