// NVFP4 blocks and the GGUF writer: our NVFP4 dequantization against gguf-py's on a fixture with
// every scale byte; pack/unpack as exact inverses with llama.cpp's nibble order; files written by
// GGUFWriter read back by GGUFFile with every metadata value, tensor and alignment; bad input fails
// with no file left behind.

import Foundation
import TestSupport
import Testing

@testable import GGUF

@Suite struct NVFP4WriterTests {
    @Test func nvfp4DequantizationEqualsGGUFPy() throws {
        let file = try GGUFFile(path: Fixtures.path("nvfp4.gguf"))
        let info = try #require(file.info("nvfp4.matrix"))
        #expect(info.type == .NVFP4 && info.shape == [64, 128])
        let want: [UInt32] = Fixtures.folder.data("nvfp4.expected.f32").withUnsafeBytes {
            Array($0.bindMemory(to: UInt32.self))
        }
        let got = try file.dequantize("nvfp4.matrix")
        #expect(got.map(\.bitPattern) == want)
    }

    @Test func packUsesLlamaCppNibbleOrderAndUnpacksExactly() throws {
        var rng = SplitMix64(seed: 17)
        let rows = 3, cols = 128
        let codes = (0..<(rows * cols / 2)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let scales = (0..<(rows * cols / 16)).map { _ in UInt8.random(in: 0...0x7E, using: &rng) }
        let blocks = NVFP4Blocks.pack(codes: codes, scales: scales, rows: rows, cols: cols)
        #expect(blocks.count == rows * cols / 64 * 36)
        // Block 0: 4 scale bytes, then byte j of sub-block 0 = value j (low) | value j+8 (high).
        #expect(Array(blocks[0..<4]) == Array(scales[0..<4]))
        func code(_ i: Int) -> UInt8 { i & 1 == 0 ? codes[i >> 1] & 0xF : codes[i >> 1] >> 4 }
        #expect(blocks[4] == code(0) | code(8) << 4)
        #expect(blocks[4 + 8 + 7] == code(16 + 7) | code(16 + 15) << 4)
        let back = blocks.withUnsafeBytes { NVFP4Blocks.unpack($0, rows: rows, cols: cols) }
        #expect(back.codes == codes && back.scales == scales)
        // Dequantized: E2M1 × E4M3, +0 for code 8.
        var values = [Float](repeating: 0, count: rows * cols)
        blocks.withUnsafeBytes { b in
            values.withUnsafeMutableBufferPointer { GGUFDequantization.dequantize(b, type: .NVFP4, into: $0) }
        }
        for i in 0..<values.count {
            let want = E2M1Table.value(code(i)) * E4M3Table.value(scales[i / 16])
            #expect(values[i] == want, "value \(i)")
        }
    }

    @Test func writtenFilesReadBack() throws {
        let path = NSTemporaryDirectory() + "gguf-writer-\(UUID().uuidString).gguf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let metadata: [(key: String, value: GGUFValue)] = [
            ("general.architecture", .string("llama")), ("a.u8", .uint8(7)), ("a.i8", .int8(-7)),
            ("a.u16", .uint16(700)),
            ("a.i16", .int16(-700)), ("a.u32", .uint32(70000)), ("a.i32", .int32(-70000)), ("a.u64", .uint64(1 << 40)),
            ("a.i64", .int64(-(1 << 40))), ("a.f32", .float32(0.1)), ("a.f64", .float64(0.1)), ("a.bool", .bool(true)),
            ("a.strings", .array(.string(["x", "", "ü"]))), ("a.floats", .array(.float32([1, -2]))),
            ("a.nested", .array(.array([.int32([1, 2]), .string(["y"])]))),
        ]
        let f32: [Float] = [1, 2, 3, -0.5, .infinity]
        let blocks = NVFP4Blocks.pack(
            codes: [UInt8](repeating: 0x21, count: 32), scales: [0x38, 0x40, 0x30, 0x01],
            rows: 1, cols: 64)
        let specs = [
            GGUFTensorSpec(name: "v", type: .F32, dimensions: [5]),
            GGUFTensorSpec(name: "m", type: .NVFP4, dimensions: [64, 1]),
        ]
        try GGUFWriter.write(to: path, metadata: metadata, tensors: specs, alignment: 64) { i in
            i == 0 ? f32.withUnsafeBytes { Array($0) } : blocks
        }
        let file = try GGUFFile(path: path)
        #expect(file.version == 3 && file.alignment == 64)
        for (key, value) in metadata { #expect(file.metadata[key] == value, "\(key)") }
        #expect(file.metadataKeys == metadata.map(\.key) + ["general.alignment"])
        #expect(try file.dequantize("v").map(\.bitPattern) == f32.map(\.bitPattern))
        #expect(Array(try file.bytes("m")) == blocks)
        #expect(file.tensors.allSatisfy { $0.offset % 64 == 0 } && file.dataSectionOffset % 64 == 0)
    }

    @Test func badInputFailsWithNoFile() throws {
        let folder = NSTemporaryDirectory() + "gguf-writer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.gguf"
        #expect(throws: GGUFWriteError.self) {
            try GGUFWriter.write(
                to: path, metadata: [], tensors: [GGUFTensorSpec(name: "v", type: .F32, dimensions: [4])]
            ) { _ in [0] }
        }
        #expect(throws: GGUFWriteError.self) {
            try GGUFWriter.write(to: path, metadata: [("k", .bool(true)), ("k", .bool(false))], tensors: []) { _ in [] }
        }
        #expect(throws: GGUFWriteError.self) {
            try GGUFWriter.write(
                to: path, metadata: [], tensors: [GGUFTensorSpec(name: "m", type: .NVFP4, dimensions: [16, 1])]
            ) { _ in [] }
        }
        // Neither the file nor its hidden temporary (a tensor's bytes fail after the header went out).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }
}

/// Independent decodings for the pack test (not the tables under test).
enum E2M1Table {
    static func value(_ c: UInt8) -> Float {
        let m: [Float] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
        return c == 8 ? 0 : (c & 8 != 0 ? -m[Int(c & 7)] : m[Int(c & 7)])
    }
}

enum E4M3Table {
    static func value(_ b: UInt8) -> Float {
        let e = Int(b >> 3) & 0xF, m = Float(b & 7)
        return e == 0 ? m * 0x1p-9 : (1 + m / 8) * Float(sign: .plus, exponent: e - 7, significand: 1)
    }
}
