// AccessorTests.swift — the optional views of a JSONValue: key lookup (byte-exact, last duplicate
// wins), kinds never converted, `int` only for whole numbers below 9×10^15 however written,
// `double` for every finite number, and the kind names used in error messages.

import JSONText
import Testing

@Suite struct AccessorTests {
    @Test func lookupByKey() throws {
        let value = try parse(#"{"a":1,"b":"x","a":2}"#)
        #expect(value["a"]?.int == 2)  // the last duplicate wins
        #expect(value["b"]?.string == "x")
        #expect(value["c"] == nil)
        #expect(try parse("[1]")["a"] == nil)
        #expect(try parse(#""a""#)["a"] == nil)
    }

    @Test func keysCompareByBytesNotCanonicalEquivalence() throws {
        let value = try parse("{\"\u{E9}\":1}")
        #expect(value["\u{E9}"]?.int == 1)
        #expect(value["e\u{301}"] == nil)
    }

    @Test func kindsAreNotConverted() throws {
        let value = try parse(#"{"s":"1","n":1,"b":false,"z":null,"a":[],"o":{}}"#)
        #expect(value["s"]?.string == "1")
        #expect(value["s"]?.int == nil)
        #expect(value["n"]?.string == nil)
        #expect(value["b"]?.bool == false)
        #expect(value["z"]?.bool == nil)
        #expect(value["z"]?.isNull == true)
        #expect(value["b"]?.isNull == false)
        #expect(value["a"]?.array?.isEmpty == true)
        #expect(value["a"]?.members == nil)
        #expect(value["o"]?.members?.isEmpty == true)
        #expect(value["o"]?.array == nil)
    }

    @Test func wholeNumbersAsInt() throws {
        for (literal, expected) in [
            ("7", 7), ("-3", -3), ("-0", 0), ("7.0", 7), ("7e0", 7), ("70e-1", 7), ("1E3", 1000),
            ("8999999999999999", 8_999_999_999_999_999), ("-8999999999999999", -8_999_999_999_999_999),
        ] {
            #expect(try parse(literal).int == expected, "\(literal)")
        }
        for literal in [
            "7.5", "1e-1", "9000000000000000", "-9000000000000000", "9e15", "9223372036854775807",
            "99999999999999999999", "1e400", "true", "\"7\"", "null",
        ] {
            #expect(try parse(literal).int == nil, "\(literal)")
        }
    }

    @Test func numbersAsDouble() throws {
        #expect(try parse("3").double == 3)
        #expect(try parse("-2.5e-1").double == -0.25)
        #expect(try parse("0.1").double == 0.1)
        #expect(try parse("99999999999999999999").double == 1e20)
        #expect(try parse("1e400").double == nil)
        #expect(try parse("\"0.1\"").double == nil)
    }

    @Test func kindNames() throws {
        let names = try ["{}", "[]", "\"\"", "1", "1.5", "true", "null"].map { (text) throws(JSONSyntaxError) in
            try parse(text).kindName
        }
        #expect(names == ["an object", "an array", "a string", "a number", "a number", "a boolean", "null"])
    }
}
