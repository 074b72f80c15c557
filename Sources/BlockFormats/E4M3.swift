// E4M3 ("float8_e4m3fn"): the block-scale format of NVFP4, NVINT4 and IF4.
//
// Promises: `E4M3.code(for:)` rounds a float32 to nearest, ties to even, exactly as
// PyTorch's `to(torch.float8_e4m3fn)` does for every value below 464; finite values at or
// above 448 saturate to 448 (0x7E) instead of becoming NaN. `E4M3.value(ofCode:)` decodes
// all 256 codes exactly (0x7F and 0xFF are NaN).

/// FP8 E4M3 (fn variant): 1 sign, 4 exponent bits (bias 7), 3 mantissa bits; no infinities;
/// max 448; smallest subnormal 2^-9.
///
/// | input          | code | decoded  |
/// |----------------|------|----------|
/// | 1.0            | 0x38 | 1.0      |
/// | 1.0625 (tie)   | 0x38 | 1.0 (even) |
/// | 1.1875 (tie)   | 0x3A | 1.25 (even) |
/// | 2^-10 (tie)    | 0x00 | 0        |
/// | 0.0029296875   | 0x02 | 2^-8 (= 1.5·2^-9 tie → even) |
/// | 500            | 0x7E | 448 (saturated) |
public enum E4M3 {
    public static let maxValue: Float = 448

    /// All 256 codes decoded; NaN for 0x7F and 0xFF.
    public static let decodeTable: [Float] = (0..<256).map { decodeSlow(UInt8($0)) }

    @inlinable
    public static func value(ofCode code: UInt8) -> Float {
        decodeTable[Int(code)]
    }

    /// Encodes `x` with round-half-to-even. NaN → 0x7F; |x| ≥ 448 → ±448.
    @inlinable
    public static func code(for x: Float) -> UInt8 {
        if x.isNaN { return 0x7F }
        let sign: UInt8 = x.sign == .minus ? 0x80 : 0
        let a = Swift.abs(x)
        if a >= 448 { return sign | 0x7E }
        if a < 0.015625 {
            // Subnormal range (below 2^-6): multiples of 2^-9; k = 8 is the smallest normal.
            return sign | UInt8(roundHalfEven(a * 512))
        }
        // Normal: keep 3 mantissa bits of the float32, rounding the 20 dropped bits to even.
        let bits = a.bitPattern
        let rounded = (bits &+ 0x7FFFF &+ ((bits >> 20) & 1)) >> 20
        // Rebias the exponent from 127 to 7: subtract (127 − 7) << 3.
        return sign | UInt8(rounded - (120 << 3))
    }

    /// Reference decoder, written from the format's definition.
    static func decodeSlow(_ code: UInt8) -> Float {
        let sign: Float = code & 0x80 != 0 ? -1 : 1
        let exponent = Int((code >> 3) & 0xF)
        let mantissa = Float(code & 7)
        if exponent == 15 && code & 7 == 7 { return .nan }
        if exponent == 0 { return sign * mantissa * 0x1p-9 }
        return sign * (1 + mantissa / 8) * Float(sign: .plus, exponent: exponent - 7, significand: 1)
    }
}
