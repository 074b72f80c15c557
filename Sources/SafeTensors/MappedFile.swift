// MappedFile.swift — owns one read-only, private memory mapping of a whole file.
// Promises: after a successful init, `bytes` covers exactly the file's size as seen at open time
// and stays valid until the object is deinitialized, which unmaps it. The file descriptor is closed
// before init returns. Failures are `SafeTensorsError.cannotOpen` or `.truncated` (file under 8 bytes).
// Caveat inherent to mmap: if another process truncates the file while it is mapped, touching the
// lost pages raises SIGBUS; safetensors inputs are expected not to change while being read.
// Public so that the other file-format readers (GGUF) map files through this one implementation.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class MappedFile: @unchecked Sendable {
    /// The mapped bytes (read-only).
    public let bytes: UnsafeRawBufferPointer

    /// Maps the file at `path`. Files shorter than `minimumSize` are rejected as truncated.
    public init(path: String, minimumSize: Int) throws(SafeTensorsError) {
        guard let fd = POSIX.open(path, O_RDONLY | O_CLOEXEC) else {
            throw .cannotOpen(path: path, reason: POSIX.lastErrorString())
        }
        defer { POSIX.close(fd) }
        guard let status = POSIX.fileStatus(descriptor: fd) else {
            throw .cannotOpen(path: path, reason: POSIX.lastErrorString())
        }
        if POSIX.isDirectory(status) {
            throw .cannotOpen(path: path, reason: "is a directory")
        }
        guard POSIX.isRegularFile(status) else {
            throw .cannotOpen(path: path, reason: "not a regular file")
        }
        guard status.st_size >= 0, let size = Int(exactly: status.st_size) else {
            throw .cannotOpen(path: path, reason: "cannot determine the file size")
        }
        guard size >= minimumSize else {
            throw .truncated(path: path, fileSize: size, needed: minimumSize)
        }
        if size == 0 {
            // mmap rejects zero lengths; an empty file maps to an empty buffer.
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let address, address != MAP_FAILED else {
            throw .cannotOpen(path: path, reason: "mmap failed: " + POSIX.lastErrorString())
        }
        bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(address), count: size)
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }

    /// Advises the kernel that the pages covering `range` will be read soon, in order
    /// (`MADV_WILLNEED`: read-ahead starts now, in the background). A hint only.
    public func prefetchPages(_ range: Range<Int>) { advise(range, MADV_WILLNEED) }

    /// Advises the kernel that the pages covering `range` (byte offsets into the file) may be
    /// dropped. The range is widened to whole pages: the mapping is read-only and private, so a
    /// dropped page holds no changes and is simply read from the file again if touched later.
    public func releasePages(_ range: Range<Int>) { advise(range, MADV_DONTNEED) }

    /// `madvise` over the whole pages covering `range`; an empty or out-of-file range does nothing.
    private func advise(_ range: Range<Int>, _ advice: Int32) {
        guard let base = bytes.baseAddress, !range.isEmpty,
            range.lowerBound >= 0, range.upperBound <= bytes.count
        else { return }
        let page = POSIX.pageSize
        let start = range.lowerBound / page * page
        let end = min(bytes.count, (range.upperBound + page - 1) / page * page)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, advice)
    }
}
