// Tokenizers built from GGUF metadata equal transformers' own GGUF conversion
// (Fixtures/gguf, written by tools/gguf-fixtures/make_tokenizer_fixtures.py): the same tokenizer.json,
// the same ids on a stress string (with and without special tokens) and on two whole texts, the same
// bos / eos ids and decoded text; files that describe no supported tokenizer are refused by name.

import Foundation
import GGUF
import JSONText
import Testing

@testable import Tokenizers

@Suite struct GGUFTokenizerTests {
    static let names = ["gpt2-smollm", "gpt2-llama-bpe", "gpt2-qwen2", "gpt2-default", "llama-spm"]

    static let expected: JSONValue = try! JSONReader.parse(Fixtures.folder.bytes("gguf/expected.json"))

    static func file(_ name: String) throws -> GGUFFile {
        try GGUFFile(path: Fixtures.url("gguf/\(name).gguf").path)
    }

    /// FNV-1a 64 of the ids as little-endian int32 bytes (as the fixture script computes it).
    static func fnv1a64(_ ids: [Int]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for id in ids {
            for byte in withUnsafeBytes(of: Int32(id).littleEndian, Array.init) {
                h = (h ^ UInt64(byte)) &* 0x100_0000_01B3
            }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test(arguments: names)
    func tokenizerJSONEqualsTransformers(_ name: String) throws {
        let files = try GGUFTokenizerFiles(Self.file(name))
        let reference = try JSONReader.parse(Fixtures.folder.bytes("gguf/\(name).tokenizer.json"))
        #expect(files.tokenizerJSON.serialized() == reference.serialized())
    }

    @Test(arguments: names)
    func idsEqualTransformers(_ name: String) throws {
        let tokenizer = try Tokenizer(gguf: Self.file(name))
        let case_ = try #require(Self.expected["fixtures"]?[name])
        let stress = try #require(Self.expected["stress"]?.string)
        let ids = tokenizer.encode(stress)
        #expect(ids == case_["stress"]?.array?.compactMap(\.int))
        #expect(
            tokenizer.encode(stress, addSpecialTokens: true)
                == case_["stressWithSpecialTokens"]?.array?.compactMap(\.int))
        #expect(tokenizer.bosTokenID == case_["bos"]?.int)
        #expect(tokenizer.eosTokenID == case_["eos"]?.int)
        #expect(tokenizer.decode(ids, skipSpecialTokens: false) == case_["decodedStress"]?.string)
        for text in ["austen-slice.txt", "tinystories-sample.txt"] {
            let whole = tokenizer.encode(Fixtures.text(text))
            #expect(whole.count == case_["texts"]?[text]?["count"]?.int, "\(name) \(text)")
            #expect(Self.fnv1a64(whole) == case_["texts"]?[text]?["fnv1a64"]?.string, "\(name) \(text)")
        }
    }

    @Test func preTokenizersMatter() throws {
        // The fixtures are built so that the regexes give different ids on the stress string.
        let stress = try #require(Self.expected["stress"]?.string)
        let ids = try Self.names.map { name in try Tokenizer(gguf: Self.file(name)).encode(stress) }
        #expect(Set(ids.prefix(4).map { $0.map(String.init).joined(separator: ",") }).count == 3)
    }

    @Test func configCarriesTheSpecialTokens() throws {
        let config = try GGUFTokenizerFiles(Self.file("gpt2-smollm")).tokenizerConfig
        #expect(config["add_bos_token"]?.bool == false)
        #expect(config["add_eos_token"]?.bool == false)
        #expect(config["bos_token"]?.string == "<|im_start|>")
        #expect(config["eos_token"]?.string == "<|im_end|>")
        #expect(config["unk_token"]?.string == "<|endoftext|>")
        #expect(config["pad_token"]?.string == "<|im_end|>")
        let spm = try GGUFTokenizerFiles(Self.file("llama-spm")).tokenizerConfig
        #expect(spm["add_bos_token"]?.bool == true)  // absent in the file: llama's default
        #expect(spm["pad_token"]?.isNull == true)
    }

    @Test func mergesRecoveredFromScoresFollowTransformers() {
        // Ties on score are broken by longer left piece, then longer right piece, then file order.
        let tokens = ["a", "b", "c", "ab", "bc", "abc", "cab"]
        let scores: [Float] = [0, 0, 0, -1, -1, -2, -2]
        let merges = GGUFTokenizerReader.generatedMerges(tokens: tokens, scores: scores)
        #expect(merges.map { "\($0.0) \($0.1)" } == ["a b", "b c", "ab c", "a bc", "c ab"])
    }

    @Test func unsupportedFilesAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "GGUFTokenizerTests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func gguf(_ entries: [(String, String)]) throws -> GGUFFile {
            func u32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
            func u64(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
            func string(_ s: String) -> [UInt8] { u64(UInt64(s.utf8.count)) + Array(s.utf8) }
            var bytes = Array("GGUF".utf8) + u32(3) + u64(0) + u64(UInt64(entries.count))
            for (key, value) in entries { bytes += string(key) + u32(8) + string(value) }
            let path = folder.appendingPathComponent(UUID().uuidString + ".gguf").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return try GGUFFile(path: path)
        }
        let none = try gguf([("general.architecture", "llama")])
        #expect(throws: TokenizerError.missingField(path: none.path, field: "tokenizer.ggml.model")) {
            try Tokenizer(gguf: none)
        }
        let t5 = try gguf([("tokenizer.ggml.model", "t5")])
        #expect(throws: TokenizerError.unsupportedModel(path: t5.path, type: "t5")) { try Tokenizer(gguf: t5) }
        let gemma = try gguf([("general.architecture", "gemma2"), ("tokenizer.ggml.model", "llama")])
        #expect(
            throws: TokenizerError.unsupportedComponent(
                path: gemma.path, component: "GGUF sentencepiece tokenizer of architecture", type: "gemma2")
        ) {
            try Tokenizer(gguf: gemma)
        }
        let noTokens = try gguf([("tokenizer.ggml.model", "gpt2")])
        #expect(throws: TokenizerError.missingField(path: noTokens.path, field: "tokenizer.ggml.tokens")) {
            try Tokenizer(gguf: noTokens)
        }
    }
}
