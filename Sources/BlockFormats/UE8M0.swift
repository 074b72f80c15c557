// UE8M0: the power-of-two block scale of MXFP4 (OCP Microscaling).
//
// Promises: `UE8M0.value(ofCode:)` is 2^(e−127) for e < 255 and NaN for 0xFF;
// `UE8M0.roundingUp(_:)` is the MXFP4 scale choice of the spec (§4): the float32 exponent
// field of `s`, plus one when the mantissa is non-zero (a power of two at or above `s`).

public enum UE8M0 {
    @inlinable
    public static func value(ofCode code: UInt8) -> Float {
        if code == 0xFF { return .nan }
        if code == 0 { return 0x1p-127 }
        return Float(bitPattern: UInt32(code) << 23)
    }

    /// The exponent byte of the smallest power of two ≥ `s` (for s ≥ 0 finite), as the
    /// reference computes it on the float32 bit pattern: `e + (mantissa != 0 ? 1 : 0)`,
    /// wrapping like a uint8. Example: 1.0 → 127, 1.5 → 128, 0 → 0.
    @inlinable
    public static func roundingUp(_ s: Float) -> UInt8 {
        let bits = s.bitPattern
        let e = UInt8(truncatingIfNeeded: bits >> 23)
        return bits & 0x7FFFFF == 0 ? e : e &+ 1
    }

    /// The float32 whose bit pattern is `code << 23` (the reference's decoded scale; 0 for 0).
    @inlinable
    public static func scaleFloat(ofCode code: UInt8) -> Float {
        Float(bitPattern: UInt32(code) << 23)
    }
}
