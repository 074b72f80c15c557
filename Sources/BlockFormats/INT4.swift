// INT4: the 4-bit two's-complement element format of NVINT4 and IF4's integer blocks.
//
// Promises: values −7…7 (−8 is never produced); `code(for:)` is clamp then round-half-even;
// zero decodes to +0.

public enum INT4 {
    /// Two's-complement nibble of `q` (an integer in −8…7).
    @inlinable
    public static func code(forInteger q: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: q) & 0xF
    }

    /// `clamp(rne(y), −7, 7)` as a nibble. Example: 2.5 → 2, −3.5 → −4 (0xC), 9 → 7.
    @inlinable
    public static func code(forScaled y: Float) -> UInt8 {
        let q = roundHalfEven(min(max(y, -7), 7))
        return code(forInteger: Int(q))
    }

    /// Stochastic rounding: `sign(y) · rne(clamp(|y| + r, ·, 7))`, r uniform in [−0.5, 0.5).
    @inlinable
    public static func stochasticCode(forScaled y: Float, noise r: Float) -> UInt8 {
        let m = Int(roundHalfEven(min(Swift.abs(y) + r, 7)))
        return code(forInteger: y < 0 ? -max(m, 0) : max(m, 0))
    }

    /// The integer value of a nibble (sign-extended); 0x8 decodes to −8.
    @inlinable
    public static func integer(ofCode code: UInt8) -> Int {
        let n = Int(code & 0xF)
        return n >= 8 ? n - 16 : n
    }

    @inlinable
    public static func value(ofCode code: UInt8) -> Float {
        Float(integer(ofCode: code))
    }
}
