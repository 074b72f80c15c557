// ByteLevelMapping: GPT-2's reversible byte <-> printable-character table (`bytes_to_unicode`).
// Byte-level BPE spells every byte of the text as one of 256 visible characters ("Ġ" for a space)
// before the model sees it; the ByteLevel decoder maps those characters back to bytes.

enum ByteLevelMapping {
    /// byteToScalar[b] is the character that stands for byte b.
    static let byteToScalar: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var n: UInt32 = 0
        for b in 0..<256 {
            let printable = (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b)
            if printable {
                table[b] = UInt32(b)
            } else {
                table[b] = 256 + n
                n += 1
            }
        }
        return table
    }()

    /// UTF-8 encoding of byteToScalar[b], for building mapped words quickly.
    static let byteToUTF8: [[UInt8]] = byteToScalar.map { utf8Bytes(of: $0) }

    /// scalarToByte[c] for c < 0x144 (the largest mapped character is U+0143); -1 when unmapped.
    static let scalarToByte: [Int16] = {
        var table = [Int16](repeating: -1, count: 0x144)
        for (b, c) in byteToScalar.enumerated() { table[Int(c)] = Int16(b) }
        return table
    }()

    /// Replaces every byte of `bytes` by the UTF-8 of its mapped character.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(contentsOf: byteToUTF8[Int(b)]) }
        return out
    }

    /// The bytes a token stands for, or nil when it contains a character outside the table.
    static func decode(_ token: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(token.utf8.count)
        for s in token.unicodeScalars {
            let v = Int(s.value)
            guard v < scalarToByte.count, scalarToByte[v] >= 0 else { return nil }
            out.append(UInt8(scalarToByte[v]))
        }
        return out
    }
}
