// JSONValue.swift — the tree that a JSON text reads into.
// Promises: objects keep their members in text order, duplicate keys included (each reader of a
// format decides what a duplicate means); strings hold exactly the characters of the text, with no
// Unicode normalization; a number without fraction or exponent that fits in `Int` is that exact
// `Int`, and every other number keeps its literal text, so no number goes through Double unless a
// caller asks for one. All types are Sendable.

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable {
    public let key: String
    public let value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A parsed JSON value.
public enum JSONValue: Sendable {
    /// Members in text order; duplicate keys are kept.
    case object([JSONMember])
    case array([JSONValue])
    case string(String)
    /// A number without fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number, as its literal text (a fraction, an exponent, or an integer beyond `Int`).
    case otherNumber(String)
    case bool(Bool)
    case null

    /// A short name of the value's kind, for error messages ("an object", "a number", ...).
    public var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .integer, .otherNumber: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
