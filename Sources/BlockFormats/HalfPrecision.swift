// BF16 and F16 <-> F32 conversions.
//
// Promises: widening is exact; narrowing rounds to nearest, ties to even; NaN stays NaN
// (quiet); F16 overflow becomes ±infinity, as IEEE conversion does.

public enum BFloat16 {
    @inlinable
    public static func float(fromBits bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Round-half-to-even narrowing. Example: 1.00390625 (tie) → 1.0; NaN → 0x7FC0.
    @inlinable
    public static func bits(from x: Float) -> UInt16 {
        if x.isNaN { return 0x7FC0 | UInt16(x.bitPattern >> 16 & 0x8000) }
        let b = x.bitPattern
        return UInt16(truncatingIfNeeded: (b &+ 0x7FFF &+ ((b >> 16) & 1)) >> 16)
    }

    /// `x` rounded to the nearest BF16 value, as a float32.
    @inlinable
    public static func rounded(_ x: Float) -> Float {
        float(fromBits: bits(from: x))
    }
}

public enum Float16Bits {
    /// Exact widening of an IEEE binary16 bit pattern.
    @inlinable
    public static func float(fromBits h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = Int(h >> 10) & 0x1F
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0x1F {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        if exponent == 0 {
            // Zero or subnormal: mantissa · 2^-24, exact in float32.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign != 0 ? -magnitude : magnitude
        }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
    }

    /// Round-half-to-even narrowing to binary16.
    @inlinable
    public static func bits(from x: Float) -> UInt16 {
        let b = x.bitPattern
        let sign = UInt16(b >> 16 & 0x8000)
        let a = Swift.abs(x)
        if x.isNaN { return sign | 0x7E00 }
        if a >= 65520 { return sign | 0x7C00 }  // rounds to infinity
        if a < 0x1p-14 {
            // Subnormal: multiples of 2^-24.
            return sign | UInt16(roundHalfEven(a * 0x1p24))
        }
        let ab = a.bitPattern
        let rounded = (ab &+ 0xFFF &+ ((ab >> 13) & 1)) >> 13
        return sign | UInt16(rounded - (112 << 10))
    }
}
