// Loads the reference fixtures written by tools/tokenizer-fixtures/make_fixtures.py (expected ids
// and decoded text from the Hugging Face `tokenizers` library) from this target's resources.

import Foundation
import TestSupport
import Tokenizers

struct ExpectedTokenizer: Decodable {
    let vocabularySize: Int
    let bos: Int?
    let eos: Int?
    let tokens: [String: String]
}

struct EncodeCase: Decodable {
    let tokenizer: String
    let text: String
    let ids: [Int]
    let decoded: String
    let decodedWithSpecial: String
}

struct DecodeCase: Decodable {
    let tokenizer: String
    let ids: [Int]
    let decoded: String
    let decodedWithSpecial: String
}

struct FileCase: Decodable {
    let tokenizer: String
    let text: String
    let ids: String
    let count: Int
    let decodeEqualsText: Bool
    let decoded: String?
}

struct Expected: Decodable {
    let tokenizersVersion: String
    let tokenizers: [String: ExpectedTokenizer]
    let cases: [EncodeCase]
    let decodeCases: [DecodeCase]
    let files: [FileCase]
}

enum Fixtures {
    static let folder = FixtureFolder(bundle: .module)

    static func url(_ name: String) -> URL { folder.url(name) }

    static let expected: Expected = folder.decode(Expected.self, from: "expected.json")

    static func text(_ name: String) -> String { folder.text(name) }

    /// Little-endian Int32 ids.
    static func ids(_ name: String) -> [Int] { folder.int32s(name) }

    static func tokenizerPath(_ name: String) -> String { folder.path(name + "/tokenizer.json") }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: Tokenizer] = [:]

    static func tokenizer(_ name: String) -> Tokenizer {
        lock.lock()
        defer { lock.unlock() }
        if let t = loaded[name] { return t }
        let t = try! Tokenizer(contentsOf: tokenizerPath(name))
        loaded[name] = t
        return t
    }

    static var tokenizerNames: [String] { expected.tokenizers.keys.sorted() }
}

/// Describes the first position where two id sequences differ.
func firstDifference(_ got: [Int], _ want: [Int]) -> String? {
    if got == want { return nil }
    let n = min(got.count, want.count)
    var i = 0
    while i < n && got[i] == want[i] { i += 1 }
    let lo = max(0, i - 3)
    return
        "lengths \(got.count) vs \(want.count); first difference at \(i): "
        + "got \(Array(got[lo..<min(got.count, i + 5)])) "
        + "want \(Array(want[lo..<min(want.count, i + 5)]))"
}
