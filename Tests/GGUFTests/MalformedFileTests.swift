// MalformedFileTests.swift — the hostile-file corpus: each file gets one thing wrong (truncation,
// bad magic or version, counts and lengths the file cannot hold, bad UTF-8, unknown types, bad
// bools, deep nesting, duplicate keys and names, bad alignment, bad dimensions, misaligned,
// out-of-bounds and overlapping tensors) and must be refused with exactly the expected typed error.

import Foundation
import Testing

@testable import GGUF

@Suite struct MalformedFileTests {
    /// A valid base: one metadata entry and F32 tensors "a" ([8] at 0) and "b" ([4, 2] at 32).
    static func base() -> GGUFImage {
        var image = GGUFImage()
        image.entries = [Encode.entry("general.architecture", 8, Encode.string("llama"))]
        image.tensors = [
            Encode.tensor("a", dims: [8], type: 0, offset: 0),
            Encode.tensor("b", dims: [2, 4], type: 0, offset: 32),
        ]
        image.data = [UInt8](repeating: 0x3F, count: 64)
        return image
    }

    /// Parses `bytes` as a file at "hostile.gguf"; returns the error, or nil if it was accepted.
    static func error(_ bytes: [UInt8]) -> GGUFError? {
        bytes.withUnsafeBytes { raw in
            do throws(GGUFError) {
                _ = try GGUFHeaderParser.parse(raw, path: "hostile.gguf")
                return nil
            } catch {
                return error
            }
        }
    }

    static func error(_ image: GGUFImage) -> GGUFError? { error(image.bytes) }

    let path = "hostile.gguf"

    @Test func baseIsValid() throws {
        #expect(Self.error(Self.base()) == nil)
        let file = try open(Self.base().bytes).get()
        #expect(file.tensors.map(\.name) == ["a", "b"])
        #expect(try file.dequantize("b").count == 8)
        #expect(try file.dequantize("b").allSatisfy { $0 == Float(bitPattern: 0x3F3F_3F3F) })
    }

    @Test func headerFields() {
        #expect(Self.error([]) == .truncated(path: path, what: "the magic", needed: 4, fileSize: 0))
        var image = Self.base()
        image.magic = Array("GGUX".utf8)
        #expect(Self.error(image) == .badMagic(path: path, found: Array("GGUX".utf8)))
        for version: UInt32 in [0, 1, 4, 0x0300_0000] {
            image = Self.base()
            image.version = version
            #expect(Self.error(image) == .unsupportedVersion(path: path, version: version))
        }
        let full = Self.base().bytes
        #expect(
            Self.error(Array(full.prefix(6))) == .truncated(path: path, what: "the version", needed: 8, fileSize: 6))
        #expect(
            Self.error(Array(full.prefix(20)))
                == .truncated(path: path, what: "the tensor count", needed: 16, fileSize: 20)
                || Self.error(Array(full.prefix(20)))
                    == .truncated(path: path, what: "the metadata count", needed: 24, fileSize: 20)
        )
    }

    @Test func everyTruncationIsReportedAsSuch() {
        // Cutting the header anywhere leaves a file that is refused (never accepted, never a trap),
        // and cutting inside the header is always reported as truncation or an impossible count.
        let image = Self.base()
        let full = image.bytes
        for length in 0..<full.count {
            let error = Self.error(Array(full.prefix(length)))
            #expect(error != nil, "prefix \(length)")
            if length < image.header.count {
                switch error {
                case .truncated?, .countTooLarge?: break
                default: Issue.record("prefix \(length): \(String(describing: error))")
                }
            }
        }
    }

    @Test func countsTheFileCannotHold() {
        var image = Self.base()
        image.keyCount = UInt64.max
        #expect(Self.error(image).map(isCountTooLarge) == true)
        image = Self.base()
        image.tensorCount = 1 << 40
        #expect(Self.error(image).map(isCountTooLarge) == true)
        // A key whose length is 2^63.
        image = Self.base()
        image.entries = [Encode.u64(1 << 63) + Array("k".utf8)]
        #expect(Self.error(image).map(isCountTooLarge) == true)
        // Arrays claiming 2^40 bytes, 2^62 strings, 2^60 nested arrays.
        for (elementType, count) in [(UInt32(0), UInt64(1) << 40), (8, 1 << 62), (9, 1 << 60)] {
            image = Self.base()
            image.entries = [Encode.entry("big", 9, Encode.u32(elementType) + Encode.u64(count))]
            #expect(Self.error(image).map(isCountTooLarge) == true, "\(elementType)")
        }
    }

    private func isCountTooLarge(_ error: GGUFError) -> Bool {
        if case .countTooLarge = error { return true }
        return false
    }

    @Test func invalidUTF8() {
        var image = Self.base()
        image.entries = [Encode.rawString([0x61, 0xFF]) + Encode.u32(4) + Encode.u32(1)]
        #expect(Self.error(image) == .invalidString(path: path, what: "metadata key 0", offset: 24))
        image = Self.base()
        image.entries = [Encode.entry("k", 8, Encode.rawString([0xC3]))]
        #expect(Self.error(image) == .invalidString(path: path, what: "the value of k", offset: 24 + 9 + 4))
        image = Self.base()
        image.tensors[1] = Encode.rawString([0xED, 0xA0, 0x80]) + Array(image.tensors[1].dropFirst(9))  // a surrogate
        if case .invalidString(_, let what, _)? = Self.error(image) {
            #expect(what == "the name of tensor 1")
        } else {
            Issue.record("expected invalidString")
        }
    }

    @Test func malformedValues() {
        func refused(_ entry: [UInt8], _ expected: GGUFError) {
            var image = Self.base()
            image.entries.append(entry)
            #expect(Self.error(image) == expected)
        }
        refused(
            Encode.entry("t", 13, Encode.u32(0)),
            .invalidMetadata(path: path, key: "t", reason: "unknown value type 13"))
        refused(
            Encode.entry("t", 9, Encode.u32(77) + Encode.u64(0)),
            .invalidMetadata(path: path, key: "t", reason: "unknown array element type 77"))
        refused(
            Encode.entry("t", 7, [2]),
            .invalidMetadata(path: path, key: "t", reason: "bool byte 2 is neither 0 nor 1"))
        refused(
            Encode.entry("t", 9, Encode.u32(7) + Encode.u64(3) + [1, 0, 255]),
            .invalidMetadata(path: path, key: "t", reason: "bool byte 255 is neither 0 nor 1"))
        // 17 nested arrays (the limit is 16).
        let nested = (0..<17).flatMap { _ in Encode.u32(9) + Encode.u64(1) } + Encode.u32(0) + Encode.u64(0)
        refused(
            Encode.entry("t", 9, nested),
            .invalidMetadata(path: path, key: "t", reason: "arrays nested more than 16 deep"))
        refused(
            Encode.entry("general.architecture", 8, Encode.string("x")),
            .duplicateKey(path: path, key: "general.architecture"))
    }

    @Test func alignment() {
        func refused(_ entry: [UInt8], _ reason: String) {
            var image = Self.base()
            image.entries.append(entry)
            #expect(Self.error(image) == .invalidAlignment(path: path, reason: reason))
        }
        refused(Encode.entry("general.alignment", 10, Encode.u64(32)), "the value has type uint64, not uint32")
        refused(Encode.entry("general.alignment", 4, Encode.u32(0)), "0 is not a power of two")
        refused(Encode.entry("general.alignment", 4, Encode.u32(48)), "48 is not a power of two")
        // A huge power of two: the data section begins beyond the file, so tensors with bytes are out of bounds.
        var image = Self.base()
        image.entries.append(Encode.entry("general.alignment", 4, Encode.u32(1 << 31)))
        #expect(Self.error(image) == .offsetsOutOfBounds(path: path, tensor: "a", begin: 0, end: 32, dataSize: 0))
        // Alignment 16: "b" may move to offset 48, but not to 40.
        image = Self.base()
        image.entries.append(Encode.entry("general.alignment", 4, Encode.u32(16)))
        image.alignment = 16
        image.tensors[1] = Encode.tensor("b", dims: [2, 4], type: 0, offset: 48)
        image.data += [UInt8](repeating: 0, count: 16)
        #expect(Self.error(image) == nil)
        image.tensors[1] = Encode.tensor("b", dims: [2, 4], type: 0, offset: 40)
        #expect(Self.error(image) == .misalignedOffset(path: path, tensor: "b", offset: 40, alignment: 16))
    }

    @Test func tensorInfos() throws {
        func refused(_ tensor: [UInt8], _ expected: GGUFError) {
            var image = Self.base()
            image.tensors[1] = tensor
            #expect(Self.error(image) == expected)
        }
        refused(
            Encode.tensor("b", dims: [1, 1, 1, 1, 1], type: 0, offset: 32),
            .invalidTensorInfo(path: path, tensor: "b", reason: "5 dimensions (at most 4)"))
        refused(
            Encode.tensor("b", dims: [1 << 63], type: 0, offset: 32),
            .invalidTensorInfo(path: path, tensor: "b", reason: "dimension 0 is 9223372036854775808, above Int64.max"))
        for type: UInt32 in [4, 5, 31, 36, 42, 1000] {
            refused(
                Encode.tensor("b", dims: [32], type: type, offset: 32),
                .unknownTensorType(path: path, tensor: "b", type: type))
        }
        refused(
            Encode.tensor("b", dims: [33], type: 2, offset: 32),
            .invalidShape(path: path, tensor: "b", reason: "row length 33 is not a multiple of the Q4_0 block size 32"))
        refused(
            Encode.tensor("b", dims: [1 << 31, 1 << 31, 1 << 31], type: 0, offset: 32),
            .invalidShape(
                path: path, tensor: "b",
                reason: "the byte count of dimensions [2147483648, 2147483648, 2147483648] overflows"))
        refused(
            Encode.tensor("b", dims: [1 << 62, 1 << 2], type: 10, offset: 32),
            .invalidShape(
                path: path, tensor: "b", reason: "the element count of dimensions [4611686018427387904, 4] overflows"))
        refused(
            Encode.tensor("b", dims: [8], type: 0, offset: 1),
            .misalignedOffset(path: path, tensor: "b", offset: 1, alignment: 32))
        refused(
            Encode.tensor("b", dims: [9], type: 0, offset: 32),
            .offsetsOutOfBounds(path: path, tensor: "b", begin: 32, end: 68, dataSize: 64))
        refused(
            Encode.tensor("b", dims: [8], type: 0, offset: UInt64.max - 31),
            .offsetsOutOfBounds(path: path, tensor: "b", begin: UInt64.max - 31, end: UInt64.max, dataSize: 64))
        refused(
            Encode.tensor("b", dims: [8], type: 0, offset: 0),
            .overlappingTensors(path: path, first: "a", second: "b"))
        refused(
            Encode.tensor("a", dims: [8], type: 0, offset: 32),
            .duplicateTensor(path: path, tensor: "a"))
        // A tensor that begins inside another one's bytes (a: 16 floats at 0, b at 32).
        var image = Self.base()
        image.tensors[0] = Encode.tensor("a", dims: [16], type: 0, offset: 0)
        #expect(Self.error(image) == .overlappingTensors(path: path, first: "a", second: "b"))
        // Empty tensors overlap nothing, wherever they lie inside the data section.
        image = Self.base()
        image.tensors.append(Encode.tensor("empty", dims: [0, 8], type: 0, offset: 32))
        image.tensors.append(Encode.tensor("scalar", dims: [], type: 0, offset: 64))
        #expect(
            Self.error(image) == .offsetsOutOfBounds(path: path, tensor: "scalar", begin: 64, end: 68, dataSize: 64))
        image.data += [0, 0, 0x80, 0x3F]
        #expect(Self.error(image) == nil)
        let file = try? open(image.bytes).get()
        #expect(file?.info("scalar")?.shape == [] && file?.info("scalar")?.elementCount == 1)
        #expect(try file?.dequantize("scalar") == [1.0])
        #expect(try file?.dequantize("empty") == [])
    }

    @Test func filesThatCannotBeOpened() {
        #expect(throws: GGUFError.cannotOpen(path: "/nonexistent/x.gguf", reason: "No such file or directory")) {
            try GGUFFile(path: "/nonexistent/x.gguf")
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: GGUFError.cannotOpen(path: directory, reason: "is a directory")) {
            try GGUFFile(path: directory)
        }
    }

    @Test func messagesAreOneLineWithEscapedNames() {
        var image = Self.base()
        image.tensors[1] = Encode.tensor("b\nFAKE: ok", dims: [8], type: 0, offset: 0)
        let error = Self.error(image)
        #expect(error == .overlappingTensors(path: path, first: "a", second: "b\nFAKE: ok"))
        let message = error?.description ?? ""
        #expect(!message.contains("\n") && message.hasPrefix("hostile.gguf: ") && message.contains("'b\\nFAKE: ok'"))
        #expect(
            GGUFError.badMagic(path: path, found: [0x47, 0x47, 0x55, 0x58]).description
                == "hostile.gguf: not a GGUF file (magic bytes 47 47 55 58, expected 47 47 55 46)")
    }
}
