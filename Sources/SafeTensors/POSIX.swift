// POSIX.swift — the few system calls this module needs, wrapped once.
// Promises: every wrapper retries on EINTR where the call may be interrupted, reports failures
// as a human-readable `strerror` string, and never traps. Nothing here touches Foundation.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum POSIX {
    /// The text of the current `errno` (e.g. "No such file or directory").
    static func lastErrorString() -> String {
        errorString(errno)
    }

    static func errorString(_ code: Int32) -> String {
        guard let cString = strerror(code) else { return "error \(code)" }
        return String(cString: cString)
    }

    /// The size of one virtual memory page in bytes.
    static let pageSize: Int = {
        let size = sysconf(Int32(_SC_PAGESIZE))
        return size > 0 ? Int(size) : 4096
    }()

    /// `open(2)`, retried on EINTR. Returns the descriptor or `nil` (with errno set).
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32? {
        while true {
            #if canImport(Darwin)
            let fd = Darwin.open(path, flags, mode)
            #elseif canImport(Glibc)
            let fd = Glibc.open(path, flags, mode)
            #else
            let fd = Musl.open(path, flags, mode)
            #endif
            if fd >= 0 { return fd }
            if errno != EINTR { return nil }
        }
    }

    static func close(_ fd: Int32) {
        #if canImport(Darwin)
        _ = Darwin.close(fd)
        #elseif canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Musl.close(fd)
        #endif
    }

    /// Writes all of `buffer`, looping over short writes and EINTR.
    /// Returns `nil` on success or the error text on failure.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> String? {
        guard var pointer = buffer.baseAddress else { return nil }
        var remaining = buffer.count
        while remaining > 0 {
            // Some kernels refuse single writes above ~2 GiB; keep each call bounded.
            let chunk = min(remaining, 1 << 30)
            #if canImport(Darwin)
            let written = Darwin.write(fd, pointer, chunk)
            #elseif canImport(Glibc)
            let written = Glibc.write(fd, pointer, chunk)
            #else
            let written = Musl.write(fd, pointer, chunk)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return lastErrorString()
            }
            if written == 0 { return "write returned 0 bytes" }
            pointer += written
            remaining -= written
        }
        return nil
    }

    /// `fsync(2)`, retried on EINTR. Returns `nil` on success or the error text.
    /// Starts writing back the dirty pages of bytes [offset, offset + length) of `fd` in the
    /// background (Linux `posix_fadvise(POSIX_FADV_DONTNEED)`, which schedules writeback of
    /// dirty pages and drops the clean ones), so that a later fsync has less left to wait for.
    /// A hint: failures are ignored; nothing happens elsewhere.
    static func startWriteback(_ fd: Int32, offset: Int, length: Int) {
        #if os(Linux)
        _ = posix_fadvise(fd, off_t(offset), off_t(length), Int32(POSIX_FADV_DONTNEED))
        #endif
    }

    static func fsync(_ fd: Int32) -> String? {
        while true {
            #if canImport(Darwin)
            let result = Darwin.fsync(fd)
            #elseif canImport(Glibc)
            let result = Glibc.fsync(fd)
            #else
            let result = Musl.fsync(fd)
            #endif
            if result == 0 { return nil }
            if errno != EINTR { return lastErrorString() }
        }
    }

    /// `fstat(2)` of an open descriptor.
    static func fileStatus(descriptor fd: Int32) -> FileStatus? {
        var info = FileStatus()
        let result = fstat(fd, &info)
        return result == 0 ? info : nil
    }

    /// `stat(2)` of a path, following symbolic links.
    static func fileStatus(path: String) -> FileStatus? {
        var info = FileStatus()
        let result = stat(path, &info)
        return result == 0 ? info : nil
    }

    static func isDirectory(_ info: FileStatus) -> Bool {
        (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ info: FileStatus) -> Bool {
        (info.st_mode & S_IFMT) == S_IFREG
    }

    /// `unlink(2)`; errors are ignored (used only for cleanup).
    static func unlink(_ path: String) {
        #if canImport(Darwin)
        _ = Darwin.unlink(path)
        #elseif canImport(Glibc)
        _ = Glibc.unlink(path)
        #else
        _ = Musl.unlink(path)
        #endif
    }

    /// `rename(2)`. Returns `nil` on success or the error text.
    static func rename(_ from: String, _ to: String) -> String? {
        #if canImport(Darwin)
        let result = Darwin.rename(from, to)
        #elseif canImport(Glibc)
        let result = Glibc.rename(from, to)
        #else
        let result = Musl.rename(from, to)
        #endif
        return result == 0 ? nil : lastErrorString()
    }

    /// Flushes a directory entry change (rename) to disk; best effort, errors ignored.
    static func syncDirectory(_ path: String) {
        guard let fd = open(path, O_RDONLY | O_CLOEXEC) else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// The C `struct stat`.
typealias FileStatus = stat
