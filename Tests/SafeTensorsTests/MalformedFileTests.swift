// MalformedFileTests.swift — each kind of broken file, built by hand as bytes, is rejected with its
// own typed error (not a crash), and error descriptions are single lines naming path and tensor.

import Testing

@testable import SafeTensors

@Suite struct MalformedFileTests {
    let folder = TemporaryFolder()

    /// Writes `bytes` to a fresh file and returns the error opening it gives (nil if it opened).
    func attempt(_ bytes: [UInt8], _ name: String = "bad.safetensors") -> (path: String, error: SafeTensorsError?) {
        let path = folder.write(bytes, to: name)
        return (path, openError(path))
    }

    /// A one-tensor header with the given entry text.
    func entry(_ body: String, name: String = "w") -> String { #"{"\#(name)":\#(body)}"# }

    // MARK: Files and lengths

    @Test func missingFileAndDirectory() {
        let missing = folder.file("missing.safetensors")
        guard case .cannotOpen(let path, let reason) = openError(missing) else {
            Issue.record("expected cannotOpen"); return
        }
        #expect(path == missing)
        #expect(reason.contains("No such file"))
        guard case .cannotOpen(_, let reason) = openError(folder.path) else {
            Issue.record("expected cannotOpen for a directory"); return
        }
        #expect(reason == "is a directory")
    }

    @Test func shorterThanTheLengthPrefix() {
        for size in [0, 1, 5, 7] {
            let (path, error) = attempt(Array(repeating: 0x20, count: size), "short-\(size).safetensors")
            #expect(error == .truncated(path: path, fileSize: size, needed: 8))
        }
    }

    @Test func headerLongerThanTheFile() {
        let (path, error) = attempt(image(header: "{}", length: 200))
        #expect(error == .truncated(path: path, fileSize: 10, needed: 208))
    }

    @Test func hugeHeaderLength() {
        let (path, error) = attempt(image(header: "{}", length: UInt64.max))
        #expect(error == .headerTooLarge(path: path, length: UInt64.max, limit: 100_000_000))
        let (path2, error2) = attempt(image(header: "{}", length: 100_000_001), "other.safetensors")
        #expect(error2 == .headerTooLarge(path: path2, length: 100_000_001, limit: 100_000_000))
    }

    // MARK: JSON

    @Test func notJSON() {
        for (i, header) in ["{\"a\":", "", "   ", "{'a': 1}", "{\"a\":1,}", "{} x", "nul", "{\"a\":01}", "\u{0}{}"]
            .enumerated()
        {
            let (_, error) = attempt(image(header: header), "json-\(i).safetensors")
            guard case .invalidHeader = error else {
                Issue.record(
                    "header \(header.debugDescription): expected invalidHeader, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func notUTF8() {
        for (i, bad) in [[UInt8]]([[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]]).enumerated() {
            let header = Array(#"{"__metadata__":{"k":""#.utf8) + bad + Array(#""}}"#.utf8)
            let (_, error) = attempt(image(headerBytes: header), "utf8-\(i).safetensors")
            guard case .invalidHeader(_, let reason) = error else {
                Issue.record("expected invalidHeader, got \(String(describing: error))"); continue
            }
            #expect(reason.contains("UTF-8"))
        }
    }

    @Test func notAnObject() {
        for (i, header) in ["[1, 2]", "\"x\"", "42", "null", "true"].enumerated() {
            let (_, error) = attempt(image(header: header), "top-\(i).safetensors")
            guard case .invalidHeader(_, let reason) = error else {
                Issue.record("expected invalidHeader, got \(String(describing: error))"); continue
            }
            #expect(reason.contains("not a JSON object"))
        }
    }

    @Test func deeplyNestedJSONIsRejectedNotACrash() {
        let header = #"{"a":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let (_, error) = attempt(image(header: header))
        guard case .invalidHeader(_, let reason) = error else {
            Issue.record("expected invalidHeader, got \(String(describing: error))"); return
        }
        #expect(reason.contains("nested"))
    }

    @Test func paddingAndWhitespaceAreAccepted() throws {
        let header =
            " \n\t{ \"w\" : { \"shape\" : [ 2 ] , \"dtype\" : \"U8\" , "
            + "\"data_offsets\" : [ 0 , 2 ] , \"extra\": {\"x\": [null]} } }\r\n      "
        let (path, error) = attempt(image(header: header, data: [5, 6]))
        #expect(error == nil)
        let file = try SafeTensorsFile(path: path)
        #expect(try tensorBytes(file, "w") == [5, 6])
        #expect(file.metadata.isEmpty)
    }

    // MARK: Tensor entries

    @Test func entryNotAnObject() {
        let (path, error) = attempt(image(header: entry("5")))
        #expect(error == .invalidTensorEntry(path: path, tensor: "w", reason: "the entry is a number, not an object"))
    }

    @Test func missingFields() {
        let cases = [
            (#"{"shape":[1],"data_offsets":[0,1]}"#, "missing \"dtype\""),
            (#"{"dtype":"U8","data_offsets":[0,1]}"#, "missing \"shape\""),
            (#"{"dtype":"U8","shape":[1]}"#, "missing \"data_offsets\""),
        ]
        for (i, (body, reason)) in cases.enumerated() {
            let (path, error) = attempt(image(header: entry(body), data: [0]), "missing-\(i).safetensors")
            #expect(error == .invalidTensorEntry(path: path, tensor: "w", reason: reason))
        }
    }

    @Test func fieldsOfTheWrongType() {
        let bodies = [
            #"{"dtype":5,"shape":[1],"data_offsets":[0,1]}"#,
            #"{"dtype":"U8","shape":"1","data_offsets":[0,1]}"#,
            #"{"dtype":"U8","shape":[1.0],"data_offsets":[0,1]}"#,
            #"{"dtype":"U8","shape":[1e0],"data_offsets":[0,1]}"#,
            #"{"dtype":"U8","shape":[true],"data_offsets":[0,1]}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":[0]}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":[0,1,2]}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":["0","1"]}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":{"begin":0}}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":[0,0.5]}"#,
            #"{"dtype":"U8","dtype":"U8","shape":[1],"data_offsets":[0,1]}"#,
        ]
        for (i, body) in bodies.enumerated() {
            let (_, error) = attempt(image(header: entry(body), data: [0]), "type-\(i).safetensors")
            guard case .invalidTensorEntry(_, "w", _) = error else {
                Issue.record("\(body): expected invalidTensorEntry, got \(String(describing: error))"); continue
            }
        }
    }

    @Test func unknownDType() {
        let (path, error) = attempt(
            image(header: entry(#"{"dtype":"F4","shape":[2],"data_offsets":[0,1]}"#), data: [0]))
        #expect(error == .unknownDType(path: path, tensor: "w", dtype: "F4"))
        #expect(error?.description == "\(path): tensor 'w': unknown dtype 'F4'")
        let (path2, error2) = attempt(
            image(header: entry(#"{"dtype":"f32","shape":[1],"data_offsets":[0,4]}"#), data: [0, 0, 0, 0]),
            "b.safetensors")
        #expect(error2 == .unknownDType(path: path2, tensor: "w", dtype: "f32"))
    }

    @Test func badShapes() {
        let cases = [
            #"{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}"#,
            #"{"dtype":"U8","shape":[2,-3],"data_offsets":[0,0]}"#,
            #"{"dtype":"U8","shape":[99999999999999999999],"data_offsets":[0,0]}"#,
            #"{"dtype":"U8","shape":[-99999999999999999999],"data_offsets":[0,0]}"#,
            #"{"dtype":"U8","shape":[4611686018427387904,4],"data_offsets":[0,0]}"#,
            #"{"dtype":"F64","shape":[4611686018427387904],"data_offsets":[0,0]}"#,
        ]
        for (i, body) in cases.enumerated() {
            let (_, error) = attempt(image(header: entry(body)), "shape-\(i).safetensors")
            guard case .invalidShape(_, "w", _) = error else {
                Issue.record("\(body): expected invalidShape, got \(String(describing: error))"); continue
            }
        }
    }

    @Test func zeroDimensionMakesAnyShapeEmpty() throws {
        let body = #"{"dtype":"F64","shape":[4611686018427387904,4611686018427387904,0],"data_offsets":[0,0]}"#
        let (path, error) = attempt(image(header: entry(body)))
        #expect(error == nil)
        #expect(try SafeTensorsFile(path: path).info("w")?.elementCount == 0)
    }

    @Test func badOffsets() {
        let cases = [
            #"{"dtype":"U8","shape":[1],"data_offsets":[-1,0]}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":[0,-0.0]}"#,
            #"{"dtype":"U8","shape":[1],"data_offsets":[0,99999999999999999999]}"#,
        ]
        let (path, reversed) = attempt(
            image(header: entry(#"{"dtype":"U8","shape":[1],"data_offsets":[3,2]}"#), data: [0, 0, 0, 0]))
        #expect(reversed == .invalidOffsets(path: path, tensor: "w", reason: "begin 3 is greater than end 2"))
        for (i, body) in cases.enumerated() {
            let (_, error) = attempt(image(header: entry(body), data: [0]), "offsets-\(i).safetensors")
            switch error {
            case .invalidOffsets(_, "w", _), .invalidTensorEntry(_, "w", _): break
            default: Issue.record("\(body): expected invalidOffsets, got \(String(describing: error))")
            }
        }
    }

    @Test func offsetsBeyondTheDataSection() {
        let (path, error) = attempt(
            image(
                header: entry(#"{"dtype":"F32","shape":[25],"data_offsets":[0,100]}"#, name: "x.weight"),
                data: Array(repeating: 0, count: 64)))
        #expect(error == .offsetsOutOfBounds(path: path, tensor: "x.weight", begin: 0, end: 100, dataSize: 64))
        #expect(
            error?.description
                == "\(path): tensor 'x.weight': data_offsets [0, 100) end beyond the data section (64 bytes)")
    }

    @Test func byteCountsThatDisagreeWithTheShape() {
        let (path, error) = attempt(
            image(
                header: entry(#"{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}"#),
                data: Array(repeating: 0, count: 24)))
        #expect(error == .byteCountMismatch(path: path, tensor: "w", expected: 24, actual: 20))
        let (path2, error2) = attempt(
            image(
                header: entry(#"{"dtype":"BF16","shape":[],"data_offsets":[0,4]}"#),
                data: Array(repeating: 0, count: 4)), "scalar.safetensors")
        #expect(error2 == .byteCountMismatch(path: path2, tensor: "w", expected: 2, actual: 4))
    }

    @Test func overlappingTensors() {
        let header =
            #"{"b":{"dtype":"U8","shape":[4],"data_offsets":[2,6]},"#
            + #""a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}}"#
        let (path, error) = attempt(image(header: header, data: Array(repeating: 0, count: 8)))
        #expect(error == .overlappingTensors(path: path, first: "a", second: "b"))
        // A tensor nested inside a longer one that started earlier.
        let nested =
            #"{"outer":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"#
            + #""a":{"dtype":"U8","shape":[2],"data_offsets":[1,3]},"#
            + #""c":{"dtype":"U8","shape":[2],"data_offsets":[5,7]}}"#
        let (path2, error2) = attempt(image(header: nested, data: Array(repeating: 0, count: 8)), "nested.safetensors")
        #expect(error2 == .overlappingTensors(path: path2, first: "outer", second: "a"))
        // Identical ranges.
        let same =
            #"{"x":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"#
            + #""y":{"dtype":"I16","shape":[1],"data_offsets":[0,2]}}"#
        let (path3, error3) = attempt(image(header: same, data: [0, 0]), "same.safetensors")
        #expect(error3 == .overlappingTensors(path: path3, first: "x", second: "y"))
    }

    @Test func emptyTensorsSitBetweenOthers() throws {
        let header =
            #"{"big":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"#
            + #""e":{"dtype":"U8","shape":[0],"data_offsets":[8,8]},"#
            + #""after":{"dtype":"U8","shape":[1],"data_offsets":[8,9]}}"#
        let (path, error) = attempt(image(header: header, data: Array(0..<9)))
        #expect(error == nil)
        let file = try SafeTensorsFile(path: path)
        #expect(file.tensors.map(\.name) == ["big", "e", "after"])
        #expect(try tensorBytes(file, "after") == [8])
    }

    // The reference implementation requires the tensors to follow each other from byte 0 of the
    // data section without gaps and to cover it exactly (issue 12, item 9).

    @Test func firstTensorNotAtOffsetZero() {
        let (path, error) = attempt(
            image(header: entry(#"{"dtype":"U8","shape":[2],"data_offsets":[1,3]}"#), data: [0, 1, 2]))
        #expect(error == .misplacedTensor(path: path, tensor: "w", begin: 1, expected: 0))
        #expect(
            error?.description == "\(path): tensor 'w': data starts at byte 1 of the data section, not at 0 "
                + "where the previous tensor ends (tensors must follow each other without gaps)")
    }

    @Test func gapBetweenTensors() {
        let header =
            #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"#
            + #""b":{"dtype":"U8","shape":[1],"data_offsets":[3,4]}}"#
        let (path, error) = attempt(image(header: header, data: [0, 1, 2, 3]))
        #expect(error == .misplacedTensor(path: path, tensor: "b", begin: 3, expected: 2))
    }

    @Test func emptyTensorInsideAnother() {
        let header =
            #"{"big":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"#
            + #""e":{"dtype":"U8","shape":[0],"data_offsets":[3,3]}}"#
        let (path, error) = attempt(image(header: header, data: Array(0..<8)))
        #expect(error == .misplacedTensor(path: path, tensor: "e", begin: 3, expected: 8))
    }

    @Test func bytesAfterTheLastTensor() {
        let (path, error) = attempt(
            image(header: entry(#"{"dtype":"U8","shape":[2],"data_offsets":[0,2]}"#), data: [0, 1, 2]))
        #expect(error == .dataSectionNotCovered(path: path, end: 2, dataSize: 3))
        #expect(
            error?.description
                == "\(path): the tensors end at byte 2 but the data section has 3 bytes (they must cover it exactly)")
        // A header with no tensors leaves no data.
        let (path2, error2) = attempt(image(header: "{}", data: [9]), "empty.safetensors")
        #expect(error2 == .dataSectionNotCovered(path: path2, end: 0, dataSize: 1))
    }

    @Test func anotherFormatIsNotASafetensorsFile() {
        // A GGUF file's magic and version read as a header length of ~14 GB.
        let gguf: [UInt8] = Array("GGUF".utf8) + [3, 0, 0, 0] + Array(repeating: 0, count: 24)
        let (path, error) = attempt(gguf, "model.gguf")
        #expect(
            error?.description == "\(path): not a safetensors file (its first 8 bytes give a header length of "
                + "\(0x0000_0003_4655_4747 as UInt64), over the limit of 100000000 bytes)")
        let (_, text) = attempt(Array("This is a README, not tensors.\n".utf8), "README.safetensors")
        #expect(text?.description.contains("not a safetensors file") == true)
    }

    @Test func duplicateTensorNames() {
        let header =
            #"{"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"#
            + #""w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}"#
        let (path, error) = attempt(image(header: header, data: [0, 0]))
        #expect(error == .duplicateTensor(path: path, tensor: "w"))
    }

    @Test func badMetadata() throws {
        let cases = [
            #"{"__metadata__":[]}"#,
            #"{"__metadata__":"x"}"#,
            #"{"__metadata__":{"a":1}}"#,
            #"{"__metadata__":{"a":{"b":"c"}}}"#,
            #"{"__metadata__":{"a":null}}"#,
            #"{"__metadata__":{"a":"1","a":"2"}}"#,
            #"{"__metadata__":{},"__metadata__":{}}"#,
        ]
        for (i, header) in cases.enumerated() {
            let (_, error) = attempt(image(header: header), "meta-\(i).safetensors")
            guard case .invalidMetadata = error else {
                Issue.record("\(header): expected invalidMetadata, got \(String(describing: error))"); continue
            }
        }
        let (path, nullMetadata) = attempt(image(header: #"{"__metadata__":null}"#), "null.safetensors")
        #expect(nullMetadata == nil)
        #expect(try SafeTensorsFile(path: path).metadata.isEmpty)
    }

    // MARK: Descriptions

    @Test func descriptionsAreOneLineStartingWithThePath() {
        let path = "dir/model.safetensors"
        let errors: [SafeTensorsError] = [
            .cannotOpen(path: path, reason: "No such file or directory"),
            .truncated(path: path, fileSize: 3, needed: 8),
            .headerTooLarge(path: path, length: 1 << 40, limit: 100_000_000),
            .invalidHeader(path: path, reason: "bad\nthing"),
            .invalidMetadata(path: path, reason: "x"),
            .invalidTensorEntry(path: path, tensor: "evil\nname", reason: "missing \"dtype\""),
            .unknownDType(path: path, tensor: "t", dtype: "F4\n"),
            .invalidShape(path: path, tensor: "t", reason: "negative"),
            .invalidOffsets(path: path, tensor: "t", reason: "negative"),
            .byteCountMismatch(path: path, tensor: "t", expected: 4, actual: 2),
            .offsetsOutOfBounds(path: path, tensor: "t", begin: 0, end: 100, dataSize: 64),
            .overlappingTensors(path: path, first: "a", second: "b"),
            .misplacedTensor(path: path, tensor: "t", begin: 3, expected: 2),
            .dataSectionNotCovered(path: path, end: 2, dataSize: 3),
            .duplicateTensor(path: path, tensor: "t"),
            .tensorNotFound(path: path, tensor: "t"),
            .cannotWrite(path: path, reason: "No space left on device"),
            .writeOrderViolation(path: path, reason: "short"),
        ]
        for error in errors {
            let text = error.description
            #expect(text.hasPrefix(path + ": "))
            #expect(!text.contains("\n") && !text.contains("\r"))
            #expect(error.path == path)
            if case .invalidTensorEntry = error {
                #expect(text.contains(#"tensor 'evil\nname'"#))
            }
        }
        #expect(
            SafeTensorsError.byteCountMismatch(path: path, tensor: "t", expected: 4, actual: 2).description
                == "dir/model.safetensors: tensor 't': has 2 bytes but its shape and dtype need 4")
    }
}
