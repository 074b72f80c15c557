// JSONWriting.swift — writes a JSONValue back as compact JSON text.
// Promises: `serialized()` is one line of JSON that `JSONReader.parse` reads back as the same tree:
// members in their order (duplicates kept), strings through `jsonQuoted`, integers in decimal, and
// other numbers as the literal text they were read from.

extension JSONValue {
    /// The value as compact JSON text (no whitespace between tokens).
    public func serialized() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                out += jsonQuoted(m.key)
                out += ":"
                m.value.write(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .string(let s): out += jsonQuoted(s)
        case .integer(let n): out += String(n)
        case .otherNumber(let text): out += text
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }
}
