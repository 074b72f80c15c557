// AcceptTests.swift — what the reader accepts and what it reads: every kind of value, whitespace
// around and between tokens, member order with duplicates kept, exact integers and literal other
// numbers, escapes and surrogate pairs decoded, strings kept without normalization, nesting up to
// the limit, and a byte order mark only when allowed.

import JSONText
import Testing

@Suite struct AcceptTests {
    @Test func everyKindOfValue() throws {
        #expect(render(try parse("{}")) == "{}")
        #expect(render(try parse("[]")) == "[]")
        #expect(render(try parse(#""""#)) == #"s"""#)
        #expect(render(try parse("0")) == "i0")
        #expect(render(try parse("true")) == "true")
        #expect(render(try parse("false")) == "false")
        #expect(render(try parse("null")) == "null")
        #expect(render(try parse(#"{"a":[1,"x",{"b":null}],"c":false}"#)) == #"{"a":[i1,s"x",{"b":null}],"c":false}"#)
    }

    @Test func whitespaceAroundAndBetweenTokens() throws {
        let text = " \n\t{ \"a\" : [ 1 , 2 ] ,\r\n \"b\" : { } }\r\n      "
        #expect(render(try parse(text)) == #"{"a":[i1,i2],"b":{}}"#)
    }

    @Test func membersKeepTextOrderAndDuplicates() throws {
        let value = try parse(#"{"z":1,"a":2,"z":3}"#)
        #expect(render(value) == #"{"z":i1,"a":i2,"z":i3}"#)
        #expect(value.members?.map(\.key) == ["z", "a", "z"])
    }

    @Test func integersAreExact() throws {
        #expect(render(try parse("9223372036854775807")) == "i9223372036854775807")
        #expect(render(try parse("-9223372036854775807")) == "i-9223372036854775807")
        #expect(render(try parse("9007199254740993")) == "i9007199254740993")  // 2^53 + 1: not a Double
        #expect(render(try parse("-0")) == "i0")
        #expect(render(try parse("[0,-1,10]")) == "[i0,i-1,i10]")
    }

    @Test func otherNumbersKeepTheirLiteral() throws {
        for literal in [
            "1.5", "-0.0", "1e3", "1E+3", "2.5e-7", "9223372036854775808", "-9223372036854775808",
            "99999999999999999999", "1e400",
        ] {
            #expect(render(try parse(literal)) == "n" + literal)
        }
    }

    @Test func escapesAreDecoded() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#).string == "a\"b\\c/d\u{8}\u{C}\n\r\t")
        #expect(try parse(#""\u00e9\u00C9\u0000""#).string == "\u{E9}\u{C9}\u{0}")
        #expect(try parse(#""\ud83d\ude80 go""#).string == "🚀 go")
        #expect(try parse(#""\uDBFF\uDFFF""#).string?.unicodeScalars.first?.value == 0x10FFFF)
        // Escapes after a stretch of plain text, and plain text after escapes.
        #expect(try parse(#""plain \"quoted\" plain""#).string == "plain \"quoted\" plain")
    }

    @Test func stringsAreNotNormalized() throws {
        // "é" precomposed and "e" + combining acute are canonically equivalent but stay distinct.
        let value = try parse("[\"\u{E9}\", \"e\u{301}\", \"e\\u0301\"]")
        #expect(render(value) == #"[s"<e9>",s"e<301>",s"e<301>"]"#)
        #expect(value.array?[0].string.map { Array($0.utf8) } == [0xC3, 0xA9])
        #expect(value.array?[1].string.map { Array($0.utf8) } == [0x65, 0xCC, 0x81])
    }

    @Test func rawNonASCIIText() throws {
        #expect(try parse("\"日本語 🚀\"").string == "日本語 🚀")
        #expect(try parse("{\"ключ\":\"значение\"}")["ключ"]?.string == "значение")
    }

    @Test func nestingUpToTheLimit() throws {
        let depth64 = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try parse(depth64) }
        let objects = String(repeating: #"{"a":"#, count: 64) + "1" + String(repeating: "}", count: 64)
        #expect(throws: Never.self) { try parse(objects) }
        let depth512 = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parse(depth512, maxDepth: 512) }
    }

    @Test func byteOrderMarkOnlyWhenAllowed() throws {
        let withMark = [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)
        #expect(render(try JSONReader.parse(withMark, allowsByteOrderMark: true)) == #"{"a":i1}"#)
        #expect(syntaxError(withMark) == JSONSyntaxError(reason: "unexpected character", offset: 0))
        // Offsets still count from the first byte of the file, mark included.
        do {
            _ = try JSONReader.parse(withMark + Array(" x".utf8), allowsByteOrderMark: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 3 + 7 + 1)
        }
    }

    @Test func rawBufferAndArrayAgree() throws {
        let bytes = Array(#"{"k":[1,2.5,"v"]}"#.utf8)
        let fromBuffer = try bytes.withUnsafeBytes { raw in try JSONReader.parse(raw) }
        #expect(render(fromBuffer) == render(try JSONReader.parse(bytes)))
    }
}
