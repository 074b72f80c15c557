// GGUFFile.swift — the reader: a memory-mapped, fully validated GGUF file (llama.cpp's format).
// Promises: init maps the file read-only and validates the whole header (see GGUFHeaderParser)
// before anything is exposed, so every `bytes(_:)` buffer lies inside the mapping; the object is
// immutable after init and safe to share between threads; buffers stay valid while it lives.

import SafeTensors

/// A GGUF file (version 2 or 3, little-endian), memory-mapped and validated.
///
/// ```swift
/// let file = try GGUFFile(path: "SmolLM2-135M-Instruct.Q4_1.gguf")
/// let architecture = file.metadata["general.architecture"]?.string      // "llama"
/// for tensor in file.tensors {
///     let weights = try file.dequantize(tensor.name)   // float32, tensor.shape (row-major)
///     file.releasePages(tensor.name)
/// }
/// ```
public final class GGUFFile: @unchecked Sendable {
    /// The path the file was opened from, as given.
    public let path: String
    /// The format version (2 or 3).
    public let version: UInt32
    /// The metadata keys, in file order.
    public let metadataKeys: [String]
    /// The metadata values by key.
    public let metadata: [String: GGUFValue]
    /// All tensors, in header order.
    public let tensors: [GGUFTensorInfo]
    /// The alignment of the data section and of every tensor offset (`general.alignment`, default 32).
    public let alignment: Int
    /// Offset of the data section from the start of the file.
    public let dataSectionOffset: Int

    private let mapping: MappedFile
    private let indexByName: [String: Int]

    /// Opens, maps (mmap, `PROT_READ`, `MAP_PRIVATE`) and validates the file at `path`.
    /// Throws `GGUFError` for a missing or unreadable file and for any malformed content; never traps.
    public init(path: String) throws(GGUFError) {
        let mapping: MappedFile
        do {
            mapping = try MappedFile(path: path, minimumSize: 0)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        let parsed = try GGUFHeaderParser.parse(mapping.bytes, path: path)
        self.path = path
        self.mapping = mapping
        self.version = parsed.version
        self.metadataKeys = parsed.keys
        self.metadata = parsed.metadata
        self.tensors = parsed.tensors
        self.alignment = parsed.alignment
        self.dataSectionOffset = parsed.dataStart
        var index: [String: Int] = [:]
        index.reserveCapacity(parsed.tensors.count)
        for (position, tensor) in parsed.tensors.enumerated() {
            index[tensor.name] = position
        }
        self.indexByName = index
    }

    private static func reason(_ error: SafeTensorsError) -> String {
        if case .cannotOpen(_, let reason) = error { return reason }
        return error.description
    }

    /// The size of the file in bytes.
    public var fileSize: Int { mapping.bytes.count }

    /// The names of all tensors, in header order.
    public var tensorNames: [String] { tensors.map(\.name) }

    /// The tensor called `name`, or nil if there is none.
    public func info(_ name: String) -> GGUFTensorInfo? {
        indexByName[name].map { tensors[$0] }
    }

    /// The raw bytes of tensor `name`, read-only, straight from the mapping; valid while this object lives.
    public func bytes(_ name: String) throws(GGUFError) -> UnsafeRawBufferPointer {
        try bytes(of: tensorInfo(name))
    }

    /// The tensor's elements as float32, in ggml order (row by row, `dimensions[0]` contiguous),
    /// which is row-major order for `shape`. Bit-identical with gguf-py's `gguf.quants.dequantize`.
    /// Throws `tensorNotFound`, or `unsupportedType` for a type outside `GGMLType.dequantizable`.
    public func dequantize(_ name: String) throws(GGUFError) -> [Float] {
        let info = try tensorInfo(name)
        try checkDequantizable(info)
        return [Float](unsafeUninitializedCapacity: info.elementCount) { buffer, initialized in
            GGUFDequantization.dequantize(bytes(of: info), type: info.type, into: buffer)
            initialized = info.elementCount
        }
    }

    /// `dequantize(_:)` into caller-provided storage of exactly `info(name).elementCount` floats
    /// (a precondition), so large tensors can go straight to their final place.
    public func dequantize(_ name: String, into output: UnsafeMutableBufferPointer<Float>) throws(GGUFError) {
        let info = try tensorInfo(name)
        try checkDequantizable(info)
        precondition(
            output.count == info.elementCount, "output holds \(output.count) floats, \(name) has \(info.elementCount)")
        GGUFDequantization.dequantize(bytes(of: info), type: info.type, into: output)
    }

    /// Tells the kernel the pages of tensor `name` are no longer needed (madvise `MADV_DONTNEED`);
    /// touching them again reads them from the file again. Unknown names are ignored.
    public func releasePages(_ name: String) {
        guard let info = info(name) else { return }
        let start = dataSectionOffset + info.offset
        mapping.releasePages(start..<(start + info.byteCount))
    }

    private func tensorInfo(_ name: String) throws(GGUFError) -> GGUFTensorInfo {
        guard let info = info(name) else { throw .tensorNotFound(path: path, tensor: name) }
        return info
    }

    private func checkDequantizable(_ info: GGUFTensorInfo) throws(GGUFError) {
        guard info.type.isDequantizable else {
            throw .unsupportedType(path: path, tensor: info.name, type: info.type.name)
        }
    }

    /// The raw bytes of `info`, which must come from this file's `tensors`.
    private func bytes(of info: GGUFTensorInfo) -> UnsafeRawBufferPointer {
        let start = dataSectionOffset + info.offset
        return UnsafeRawBufferPointer(rebasing: mapping.bytes[start..<(start + info.byteCount)])
    }
}
