// The public API contract other modules rely on: the stories260K reference prompt, BOS/EOS
// resolution, vocabulary lookups, byte-exact token identity, and the loader's error messages.

import Foundation
import Testing
import Tokenizers

@Suite struct APITests {
    let stories = Fixtures.tokenizer("stories260K")

    @Test func zooReferencePrompt() {
        // Known from the model's README: BOS + "Zoo".
        #expect(stories.encode("Zoo", addBOS: true) == [1, 410, 469, 347])
        #expect(stories.encode("Zoo") == [410, 469, 347])
        #expect(stories.decode([1, 410, 469, 347]) == "Zoo")
        // As in `tokenizers`: the Strip decoder only removes the leading space of the fused text.
        #expect(stories.decode([1, 410, 469, 347], skipSpecialTokens: false) == "<s> Zoo")
    }

    @Test func specialTokens() {
        #expect(stories.bosTokenID == 1)
        #expect(stories.eosTokenID == 2)
        #expect(stories.vocabularySize == 512)
        #expect(stories.encode("", addBOS: true) == [1])
        #expect(stories.encode("") == [])
        // GPT-2 style file without a config: <|endoftext|> is both.
        let gpt = Fixtures.tokenizer("bytelevel")
        #expect(gpt.bosTokenID == gpt.id(for: "<|endoftext|>"))
        #expect(gpt.eosTokenID == gpt.id(for: "<|endoftext|>"))
        // A config that sets bos_token to null: no BOS is added.
        let noBOS = Fixtures.tokenizer("bytelevel-prefix")
        #expect(noBOS.bosTokenID == nil)
        #expect(noBOS.encode("x", addBOS: true) == noBOS.encode("x"))
        // bos_token given as an AddedToken object.
        let l3 = Fixtures.tokenizer("llama3style")
        #expect(l3.bosTokenID == l3.id(for: "<|begin_of_text|>"))
        #expect(l3.eosTokenID == l3.id(for: "<|eot_id|>"))
    }

    @Test func vocabularyLookups() {
        #expect(stories.token(for: 13) == "<0x0A>")
        #expect(stories.id(for: "<0x0A>") == 13)
        #expect(stories.token(for: 0) == "<unk>")
        #expect(stories.token(for: 512) == nil)
        #expect(stories.token(for: -1) == nil)
        #expect(stories.id(for: "not a token") == nil)
        for id in 0..<stories.vocabularySize {
            #expect(stories.id(for: stories.token(for: id)!) == id)
        }
        // Out-of-range ids are ignored when decoding, as in `tokenizers`.
        #expect(stories.decode([9999, 270]) == "h")
    }

    @Test func tokensAreMatchedByBytesNotCanonicalEquivalence() {
        // "é" (U+00E9) is a vocabulary entry; "e" + U+0301 is canonically equivalent but must not
        // be found as that entry.
        let precomposed = stories.id(for: "\u{E9}")
        #expect(precomposed != nil)
        #expect(stories.id(for: "e\u{301}") == nil)
        // Reference ids from `tokenizers` 0.23.3.
        #expect(stories.encode("e\u{301}") == [344, 207, 132])
        #expect(stories.encode("\u{E9}") == [410, 485])
    }

    @Test func concurrentUseGivesSameIDs() async {
        let text = String(Fixtures.text("tinystories-sample.txt").prefix(4000))
        let want = stories.encode(text)
        let tok = stories
        await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 { group.addTask { tok.encode(text) } }
            for await got in group { #expect(got == want) }
        }
    }

    // MARK: errors

    func loadError(_ path: String) -> TokenizerError? {
        do {
            _ = try Tokenizer(contentsOf: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFile() {
        let path = Fixtures.url("errors/does-not-exist.json").path
        let error = loadError(path)
        #expect(error == .fileNotFound(path: path))
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("not found") == true)
    }

    @Test func badJSON() {
        let path = Fixtures.url("errors/bad.json").path
        guard case .invalidJSON(let p, let reason)? = loadError(path) else {
            Issue.record("expected invalidJSON, got \(String(describing: loadError(path)))")
            return
        }
        #expect(p == path)
        #expect(reason.contains("byte offset"))
    }

    @Test func unsupportedModels() {
        let wp = Fixtures.url("errors/wordpiece.json").path
        #expect(loadError(wp) == .unsupportedModel(path: wp, type: "WordPiece"))
        #expect(loadError(wp)?.description.contains("\"WordPiece\"") == true)
        let ug = Fixtures.url("errors/unigram.json").path
        #expect(loadError(ug) == .unsupportedModel(path: ug, type: "Unigram"))
    }

    @Test func unsupportedComponentAndBadMerges() {
        let nmt = Fixtures.url("errors/nmt-normalizer.json").path
        #expect(loadError(nmt) == .unsupportedComponent(path: nmt, component: "normalizer", type: "Nmt"))
        let merge = Fixtures.url("errors/bad-merge.json").path
        guard case .invalidVocabulary(let p, let reason)? = loadError(merge) else {
            Issue.record("expected invalidVocabulary, got \(String(describing: loadError(merge)))")
            return
        }
        #expect(p == merge)
        #expect(reason.contains("notatoken"))
    }

    @Test func negativeStripCountsAreMalformed() throws {
        // The nmt-normalizer fixture with a plain normalizer and a Strip decoder with a negative count.
        let base = try String(contentsOf: Fixtures.url("errors/nmt-normalizer.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"normalizer\": {\"type\": \"Nmt\"}", with: "\"normalizer\": null")
        for (field, decoder) in [
            ("start", "{\"type\": \"Strip\", \"content\": \" \", \"start\": -1, \"stop\": 0}"),
            ("stop", "{\"type\": \"Strip\", \"content\": \" \", \"start\": 1, \"stop\": -2}"),
        ] {
            let text = base.replacingOccurrences(
                of:
                    "\"decoder\": {\"type\": \"ByteLevel\", \"add_prefix_space\": true, "
                    + "\"trim_offsets\": true, \"use_regex\": true}",
                with: "\"decoder\": " + decoder)
            #expect(text != base)
            let path = NSTemporaryDirectory() + "fos-strip-\(UUID().uuidString).json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(loadError(path) == .missingField(path: path, field: "Strip decoder.\(field)"))
        }
    }

    @Test func errorDescriptionsAreOneLine() {
        for name in [
            "bad.json", "wordpiece.json", "unigram.json", "nmt-normalizer.json", "bad-merge.json", "nope.json",
        ] {
            let d = loadError(Fixtures.url("errors/\(name)").path)?.description ?? ""
            #expect(!d.isEmpty && !d.contains("\n"), "\(name): \(d)")
        }
    }
}
