// Fast loads and scans of the quantizers' input (`TensorElements`: F32, BF16 or F16, read in
// place, never copied whole to float32).
//
// Promises: `scanMagnitude` returns max |x| over a range of rows (exactly the float32 that
// `ReferenceQuantizer.defaultAmax` computes over those values) and whether any element is
// NaN or infinite; `firstNonFinite` finds the first such element in row-major order (what
// `QuantizationError.nonFinite` reports). BF16/F16 widen exactly (BlockFormats' conversions).

import BlockFormats
import CPUKernelsISA

// MARK: - Loading: 8 consecutive elements as two float vectors

/// Widens 8 BF16 bit patterns (exact).
@inline(__always)
func widenBF16(_ p: UnsafePointer<UInt16>) -> (F4, F4) {
    widenBF16Lanes(UnsafeRawPointer(p).loadUnaligned(as: SIMD8<UInt16>.self))
}

/// Widens 8 finite F16 bit patterns (exact, subnormals included; see `widenF16Lanes`).
@inline(__always)
func widenF16(_ p: UnsafePointer<UInt16>) -> (F4, F4) {
    widenF16Lanes(UnsafeRawPointer(p).loadUnaligned(as: SIMD8<UInt16>.self))
}

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> (F4, F4) {
    (UnsafeRawPointer(p).loadUnaligned(as: F4.self), UnsafeRawPointer(p + 4).loadUnaligned(as: F4.self))
}

/// Converts `n` elements starting at `start` into `out` (float32).
@inline(__always)
func widen(_ x: TensorElements, start: Int, count n: Int, into out: UnsafeMutablePointer<Float>) {
    switch x {
    case let .f32(b):
        out.update(from: b.baseAddress! + start, count: n)
        return
    case let .bf16(b):
        widenHalves(b.baseAddress! + start, count: n, into: out, widenBF16, BFloat16.float(fromBits:))
    case let .f16(b):
        widenHalves(b.baseAddress! + start, count: n, into: out, widenF16, Float16Bits.float(fromBits:))
    }
}

/// `n` 16-bit floats → float32: eight at a time with `vector`, the tail with `scalar`.
@inline(__always)
private func widenHalves(
    _ p: UnsafePointer<UInt16>, count n: Int, into out: UnsafeMutablePointer<Float>,
    _ vector: (UnsafePointer<UInt16>) -> (F4, F4), _ scalar: (UInt16) -> Float
) {
    var i = 0
    while i + 8 <= n {
        let (lo, hi) = vector(p + i)
        UnsafeMutableRawPointer(out + i).storeBytes(of: lo, as: F4.self)
        UnsafeMutableRawPointer(out + i + 4).storeBytes(of: hi, as: F4.self)
        i += 8
    }
    while i < n { out[i] = scalar(p[i]); i += 1 }
}

// MARK: - Scans

/// max |x| and a non-finite flag over elements `range` (flat indices).
func scanMagnitude(_ x: TensorElements, _ range: Range<Int>, isa: QuantizationISA = .selected)
    -> (amax: Float, nonFinite: Bool)
{
    @inline(__always) func halfBits(_ p: UnsafePointer<UInt16>) -> UInt16 {
        isa == .avx2 ? fos_max_magnitude16_avx2(p + range.lowerBound, range.count) : scanHalfBits(p, range)
    }
    switch x {
    case let .f32(b): return scanF32(b.baseAddress!, range)
    case let .bf16(b):
        let m = halfBits(b.baseAddress!)
        return (BFloat16.float(fromBits: m), m >= 0x7F80)
    case let .f16(b):
        let m = halfBits(b.baseAddress!)
        return (m >= 0x7C00 ? 0 : Float16Bits.float(fromBits: m), m >= 0x7C00)
    }
}

/// The largest magnitude bit pattern (sign cleared) of 16-bit floats: magnitudes of BF16
/// and F16 order like their bit patterns, and NaN/inf patterns lie above every finite one.
private func scanHalfBits(_ p: UnsafePointer<UInt16>, _ range: Range<Int>) -> UInt16 {
    var i = range.lowerBound
    var acc = SIMD8<Int16>(repeating: 0), acc2 = SIMD8<Int16>(repeating: 0)
    let mask = SIMD8<Int16>(repeating: 0x7FFF)
    while i + 16 <= range.upperBound {
        let a = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Int16>.self) & mask
        let b = UnsafeRawPointer(p + i + 8).loadUnaligned(as: SIMD8<Int16>.self) & mask
        acc = vmax16(acc, a)
        acc2 = vmax16(acc2, b)
        i += 16
    }
    acc = vmax16(acc, acc2)
    var m: Int16 = 0
    for lane in 0..<8 { m = max(m, acc[lane]) }
    while i < range.upperBound { m = max(m, Int16(bitPattern: p[i] & 0x7FFF)); i += 1 }
    return UInt16(bitPattern: m)
}

private func scanF32(_ p: UnsafePointer<Float>, _ range: Range<Int>) -> (amax: Float, nonFinite: Bool) {
    var i = range.lowerBound
    var m0 = F4(), m1 = F4()
    var bad = I4()
    let limit = I4(repeating: 0x7F7F_FFFF)
    while i + 8 <= range.upperBound {
        let (a, b) = load8(p + i)
        let ab = bits(a) & 0x7FFF_FFFF, bb = bits(b) & 0x7FFF_FFFF
        bad |= (limit &- ab) | (limit &- bb)  // negative iff a magnitude ≥ infinity
        m0 = vmax(m0, floats(ab))
        m1 = vmax(m1, floats(bb))
        i += 8
    }
    let v = vmax(m0, m1)
    var m: Float = max(max(v[0], v[1]), max(v[2], v[3]))
    var nonFinite = (bad[0] | bad[1] | bad[2] | bad[3]) < 0
    while i < range.upperBound {
        let v = p[i]
        if !v.isFinite { nonFinite = true } else { m = max(m, Swift.abs(v)) }
        i += 1
    }
    return (nonFinite ? 0 : m, nonFinite)
}

/// The first NaN or infinite element in row-major order, if any.
func firstNonFinite(_ x: TensorElements) -> (index: Int, value: Float)? {
    // Scan in chunks with the fast scan, then locate inside the first bad chunk.
    let chunk = 1 << 14
    var start = 0
    while start < x.count {
        let end = min(x.count, start + chunk)
        if scanMagnitude(x, start..<end).nonFinite {
            for i in start..<end where !x.value(at: i).isFinite { return (i, x.value(at: i)) }
        }
        start = end
    }
    return nil
}
