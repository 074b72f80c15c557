// E2M1 (FP4): the 4-bit element format of NVFP4, MXFP4 and IF4.
//
// Promises: `E2M1.code(forScaled:)` is the round-half-to-even quantizer of the spec
// (§1), `E2M1.stochasticCode(forScaled:noise:)` its unbiased stochastic variant, and
// `E2M1.value(ofCode:)` the exact decoder. Codes are `sign << 3 | index`, index 0…7 in
// the order 0, 0.5, 1, 1.5, 2, 3, 4, 6.

/// The FP4 E2M1 element format: ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}.
///
/// Round to nearest, ties to even, on the magnitude `a = |y|`:
///
/// | segment      | rule              | examples                      |
/// |--------------|-------------------|-------------------------------|
/// | `a < 2`      | `rne(2a) / 2`     | 0.25 → 0, 0.75 → 1, 1.25 → 1  |
/// | `2 ≤ a < 4`  | `rne(a)`          | 2.5 → 2, 3.5 → 4              |
/// | `a ≥ 4`      | `2·rne(a/2)`, ≤ 6 | 5 → 4, 5.01 → 6, 7 → 6, 100 → 6 |
///
/// The sign is kept when the magnitude rounds to zero: −0.1 is stored as code 8
/// (negative zero); +0 and −0.0 inputs store code 0. Saturates at 6, never produces NaN.
/// Callers reject NaN inputs before quantizing.
public enum E2M1 {
    /// The 8 magnitudes in code order.
    public static let magnitudes: [Float] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]

    /// All 16 codes decoded, indexed by code (code 8 decodes to −0).
    public static let decodeTable: [Float] = (0..<16).map { code in
        let m = magnitudes[code & 7]
        return code & 8 != 0 ? -m : m
    }

    /// The largest magnitude, 6.
    public static let maxValue: Float = 6

    /// Decodes a 4-bit code (only the low nibble is read).
    @inlinable
    public static func value(ofCode code: UInt8) -> Float {
        decodeTable[Int(code & 0xF)]
    }

    /// Round-half-to-even quantization of an already block-scaled value `y`.
    /// - Example: `code(forScaled: 2.5) == 4` (value 2), `code(forScaled: -0.1) == 8`.
    @inlinable
    public static func code(forScaled y: Float) -> UInt8 {
        let a = min(Swift.abs(y), 8)  // clamping at 8 leaves every result unchanged (≥ 6 saturates)
        let index: Int
        if a < 2 {
            index = Int(roundHalfEven(2 * a))  // 0…4 (4 is the value 2)
        } else if a < 4 {
            index = Int(roundHalfEven(a)) + 2  // 4…6
        } else {
            index = min(Int(roundHalfEven(a / 2)), 3) + 4  // 6…7
        }
        return UInt8(index) | (y < 0 ? 8 : 0)
    }

    /// Stochastic rounding of `y` with `noise` uniform in [−0.5, 0.5):
    /// `rne(2a + r)/2`, `rne(a + r)`, `2·rne(a/2 + r)` by the same segments, saturated at 6.
    /// Unbiased inside each segment: E[value] = a for every unclamped `a`.
    @inlinable
    public static func stochasticCode(forScaled y: Float, noise r: Float) -> UInt8 {
        let a = min(Swift.abs(y), 8)
        let index: Int
        if a < 2 {
            index = max(Int(roundHalfEven(2 * a + r)), 0)
        } else if a < 4 {
            index = Int(roundHalfEven(a + r)) + 2
        } else {
            index = min(Int(roundHalfEven(a / 2 + r)), 3) + 4
        }
        return UInt8(index) | (y < 0 ? 8 : 0)
    }
}

/// Round half to even for |v| < 2^22, by adding and removing 1.5·2^23 in float32
/// (exact under the default rounding mode; needs no SSE4.1 `roundps`).
@inlinable
public func roundHalfEven(_ v: Float) -> Float {
    let magic: Float = 12_582_912  // 1.5 · 2^23
    return (v + magic) - magic
}
