// StagedFile.swift — a file that appears at its path complete and on disk, or not at all.
//
// Promises: bytes go to a hidden, uniquely named temporary file in the target's folder
// (OutputSafety's `PartialOutputs` name, ".<name>.partial-<pid>-<n>", which an interrupt of a
// prepared output or a later run removes if this process dies), through one 4 MiB buffer (chunks
// at least that large are written directly), so memory is bounded whatever the file size; every
// 32 MiB written start the kernel's writeback, so that the closing fsync waits for the tail only.
// `commit()` writes what is buffered, fsyncs, closes, renames the temporary over the target
// (replacing a file there atomically) and syncs the folder. On any failure, on `abort()` and on
// deinit without a commit the temporary is deleted and the target untouched. Failures are
// returned as one line of text for the caller's own error type.

import OutputSafety

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class StagedFile {
    /// The target path, as given.
    public let path: String
    /// Where the bytes go until `commit()`.
    public let temporaryPath: String
    /// Size of the write buffer; chunks at least this large are written directly.
    static let bufferCapacity = 4 << 20
    /// Written bytes handed to background writeback at a time (see `POSIX.startWriteback`).
    static let writebackChunk = 32 << 20

    /// The temporary file's descriptor; -1 once committed or abandoned.
    private(set) var descriptor: Int32
    private let directory: String
    private let buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0
    /// Bytes written to the file so far, and where the last background writeback ended.
    private var fileOffset = 0, writebackOffset = 0

    /// Why a staged file could not be created or written.
    public struct Failure: Error, Equatable {
        public var reason: String
    }

    /// Creates the temporary file next to `path`. Fails (creating nothing) when `path` is a
    /// directory, names no file, or its folder does not take a new file.
    public init(path: String) throws(Failure) {
        if let status = POSIX.fileStatus(path: path), POSIX.isDirectory(status) {
            throw Failure(reason: "is a directory")
        }
        let (directory, fileName) = Self.split(path)
        guard !fileName.isEmpty, fileName != ".", fileName != ".." else {
            throw Failure(reason: "the path names no file")
        }
        var created: (fd: Int32, path: String)?
        var lastError = ""
        for _ in 0..<32 {
            let candidate = PartialOutputs.temporaryPath(for: (directory == "/" ? "/" : directory + "/") + fileName)
            if let fd = POSIX.open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) {
                created = (fd, candidate)
                break
            }
            let code = errno
            lastError = POSIX.errorString(code)
            if code != EEXIST { break }
        }
        guard let created else {
            throw Failure(reason: "cannot create a temporary file in '\(directory)': \(lastError)")
        }
        self.path = path
        self.directory = directory
        temporaryPath = created.path
        descriptor = created.fd
        buffer = .allocate(byteCount: Self.bufferCapacity, alignment: 16)
    }

    deinit {
        abort()
        buffer.deallocate()
    }

    /// Appends `bytes`. A failure deletes the temporary file and is returned; the file is unusable
    /// afterwards.
    public func append(_ bytes: UnsafeRawBufferPointer) -> Failure? {
        guard descriptor >= 0 else { return Failure(reason: "'\(temporaryPath)' is no longer open") }
        if buffered + bytes.count <= buffer.count {
            UnsafeMutableRawBufferPointer(rebasing: buffer[buffered..<(buffered + bytes.count)])
                .copyMemory(from: bytes)
            buffered += bytes.count
            return nil
        }
        if let failure = flush() { return failure }
        if bytes.count >= buffer.count { return write(bytes) }
        UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]).copyMemory(from: bytes)
        buffered = bytes.count
        return nil
    }

    /// Appends `bytes`; see `append(_: UnsafeRawBufferPointer)`.
    public func append(_ bytes: [UInt8]) -> Failure? {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Writes every appended byte, fsyncs, and renames the file over `path`.
    public func commit() -> Failure? {
        guard descriptor >= 0 else { return Failure(reason: "'\(temporaryPath)' is no longer open") }
        if let failure = flush() { return failure }
        if let failure = POSIX.fsync(descriptor) { return fail("fsync of '\(temporaryPath)' failed: \(failure)") }
        POSIX.close(descriptor)
        descriptor = -1
        if let failure = POSIX.rename(temporaryPath, path) {
            POSIX.unlink(temporaryPath)
            return Failure(reason: "renaming '\(temporaryPath)' failed: \(failure)")
        }
        POSIX.syncDirectory(directory)
        return nil
    }

    /// Abandons the file: closes and deletes the temporary file. Does nothing after `commit()` or
    /// an earlier `abort()`.
    public func abort() {
        guard descriptor >= 0 else { return }
        POSIX.close(descriptor)
        descriptor = -1
        POSIX.unlink(temporaryPath)
    }

    /// Writes the buffered bytes.
    private func flush() -> Failure? {
        guard buffered > 0 else { return nil }
        let pending = UnsafeRawBufferPointer(rebasing: buffer[0..<buffered])
        buffered = 0
        return write(pending)
    }

    /// Writes `bytes` to the file; every `writebackChunk` bytes start writing back to disk while
    /// the caller goes on.
    private func write(_ bytes: UnsafeRawBufferPointer) -> Failure? {
        if let failure = POSIX.writeAll(descriptor, bytes) {
            return fail("writing '\(temporaryPath)' failed: \(failure)")
        }
        fileOffset += bytes.count
        if fileOffset - writebackOffset >= Self.writebackChunk {
            POSIX.startWriteback(descriptor, offset: writebackOffset, length: fileOffset - writebackOffset)
            writebackOffset = fileOffset
        }
        return nil
    }

    private func fail(_ reason: String) -> Failure {
        abort()
        return Failure(reason: reason)
    }

    /// Splits a path into its folder ("." if none) and its last component.
    static func split(_ path: String) -> (directory: String, file: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        let file = String(path[path.index(after: slash)...])
        return (directory.isEmpty ? "/" : directory, file)
    }
}
