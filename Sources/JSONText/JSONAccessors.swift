// JSONAccessors.swift — optional views of a JSONValue, for readers of loosely typed files.
// Promises: each accessor returns nil when the value is of another kind and never converts between
// kinds (the string "1" is not a number, null is not false); `value[key]` compares keys byte for
// byte (UTF-8, not Swift's canonical equivalence) and, among duplicate keys, the last one wins as
// with serde_json maps; `int` is the value only for whole numbers below 9×10^15 in magnitude,
// however written (7, 7.0, 7e0), a range in which Double holds every whole number exactly.

extension JSONValue {
    /// The value of the last member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        var found: JSONValue?
        for member in members where member.key.utf8.elementsEqual(key.utf8) { found = member.value }
        return found
    }

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    /// The members in text order, duplicates included.
    public var members: [JSONMember]? { if case .object(let o) = self { return o }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// The number as the nearest Double (integer literals beyond 2^53, fractions and exponents
    /// round; literals beyond Double's range give nil).
    public var double: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .otherNumber(let literal):
            guard let d = Double(literal), d.isFinite else { return nil }
            return d
        default: return nil
        }
    }

    /// The number as an Int when it is whole and below 9×10^15 in magnitude.
    public var int: Int? {
        let limit = 9.0e15
        switch self {
        case .integer(let i):
            return Double(i.magnitude) < limit ? i : nil
        case .otherNumber:
            guard let d = double, d == d.rounded(), abs(d) < limit else { return nil }
            return Int(d)
        default:
            return nil
        }
    }
}
