// Lanewise (SIMD4, one SSE register) versions of the element and scale codecs of BlockFormats.
//
// Promises: for every lane, each function returns bit for bit what its scalar twin in
// BlockFormats / ReferenceBlock returns for the inputs the fast path feeds it (finite or
// ±infinity values; never NaN): `e2m1` ≡ `E2M1.code(forScaled:)` / `stochasticCode`,
// `int4` ≡ `INT4.code(forScaled:)` / `stochasticCode`, `e4m3Code` ≡ `E4M3.code(for:)` for
// x ≥ 0, `e4m3Value` ≡ `E4M3.value(ofCode:)` for codes 0…0x7E, `ue8m0RoundingUp` ≡
// `UE8M0.roundingUp` for finite s ≥ 0. Tests in CPUKernelsTests compare them with the
// scalar twins on exhaustive or dense input sets.
//
// Everything lowers to baseline x86-64 (SSE2) instructions: no `roundps`, no
// float→int conversion, no `SIMD.min/max` (they scalarize), no horizontal reductions.
// Rounding uses the magic-number trick `(v + 1.5·2^k) − 1.5·2^k`, whose step 2^(k−23) is
// picked per lane from the exponent of the clamped magnitude, and reads the integer result
// from the bit pattern of the sum.

#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

typealias F4 = SIMD4<Float>
typealias I4 = SIMD4<Int32>

@inline(__always) func bits(_ v: F4) -> I4 { unsafeBitCast(v, to: I4.self) }
@inline(__always) func floats(_ v: I4) -> F4 { unsafeBitCast(v, to: F4.self) }

// The few operations whose generic SIMD spelling does not reliably become one SSE
// instruction once inlined (LLVM rewrites `replacing(with:where:)` selects into blends and
// per-lane branches) use the SSE2 intrinsics on x86-64; elsewhere the portable spelling.
#if arch(x86_64)
@inline(__always) private func m(_ v: F4) -> __m128 { v }  // __m128 imports as SIMD4<Float>
@inline(__always) private func f(_ v: __m128) -> F4 { v }
@inline(__always) private func mi(_ v: I4) -> __m128i { unsafeBitCast(v, to: __m128i.self) }
@inline(__always) private func i(_ v: __m128i) -> I4 { unsafeBitCast(v, to: I4.self) }

/// Lanewise minimum (`minps`; the inputs are never NaN).
@inline(__always) func vmin(_ a: F4, _ b: F4) -> F4 { f(_mm_min_ps(m(a), m(b))) }
/// Lanewise maximum (`maxps`; the inputs are never NaN).
@inline(__always) func vmax(_ a: F4, _ b: F4) -> F4 { f(_mm_max_ps(m(a), m(b))) }
/// `v`, with 0 where `mask` is 0.
@inline(__always) func zeroWhereZero(_ v: F4, mask: F4) -> F4 {
    f(_mm_andnot_ps(_mm_cmpeq_ps(m(mask), _mm_setzero_ps()), m(v)))
}
@inline(__always) func zeroWhereZero(_ v: F4, mask: I4) -> F4 {
    f(_mm_andnot_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(mi(mask), _mm_setzero_si128())), m(v)))
}
/// All-ones lanes where a < b (`cmpltps`).
@inline(__always) func lessThanLanes(_ a: F4, _ b: F4) -> I4 { i(_mm_castps_si128(_mm_cmplt_ps(m(a), m(b)))) }
/// Bit j set iff lane j's sign bit is set (`movmskps`).
@inline(__always) func signMask(_ v: I4) -> Int { Int(_mm_movemask_ps(_mm_castsi128_ps(mi(v)))) }
/// Lanewise maximum of 16-bit integers (`pmaxsw`).
@inline(__always) func vmax16(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD8<Int16> {
    unsafeBitCast(
        _mm_max_epi16(unsafeBitCast(a, to: __m128i.self), unsafeBitCast(b, to: __m128i.self)),
        to: SIMD8<Int16>.self)
}
/// Low bytes of 8 lanes (values 0…255): `packssdw` + `packuswb`.
@inline(__always) func packBytes(_ lo: I4, _ hi: I4) -> UInt64 {
    let w = _mm_packs_epi32(mi(lo), mi(hi))
    return UInt64(bitPattern: _mm_cvtsi128_si64(_mm_packus_epi16(w, w)))
}
/// Interleaves four rows of 8 16-bit values: result t holds elements 2t and 2t+1 of rows
/// 0…3, as (r0[2t], r1[2t], r2[2t], r3[2t], r0[2t+1], …).
@inline(__always) func interleave4x8(_ r0: SIMD8<UInt16>, _ r1: SIMD8<UInt16>, _ r2: SIMD8<UInt16>, _ r3: SIMD8<UInt16>)
    -> (SIMD8<UInt16>, SIMD8<UInt16>, SIMD8<UInt16>, SIMD8<UInt16>)
{
    @inline(__always) func v(_ x: SIMD8<UInt16>) -> __m128i { unsafeBitCast(x, to: __m128i.self) }
    @inline(__always) func u(_ x: __m128i) -> SIMD8<UInt16> { unsafeBitCast(x, to: SIMD8<UInt16>.self) }
    let a = _mm_unpacklo_epi16(v(r0), v(r1)), b = _mm_unpackhi_epi16(v(r0), v(r1))
    let c = _mm_unpacklo_epi16(v(r2), v(r3)), d = _mm_unpackhi_epi16(v(r2), v(r3))
    return (
        u(_mm_unpacklo_epi32(a, c)), u(_mm_unpackhi_epi32(a, c)), u(_mm_unpacklo_epi32(b, d)),
        u(_mm_unpackhi_epi32(b, d))
    )
}
#else
@inline(__always) func interleave4x8(_ r0: SIMD8<UInt16>, _ r1: SIMD8<UInt16>, _ r2: SIMD8<UInt16>, _ r3: SIMD8<UInt16>)
    -> (SIMD8<UInt16>, SIMD8<UInt16>, SIMD8<UInt16>, SIMD8<UInt16>)
{
    func t(_ i: Int) -> SIMD8<UInt16> {
        SIMD8(r0[2 * i], r1[2 * i], r2[2 * i], r3[2 * i], r0[2 * i + 1], r1[2 * i + 1], r2[2 * i + 1], r3[2 * i + 1])
    }
    return (t(0), t(1), t(2), t(3))
}
@inline(__always) func vmin(_ a: F4, _ b: F4) -> F4 { a.replacing(with: b, where: b .< a) }
@inline(__always) func vmax(_ a: F4, _ b: F4) -> F4 { a.replacing(with: b, where: b .> a) }
@inline(__always) func zeroWhereZero(_ v: F4, mask: F4) -> F4 { v.replacing(with: 0, where: mask .== 0) }
@inline(__always) func zeroWhereZero(_ v: F4, mask: I4) -> F4 { v.replacing(with: 0, where: mask .== 0) }
@inline(__always) func lessThanLanes(_ a: F4, _ b: F4) -> I4 {
    I4(a[0] < b[0] ? -1 : 0, a[1] < b[1] ? -1 : 0, a[2] < b[2] ? -1 : 0, a[3] < b[3] ? -1 : 0)
}
@inline(__always) func signMask(_ v: I4) -> Int {
    (v[0] < 0 ? 1 : 0) | (v[1] < 0 ? 2 : 0) | (v[2] < 0 ? 4 : 0) | (v[3] < 0 ? 8 : 0)
}
@inline(__always) func vmax16(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD8<Int16> {
    a.replacing(with: b, where: b .> a)
}
@inline(__always) func packBytes(_ lo: I4, _ hi: I4) -> UInt64 {
    unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: SIMD8<Int32>(lowHalf: lo, highHalf: hi)), to: UInt64.self)
}
#endif

/// |v| by clearing the sign bit.
@inline(__always) func vabs(_ v: F4) -> F4 { floats(bits(v) & 0x7FFF_FFFF) }

/// The rounding policy of a kernel, resolved at compile time by specialization.
protocol RoundingPolicy {
    static var isStochastic: Bool { get }
    /// Adaptive kernels choose from round-to-nearest errors, then round the choice with noise.
    static var choosesFromNearest: Bool { get }
}
extension RoundingPolicy { static var choosesFromNearest: Bool { false } }
enum NearestRounding: RoundingPolicy { static var isStochastic: Bool { false } }
enum StochasticRounding: RoundingPolicy { static var isStochastic: Bool { true } }
/// `Rounding.stochasticUnbiased` (for the adaptive kernels; the static ones use `StochasticRounding`).
enum StochasticRoundingNearestChoice: RoundingPolicy {
    static var isStochastic: Bool { true }
    static var choosesFromNearest: Bool { true }
}

/// The block-error rule of an adaptive kernel, resolved at compile time.
protocol ErrorRule {
    /// True for absMax (the block error is a maximum, not a sum).
    static var isMax: Bool { get }
    /// Per-element error of a difference d − x.
    static func term(_ diff: F4) -> F4
}
enum SquaredError: ErrorRule {
    static var isMax: Bool { false }
    @inline(__always) static func term(_ diff: F4) -> F4 { diff * diff }
}
enum AbsoluteError: ErrorRule {
    static var isMax: Bool { false }
    @inline(__always) static func term(_ diff: F4) -> F4 { vabs(diff) }
}
enum MaxAbsoluteError: ErrorRule {
    static var isMax: Bool { true }
    @inline(__always) static func term(_ diff: F4) -> F4 { vabs(diff) }
}

/// E2M1 code (sign << 3 | index) and decoded value of a block-scaled `y`.
///
/// Nearest: the magnitude a = min(|y|, 6) is rounded at the step of its segment (0.5 below
/// 2, 1 below 4, 2 above) by adding M = 1.5·2^(22+E), E ∈ {0, 1, 2} the exponent of
/// max(a, 1); `bits(a + M) − bits(M)` is then the number of steps, and the index is
/// steps + 2E. (Clamping at 6 instead of 8 changes nothing: every a ≥ 6 rounds to 6.)
/// Stochastic: a = min(|y|, 7) plus r·step, then the same; there the sum can reach 8, which
/// saturates to index 7 — exactly the reference's `rne(2a + r)/2`, `rne(a + r)`,
/// `2·rne(a/2 + r)` capped at 6, since scaling by the step is exact (and every a ≥ 7 gives 6).
/// The sign nibble is set iff y < 0 (not for −0), as `E2M1.code(forScaled:)` does.
@inline(__always)
func e2m1<R: RoundingPolicy>(_ y: F4, noise r: F4, _: R.Type) -> (code: I4, value: F4) {
    let yBits = bits(y)
    let a = vmin(floats(yBits & 0x7FFF_FFFF), F4(repeating: R.isStochastic ? 7 : 6))
    let e = bits(vmax(a, F4(repeating: 1))) & 0x7F80_0000
    let mBits = e &+ ((22 << 23) | 0x40_0000)
    let m = floats(mBits)
    let s: F4
    if R.isStochastic {
        let step = floats(e &- (1 << 23))
        s = (a + r * step) + m
    } else {
        s = a + m
    }
    var index = (bits(s) &- mBits) &+ ((e &>> 22) &- 254)
    var magnitude = s - m
    if R.isStochastic {
        index = index &- (index &>> 3)
        magnitude = vmin(magnitude, F4(repeating: 6))
    }
    let code = index | (lessThanLanes(y, F4()) & 8)
    let value = floats(bits(magnitude) | (yBits & Int32.min))
    return (code, value)
}

/// INT4 code (two's-complement nibble) and value of a block-scaled `y`:
/// nearest `clamp(rne(y), −7, 7)`; stochastic `sign(y)·rne(min(|y| + r, 7))`.
@inline(__always)
func int4<R: RoundingPolicy>(_ y: F4, noise r: F4, _: R.Type) -> (code: I4, value: F4) {
    let magic = F4(repeating: 12_582_912)  // 1.5 · 2^23: step 1
    let magicBits = bits(magic)
    let q: I4
    if R.isStochastic {
        let t = vmin(vabs(y) + r, F4(repeating: 7))
        let m = bits(t + magic) &- magicBits  // ≥ 0: t ≥ −0.5 rounds to 0
        let sign = bits(y) &>> 31
        q = (m ^ sign) &- sign
    } else {
        let t = vmax(vmin(y, F4(repeating: 7)), F4(repeating: -7))
        q = bits(t + magic) &- magicBits
    }
    return (q & 0xF, F4(q))
}

/// E4M3 code of x ≥ 0 (finite or +inf), round half to even, saturating at 448 (0x7E).
/// The step is 2^(E−3) with E = max(exponent(x), −6) (the subnormal step 2^-9 below 2^-6);
/// code = steps + 8·(E + 6).
@inline(__always)
func e4m3Code(_ x: F4) -> I4 {
    let a = vmin(x, F4(repeating: 448))
    let e = bits(vmax(a, F4(repeating: 0x1p-6))) & 0x7F80_0000
    let mBits = e &+ ((20 << 23) | 0x40_0000)  // 1.5 · 2^(E+20)
    let s = a + floats(mBits)
    return (bits(s) &- mBits) &+ (e &>> 20) &- 968
}

/// The value of E4M3 codes 0…0x7E.
@inline(__always)
func e4m3Value(_ c: I4) -> F4 {
    let normal = (c &<< 20) &+ (120 << 23)
    let subnormal = bits(floats((c &<< 20) &+ (121 << 23)) - F4(repeating: 0x1p-6))
    let isSubnormal = (c &- 8) &>> 31
    return floats((normal & ~isSubnormal) | (subnormal & isSubnormal))
}

/// `UE8M0.roundingUp(s)` for finite s ≥ 0: the exponent field, plus one if the mantissa is
/// non-zero.
@inline(__always)
func ue8m0RoundingUp(_ s: F4) -> I4 {
    let b = bits(s)
    let mantissaNonZero = I4(truncatingIfNeeded: SIMD4<UInt32>(truncatingIfNeeded: 0 &- (b & 0x7F_FFFF)) &>> 31)
    return ((b &>> 23) &+ mantissaNonZero) & 0xFF
}

/// `1 / (dec · scale)`, or 0 where scale is 0 (`TensorQuantizationContext.elementMultiplier`).
@inline(__always)
func elementMultiplier(dec: F4, scale: F4) -> F4 {
    zeroWhereZero(F4(repeating: 1) / (dec * scale), mask: scale)
}

/// Transposes four vectors: lane j of result i is lane i of input j.
@inline(__always)
func transpose(_ a: F4, _ b: F4, _ c: F4, _ d: F4) -> (F4, F4, F4, F4) {
    let t0 = F4(lowHalf: a.lowHalf, highHalf: b.lowHalf)  // a0 a1 b0 b1
    let t1 = F4(lowHalf: c.lowHalf, highHalf: d.lowHalf)  // c0 c1 d0 d1
    let t2 = F4(lowHalf: a.highHalf, highHalf: b.highHalf)  // a2 a3 b2 b3
    let t3 = F4(lowHalf: c.highHalf, highHalf: d.highHalf)  // c2 c3 d2 d3
    return (
        F4(t0.evenHalf, t1.evenHalf), F4(t0.oddHalf, t1.oddHalf),
        F4(t2.evenHalf, t3.evenHalf), F4(t2.oddHalf, t3.oddHalf)
    )
}

extension SIMD4 where Scalar == Float {
    @inline(__always) init(_ lo: SIMD2<Float>, _ hi: SIMD2<Float>) { self.init(lowHalf: lo, highHalf: hi) }
}

/// Packs 16 codes (four vectors, element order) into the 8 nibble-packed bytes of a block:
/// byte j = code 2j | code 2j+1 << 4.
@inline(__always)
func packNibbles(_ c0: I4, _ c1: I4, _ c2: I4, _ c3: I4) -> UInt64 {
    let lo = I4(lowHalf: c0.evenHalf, highHalf: c1.evenHalf) | (I4(lowHalf: c0.oddHalf, highHalf: c1.oddHalf) &<< 4)
    let hi = I4(lowHalf: c2.evenHalf, highHalf: c3.evenHalf) | (I4(lowHalf: c2.oddHalf, highHalf: c3.oddHalf) &<< 4)
    return packBytes(lo, hi)
}
