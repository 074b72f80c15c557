// JSONQuoting.swift — writes a Swift string as a JSON string literal.
// Promises: `jsonQuoted(s)` is a JSON string literal, quotes included, that `JSONReader.parse`
// reads back as exactly `s` (same Unicode scalars); it escapes only what JSON requires (quote,
// backslash, control characters) and writes every other character as UTF-8.

/// `s` as a JSON string literal, quotes included. Non-ASCII characters are written as UTF-8.
public func jsonQuoted(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
    return out
}
