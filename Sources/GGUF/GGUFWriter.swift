// GGUFWriter.swift — writes a GGUF file (version 3, little-endian): header, metadata, tensor
// infos and the aligned data section, in the layout GGUFFile (and gguf-py, llama.cpp) read.
// Promises: the header is computed from the specs before any data is written; each tensor's
// bytes are checked against its type and dimensions (`typeSize · elements / blockSize`); every
// tensor offset and the data section start are multiples of `alignment`, padded with zeros;
// the file appears at `path` only when complete and on disk (SafeTensors' `StagedFile`: a hidden
// temporary beside it, fsync'ed, then renamed; deleted on any failure).

import SafeTensors

/// One tensor of a file to write: name, type and dimensions in ggml order (`dimensions[0]` is
/// the contiguous row length, so a row-major `[rows, cols]` matrix has dimensions `[cols, rows]`).
public struct GGUFTensorSpec: Sendable, Equatable {
    public let name: String
    public let type: GGMLType
    public let dimensions: [Int]

    public init(name: String, type: GGMLType, dimensions: [Int]) {
        self.name = name
        self.type = type
        self.dimensions = dimensions
    }

    /// The bytes this tensor occupies: elements / block size · type size.
    public var byteCount: Int { dimensions.reduce(1, *) / type.blockSize * type.typeSize }
}

/// Why a GGUF file could not be written.
public struct GGUFWriteError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): cannot write GGUF: \(reason)" }
}

public enum GGUFWriter {
    /// Writes `metadata` (in order) and `tensors` (in order; `data(i)` returns tensor i's bytes)
    /// to `path`. `general.alignment` is written when `alignment` is not the default 32.
    public static func write(
        to path: String, metadata: [(key: String, value: GGUFValue)], tensors: [GGUFTensorSpec],
        alignment: Int = 32, data: (Int) throws -> [UInt8]
    ) throws {
        func fail(_ reason: String) -> GGUFWriteError { GGUFWriteError(path: path, reason: reason) }
        guard alignment > 0, alignment % 8 == 0 else {
            throw fail("alignment \(alignment) is not a positive multiple of 8")
        }
        var keys = Set<String>()
        var entries = metadata
        if alignment != 32 { entries.append((key: "general.alignment", value: .uint32(UInt32(alignment)))) }
        for entry in entries where !keys.insert(entry.key).inserted {
            throw fail("metadata key '\(entry.key)' repeats")
        }
        var names = Set<String>()
        for t in tensors {
            guard names.insert(t.name).inserted else { throw fail("tensor '\(t.name)' repeats") }
            guard !t.dimensions.isEmpty, t.dimensions.allSatisfy({ $0 > 0 }),
                t.dimensions[0] % t.type.blockSize == 0
            else { throw fail("tensor '\(t.name)': dimensions \(t.dimensions) do not fit \(t.type.name) blocks") }
        }

        var header = ByteWriter()
        header.bytes(Array("GGUF".utf8))
        header.u32(3)
        header.u64(UInt64(tensors.count))
        header.u64(UInt64(entries.count))
        for (key, value) in entries {
            header.string(key)
            header.u32(value.type.rawValue)
            header.value(value)
        }
        var offsets: [Int] = []
        var offset = 0
        for t in tensors {
            offsets.append(offset)
            header.string(t.name)
            header.u32(UInt32(t.dimensions.count))
            for d in t.dimensions { header.u64(UInt64(d)) }
            header.u32(t.type.rawValue)
            header.u64(UInt64(offset))
            offset = padded(offset + t.byteCount, alignment)
        }
        header.bytes([UInt8](repeating: 0, count: padded(header.data.count, alignment) - header.data.count))

        let file: StagedFile
        do { file = try StagedFile(path: path) } catch { throw fail(error.reason) }
        defer { file.abort() }  // after a commit, nothing to do
        func append(_ bytes: [UInt8]) throws {
            if let failure = file.append(bytes) { throw fail(failure.reason) }
        }
        try append(header.data)
        for (i, t) in tensors.enumerated() {
            let bytes = try data(i)
            guard bytes.count == t.byteCount else {
                throw fail("tensor '\(t.name)' has \(bytes.count) bytes, its type and dimensions need \(t.byteCount)")
            }
            try append(bytes)
            let end = offsets[i] + bytes.count
            try append([UInt8](repeating: 0, count: padded(end, alignment) - end))
        }
        if let failure = file.commit() { throw fail(failure.reason) }
    }

    static func padded(_ n: Int, _ alignment: Int) -> Int { (n + alignment - 1) / alignment * alignment }
}

/// Little-endian encoding of GGUF header fields.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func integer<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) }
    }
    mutating func u32(_ v: UInt32) { integer(v) }
    mutating func u64(_ v: UInt64) { integer(v) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u64(UInt64(utf8.count))
        bytes(utf8)
    }

    mutating func value(_ v: GGUFValue) {
        switch v {
        case .uint8(let x): integer(x)
        case .int8(let x): integer(x)
        case .uint16(let x): integer(x)
        case .int16(let x): integer(x)
        case .uint32(let x): integer(x)
        case .int32(let x): integer(x)
        case .uint64(let x): integer(x)
        case .int64(let x): integer(x)
        case .float32(let x): integer(x.bitPattern)
        case .float64(let x): integer(x.bitPattern)
        case .bool(let x): integer(UInt8(x ? 1 : 0))
        case .string(let x): string(x)
        case .array(let a): array(a)
        }
    }

    mutating func array(_ a: GGUFArray) {
        u32(a.elementType.rawValue)
        u64(UInt64(a.count))
        switch a {
        case .uint8(let x): x.forEach { integer($0) }
        case .int8(let x): x.forEach { integer($0) }
        case .uint16(let x): x.forEach { integer($0) }
        case .int16(let x): x.forEach { integer($0) }
        case .uint32(let x): x.forEach { integer($0) }
        case .int32(let x): x.forEach { integer($0) }
        case .uint64(let x): x.forEach { integer($0) }
        case .int64(let x): x.forEach { integer($0) }
        case .float32(let x): x.forEach { integer($0.bitPattern) }
        case .float64(let x): x.forEach { integer($0.bitPattern) }
        case .bool(let x): x.forEach { integer(UInt8($0 ? 1 : 0)) }
        case .string(let x): x.forEach { string($0) }
        case .array(let x): x.forEach { array($0) }
        }
    }
}
