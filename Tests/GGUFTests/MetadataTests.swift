// MetadataTests.swift — every metadata value type reads back as written: the scalars, strings and
// (nested) arrays of metadata.gguf (values repeated from tools/gguf-fixtures/make_fixtures.py), key
// order, alignment, version 2 files, and hand-built edge cases the Python writer cannot produce.

import Testing

@testable import GGUF

@Suite struct MetadataTests {
    let file = try! GGUFFile(path: Fixtures.path("metadata.gguf"))

    @Test func scalarsReadBackExactly() {
        let m = file.metadata
        #expect(m["general.architecture"] == .string("test"))
        #expect(m["test.uint8"] == .uint8(255))
        #expect(m["test.int8"] == .int8(-128))
        #expect(m["test.uint16"] == .uint16(65535))
        #expect(m["test.int16"] == .int16(-32768))
        #expect(m["test.uint32"] == .uint32(4_294_967_295))
        #expect(m["test.int32"] == .int32(-2_147_483_648))
        #expect(m["test.uint64"] == .uint64(UInt64.max))
        #expect(m["test.int64"] == .int64(Int64.min))
        #expect(m["test.float32"] == .float32(0.1))
        #expect(m["test.float64"] == .float64(-1.0e300))
        #expect(m["test.true"] == .bool(true))
        #expect(m["test.false"] == .bool(false))
        #expect(m["test.string"] == .string("héllo, 世界 🦙\n\ttab"))
    }

    @Test func accessorsConvertOnlyLosslessly() {
        let m = file.metadata
        #expect(m["test.int8"]?.integer == -128)
        #expect(m["test.uint64"]?.integer == nil)  // above Int.max
        #expect(m["test.int64"]?.integer == Int(Int64.min))
        #expect(m["test.float32"]?.double == Double(Float(0.1)))
        #expect(m["test.float32"]?.integer == nil)
        #expect(m["test.true"]?.bool == true)
        #expect(m["test.string"]?.string?.hasPrefix("héllo") == true)
        #expect(m["test.string"]?.bool == nil)
        #expect(m["test.array.uint64"]?.array?.integers == nil)
        #expect(m["test.array.int16"]?.array?.integers == [-32768, 32767])
        #expect(m["test.array.string"]?.array?.strings?.count == 4)
        #expect(m["test.array.float32"]?.array?.floats == [0.5, -0.25, Float(bitPattern: 1)])
    }

    @Test func arraysReadBackExactly() {
        let m = file.metadata
        #expect(m["test.array.uint8"] == .array(.uint8([0, 1, 255])))
        #expect(m["test.array.int8"] == .array(.int8([-128, 0, 127])))
        #expect(m["test.array.uint16"] == .array(.uint16([0, 65535])))
        #expect(m["test.array.int16"] == .array(.int16([-32768, 32767])))
        #expect(m["test.array.uint32"] == .array(.uint32([4_294_967_295, 7])))
        #expect(m["test.array.int32"] == .array(.int32([Int32.min, Int32.max, 0])))
        #expect(m["test.array.uint64"] == .array(.uint64([UInt64.max, 1])))
        #expect(m["test.array.int64"] == .array(.int64([Int64.min, Int64.max])))
        #expect(m["test.array.float32"] == .array(.float32([0.5, -0.25, Float(bitPattern: 1)])))
        #expect(m["test.array.float64"]?.array?.elementType == .float64)
        if case .array(.float64(let v)) = m["test.array.float64"] {
            #expect(v.map(\.bitPattern) == [Double.pi.bitPattern, (-0.0 as Double).bitPattern])
        }
        #expect(m["test.array.bool"] == .array(.bool([true, false, true])))
        #expect(m["test.array.string"] == .array(.string(["a", "", "Ġthe", "<|endoftext|>"])))
        #expect(m["test.array.nested"] == .array(.array([.int32([1, 2]), .int32([3])])))
        #expect(m["test.array.nested.strings"] == .array(.array([.string(["x"]), .string(["y", "z"])])))
        #expect(
            m["test.array.nested3"]
                == .array(
                    .array([
                        .array([.float32([1.5])]), .array([.float32([2.5, 3.5]), .float32([4.5])]),
                    ])))
        #expect(m["test.array.nested3"]?.array?.count == 2)
    }

    @Test func keysKeepFileOrderAndAlignmentIsRead() {
        #expect(file.metadataKeys.count == file.metadata.count)
        #expect(
            Array(file.metadataKeys.prefix(4)) == [
                "general.architecture", "general.alignment", "test.uint8", "test.int8",
            ])
        #expect(file.metadataKeys.last == "test.array.nested3")
        #expect(file.version == 3)
        #expect(file.alignment == 1)
        #expect(file.metadata["general.alignment"] == .uint32(1))
        #expect(try! GGUFFile(path: Fixtures.path("types.gguf")).alignment == 64)
        // Alignment 1: tensors at odd offsets read (and dequantize) like any others.
        #expect(file.tensors.map(\.offset) == [0, 6, 40, 50, 98])
    }

    @Test func version2ReadsLikeVersion3() throws {
        var bytes = Fixtures.bytes("metadata.gguf")
        bytes[4] = 2
        let v2 = try open(bytes).get()
        #expect(v2.version == 2)
        #expect(v2.metadata == file.metadata)
        #expect(v2.tensors == file.tensors)
        #expect(try v2.dequantize("odd.q6_k").map(\.bitPattern) == file.dequantize("odd.q6_k").map(\.bitPattern))
    }

    @Test func handBuiltEdgeCases() throws {
        // Empty strings, empty arrays of every element type (the element type is kept), a bool
        // array, an empty nested array, zero tensors and no data section at all.
        var image = GGUFImage()
        image.entries.append(Encode.entry("", 8, Encode.string("")))
        for type in GGUFValueType.allCases {
            image.entries.append(Encode.entry("empty.\(type)", 9, Encode.u32(type.rawValue) + Encode.u64(0)))
        }
        image.entries.append(
            Encode.entry("nested.empty", 9, Encode.u32(9) + Encode.u64(1) + Encode.u32(8) + Encode.u64(0)))
        let file = try open(image.header).get()
        #expect(file.metadata[""] == .string(""))
        for type in GGUFValueType.allCases {
            let array = file.metadata["empty.\(type)"]?.array
            #expect(array?.count == 0 && array?.elementType == type, "\(type)")
        }
        #expect(file.metadata["nested.empty"] == .array(.array([.string([])])))
        #expect(file.tensors.isEmpty && file.alignment == 32)
        #expect(file.dataSectionOffset == image.header.count)
    }
}
