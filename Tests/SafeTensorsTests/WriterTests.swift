// WriterTests.swift — the writer never leaves a half-written file: abort, deinit without finish,
// short tensors and bad input leave neither the target nor temporary files; an existing target is
// replaced only by finish(); misuse gives typed errors.

import Testing

@testable import SafeTensors

@Suite struct WriterTests {
    let folder = TemporaryFolder()
    let specs = [TensorSpec(name: "a", dtype: .F32, shape: [2]), TensorSpec(name: "b", dtype: .U8, shape: [3])]
    let aBytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
    let bBytes: [UInt8] = [9, 10, 11]

    @Test func temporaryFileIsHiddenAndUniqueInTheTargetFolder() throws {
        let path = folder.file("out.safetensors")
        let first = try SafeTensorsWriter(path: path, tensors: specs)
        let second = try SafeTensorsWriter(path: path, tensors: specs)
        let listing = folder.listing()
        #expect(listing.count == 2)
        #expect(listing.allSatisfy { $0.hasPrefix(".out.safetensors.partial-") })
        #expect(first.temporaryPath != second.temporaryPath)
        first.abort()
        second.abort()
        #expect(folder.listing().isEmpty)
    }

    @Test func abortLeavesNothing() throws {
        let path = folder.file("out.safetensors")
        let writer = try SafeTensorsWriter(path: path, tensors: specs)
        try writer.write(aBytes)
        writer.abort()
        writer.abort()  // idempotent
        #expect(folder.listing().isEmpty)
        #expect(
            caught { try writer.write(bBytes) } == .writeOrderViolation(path: path, reason: "the writer was aborted"))
        #expect(caught { try writer.finish() } == .writeOrderViolation(path: path, reason: "the writer was aborted"))
        #expect(folder.listing().isEmpty)
    }

    @Test func droppingTheWriterLeavesNothing() throws {
        let path = folder.file("out.safetensors")
        do {
            let writer = try SafeTensorsWriter(path: path, tensors: specs)
            try writer.write(aBytes)
            try writer.write(bBytes)  // complete, but never finished
            #expect(folder.listing().count == 1)
        }
        #expect(folder.listing().isEmpty)
    }

    @Test func finishWithAShortTensorThrowsAndLeavesNothing() throws {
        let path = folder.file("out.safetensors")
        let writer = try SafeTensorsWriter(path: path, tensors: specs)
        try writer.write(aBytes)
        try writer.write([9])
        let error = caught { try writer.finish() }
        #expect(
            error == .writeOrderViolation(path: path, reason: "finish() with tensor 'b' short: 1 of 3 bytes written"))
        #expect(folder.listing().isEmpty)

        let untouched = try SafeTensorsWriter(path: path, tensors: specs)
        guard case .writeOrderViolation(_, let reason) = caught({ try untouched.finish() }) else {
            Issue.record("expected writeOrderViolation"); return
        }
        #expect(reason.contains("'a' short: 0 of 8"))
        #expect(folder.listing().isEmpty)
    }

    @Test func tooManyBytesForATensorIsRejectedWithoutDamage() throws {
        let path = folder.file("out.safetensors")
        let writer = try SafeTensorsWriter(path: path, tensors: specs)
        try writer.write(Array(aBytes[0..<6]))
        let error = caught { try writer.write(aBytes) }
        #expect(
            error
                == .writeOrderViolation(
                    path: path, reason: "chunk of 8 bytes for tensor 'a', which lacks only 2 of its 8 bytes"))
        // Chunks never span tensors, even when the total would fit.
        #expect(caught { try writer.write([7, 8, 9]) } != nil)
        try writer.write([7, 8])
        try writer.write(bBytes)
        #expect(
            caught { try writer.write([0]) }
                == .writeOrderViolation(
                    path: path, reason: "1 bytes written after every declared tensor was complete"))
        try writer.write([])  // empty chunks are always fine
        try writer.finish()
        let file = try SafeTensorsFile(path: path)
        #expect(try tensorBytes(file, "a") == aBytes)
        #expect(try tensorBytes(file, "b") == bBytes)
        #expect(
            caught { try writer.finish() }
                == .writeOrderViolation(path: path, reason: "the writer has already finished"))
        #expect(
            caught { try writer.write([1]) }
                == .writeOrderViolation(path: path, reason: "the writer has already finished"))
        writer.abort()  // no effect after finish
        #expect(folder.listing() == ["out.safetensors"])
    }

    @Test func missingFolderThrowsCannotWrite() {
        let path = folder.file("no/such/folder/out.safetensors")
        guard
            case .cannotWrite(let errorPath, let reason) = caught({
                _ = try SafeTensorsWriter(path: path, tensors: specs)
            })
        else {
            Issue.record("expected cannotWrite"); return
        }
        #expect(errorPath == path)
        #expect(reason.contains("No such file or directory"))
        #expect(folder.listing().isEmpty)
    }

    @Test func targetThatIsADirectoryThrowsCannotWrite() {
        let error = caught { _ = try SafeTensorsWriter(path: folder.path, tensors: specs) }
        #expect(error == .cannotWrite(path: folder.path, reason: "is a directory"))
        let trailingSlash = caught { _ = try SafeTensorsWriter(path: folder.path + "/", tensors: specs) }
        guard case .cannotWrite = trailingSlash else {
            Issue.record("expected cannotWrite"); return
        }
    }

    @Test func existingTargetIsReplacedOnlyOnFinish() throws {
        let path = folder.write([1, 2, 3], to: "out.safetensors")
        let writer = try SafeTensorsWriter(path: path, tensors: specs, metadata: ["v": "2"])
        try writer.write(aBytes)
        try writer.write(bBytes)
        #expect(readFile(path) == [1, 2, 3])
        try writer.finish()
        #expect(folder.listing() == ["out.safetensors"])
        let file = try SafeTensorsFile(path: path)
        #expect(file.metadata == ["v": "2"])
        #expect(try tensorBytes(file, "b") == bBytes)
    }

    @Test func existingTargetSurvivesAbortAndFailure() throws {
        let path = folder.write([1, 2, 3], to: "out.safetensors")
        let aborted = try SafeTensorsWriter(path: path, tensors: specs)
        try aborted.write(aBytes)
        aborted.abort()
        #expect(readFile(path) == [1, 2, 3])
        let short = try SafeTensorsWriter(path: path, tensors: specs)
        _ = caught { try short.finish() }
        #expect(readFile(path) == [1, 2, 3])
        #expect(folder.listing() == ["out.safetensors"])
    }

    @Test func invalidSpecsAreRejectedBeforeTouchingTheDisk() {
        let path = folder.file("out.safetensors")
        let duplicate = caught { _ = try SafeTensorsWriter(path: path, tensors: specs + [specs[0]]) }
        #expect(duplicate == .duplicateTensor(path: path, tensor: "a"))
        let reserved = caught {
            _ = try SafeTensorsWriter(path: path, tensors: [TensorSpec(name: "__metadata__", dtype: .U8, shape: [1])])
        }
        #expect(reserved == .duplicateTensor(path: path, tensor: "__metadata__"))
        let negative = caught {
            _ = try SafeTensorsWriter(path: path, tensors: [TensorSpec(name: "n", dtype: .U8, shape: [2, -1])])
        }
        guard case .invalidShape(_, "n", _) = negative else {
            Issue.record("expected invalidShape, got \(String(describing: negative))"); return
        }
        let overflow = caught {
            _ = try SafeTensorsWriter(
                path: path, tensors: [TensorSpec(name: "o", dtype: .F32, shape: [1 << 31, 1 << 31])])
        }
        guard case .invalidShape(_, "o", _) = overflow else {
            Issue.record("expected invalidShape, got \(String(describing: overflow))"); return
        }
        #expect(folder.listing().isEmpty)
    }

    @Test func convenienceWriterChecksByteCounts() {
        let path = folder.file("out.safetensors")
        let error = caught { try writeSafeTensors(path: path, tensors: [(specs[0], aBytes), (specs[1], [1])]) }
        #expect(error == .byteCountMismatch(path: path, tensor: "b", expected: 3, actual: 1))
        #expect(folder.listing().isEmpty)
    }

    @Test func zeroSizedTensorsAreSkippedAutomatically() throws {
        let path = folder.file("out.safetensors")
        let writer = try SafeTensorsWriter(
            path: path,
            tensors: [
                TensorSpec(name: "e0", dtype: .F32, shape: [0]),
                TensorSpec(name: "x", dtype: .U8, shape: [1]),
                TensorSpec(name: "e1", dtype: .F32, shape: [2, 0]),
            ])
        #expect(writer.currentTensor?.name == "x")
        try writer.write([42])
        #expect(writer.currentTensor == nil)
        try writer.finish()
        #expect(try tensorBytes(SafeTensorsFile(path: path), "x") == [42])
    }
}
