// RoundTripTests.swift — what the writer writes, the reader reads back unchanged: every dtype,
// shapes (scalars and zero-sized ones included), metadata, names needing JSON escapes, multi-chunk
// and larger-than-buffer writes; and the header layout (order, padding, 8-byte aligned data start).

import Testing

@testable import SafeTensors

@Suite struct RoundTripTests {
    @Test(arguments: DType.allCases)
    func everyDTypeRoundTrips(dtype: DType) throws {
        let folder = TemporaryFolder()
        let path = folder.file("\(dtype.rawValue).safetensors")
        let shape = [3, 5]
        let data = randomBytes(15 * dtype.byteSize, seed: UInt64(dtype.byteSize * 31 + dtype.rawValue.count))
        let scalar = randomBytes(dtype.byteSize, seed: 7)
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "t", dtype: dtype, shape: shape), data),
                (TensorSpec(name: "s", dtype: dtype, shape: []), scalar),
            ],
            metadata: ["dtype": dtype.rawValue])

        let file = try SafeTensorsFile(path: path)
        #expect(file.metadata == ["dtype": dtype.rawValue])
        #expect(file.tensors.count == 2)
        let info = try #require(file.info("t"))
        #expect(info.dtype == dtype)
        #expect(info.shape == shape)
        #expect(info.elementCount == 15)
        #expect(info.byteCount == data.count)
        #expect(info.dataOffsets == 0..<data.count)
        #expect(try tensorBytes(file, "t") == data)
        #expect(try tensorBytes(file, "s") == scalar)
        #expect(file.dataSectionOffset % 8 == 0)
        #expect(file.fileSize == file.dataSectionOffset + data.count + scalar.count)
    }

    @Test func dtypeProperties() {
        #expect(DType.allCases.count == 16)
        #expect(DType.allCases.filter(\.isFloatingPoint) == [.BF16, .F16, .F32, .F64])
        let sizes = Dictionary(uniqueKeysWithValues: DType.allCases.map { ($0, $0.byteSize) })
        #expect(
            sizes == [
                .BF16: 2, .F16: 2, .F32: 4, .F64: 8, .I8: 1, .I16: 2, .I32: 4, .I64: 8,
                .U8: 1, .U16: 2, .U32: 4, .U64: 8, .BOOL: 1, .F8_E4M3: 1, .F8_E5M2: 1, .F8_E8M0: 1,
            ])
        #expect(DType(rawValue: "F8_E4M3") == .F8_E4M3)
        #expect(TensorSpec(name: "x", dtype: .BF16, shape: [4, 8]).byteCount == 64)
        #expect(TensorSpec(name: "x", dtype: .BF16, shape: []).byteCount == 2)
        #expect(TensorSpec(name: "x", dtype: .BF16, shape: [-1]).byteCount == -1)
    }

    @Test func allDTypesInOneFileKeepDeclaredOrder() throws {
        let folder = TemporaryFolder()
        let path = folder.file("all.safetensors")
        var tensors: [(TensorSpec, [UInt8])] = []
        for (i, dtype) in DType.allCases.reversed().enumerated() {
            let shape = [i % 3 + 1, 2]
            tensors.append(
                (
                    TensorSpec(name: "layer.\(i).\(dtype.rawValue)", dtype: dtype, shape: shape),
                    randomBytes(shape.reduce(1, *) * dtype.byteSize, seed: UInt64(i))
                ))
        }
        try writeSafeTensors(path: path, tensors: tensors)
        let file = try SafeTensorsFile(path: path)
        #expect(file.metadata.isEmpty)
        #expect(file.tensors.map(\.name) == tensors.map(\.0.name))
        var expectedOffset = 0
        for (spec, data) in tensors {
            let info = try #require(file.info(spec.name))
            #expect(info.dtype == spec.dtype && info.shape == spec.shape)
            #expect(info.dataOffsets == expectedOffset..<(expectedOffset + data.count))
            #expect(try tensorBytes(file, spec.name) == data)
            expectedOffset += data.count
        }
    }

    @Test func zeroSizedTensors() throws {
        let folder = TemporaryFolder()
        let path = folder.file("zero.safetensors")
        let a = randomBytes(12, seed: 1)
        let b = randomBytes(6, seed: 2)
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "empty.first", dtype: .F32, shape: [0]), []),
                (TensorSpec(name: "a", dtype: .F32, shape: [3]), a),
                (TensorSpec(name: "empty.middle", dtype: .BF16, shape: [3, 0, 2]), []),
                (TensorSpec(name: "b", dtype: .U16, shape: [3]), b),
                (TensorSpec(name: "empty.last", dtype: .I64, shape: [0, 0]), []),
            ])
        let file = try SafeTensorsFile(path: path)
        #expect(file.tensors.map(\.name) == ["empty.first", "a", "empty.middle", "b", "empty.last"])
        #expect(file.info("empty.middle")?.shape == [3, 0, 2])
        #expect(file.info("empty.middle")?.elementCount == 0)
        #expect(file.info("empty.middle")?.dataOffsets == 12..<12)
        #expect(try file.bytes("empty.middle").count == 0)
        #expect(try file.bytes("empty.last").count == 0)
        #expect(try tensorBytes(file, "a") == a)
        #expect(try tensorBytes(file, "b") == b)
    }

    @Test func fileWithOnlyEmptyTensorsOrNone() throws {
        let folder = TemporaryFolder()
        let none = folder.file("none.safetensors")
        try writeSafeTensors(path: none, tensors: [])
        #expect(try SafeTensorsFile(path: none).tensors.isEmpty)
        #expect(readFile(none) == image(header: "{}      "))

        let onlyEmpty = folder.file("only-empty.safetensors")
        try writeSafeTensors(path: onlyEmpty, tensors: [(TensorSpec(name: "e", dtype: .U8, shape: [0]), [])])
        let file = try SafeTensorsFile(path: onlyEmpty)
        #expect(file.tensors.count == 1)
        #expect(file.dataSectionSize == 0)
    }

    @Test func multiChunkAndLargerThanBufferWrites() throws {
        let folder = TemporaryFolder()
        let path = folder.file("chunks.safetensors")
        let small = randomBytes(1000, seed: 11)
        let large = randomBytes((4 << 20) + 4096 + 12, seed: 12)  // more than the 4 MiB buffer
        let tail = randomBytes(40, seed: 13)
        let writer = try SafeTensorsWriter(
            path: path,
            tensors: [
                TensorSpec(name: "small", dtype: .U8, shape: [1000]),
                TensorSpec(name: "large", dtype: .F32, shape: [large.count / 4]),
                TensorSpec(name: "tail", dtype: .F64, shape: [5]),
            ], metadata: ["k": "v"])
        #expect(writer.currentTensor?.name == "small")
        // Chunks of awkward sizes: 1 byte, buffered ones, ones that straddle and exceed the buffer.
        try writer.write(Array(small[0..<1]))
        try writer.write(Array(small[1..<999]))
        #expect(writer.bytesRemainingInCurrentTensor == 1)
        try writer.write(Array(small[999...]))
        #expect(writer.currentTensor?.name == "large")
        var position = 0
        for size in [3, 4 << 20, 100, 5 << 20] {  // the 4 MiB chunk bypasses the buffer
            let end = min(large.count, position + size)
            try large.withUnsafeBytes { try writer.write(UnsafeRawBufferPointer(rebasing: $0[position..<end])) }
            position = end
        }
        #expect(position == large.count)
        #expect(writer.currentTensor?.name == "tail")
        try writer.write(tail)
        #expect(writer.currentTensor == nil)
        try writer.finish()

        let file = try SafeTensorsFile(path: path)
        #expect(file.metadata == ["k": "v"])
        #expect(try tensorBytes(file, "small") == small)
        #expect(try sameBytes(file.bytes("large"), large))
        #expect(try tensorBytes(file, "tail") == tail)
        #expect(folder.listing() == ["chunks.safetensors"])
    }

    @Test func headerLayoutIsDeclaredOrderPaddedToEightBytes() throws {
        let folder = TemporaryFolder()
        let path = folder.file("layout.safetensors")
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "z", dtype: .F32, shape: [2]), [0, 0, 128, 63, 0, 0, 0, 64]),
                (TensorSpec(name: "a", dtype: .U8, shape: [1, 1]), [9]),
            ],
            metadata: ["b": "2", "a": "1"])
        let json =
            #"{"__metadata__":{"a":"1","b":"2"},"#
            + #""z":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
            + #""a":{"dtype":"U8","shape":[1,1],"data_offsets":[8,9]}}"#
        let padding = (8 - (8 + json.utf8.count) % 8) % 8
        let expected = image(
            header: json + String(repeating: " ", count: padding),
            data: [0, 0, 128, 63, 0, 0, 0, 64, 9])
        #expect(readFile(path) == expected)
    }

    @Test func dataStartIsAlignedForEveryHeaderLength() throws {
        let folder = TemporaryFolder()
        for length in 1...16 {
            let path = folder.file("aligned-\(length).safetensors")
            let name = String(repeating: "n", count: length)
            try writeSafeTensors(
                path: path, tensors: [(TensorSpec(name: name, dtype: .F64, shape: [1]), [1, 2, 3, 4, 5, 6, 7, 8])])
            let raw = readFile(path)
            let headerLength = raw[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
            #expect((8 + headerLength) % 8 == 0)
            let file = try SafeTensorsFile(path: path)
            #expect(file.dataSectionOffset == 8 + headerLength)
            // The 8-byte tensor is naturally aligned in the file.
            #expect((file.dataSectionOffset + file.info(name)!.dataOffsets.lowerBound) % 8 == 0)
            #expect(try tensorBytes(file, name) == [1, 2, 3, 4, 5, 6, 7, 8])
        }
    }

    @Test func namesAndMetadataNeedingEscapes() throws {
        let folder = TemporaryFolder()
        let path = folder.file("escapes.safetensors")
        let names = [
            "quote\"d", "back\\slash", "new\nline", "tab\t", "ctl\u{1}", "ünïcödé 🚀", "", "slash/es", "__metadata",
        ]
        let metadata = ["json": #"{"a": [1, 2]}"#, "multi\nline": "v\u{0}al", "é": "🚀"]
        try writeSafeTensors(
            path: path,
            tensors: names.enumerated().map { (TensorSpec(name: $1, dtype: .U8, shape: [1]), [UInt8($0)]) },
            metadata: metadata)
        let file = try SafeTensorsFile(path: path)
        #expect(file.tensors.map(\.name) == names)
        #expect(file.metadata == metadata)
        for (i, name) in names.enumerated() {
            #expect(try tensorBytes(file, name) == [UInt8(i)])
        }
    }

    @Test func lookupsOfUnknownNames() throws {
        let folder = TemporaryFolder()
        let path = folder.file("x.safetensors")
        try writeSafeTensors(path: path, tensors: [(TensorSpec(name: "x", dtype: .U8, shape: [2]), [1, 2])])
        let file = try SafeTensorsFile(path: path)
        #expect(file.info("y") == nil)
        #expect(caught { _ = try file.bytes("y") } == .tensorNotFound(path: path, tensor: "y"))
        file.releasePages("y")  // ignored
    }

    @Test func releasedPagesReadBackUnchanged() throws {
        let folder = TemporaryFolder()
        let path = folder.file("release.safetensors")
        let a = randomBytes(3 * 4096 + 5, seed: 21)
        let b = randomBytes(2 * 4096, seed: 22)
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "a", dtype: .U8, shape: [a.count]), a),
                (TensorSpec(name: "b", dtype: .U8, shape: [b.count]), b),
            ])
        let file = try SafeTensorsFile(path: path)
        #expect(try tensorBytes(file, "a") == a)
        #expect(try tensorBytes(file, "b") == b)
        file.releasePages("a")
        #expect(try tensorBytes(file, "b") == b)  // b shares a page with a
        #expect(try tensorBytes(file, "a") == a)
        file.releasePages("b")
        file.releasePages("a")
        #expect(try tensorBytes(file, "a") == a && tensorBytes(file, "b") == b)
    }

    @Test func fileIsSharedAcrossConcurrentReaders() async throws {
        let folder = TemporaryFolder()
        let path = folder.file("shared.safetensors")
        let tensors = (0..<8).map {
            (TensorSpec(name: "t\($0)", dtype: .I32, shape: [64]), randomBytes(256, seed: UInt64($0)))
        }
        try writeSafeTensors(path: path, tensors: tensors)
        let file = try SafeTensorsFile(path: path)
        let sums = await withTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                group.addTask { (try? file.bytes("t\(i)").reduce(0) { $0 + Int($1) }) ?? -1 }
            }
            return await group.reduce(0, +)
        }
        #expect(sums == tensors.reduce(0) { $0 + $1.1.reduce(0) { $0 + Int($1) } })
    }
}
