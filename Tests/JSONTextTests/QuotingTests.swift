// QuotingTests.swift — `jsonQuoted` escapes exactly what JSON requires and reads back through the
// reader as the same Unicode scalars.

import JSONText
import Testing

@Suite struct QuotingTests {
    @Test func escapesOnlyWhatJSONRequires() {
        #expect(jsonQuoted("") == #""""#)
        #expect(jsonQuoted("plain / text") == #""plain / text""#)
        #expect(jsonQuoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(jsonQuoted("\n\r\t") == #""\n\r\t""#)
        #expect(jsonQuoted("\u{0}\u{8}\u{1F}\u{7F}") == "\"\\u0000\\u0008\\u001f\u{7F}\"")
        #expect(jsonQuoted("é🚀") == "\"é🚀\"")
    }

    @Test func readsBackAsTheSameScalars() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let samples = [
            "", "__metadata__", "model.layers.0.weight", controls, "quote \" and backslash \\",
            "e\u{301} vs \u{E9}", "\u{2028}\u{2029}\u{FEFF}", "🚀\u{10FFFF}", "日本語",
        ]
        for s in samples {
            let back = try parse(jsonQuoted(s)).string
            #expect(back.map { Array($0.unicodeScalars) } == Array(s.unicodeScalars), "\(s.debugDescription)")
        }
    }
}
