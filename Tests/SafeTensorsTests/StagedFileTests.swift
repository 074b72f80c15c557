// StagedFileTests.swift — the staged file: every byte arrives in order whether buffered or written
// directly; a write the kernel refuses (a read-only descriptor put in place of the temporary's with
// dup2) is one failure that deletes the temporary and leaves an existing target as it was, through
// `StagedFile` and through `SafeTensorsWriter`; abort with bytes still buffered leaves nothing.

import Foundation
import Testing

@testable import SafeTensors

@Suite struct StagedFileTests {
    let folder = TemporaryFolder()

    /// Replaces `descriptor` with one opened read-only, so that the next write(2) fails (EBADF).
    func makeWritesFail(_ descriptor: Int32) {
        let readOnly = open("/dev/null", O_RDONLY)
        precondition(readOnly >= 0 && dup2(readOnly, descriptor) == descriptor)
        close(readOnly)
    }

    @Test func bytesArriveInOrderBufferedOrNot() throws {
        let size = StagedFile.bufferCapacity
        let chunks = [1, 7, size - 3, 2 * size + 5, 0, size, 13, 3 * size + 1]
        let bytes = randomBytes(chunks.reduce(0, +), seed: 7)
        let path = folder.file("out.bin")
        let file = try StagedFile(path: path)
        var start = 0
        for n in chunks {
            #expect(bytes[start..<(start + n)].withUnsafeBytes { file.append($0) } == nil)
            start += n
        }
        #expect(folder.listing().count == 1 && folder.listing()[0].hasPrefix(".out.bin.partial-"))
        #expect(file.commit() == nil)
        #expect(folder.listing() == ["out.bin"])
        #expect(readFile(path) == bytes)
    }

    @Test func aRefusedWriteFailsOnceAndLeavesTheTargetAlone() throws {
        let path = folder.write([1, 2, 3], to: "out.bin")
        let file = try StagedFile(path: path)
        makeWritesFail(file.descriptor)
        // More than the buffer holds, so it is written at once.
        let bytes = [UInt8](repeating: 5, count: StagedFile.bufferCapacity + 1)
        let failure = file.append(bytes)
        #expect(failure?.reason == "writing '\(file.temporaryPath)' failed: Bad file descriptor")
        #expect(folder.listing() == ["out.bin"])
        #expect(readFile(path) == [1, 2, 3])
        #expect(file.append([1]) != nil)
        #expect(file.commit() != nil)
        #expect(readFile(path) == [1, 2, 3])
    }

    @Test func aRefusedWriteFailsTheCommit() throws {
        let path = folder.file("out.bin")
        let file = try StagedFile(path: path)
        makeWritesFail(file.descriptor)
        #expect(file.append([1, 2, 3]) == nil)  // still in a buffer
        #expect(file.commit()?.reason == "writing '\(file.temporaryPath)' failed: Bad file descriptor")
        #expect(folder.listing().isEmpty)
    }

    @Test func theSafeTensorsWriterReportsARefusedWriteAsCannotWrite() throws {
        let path = folder.write([1, 2, 3], to: "out.safetensors")
        let writer = try SafeTensorsWriter(path: path, tensors: [TensorSpec(name: "a", dtype: .U8, shape: [4])])
        makeWritesFail(writer.file.descriptor)
        try writer.write([1, 2, 3, 4])
        #expect(
            caught { try writer.finish() }
                == .cannotWrite(
                    path: path, reason: "writing '\(writer.temporaryPath)' failed: Bad file descriptor"))
        #expect(folder.listing() == ["out.safetensors"])
        #expect(readFile(path) == [1, 2, 3])
        #expect(caught { try writer.finish() } == .writeOrderViolation(path: path, reason: "the writer failed earlier"))
    }

    @Test func abortWithBytesBufferedLeavesNothing() throws {
        let file = try StagedFile(path: folder.file("out.bin"))
        #expect(file.append([UInt8](repeating: 1, count: 3 * StagedFile.bufferCapacity + 9)) == nil)
        #expect(file.append([1, 2, 3]) == nil)
        file.abort()
        #expect(folder.listing().isEmpty)
        #expect(file.append([1]) != nil)
        #expect(file.commit() != nil)
        #expect(folder.listing().isEmpty)
    }
}
