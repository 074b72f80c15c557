// ByteCursor.swift — bounds-checked little-endian reads from a file image, front to back.
// Promises: every read either returns the value stored at the current offset and advances past
// it, or throws `GGUFError.truncated` naming what was being read; nothing reads outside `bytes`,
// nothing traps, and nothing allocates more than the bytes actually present in the file.

struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    let path: String
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The number of bytes after the current offset.
    var remaining: Int { bytes.count - offset }

    /// Throws unless `count` more bytes are present.
    func require(_ count: Int, _ what: @autoclosure () -> String) throws(GGUFError) {
        guard count >= 0, count <= remaining else {
            let (needed, overflow) = offset.addingReportingOverflow(count)
            throw .truncated(
                path: path, what: what(), needed: count < 0 || overflow ? Int.max : needed, fileSize: bytes.count)
        }
    }

    /// Reads a fixed-width little-endian integer.
    mutating func integer<T: FixedWidthInteger>(_: T.Type, _ what: @autoclosure () -> String) throws(GGUFError) -> T {
        let size = MemoryLayout<T>.size
        try require(size, what())
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    mutating func u8(_ what: @autoclosure () -> String) throws(GGUFError) -> UInt8 { try integer(UInt8.self, what()) }
    mutating func u32(_ what: @autoclosure () -> String) throws(GGUFError) -> UInt32 {
        try integer(UInt32.self, what())
    }
    mutating func u64(_ what: @autoclosure () -> String) throws(GGUFError) -> UInt64 {
        try integer(UInt64.self, what())
    }

    /// Reads `count` raw bytes.
    mutating func raw(_ count: Int, _ what: @autoclosure () -> String) throws(GGUFError) -> UnsafeRawBufferPointer {
        try require(count, what())
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset += count
        return slice
    }

    /// Reads a GGUF string: a u64 byte length, then that many bytes of UTF-8 (validated).
    mutating func string(_ what: @autoclosure () -> String) throws(GGUFError) -> String {
        let start = offset
        let length = try u64("the length of " + what())
        guard length <= UInt64(remaining) else {
            throw .countTooLarge(path: path, what: "the byte length of " + what(), count: length, limit: remaining)
        }
        let body = try raw(Int(length), what())
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalidString(path: path, what: what(), offset: start)
        }
        return text
    }

    /// Reads `count` little-endian values of `T` (an integer type) into an array.
    mutating func integers<T: FixedWidthInteger>(_: T.Type, count: Int, _ what: @autoclosure () -> String)
        throws(GGUFError) -> [T]
    {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        let body = try raw(overflow ? -1 : byteCount, what())
        return (0..<count).map {
            T(littleEndian: body.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self))
        }
    }
}
