// Exactness against the Hugging Face `tokenizers` library: every id of whole files and of the
// tricky / fuzzed strings, and decoded text, must equal what make_fixtures.py recorded.

import Foundation
import Testing
import Tokenizers

@Suite struct ParityTests {
    @Test(arguments: Fixtures.expected.files.indices)
    func wholeFile(_ index: Int) {
        let f = Fixtures.expected.files[index]
        let tok = Fixtures.tokenizer(f.tokenizer)
        let text = Fixtures.text(f.text)
        let want = Fixtures.ids(f.ids)
        #expect(want.count == f.count)
        let got = tok.encode(text)
        #expect(firstDifference(got, want) == nil, "\(f.tokenizer) on \(f.text): \(firstDifference(got, want) ?? "")")
        let decoded = tok.decode(want)
        let expectedText = f.decodeEqualsText ? text : Fixtures.text(f.decoded!)
        #expect(decoded == expectedText, "\(f.tokenizer) decode of \(f.ids)")
        #expect(Array(decoded.unicodeScalars) == Array(expectedText.unicodeScalars))
    }

    @Test(arguments: Fixtures.tokenizerNames)
    func strings(_ name: String) {
        let tok = Fixtures.tokenizer(name)
        var failures: [String] = []
        var compared = 0
        for c in Fixtures.expected.cases where c.tokenizer == name {
            let got = tok.encode(c.text)
            compared += c.ids.count
            if let d = firstDifference(got, c.ids) {
                failures.append("encode \(c.text.debugDescription): \(d)")
            }
            let decoded = tok.decode(c.ids)
            if !decoded.unicodeScalars.elementsEqual(c.decoded.unicodeScalars) {
                failures.append(
                    "decode of \(c.text.debugDescription): "
                        + "got \(decoded.debugDescription) want \(c.decoded.debugDescription)"
                )
            }
            let withSpecial = tok.decode(c.ids, skipSpecialTokens: false)
            if !withSpecial.unicodeScalars.elementsEqual(c.decodedWithSpecial.unicodeScalars) {
                failures.append(
                    "decode(keep special) of \(c.text.debugDescription): "
                        + "got \(withSpecial.debugDescription) "
                        + "want \(c.decodedWithSpecial.debugDescription)"
                )
            }
        }
        #expect(compared > 0)
        #expect(
            failures.isEmpty,
            "\(name): \(failures.count) failures, first: \(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test(arguments: Fixtures.tokenizerNames)
    func decodeRandomIDs(_ name: String) {
        let tok = Fixtures.tokenizer(name)
        var failures: [String] = []
        for c in Fixtures.expected.decodeCases where c.tokenizer == name {
            let a = tok.decode(c.ids)
            if !a.unicodeScalars.elementsEqual(c.decoded.unicodeScalars) {
                failures.append("\(c.ids): got \(a.debugDescription) want \(c.decoded.debugDescription)")
            }
            let b = tok.decode(c.ids, skipSpecialTokens: false)
            if !b.unicodeScalars.elementsEqual(c.decodedWithSpecial.unicodeScalars) {
                failures.append(
                    "\(c.ids) (keep special): got \(b.debugDescription) want \(c.decodedWithSpecial.debugDescription)")
            }
        }
        #expect(
            failures.isEmpty,
            "\(name): \(failures.count) failures, first: \(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test(arguments: Fixtures.tokenizerNames)
    func vocabulary(_ name: String) {
        let tok = Fixtures.tokenizer(name)
        let want = Fixtures.expected.tokenizers[name]!
        #expect(tok.vocabularySize == want.vocabularySize)
        #expect(tok.bosTokenID == want.bos)
        #expect(tok.eosTokenID == want.eos)
        for (key, token) in want.tokens {
            let id = Int(key)!
            #expect(
                tok.token(for: id).map { Array($0.unicodeScalars) } == Array(token.unicodeScalars),
                "\(name) token \(id)")
            #expect(tok.id(for: token) == id, "\(name) id of \(token.debugDescription)")
        }
    }
}
