// Nibble packing of 4-bit codes.
//
// Promises: byte j of a packed row holds element 2j in bits 0–3 and element 2j+1 in
// bits 4–7 (the order every Hugging Face-style checkpoint uses). Example: codes [1, 2]
// pack to 0x21.

public enum NibblePacking {
    @inlinable
    public static func pack(low: UInt8, high: UInt8) -> UInt8 {
        (low & 0xF) | (high << 4)
    }

    /// Packs `codes.count` (even) codes into `codes.count / 2` bytes.
    public static func pack(_ codes: [UInt8]) -> [UInt8] {
        precondition(codes.count % 2 == 0, "nibble packing needs an even count")
        return (0..<codes.count / 2).map { pack(low: codes[2 * $0], high: codes[2 * $0 + 1]) }
    }

    /// Unpacks bytes into twice as many codes.
    public static func unpack(_ bytes: [UInt8]) -> [UInt8] {
        var codes = [UInt8](repeating: 0, count: bytes.count * 2)
        for (j, b) in bytes.enumerated() {
            codes[2 * j] = b & 0xF
            codes[2 * j + 1] = b >> 4
        }
        return codes
    }

    /// Code of element `i` in a packed row.
    @inlinable
    public static func code(at i: Int, in packed: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let b = packed[i >> 1]
        return i & 1 == 0 ? b & 0xF : b >> 4
    }
}
