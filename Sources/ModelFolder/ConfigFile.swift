// A config.json (or any JSON object file of a model folder) read once with JSONText, and typed
// access to its keys.
//
// Promises: `ConfigFile(path:)` reads the file strictly (RFC 8259, no JSONSerialization) and
// requires a top-level object; each accessor returns nil for an absent key or null, the value
// when it has the asked type, and otherwise throws `ModelFolderError.invalidConfigValue` naming
// the file and the key — it never converts between kinds (a string "1" is not an integer).
// `foundationObject` gives the same object as Foundation values (integers as Int, other numbers
// as Double, in key order of a dictionary) for writers that re-emit config.json with
// JSONSerialization, so rewritten files keep the bytes they had before.

import Foundation
import JSONText

public struct ConfigFile: Sendable {
    /// Where it was read from (used in error messages).
    public let path: String
    /// The top-level object.
    public let json: JSONValue

    /// Reads and parses `path`.
    public init(path: String) throws(ModelFolderError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path: path) }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Parses JSON text; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(ModelFolderError) {
        let value: JSONValue
        do { value = try JSONReader.parse(bytes) } catch {
            throw .invalidJSON(path: path, reason: error.description)
        }
        guard case .object = value else { throw .invalidJSON(path: path, reason: "not a JSON object") }
        self.init(json: value, path: path)
    }

    /// A parsed object (e.g. one nested in another file).
    public init(json: JSONValue, path: String) {
        self.path = path
        self.json = json
    }

    /// The raw value of `key`, nil when absent.
    public subscript(key: String) -> JSONValue? { json[key] }

    /// True when `key` is present and not null.
    public func has(_ key: String) -> Bool { json[key].map { !$0.isNull } ?? false }

    private func present(_ key: String) -> JSONValue? {
        guard let v = json[key], !v.isNull else { return nil }
        return v
    }

    private func wrongType(_ key: String, _ expected: String, _ v: JSONValue) -> ModelFolderError {
        .invalidConfigValue(path: path, key: key, reason: "not \(expected) (\(v.kindName))")
    }

    /// The value of `key` through `view`: nil when absent or null, an error naming `expected`
    /// when `view` gives nil.
    private func typed<T>(_ key: String, _ expected: String, _ view: (JSONValue) -> T?) throws(ModelFolderError) -> T? {
        guard let v = present(key) else { return nil }
        guard let t = view(v) else { throw wrongType(key, expected, v) }
        return t
    }

    public func int(_ key: String) throws(ModelFolderError) -> Int? { try typed(key, "an integer", \.int) }
    public func double(_ key: String) throws(ModelFolderError) -> Double? { try typed(key, "a number", \.double) }
    public func bool(_ key: String) throws(ModelFolderError) -> Bool? { try typed(key, "a boolean", \.bool) }
    public func string(_ key: String) throws(ModelFolderError) -> String? { try typed(key, "a string", \.string) }

    public func strings(_ key: String) throws(ModelFolderError) -> [String]? {
        try typed(key, "an array of strings") { v in
            guard let a = v.array else { return nil }
            let s = a.compactMap(\.string)
            return s.count == a.count ? s : nil
        }
    }

    /// An integer or an array of integers (e.g. `eos_token_id`).
    public func ints(_ key: String) throws(ModelFolderError) -> [Int]? {
        try typed(key, "an integer or an array of integers") { v in
            if let n = v.int { return [n] }
            guard let a = v.array else { return nil }
            let n = a.compactMap(\.int)
            return n.count == a.count ? n : nil
        }
    }

    /// A nested object, as a `ConfigFile` whose errors name `path` and the key.
    public func object(_ key: String) throws(ModelFolderError) -> ConfigFile? {
        try typed(key, "an object") { v in v.members == nil ? nil : ConfigFile(json: v, path: "\(path) \"\(key)\"") }
    }

    /// The object as Foundation values (for JSONSerialization writers).
    public var foundationObject: [String: Any] { Self.foundation(json) as? [String: Any] ?? [:] }

    static func foundation(_ v: JSONValue) -> Any {
        switch v {
        case let .object(members):
            var d: [String: Any] = [:]
            for m in members { d[m.key] = foundation(m.value) }
            return d
        case let .array(a): return a.map(foundation)
        case let .string(s): return s
        case let .integer(i): return i
        case let .otherNumber(literal): return Double(literal) ?? Double.nan
        case let .bool(b): return b
        case .null: return NSNull()
        }
    }
}
