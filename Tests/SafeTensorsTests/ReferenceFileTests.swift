// ReferenceFileTests.swift — a file produced by the Python `safetensors` package (0.8.0, numpy
// backend) is read correctly, and this module's writer reproduces it byte for byte.
//
// Generated once with:
//   t = {"embed.weight": np.arange(6, dtype=np.float32).reshape(2,3) * np.float32(0.5) - 1,
//        "norm.f16": np.array([1.0, -2.0, 0.5, 65504.0], dtype=np.float16),
//        "ids": np.array([-1, 1<<40], dtype=np.int64), "bytes": np.array([0, 127, 255], dtype=np.uint8),
//        "mask": np.array([True, False]), "scale": np.array(3.25, dtype=np.float64),
//        "empty": np.zeros((0, 4), dtype=np.int8), "pair": np.array([[7, -8]], dtype=np.int32)}
//   safetensors.numpy.save(t, metadata={"format": "np", "note": "h\u00e9llo"}).hex()

import Testing

@testable import SafeTensors

/// The 613 bytes Python wrote.
let pythonReferenceFile = bytes(
    hex: """
            18020000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a226e70222c226e6f7465223a2268
            c3a96c6c6f227d2c22696473223a7b226474797065223a22493634222c227368617065223a5b325d2c22646174615f6f
            666673657473223a5b302c31365d7d2c227363616c65223a7b226474797065223a22463634222c227368617065223a5b
            5d2c22646174615f6f666673657473223a5b31362c32345d7d2c22656d6265642e776569676874223a7b226474797065
            223a22463332222c227368617065223a5b322c335d2c22646174615f6f666673657473223a5b32342c34385d7d2c2270
            616972223a7b226474797065223a22493332222c227368617065223a5b312c325d2c22646174615f6f66667365747322
            3a5b34382c35365d7d2c226e6f726d2e663136223a7b226474797065223a22463136222c227368617065223a5b345d2c
            22646174615f6f666673657473223a5b35362c36345d7d2c22656d707479223a7b226474797065223a224938222c2273
            68617065223a5b302c345d2c22646174615f6f666673657473223a5b36342c36345d7d2c226279746573223a7b226474
            797065223a225538222c227368617065223a5b335d2c22646174615f6f666673657473223a5b36342c36375d7d2c226d
            61736b223a7b226474797065223a22424f4f4c222c227368617065223a5b325d2c22646174615f6f666673657473223a
            5b36372c36395d7d7d20202020202020ffffffffffffffff00000000000100000000000000000a40000080bf000000bf
            000000000000003f0000803f0000c03f07000000f8ffffff003c00c00038ff7b007fff0100
        """)

@Suite struct ReferenceFileTests {
    @Test func readsPythonWrittenFile() throws {
        let folder = TemporaryFolder()
        let path = folder.write(pythonReferenceFile, to: "reference.safetensors")
        let file = try SafeTensorsFile(path: path)

        #expect(file.fileSize == 613)
        #expect(file.dataSectionOffset == 8 + 536)
        #expect(file.metadata == ["format": "np", "note": "h\u{e9}llo"])
        #expect(
            file.tensors.map(\.name) == ["ids", "scale", "embed.weight", "pair", "norm.f16", "empty", "bytes", "mask"])

        let embed = try #require(file.info("embed.weight"))
        #expect(embed.dtype == .F32 && embed.shape == [2, 3] && embed.dataOffsets == 24..<48)
        #expect(embed.elementCount == 6 && embed.byteCount == 24)
        let floats = try file.bytes("embed.weight").withMemoryRebound(to: UInt32.self) {
            $0.map { Float(bitPattern: UInt32(littleEndian: $0)) }
        }
        #expect(floats == [-1, -0.5, 0, 0.5, 1, 1.5])

        let ids = try file.bytes("ids")
        #expect(ids.loadUnaligned(fromByteOffset: 0, as: Int64.self) == -1)
        #expect(ids.loadUnaligned(fromByteOffset: 8, as: Int64.self) == 1 << 40)

        #expect(try file.bytes("scale").loadUnaligned(as: Double.self) == 3.25)
        #expect(file.info("scale")?.shape == [])
        #expect(file.info("scale")?.elementCount == 1)
        #expect(try tensorBytes(file, "norm.f16") == [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38, 0xFF, 0x7B])
        #expect(try tensorBytes(file, "pair") == [7, 0, 0, 0, 0xF8, 0xFF, 0xFF, 0xFF])
        #expect(try tensorBytes(file, "bytes") == [0, 127, 255])
        #expect(try tensorBytes(file, "mask") == [1, 0])
        #expect(file.info("empty")?.shape == [0, 4])
        #expect(try file.bytes("empty").count == 0)
    }

    @Test func writerReproducesPythonFileByteForByte() throws {
        let folder = TemporaryFolder()
        let reference = try SafeTensorsFile(path: folder.write(pythonReferenceFile, to: "reference.safetensors"))
        var tensors: [(TensorSpec, [UInt8])] = []
        for info in reference.tensors {
            tensors.append(
                (
                    TensorSpec(name: info.name, dtype: info.dtype, shape: info.shape),
                    try tensorBytes(reference, info.name)
                ))
        }
        let copy = folder.file("copy.safetensors")
        try writeSafeTensors(path: copy, tensors: tensors, metadata: reference.metadata)
        #expect(readFile(copy) == pythonReferenceFile)
    }
}
