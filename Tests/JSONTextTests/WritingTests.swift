// WritingTests.swift — `serialized()` writes exact compact JSON that reads back as the same tree.

import JSONText
import Testing

@Suite struct WritingTests {
    @Test func writesCompactJSONInMemberOrder() throws {
        let text = #"{"b":[1,-2,3.50,1e400,"x\n",true,false,null],"a":{},"a":{"k":[]}}"#
        #expect(try parse(text).serialized() == text)
        #expect(JSONValue.string("é\"").serialized() == "\"é\\\"\"")
        #expect(JSONValue.integer(Int.min).serialized() == "-9223372036854775808")
    }

    @Test func readsBackAsTheSameTree() throws {
        let text = #" { "added_tokens" : [ { "id" : 0 , "content" : "<s>" } ] , "x" : 0.1 } "#
        let once = try parse(text).serialized()
        #expect(once == #"{"added_tokens":[{"id":0,"content":"<s>"}],"x":0.1}"#)
        #expect(try parse(once).serialized() == once)
    }
}
