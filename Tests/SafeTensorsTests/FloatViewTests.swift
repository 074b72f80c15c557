// FloatViewTests.swift — the float views of safetensors tensors: BF16/F16/F32/F64 widen to
// float32 exactly (F64 rounds to nearest even), `withElements` hands out the stored element
// type in place (copying misaligned data), float32 narrows back with round-half-to-even, and
// every non-float dtype or non-matrix shape is a typed error naming the file and tensor.

import BlockFormats
import Testing

@testable import SafeTensors

@Suite struct FloatViewTests {
    let folder = TemporaryFolder()

    /// Little-endian bytes of fixed-width integers (bit patterns written by hand).
    func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { v in (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    }

    /// Writes `tensors` (spec, raw bytes) to a file and opens it.
    func file(_ tensors: [(TensorSpec, [UInt8])], name: String = "t.safetensors") throws -> SafeTensorsFile {
        let path = folder.file(name)
        let writer = try SafeTensorsWriter(path: path, tensors: tensors.map(\.0))
        for (_, bytes) in tensors { try writer.write(bytes) }
        try writer.finish()
        return try SafeTensorsFile(path: path)
    }

    // Expected float32 bit patterns of each stored element.
    let bf16Bits: [UInt16] = [0x3F80, 0xC020, 0x8000, 0x0001, 0x7F7F, 0x3F81]
    let bf16Expected: [UInt32] = [0x3F80_0000, 0xC020_0000, 0x8000_0000, 0x0001_0000, 0x7F7F_0000, 0x3F81_0000]
    // 1, -2.5, -0, 2^-24 (smallest subnormal), 65504 (largest finite), 2^-14 (smallest normal)
    let f16Bits: [UInt16] = [0x3C00, 0xC100, 0x8000, 0x0001, 0x7BFF, 0x0400]
    let f16Expected: [UInt32] = [0x3F80_0000, 0xC020_0000, 0x8000_0000, 0x3380_0000, 0x477F_E000, 0x3880_0000]
    let f32Bits: [UInt32] = [0x3F80_0000, 0xC020_0000, 0x0000_0001, 0x7F7F_FFFF, 0x8000_0000, 0x3DCC_CCCD]
    // 0.1 (rounds to 0x3DCCCCCD), 1 + 2^-24 (a tie: to even, 1.0), 1 + 3·2^-24 (a tie: to even,
    // 1 + 2^-22), -1e-50 (underflows to -0), 2^-149 (smallest subnormal), 1e300 (overflows to +inf)
    let f64Values: [Double] = [0.1, 1 + 0x1p-24, 1 + 3 * 0x1p-24, -1e-50, 0x1p-149, 1e300]
    let f64Expected: [UInt32] = [0x3DCC_CCCD, 0x3F80_0000, 0x3F80_0002, 0x8000_0000, 0x0000_0001, 0x7F80_0000]

    func allTypes() throws -> SafeTensorsFile {
        try file([
            (TensorSpec(name: "bf16", dtype: .BF16, shape: [2, 3]), littleEndian(bf16Bits)),
            (TensorSpec(name: "f16", dtype: .F16, shape: [3, 2]), littleEndian(f16Bits)),
            (TensorSpec(name: "f32", dtype: .F32, shape: [6]), littleEndian(f32Bits)),
            (TensorSpec(name: "f64", dtype: .F64, shape: [1, 6]), littleEndian(f64Values.map(\.bitPattern))),
            (TensorSpec(name: "ints", dtype: .I32, shape: [2, 2]), littleEndian([Int32](arrayLiteral: 1, -2, 3, 4))),
            (TensorSpec(name: "fp8", dtype: .F8_E4M3, shape: [2]), [0x38, 0x40]),
        ])
    }

    @Test func floatsWidenEveryFloatTypeExactly() throws {
        let f = try allTypes()
        #expect(try f.floats("bf16").map(\.bitPattern) == bf16Expected)
        #expect(try f.floats("f16").map(\.bitPattern) == f16Expected)
        #expect(try f.floats("f32").map(\.bitPattern) == f32Bits)
        #expect(try f.floats("f64").map(\.bitPattern) == f64Expected)
    }

    @Test func withElementsHandsOutTheStoredTypeInPlace() throws {
        let f = try allTypes()
        let stored = try f.bytes("bf16").baseAddress
        try f.withElements("bf16") { x in
            guard case let .bf16(b) = x else { Issue.record("bf16 came as \(x.elementType)"); return }
            #expect(Array(b) == bf16Bits)
            #expect(b.baseAddress.map(UnsafeRawPointer.init) == stored)
        }
        try f.withElements("f16") { x in
            guard case let .f16(b) = x else { Issue.record("f16 came as \(x.elementType)"); return }
            #expect(Array(b) == f16Bits)
            #expect((0..<x.count).map { x.value(at: $0).bitPattern } == f16Expected)
        }
        try f.withElements("f32") { x in
            guard case let .f32(b) = x else { Issue.record("f32 came as \(x.elementType)"); return }
            #expect(b.map(\.bitPattern) == f32Bits)
        }
        try f.withElements("f64") { x in
            guard case let .f32(b) = x else { Issue.record("f64 came as \(x.elementType)"); return }
            #expect(b.map(\.bitPattern) == f64Expected)
        }
    }

    @Test func misalignedElementsAreCopied() throws {
        // A 1-byte tensor first puts the BF16 and F32 tensors at odd offsets of the data section;
        // the header is padded so that the data section itself starts 8-byte aligned.
        var header =
            #"{"pad":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"#
            + #""h":{"dtype":"BF16","shape":[2],"data_offsets":[1,5]},"#
            + #""s":{"dtype":"F32","shape":[2],"data_offsets":[5,13]}}"#
        while (8 + header.utf8.count) % 8 != 0 { header += " " }
        let data: [UInt8] =
            [7] + littleEndian([UInt16(0x3F80), 0xC020]) + littleEndian([UInt32(0x3F80_0000), 0xC020_0000])
        let path = folder.write(image(header: header, data: data), to: "odd.safetensors")
        let f = try SafeTensorsFile(path: path)
        #expect(Int(bitPattern: try f.bytes("h").baseAddress) % 2 == 1)
        try f.withElements("h") { x in
            guard case let .bf16(b) = x else { Issue.record("h came as \(x.elementType)"); return }
            #expect(Array(b) == [0x3F80, 0xC020])
            #expect(Int(bitPattern: b.baseAddress) % 2 == 0)
        }
        try f.withElements("s") { x in
            guard case let .f32(b) = x else { Issue.record("s came as \(x.elementType)"); return }
            #expect(Array(b) == [1, -2.5])
        }
        #expect(try f.floats("h") == [1, -2.5])
    }

    @Test func narrowingRoundsHalfToEven() throws {
        // BF16: 1 + 2^-8 is a tie (→ 1.0, even), 1 + 3·2^-8 a tie (→ 1 + 2^-6, even), -0 stays -0.
        #expect(
            try bytes(of: [1 + 0x1p-8, 1 + 3 * 0x1p-8, -0.0, 6], as: .BF16)
                == littleEndian([UInt16(0x3F80), 0x3F82, 0x8000, 0x40C0]))
        // F16: 1 + 2^-11 is a tie (→ 1.0); 65520 is the tie above 65504 (→ +inf); 2^-25 a tie (→ 0).
        #expect(
            try bytes(of: [1 + 0x1p-11, 65520, 0x1p-25, -2.5], as: .F16)
                == littleEndian([UInt16(0x3C00), 0x7C00, 0x0000, 0xC100]))
        let f32: [Float] = [0.1, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        #expect(try bytes(of: f32, as: .F32) == littleEndian(f32.map(\.bitPattern)))
    }

    @Test func valuesSurviveAWriteAndReadInEveryStorageType() throws {
        let values: [Float] = [0, -0.0, 1, -2.5, 0.75, 448, -6, 0x1p-14]  // exact in BF16, F16 and F32
        for dtype in [DType.BF16, .F16, .F32] {
            let f = try file(
                [(TensorSpec(name: "w", dtype: dtype, shape: [2, 4]), try bytes(of: values, as: dtype))],
                name: "\(dtype.rawValue).safetensors")
            #expect(try f.floats("w").map(\.bitPattern) == values.map(\.bitPattern), "\(dtype)")
            #expect(try f.matrixShape("w") == (2, 4))
        }
    }

    @Test func nonFloatTensorsAndShapesAreTypedErrors() throws {
        let f = try allTypes()
        #expect(throws: FloatViewError.notFloatingPoint(path: f.path, tensor: "ints", dtype: .I32)) {
            try f.floats("ints")
        }
        #expect(throws: FloatViewError.notFloatingPoint(path: f.path, tensor: "fp8", dtype: .F8_E4M3)) {
            try f.withElements("fp8") { _ in () }
        }
        #expect(throws: FloatViewError.notAMatrix(path: f.path, tensor: "f32", shape: [6])) {
            try f.matrixShape("f32")
        }
        #expect(throws: SafeTensorsError.tensorNotFound(path: f.path, tensor: "missing")) { try f.floats("missing") }
        #expect(throws: SafeTensorsError.tensorNotFound(path: f.path, tensor: "missing")) {
            try f.withElements("missing") { _ in () }
        }
        #expect(throws: FloatViewError.unsupportedOutputDType(.F64)) { try bytes(of: [1], as: .F64) }
        #expect(throws: FloatViewError.unsupportedOutputDType(.I32)) { try bytes(of: [1], as: .I32) }
        let message = "\(FloatViewError.notFloatingPoint(path: "m.safetensors", tensor: "ints", dtype: .I32))"
        #expect(message.hasPrefix("m.safetensors: tensor 'ints': dtype I32"))
    }
}
