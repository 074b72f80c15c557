// UTF8Validation.swift — finds the first byte that breaks well-formed UTF-8.
// Promises: `firstInvalidUTF8Offset` returns nil exactly when the bytes are well-formed UTF-8 as
// Unicode defines it (no overlong forms, no encoded UTF-16 surrogates, nothing above U+10FFFF, no
// truncated sequences), and otherwise the offset of the first byte of the first bad sequence.

/// The offset of the first byte that is not part of well-formed UTF-8, or nil if all is well.
func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
        let b0 = bytes[i]
        if b0 < 0x80 { i += 1; continue }
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF  // allowed range of the second byte
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0  // no overlong forms
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F  // no UTF-16 surrogates
        case 0xF0: length = 4; lower = 0x90  // no overlong forms
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F  // nothing above U+10FFFF
        default: return i
        }
        if n - i < length { return i }
        let b1 = bytes[i + 1]
        if b1 < lower || b1 > upper { return i }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
        i += length
    }
    return nil
}
