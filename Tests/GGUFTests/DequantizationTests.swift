// DequantizationTests.swift — every supported type dequantizes bit-identically with gguf-py's
// `gguf.quants.dequantize` (fixtures from tools/gguf-fixtures/make_fixtures.py), tensor infos match
// what gguf-py's reader reports, other types are refused by name, and the block table is gguf-py's.

import Testing

@testable import GGUF

@Suite struct DequantizationTests {
    static let fixtureFiles = ["types.gguf", "metadata.gguf"]

    @Test(arguments: fixtureFiles)
    func tensorInfosMatchGGUFPy(_ name: String) throws {
        let file = try GGUFFile(path: Fixtures.path(name))
        let expected = try #require(Fixtures.manifest.files[name])
        #expect(file.dataSectionOffset == expected.data_offset)
        #expect(file.tensors.map(\.name) == expected.tensors.map(\.name))
        for (info, reference) in zip(file.tensors, expected.tensors) {
            #expect(info.type.name == reference.type, "\(info.name)")
            #expect(info.shape == reference.shape, "\(info.name)")
            #expect(info.dimensions == reference.shape.reversed(), "\(info.name)")
            #expect(info.byteCount == reference.bytes, "\(info.name)")
            #expect(info.offset == reference.offset, "\(info.name)")
            #expect(info.offset % file.alignment == 0)
            #expect(try file.bytes(info.name).count == reference.bytes)
        }
    }

    @Test(arguments: fixtureFiles)
    func valuesAreBitIdenticalWithGGUFPy(_ name: String) throws {
        let file = try GGUFFile(path: Fixtures.path(name))
        let expected = try #require(Fixtures.manifest.files[name])
        var checked = 0
        for reference in expected.tensors {
            guard let start = reference.expected else { continue }
            let values = try file.dequantize(reference.name)
            let count = reference.shape.reduce(1, *)
            #expect(values.count == count, "\(reference.name)")
            let want = Fixtures.expectedBits[start..<(start + count)]
            // Plain types are pure bit moves: every bit must agree, NaN payloads included. Quantized
            // types multiply; a NaN from inf × 0 has the platform's default NaN bits, so there
            // only NaN-ness must agree (numbers, infinities and signed zeros still bit for bit).
            let plain = ["F32", "F16", "BF16"].contains(reference.type)
            var mismatches = 0
            for (got, bits) in zip(values, want) {
                let ok = got.bitPattern == bits || (!plain && got.isNaN && Float(bitPattern: bits).isNaN)
                if !ok { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(reference.name): \(mismatches) of \(count) values differ")
            // The buffer variant writes the same values.
            var into = [Float](repeating: 7, count: count)
            try into.withUnsafeMutableBufferPointer { buffer in try file.dequantize(reference.name, into: buffer) }
            #expect(into.map(\.bitPattern) == values.map(\.bitPattern), "\(reference.name)")
            checked += 1
        }
        #expect(checked == expected.tensors.filter { $0.expected != nil }.count)
    }

    @Test func everySupportedTypeIsCovered() throws {
        let types = Set(Fixtures.manifest.files.values.flatMap { $0.tensors.filter { $0.expected != nil }.map(\.type) })
        // NVFP4 has its own gguf-py fixture (NVFP4WriterTests).
        #expect(types == Set(GGMLType.dequantizable.filter { $0 != .NVFP4 }.map(\.name)))
        // Some values are special: the fixtures contain infinities, NaNs, negative zeros and subnormals.
        let values = Fixtures.expectedBits.map { Float(bitPattern: $0) }
        #expect(values.contains { $0.isNaN } && values.contains { $0.isInfinite })
        #expect(values.contains { $0 == 0 && $0.sign == .minus } && values.contains { $0.isSubnormal })
    }

    @Test func otherTypesAreRefusedByName() throws {
        let path = Fixtures.path("types.gguf")
        let file = try GGUFFile(path: path)
        #expect(file.info("refused.q8_1")?.type == .Q8_1)
        #expect(throws: GGUFError.unsupportedType(path: path, tensor: "refused.q8_1", type: "Q8_1")) {
            try file.dequantize("refused.q8_1")
        }
        #expect(throws: GGUFError.unsupportedType(path: path, tensor: "refused.i8", type: "I8")) {
            try file.dequantize("refused.i8")
        }
        let message = GGUFError.unsupportedType(path: path, tensor: "refused.q8_1", type: "Q8_1").description
        #expect(message.contains("'refused.q8_1'") && message.contains("type Q8_1") && message.contains("Q4_K"))
        #expect(throws: GGUFError.tensorNotFound(path: path, tensor: "missing")) { try file.dequantize("missing") }
        #expect(throws: GGUFError.tensorNotFound(path: path, tensor: "missing")) { try file.bytes("missing") }
    }

    @Test func blockTableIsGGUFPys() {
        let table = Fixtures.manifest.quant_sizes
        #expect(Set(table.keys) == Set(GGMLType.allCases.map(\.name)))
        for type in GGMLType.allCases {
            #expect(table[type.name] == [type.blockSize, type.typeSize], "\(type.name)")
        }
    }

    @Test func emptyTensorDequantizesToNothing() throws {
        let file = try GGUFFile(path: Fixtures.path("types.gguf"))
        let info = try #require(file.info("empty.q4_k"))
        #expect(info.elementCount == 0 && info.byteCount == 0 && info.shape == [0, 256])
        #expect(try file.dequantize("empty.q4_k").isEmpty)
    }
}
