// JSON: a small, strict JSON reader for tokenizer files. It keeps object members in file order as
// (key, value) pairs and keeps strings exactly as written (no Unicode normalization and no
// dictionary keyed by Swift String, whose equality is canonical equivalence): a vocabulary may
// hold both "é" and "e\u{301}" and they must stay two tokens.

enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Member lookup by key (ASCII field names; the last duplicate wins, as with serde).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        var found: JSONValue?
        for m in members where m.key.utf8.elementsEqual(key.utf8) { found = m.value }
        return found
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    var members: [(key: String, value: JSONValue)]? { if case .object(let o) = self { return o }; return nil }
    var isNull: Bool { if case .null = self { return true }; return false }
    var int: Int? {
        guard case .number(let d) = self, d == d.rounded(), abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }
    var double: Double? { if case .number(let d) = self { return d }; return nil }
}

struct JSONParseError: Error {
    let message: String
}

/// Parses a whole JSON document from UTF-8 bytes.
func parseJSON(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    return try parser.parseDocument()
}

private struct JSONParser {
    let bytes: [UInt8]
    var pos = 0
    var scratch: [UInt8] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        scratch.reserveCapacity(64)
    }

    func fail(_ what: String) -> JSONParseError {
        JSONParseError(message: "\(what) at byte offset \(pos)")
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        // Tolerate a UTF-8 byte order mark.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if pos != bytes.count { throw fail("unexpected trailing characters") }
        return value
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > 512 { throw fail("nesting too deep") }
        skipWhitespace()
        guard pos < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let key = try parseString()
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                pos += 1
                let value = try parseValue(depth: depth + 1)
                members.append((key, value))
                skipWhitespace()
                guard pos < bytes.count else { throw fail("unterminated object") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            pos += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard pos < bytes.count else { throw fail("unterminated array") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true"); return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false"); return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw fail("unexpected character")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw fail("unexpected end of input") }
        let p = word.utf8Start
        for i in 0..<n where bytes[pos + i] != p[i] { throw fail("invalid literal") }
        pos += n
    }

    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        var sawDigit = false
        var isInteger = true
        while pos < bytes.count {
            let c = bytes[pos]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { sawDigit = true; pos += 1; continue }
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                || ((c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && pos > start
                    && (bytes[pos - 1] == UInt8(ascii: "e") || bytes[pos - 1] == UInt8(ascii: "E"))) {
                isInteger = false; pos += 1; continue
            }
            break
        }
        guard sawDigit else { throw fail("invalid number") }
        if isInteger && pos - start <= 15 {
            var v = 0
            var i = start
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            while i < pos { v = v * 10 + Int(bytes[i] - UInt8(ascii: "0")); i += 1 }
            return Double(negative ? -v : v)
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard let d = Double(text) else { throw fail("invalid number") }
        return d
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    mutating func appendScalar(_ v: UInt32) {
        let s = Unicode.Scalar(v) ?? "\u{FFFD}"
        scratch.append(contentsOf: UTF8.encode(s)!)
    }

    /// Parses a string starting at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        pos += 1  // opening quote
        // Fast path: no escapes.
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<pos], as: UTF8.self)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("control character in string") }
            pos += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<pos])
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c < 0x20 { throw fail("control character in string") }
            if c != UInt8(ascii: "\\") { scratch.append(c); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let u = try hex4()
                if u >= 0xD800 && u < 0xDC00 {
                    // High surrogate: combine with a following \uDC00-\uDFFF escape.
                    if pos + 6 <= bytes.count && bytes[pos] == UInt8(ascii: "\\") && bytes[pos + 1] == UInt8(ascii: "u") {
                        let save = pos
                        pos += 2
                        let low = try hex4()
                        if low >= 0xDC00 && low < 0xE000 {
                            appendScalar(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                        } else {
                            appendScalar(0xFFFD)
                            pos = save
                        }
                    } else {
                        appendScalar(0xFFFD)
                    }
                } else if u >= 0xDC00 && u < 0xE000 {
                    appendScalar(0xFFFD)
                } else {
                    appendScalar(u)
                }
            default:
                throw fail("invalid escape")
            }
        }
        throw fail("unterminated string")
    }
}
