// SafeTensorsFile.swift — the reader: a memory-mapped, fully validated safetensors file.
// Promises: init maps the file read-only and validates the header completely before anything is
// exposed (see HeaderParser), so every `bytes(_:)` buffer lies inside the mapping; the object is
// immutable after init and safe to share between threads; buffers stay valid while it lives.

/// A safetensors file, memory-mapped and validated.
///
/// ```swift
/// let file = try SafeTensorsFile(path: "model.safetensors")
/// for tensor in file.tensors {
///     let raw = try file.bytes(tensor.name)   // little-endian, row-major
///     ...
///     file.releasePages(tensor.name)          // keep resident memory bounded while streaming
/// }
/// ```
public final class SafeTensorsFile: @unchecked Sendable {
    /// The path the file was opened from, as given.
    public let path: String
    /// The header's `__metadata__` object, verbatim (empty if absent).
    public let metadata: [String: String]
    /// All tensors, sorted by data offset (file order).
    public let tensors: [TensorInfo]
    /// Offset of the data section from the start of the file: 8 + the header length.
    public let dataSectionOffset: Int

    private let mapping: MappedFile
    private let indexByName: [String: Int]

    /// Opens, maps (mmap, `PROT_READ`, `MAP_PRIVATE`) and validates the file at `path`.
    ///
    /// Throws `SafeTensorsError` for a missing or unreadable file, a truncated one, a header that is
    /// too large, not UTF-8 JSON or not an object, a malformed tensor entry or `__metadata__`, an
    /// unknown dtype, a bad shape, offsets that are inverted, out of the data section, disagree with
    /// the shape's byte count or overlap another tensor's. Never traps, whatever the bytes.
    public init(path: String) throws(SafeTensorsError) {
        let mapping = try MappedFile(path: path, minimumSize: HeaderParser.prefixLength)
        let parsed = try HeaderParser.parseFile(mapping.bytes, path: path)
        self.path = path
        self.mapping = mapping
        self.metadata = parsed.metadata
        self.tensors = parsed.tensors
        self.dataSectionOffset = parsed.dataStart
        var index: [String: Int] = [:]
        index.reserveCapacity(parsed.tensors.count)
        for (position, tensor) in parsed.tensors.enumerated() {
            index[tensor.name] = position
        }
        self.indexByName = index
    }

    /// The size of the file in bytes.
    public var fileSize: Int { mapping.bytes.count }

    /// The size of the data section in bytes (the file size less prefix and header).
    public var dataSectionSize: Int { fileSize - dataSectionOffset }

    /// The names of all tensors, in file order.
    public var tensorNames: [String] { tensors.map(\.name) }

    /// The tensor called `name`, or nil if there is none.
    public func info(_ name: String) -> TensorInfo? {
        indexByName[name].map { tensors[$0] }
    }

    /// The raw bytes of tensor `name` (little-endian, row-major), read-only, straight from the mapping.
    /// Valid for as long as this object lives. Throws `tensorNotFound` for an unknown name.
    public func bytes(_ name: String) throws(SafeTensorsError) -> UnsafeRawBufferPointer {
        guard let info = info(name) else {
            throw .tensorNotFound(path: path, tensor: name)
        }
        return bytes(of: info)
    }

    /// The raw bytes of `info`, which must come from this file's `tensors`.
    private func bytes(of info: TensorInfo) -> UnsafeRawBufferPointer {
        let start = dataSectionOffset + info.dataOffsets.lowerBound
        return UnsafeRawBufferPointer(rebasing: mapping.bytes[start..<(start + info.byteCount)])
    }

    /// Tells the kernel the pages of tensor `name` are no longer needed (madvise `MADV_DONTNEED`), so
    /// resident memory stays bounded when streaming a large file. Safe at any time: the mapping is
    /// read-only, so touching the bytes again just reads them from the file again. Pages shared with
    /// neighbouring tensors are released too, with the same harmless effect. Unknown names are ignored.
    public func releasePages(_ name: String) {
        guard let info = info(name) else { return }
        let start = dataSectionOffset + info.dataOffsets.lowerBound
        mapping.releasePages(start..<(start + info.byteCount))
    }

    /// Starts reading the pages of tensor `name` in the background (madvise `MADV_WILLNEED`), so
    /// that a later pass over it finds them in memory. A hint; unknown names are ignored.
    public func prefetchPages(_ name: String) {
        guard let info = info(name) else { return }
        let start = dataSectionOffset + info.dataOffsets.lowerBound
        mapping.prefetchPages(start..<(start + info.byteCount))
    }
}
