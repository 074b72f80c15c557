// TestSupport.swift — helpers for the JSONText tests: parsing from Swift strings or raw bytes, and a
// compact rendering of a parsed tree whose text pins down kinds, member order and exact numbers.

import JSONText

/// Parses the UTF-8 of `text`.
func parse(
    _ text: String, maxDepth: Int = JSONReader.defaultMaxDepth, allowsByteOrderMark: Bool = false
) throws(JSONSyntaxError) -> JSONValue {
    try JSONReader.parse(Array(text.utf8), maxDepth: maxDepth, allowsByteOrderMark: allowsByteOrderMark)
}

/// The error parsing `bytes` gives, or nil when they parse.
func syntaxError(_ bytes: [UInt8], maxDepth: Int = JSONReader.defaultMaxDepth) -> JSONSyntaxError? {
    do {
        _ = try JSONReader.parse(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

/// The error parsing `text` gives, or nil when it parses.
func syntaxError(_ text: String, maxDepth: Int = JSONReader.defaultMaxDepth) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8), maxDepth: maxDepth)
}

/// A one-line rendering: `{k:v,...}`, `[...]`, `s"text"`, `i42`, `n1.5` (other numbers, literally),
/// `true`/`false`, `null`. Strings show their Unicode scalars in hex past ASCII, so two strings
/// render alike only when their scalars are the same.
func render(_ value: JSONValue) -> String {
    switch value {
    case .object(let members):
        return "{" + members.map { scalars($0.key) + ":" + render($0.value) }.joined(separator: ",") + "}"
    case .array(let elements):
        return "[" + elements.map(render).joined(separator: ",") + "]"
    case .string(let s): return "s" + scalars(s)
    case .integer(let i): return "i\(i)"
    case .otherNumber(let literal): return "n" + literal
    case .bool(let b): return "\(b)"
    case .null: return "null"
    }
}

private func scalars(_ s: String) -> String {
    "\"" + s.unicodeScalars.map { $0.isASCII ? String($0) : "<\(String($0.value, radix: 16))>" }.joined() + "\""
}
