// UnicodeText: helpers for working on UTF-8 byte arrays the way the Rust `tokenizers` library works
// on `str` — byte offsets, `char` = Unicode scalar — plus the character classes its patterns use
// (\p{L}, \p{N}, \s = White_Space, \w), with ASCII fast paths.

/// Number of bytes of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
@inline(__always)
func utf8Length(lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead >= 0xF0 { return 4 }
    if lead >= 0xE0 { return 3 }
    if lead >= 0xC0 { return 2 }
    return 1
}

/// Decodes the scalar starting at byte `i` of valid UTF-8 (as produced by Swift strings).
@inline(__always)
func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
    let c0 = UInt32(b[i])
    if c0 < 0x80 { return (c0, 1) }
    if c0 < 0xE0, i + 1 < b.count { return ((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
    if c0 < 0xF0, i + 2 < b.count {
        return ((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    if i + 3 < b.count {
        return (
            (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F), 4
        )
    }
    return (0xFFFD, 1)
}

/// The scalars of `bytes` and the byte offset at which each one starts (plus a final entry = count).
func scalarsWithOffsets(_ bytes: [UInt8]) -> (scalars: [UInt32], offsets: [Int]) {
    var scalars: [UInt32] = []
    var offsets: [Int] = []
    scalars.reserveCapacity(bytes.count)
    offsets.reserveCapacity(bytes.count + 1)
    bytes.withUnsafeBufferPointer { b in
        var i = 0
        while i < b.count {
            let (v, n) = decodeScalar(b, at: i)
            scalars.append(v)
            offsets.append(i)
            i += n
        }
    }
    offsets.append(bytes.count)
    return (scalars, offsets)
}

@inline(__always)
func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
        out.append(UInt8(v))
    } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

func utf8Bytes(of scalar: UInt32) -> [UInt8] {
    var out: [UInt8] = []
    appendUTF8(scalar, to: &out)
    return out
}

/// Strict UTF-8 validation (Rust `String::from_utf8` succeeds exactly when this is true).
func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    let s = String(decoding: bytes, as: UTF8.self)
    return s.utf8.elementsEqual(bytes)
}

/// Rust `String::from_utf8_lossy`: each maximal invalid subpart becomes one U+FFFD.
func lossyString(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

@inline(__always)
func scalarProperties(_ v: UInt32) -> Unicode.Scalar.Properties? {
    Unicode.Scalar(v)?.properties
}

/// Character classes used by the pre-tokenizer patterns.
enum CharClass: UInt8 {
    case letter  // \p{L}
    case number  // \p{N}
    case whitespace  // \s (Unicode White_Space)
    case other
}

private let asciiClasses: [CharClass] = (0..<128).map { (v: Int) -> CharClass in
    let u = UInt8(v)
    if (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) { return .letter }
    if u >= 0x30 && u <= 0x39 { return .number }
    if u == 0x20 || (u >= 0x09 && u <= 0x0D) { return .whitespace }
    return .other
}

@inline(__always)
func charClass(_ v: UInt32) -> CharClass {
    if v < 128 { return asciiClasses[Int(v)] }
    guard let p = scalarProperties(v) else { return .other }
    if p.isWhitespace { return .whitespace }
    switch p.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
        return .letter
    case .decimalNumber, .letterNumber, .otherNumber:
        return .number
    default:
        return .other
    }
}

/// Rust `char::is_whitespace` (the White_Space property).
@inline(__always)
func isWhitespace(_ v: UInt32) -> Bool { charClass(v) == .whitespace }

/// Rust `char::is_numeric` (general category Nd, Nl or No).
@inline(__always)
func isNumeric(_ v: UInt32) -> Bool { charClass(v) == .number }

/// Rust regex `\w` (Unicode): Alphabetic, marks, decimal numbers, connector punctuation, Join_Control.
func isWordCharacter(_ v: UInt32) -> Bool {
    if v < 128 {
        let u = UInt8(v)
        return (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0x30 && u <= 0x39) || u == 0x5F
    }
    guard let p = scalarProperties(v) else { return false }
    if p.isAlphabetic || p.isJoinControl { return true }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
    default: return false
    }
}

/// Unicode punctuation (general category P*), or ASCII punctuation (as `tokenizers` uses it).
func isPunctuation(_ v: UInt32) -> Bool {
    if v < 128 {
        let u = UInt8(v)
        return (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60)
            || (u >= 0x7B && u <= 0x7E)
    }
    guard let p = scalarProperties(v) else { return false }
    switch p.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return true
    default:
        return false
    }
}
