// RejectTests.swift — what the reader rejects, each with its reason and the byte offset where it
// stopped: malformed structure, trailing data, bad literals and numbers, bad strings and escapes,
// unpaired surrogate escapes, ill-formed UTF-8, nesting past the limit; and random damage to a
// valid text never traps.

import JSONText
import TestSupport
import Testing

@Suite struct RejectTests {
    /// (text, reason, offset)
    static let malformed: [(String, String, Int)] = [
        ("", "no JSON value (the text is empty or only whitespace)", 0),
        ("  \n ", "no JSON value (the text is empty or only whitespace)", 4),
        ("{\"a\":", "unexpected end of input", 5),
        ("[", "unexpected end of input", 1),
        ("{", "unexpected end of input in an object", 1),
        ("{\"a\":1", "unexpected end of input in an object", 6),
        ("[1", "unexpected end of input in an array", 2),
        ("{'a': 1}", "expected a string key", 1),
        ("{a: 1}", "expected a string key", 1),
        ("{\"a\":1,}", "expected a string key", 7),
        ("{\"a\" 1}", "expected ':' after an object key", 5),
        ("{\"a\":1 \"b\":2}", "expected ',' or '}' in an object", 7),
        ("[1,]", "unexpected character", 3),
        ("[1 2]", "expected ',' or ']' in an array", 3),
        ("{} x", "unexpected data after the JSON value", 3),
        ("[1]]", "unexpected data after the JSON value", 3),
        ("1 2", "unexpected data after the JSON value", 2),
        ("\u{0}{}", "unexpected character", 0),
        ("nul", "unexpected end of input", 0),
        ("nulL", "invalid literal", 0),
        ("True", "unexpected character", 0),
        ("NaN", "unexpected character", 0),
        ("01", "leading zero in a number", 1),
        ("-01", "leading zero in a number", 2),
        ("-", "invalid number", 1),
        ("-a", "invalid number", 1),
        ("+1", "unexpected character", 0),
        (".5", "unexpected character", 0),
        ("1.", "invalid number", 2),
        ("1.e3", "invalid number", 2),
        ("1e", "invalid number", 2),
        ("1e+", "invalid number", 3),
        ("\"abc", "unterminated string", 4),
        ("\"a\\", "unterminated string", 3),
        ("\"a\\\"", "unterminated string", 4),
        ("\"a\nb\"", "control character in a string", 2),
        ("\"\\n\tb\"", "control character in a string", 3),
        ("\"\\x\"", "invalid escape sequence", 3),
        ("\"\\U0041\"", "invalid escape sequence", 3),
        ("\"\\u12\"", "truncated \\u escape", 3),
        ("\"\\u12G4\"", "invalid hex digit in a \\u escape", 5),
        ("\"\\ud83d\"", "unpaired UTF-16 surrogate escape", 7),
        ("\"\\ud83dx\"", "unpaired UTF-16 surrogate escape", 7),
        ("\"\\ud83d\\u0041\"", "unpaired UTF-16 surrogate escape", 13),
        ("\"\\ud83d\\ud83d\"", "unpaired UTF-16 surrogate escape", 13),
        ("\"\\ude80\"", "unpaired UTF-16 surrogate escape", 7),
    ]

    @Test func malformedTextsGiveTheirReasonAndOffset() {
        for (text, reason, offset) in Self.malformed {
            let error = syntaxError(text)
            #expect(error == JSONSyntaxError(reason: reason, offset: offset), "\(text.debugDescription)")
        }
    }

    @Test func illFormedUTF8() {
        let bad: [[UInt8]] = [
            [0xFF], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x9A], [0xC3, 0x28],
        ]
        for bytes in bad {
            // Inside a string, and as the whole text.
            #expect(
                syntaxError([0x22] + bytes + [0x22]) == JSONSyntaxError(reason: "not valid UTF-8", offset: 1),
                "\(bytes)")
            #expect(syntaxError(bytes) == JSONSyntaxError(reason: "not valid UTF-8", offset: 0), "\(bytes)")
        }
        // The first bad sequence is the one named, even after valid multi-byte text.
        let text = Array("{\"é🚀\":\"".utf8) + [0xED, 0xBF, 0xBF] + Array("\"}".utf8)
        #expect(syntaxError(text) == JSONSyntaxError(reason: "not valid UTF-8", offset: 11))
        // The longest and highest well-formed sequences are accepted.
        #expect(syntaxError([0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0xEF, 0xBF, 0xBF, 0xED, 0x9F, 0xBF, 0x22]) == nil)
    }

    @Test func nestingPastTheLimit() {
        let arrays = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(syntaxError(arrays) == JSONSyntaxError(reason: "nested deeper than 64 levels", offset: 64))
        let objects = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(syntaxError(objects) == JSONSyntaxError(reason: "nested deeper than 64 levels", offset: 5 * 64))
        #expect(
            syntaxError("[[[[]]]]", maxDepth: 3) == JSONSyntaxError(reason: "nested deeper than 3 levels", offset: 3))
        #expect(syntaxError("[[[]]]", maxDepth: 3) == nil)
        // Far deeper input is refused, not a stack overflow.
        let hostile = #"{"a":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(syntaxError(hostile)?.reason == "nested deeper than 64 levels")
        #expect(syntaxError(hostile, maxDepth: 512)?.reason == "nested deeper than 512 levels")
    }

    @Test func descriptionIsOneLineWithTheOffset() {
        #expect(
            JSONSyntaxError(reason: "invalid literal", offset: 12).description == "invalid literal at byte offset 12")
    }

    @Test func errorsFromTheReaderSayLineAndColumn() {
        // The x is the 8th scalar of line 3 ("é" is one scalar, two bytes).
        let text = "{\n  \"a\": 1,\n  \"é\": x\n}"
        let error = syntaxError(text)
        #expect(error?.line == 3)
        #expect(error?.column == 8)
        #expect(error?.description == "unexpected character at line 3, column 8 (byte offset \(error?.offset ?? -1))")
        let first = syntaxError("[1,]")
        #expect(first?.line == 1 && first?.column == 4)
    }

    @Test func randomDamageNeverTraps() {
        let seed = Array(#"{"a":[1,-2.5e3,"x\"\u00e9\ud83d\ude80",true,null],"b":{"c":{}},"d":"é🚀"}"#.utf8)
        let specials = Array("{}[]\",:-+0123456789.eE \\u/tfn".utf8) + [0x00, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        var rng = SplitMix64(seed: 0x4A53_4F4E)
        func next() -> Int { Int(truncatingIfNeeded: rng.next() >> 33) }
        var accepted = 0, rejected = 0
        for _ in 0..<5000 {
            var bytes = seed
            for _ in 0..<(1 + next() % 3) {
                let at = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[at] = specials[next() % specials.count]
                case 1: bytes.remove(at: at)
                default: bytes.insert(specials[next() % specials.count], at: at)
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            if let error = syntaxError(bytes) {
                #expect(error.offset >= 0 && error.offset <= bytes.count)
                rejected += 1
            } else {
                accepted += 1
            }
        }
        #expect(accepted > 50)
        #expect(rejected > 1000)
    }
}
