// Special tokens added by encode(_:addSpecialTokens: true) equal transformers' tokenizer(text) for
// each way a tokenizer can define them (Fixtures/special-tokens.json, written by
// tools/tokenizer-fixtures/make_special_token_fixtures.py, which builds the same folders).

import Foundation
import JSONText
import Testing
import Tokenizers

struct SpecialTokenCase {
    let name: String
    let base: String
    let postProcessor: JSONValue
    let config: JSONValue
    let texts: [String]
    let ids: [[Int]]
    let idsWithoutSpecial: [[Int]]
}

enum SpecialTokenFixtures {
    static let cases: [SpecialTokenCase] = {
        let root = try! JSONReader.parse(Fixtures.folder.bytes("special-tokens.json"))
        return root["cases"]!.array!.map { c in
            func idLists(_ key: String) -> [[Int]] { c[key]!.array!.map { $0.array!.map { $0.int! } } }
            return SpecialTokenCase(
                name: c["name"]!.string!, base: c["base"]!.string!, postProcessor: c["postProcessor"]!,
                config: c["config"]!, texts: c["texts"]!.array!.map { $0.string! },
                ids: idLists("ids"), idsWithoutSpecial: idLists("idsWithoutSpecial"))
        }
    }()

    /// The case's tokenizer folder, made as the generator made it: the base tokenizer.json with
    /// its post_processor replaced (unless "keep"), and the given tokenizer_config.json (the
    /// base's own for "keep", none for null).
    static func materialize(_ c: SpecialTokenCase) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("special-tokens-\(c.name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = Fixtures.url(c.base)
        let tokenizerText = try String(contentsOf: base.appendingPathComponent("tokenizer.json"), encoding: .utf8)
        var root = try JSONReader.parse(Array(tokenizerText.utf8))
        if c.postProcessor.string != "keep", case .object(var members) = root {
            members.removeAll { $0.key == "post_processor" }
            members.append(JSONMember(key: "post_processor", value: c.postProcessor))
            root = .object(members)
        }
        try Data(root.serialized().utf8).write(to: folder.appendingPathComponent("tokenizer.json"))
        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        if c.config.string == "keep" {
            let own = base.appendingPathComponent("tokenizer_config.json")
            if FileManager.default.fileExists(atPath: own.path) {
                try FileManager.default.copyItem(at: own, to: configURL)
            }
        } else if !c.config.isNull {
            try Data(c.config.serialized().utf8).write(to: configURL)
        }
        return folder.appendingPathComponent("tokenizer.json").path
    }
}

@Suite struct SpecialTokenTests {
    @Test func fixturesCoverEveryKindOfRule() {
        // The generator's cases: templates, config flags, Bert/Roberta, Sequence, ByteLevel, none.
        #expect(SpecialTokenFixtures.cases.count == 15)
    }

    @Test(arguments: SpecialTokenFixtures.cases.map(\.name))
    func idsEqualTransformers(_ name: String) throws {
        let c = SpecialTokenFixtures.cases.first { $0.name == name }!
        let path = try SpecialTokenFixtures.materialize(c)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let tokenizer = try Tokenizer(contentsOf: path)
        for (i, text) in c.texts.enumerated() {
            #expect(tokenizer.encode(text, addSpecialTokens: true) == c.ids[i], "\(name): \(text.debugDescription)")
            #expect(
                tokenizer.encode(text, addSpecialTokens: false) == c.idsWithoutSpecial[i],
                "\(name): \(text.debugDescription)")
        }
    }

    @Test func ruleDescribesItsOrigin() throws {
        let stories = try Tokenizer(contentsOf: Fixtures.url("stories260K/tokenizer.json").path)
        #expect(stories.specialTokens.prefix == [1])
        #expect(stories.specialTokens.suffix == [])
        #expect(stories.specialTokens.bos == 1)
        #expect(
            stories.specialTokens.origin
                == "tokenizer_config.json LlamaTokenizer: add_bos_token true, add_eos_token false")
        let byteLevel = try Tokenizer(contentsOf: Fixtures.url("bytelevel/tokenizer.json").path)
        #expect(byteLevel.specialTokens == SpecialTokenRule(origin: "tokenizer.json has no post_processor"))
        #expect(byteLevel.specialTokens.bos == nil)
        // A named bos_token is not a rule to add it.
        #expect(byteLevel.bosTokenID == 0)
    }

    @Test func unknownPostProcessorIsRefused() throws {
        var c = SpecialTokenFixtures.cases.first { $0.name == "gpt2-byte-level-processor" }!
        c = SpecialTokenCase(
            name: "unknown", base: c.base,
            postProcessor: .object([JSONMember(key: "type", value: .string("Whatever"))]),
            config: .null, texts: [], ids: [], idsWithoutSpecial: [])
        let path = try SpecialTokenFixtures.materialize(c)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(throws: TokenizerError.unsupportedComponent(path: path, component: "post_processor", type: "Whatever"))
        {
            try Tokenizer(contentsOf: path)
        }
    }

    @Test func addBOSWithoutABOSTokenIsRefused() throws {
        let c = SpecialTokenCase(
            name: "no-bos", base: "bytelevel", postProcessor: .null,
            config: .object([
                JSONMember(key: "tokenizer_class", value: .string("LlamaTokenizerFast")),
                JSONMember(key: "bos_token", value: .null),
            ]),
            texts: [], ids: [], idsWithoutSpecial: [])
        let path = try SpecialTokenFixtures.materialize(c)
        let folder = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            throws: TokenizerError.missingField(
                path: folder + "/tokenizer_config.json",
                field: "bos_token (add_bos_token is true)")
        ) {
            try Tokenizer(contentsOf: path)
        }
    }
}
