// GGUFHeaderParser.swift — turns the raw bytes of a GGUF file into validated metadata and tensor infos.
// Promises: for any input bytes it either returns a header that is safe to trust (magic "GGUF",
// version 2 or 3, every count and string length backed by bytes actually in the file, valid UTF-8
// keys and names, known value and tensor types, unique keys and names, a power-of-two alignment,
// each tensor's byte count = its elements / block size × block bytes, inside the data section,
// aligned and overlapping no other) or throws the specific `GGUFError`; it never traps, never reads
// outside the buffer, and never allocates for a count the file cannot back.

/// The validated content of a GGUF header.
struct ParsedGGUF {
    var version: UInt32
    /// Metadata keys in file order.
    var keys: [String]
    var metadata: [String: GGUFValue]
    /// Tensors in header order.
    var tensors: [GGUFTensorInfo]
    var alignment: Int
    /// Offset of the data section from the start of the file: the header's end rounded up to the alignment.
    var dataStart: Int
}

enum GGUFHeaderParser {
    /// The four bytes every GGUF file starts with.
    static let magic: [UInt8] = Array("GGUF".utf8)
    /// The alignment of the data section and of each tensor when `general.alignment` is absent.
    static let defaultAlignment = 32
    /// ggml's GGML_MAX_DIMS.
    static let maxDimensions = 4
    /// How deeply arrays may nest inside arrays; deeper ones are rejected (they would only serve
    /// to exhaust the stack).
    static let maxArrayDepth = 16

    static func parse(_ file: UnsafeRawBufferPointer, path: String) throws(GGUFError) -> ParsedGGUF {
        var cursor = ByteCursor(file, path: path)
        let found = Array(try cursor.raw(4, "the magic"))
        guard found == magic else { throw .badMagic(path: path, found: found) }
        let version = try cursor.u32("the version")
        guard version == 2 || version == 3 else { throw .unsupportedVersion(path: path, version: version) }
        let tensorCount = try cursor.u64("the tensor count")
        let keyCount = try cursor.u64("the metadata count")

        // Each metadata entry needs at least a key length (8), a value type (4) and 1 value byte;
        // each tensor info a name length (8), a dimension count (4), a type (4) and an offset (8).
        let keyLimit = cursor.remaining / 13
        guard keyCount <= UInt64(keyLimit) else {
            throw .countTooLarge(path: path, what: "metadata entry", count: keyCount, limit: keyLimit)
        }
        var keys: [String] = []
        var metadata: [String: GGUFValue] = [:]
        for index in 0..<Int(keyCount) {
            let key = try cursor.string("metadata key \(index)")
            let rawType = try cursor.u32("the value type of \(key)")
            guard let type = GGUFValueType(rawValue: rawType) else {
                throw .invalidMetadata(path: path, key: key, reason: "unknown value type \(rawType)")
            }
            let value = try readValue(type, key: key, cursor: &cursor)
            guard metadata.updateValue(value, forKey: key) == nil else { throw .duplicateKey(path: path, key: key) }
            keys.append(key)
        }
        let alignment = try readAlignment(metadata["general.alignment"], path: path)

        let tensorLimit = cursor.remaining / 24
        guard tensorCount <= UInt64(tensorLimit) else {
            throw .countTooLarge(path: path, what: "tensor", count: tensorCount, limit: tensorLimit)
        }
        var raw: [(name: String, type: GGMLType, dimensions: [Int], offset: UInt64, byteCount: Int)] = []
        var names = Set<String>()
        for index in 0..<Int(tensorCount) {
            let name = try cursor.string("the name of tensor \(index)")
            guard names.insert(name).inserted else { throw .duplicateTensor(path: path, tensor: name) }
            let dimensionCount = try cursor.u32("the dimension count of \(name)")
            guard dimensionCount <= UInt32(maxDimensions) else {
                throw .invalidTensorInfo(
                    path: path, tensor: name, reason: "\(dimensionCount) dimensions (at most \(maxDimensions))")
            }
            var dimensions: [Int] = []
            for axis in 0..<Int(dimensionCount) {
                let dimension = try cursor.u64("dimension \(axis) of \(name)")
                guard let value = Int(exactly: dimension) else {
                    throw .invalidTensorInfo(
                        path: path, tensor: name, reason: "dimension \(axis) is \(dimension), above Int64.max")
                }
                dimensions.append(value)
            }
            let rawType = try cursor.u32("the type of \(name)")
            guard let type = GGMLType(rawValue: rawType) else {
                throw .unknownTensorType(path: path, tensor: name, type: rawType)
            }
            let offset = try cursor.u64("the offset of \(name)")
            let byteCount = try byteCount(dimensions: dimensions, type: type, tensor: name, path: path)
            raw.append((name, type, dimensions, offset, byteCount))
        }

        // The data section starts at the end of the header, rounded up to the alignment. A file
        // that ends before that (no tensor data at all) has an empty data section.
        let (padded, overflow) = cursor.offset.addingReportingOverflow(alignment - 1)
        let dataStart = overflow ? Int.max : padded / alignment * alignment
        let dataSize = max(0, file.count - dataStart)

        var tensors: [GGUFTensorInfo] = []
        tensors.reserveCapacity(raw.count)
        for t in raw {
            guard t.offset % UInt64(alignment) == 0 else {
                throw .misalignedOffset(path: path, tensor: t.name, offset: t.offset, alignment: alignment)
            }
            let (end, endOverflow) = t.offset.addingReportingOverflow(UInt64(t.byteCount))
            guard !endOverflow, end <= UInt64(dataSize) else {
                throw .offsetsOutOfBounds(
                    path: path, tensor: t.name, begin: t.offset, end: endOverflow ? UInt64.max : end, dataSize: dataSize
                )
            }
            tensors.append(
                GGUFTensorInfo(
                    name: t.name, type: t.type, dimensions: t.dimensions, offset: Int(t.offset), byteCount: t.byteCount)
            )
        }
        try checkOverlaps(tensors, path: path)
        return ParsedGGUF(
            version: version, keys: keys, metadata: metadata, tensors: tensors, alignment: alignment,
            dataStart: min(dataStart, file.count))
    }

    /// `general.alignment`: absent means 32; present, it must be a UInt32 power of two.
    private static func readAlignment(_ value: GGUFValue?, path: String) throws(GGUFError) -> Int {
        guard let value else { return defaultAlignment }
        guard case .uint32(let alignment) = value else {
            throw .invalidAlignment(path: path, reason: "the value has type \(value.type), not uint32")
        }
        guard alignment != 0, alignment & (alignment - 1) == 0 else {
            throw .invalidAlignment(path: path, reason: "\(alignment) is not a power of two")
        }
        return Int(alignment)
    }

    /// Elements / block size × block bytes, after checking that rows hold whole blocks and nothing overflows.
    private static func byteCount(
        dimensions: [Int], type: GGMLType, tensor: String, path: String
    ) throws(GGUFError) -> Int {
        let rowLength = dimensions.first ?? 1
        guard rowLength % type.blockSize == 0 else {
            throw .invalidShape(
                path: path, tensor: tensor,
                reason: "row length \(rowLength) is not a multiple of the \(type.name) block size \(type.blockSize)")
        }
        if dimensions.contains(0) { return 0 }
        var (count, rowOverflow) = (rowLength / type.blockSize).multipliedReportingOverflow(by: type.typeSize)
        guard !rowOverflow else {
            throw .invalidShape(
                path: path, tensor: tensor, reason: "the byte count of dimensions \(dimensions) overflows")
        }
        for dimension in dimensions.dropFirst() {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else {
                throw .invalidShape(
                    path: path, tensor: tensor, reason: "the byte count of dimensions \(dimensions) overflows")
            }
            count = product
        }
        // The element count must be representable too (dequantization allocates it).
        var elements = 1
        for dimension in dimensions {
            let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
            guard !overflow else {
                throw .invalidShape(
                    path: path, tensor: tensor, reason: "the element count of dimensions \(dimensions) overflows")
            }
            elements = product
        }
        return count
    }

    /// Non-empty byte ranges must not overlap (empty ones hold no bytes and so overlap nothing).
    private static func checkOverlaps(_ tensors: [GGUFTensorInfo], path: String) throws(GGUFError) {
        let ordered = tensors.filter { $0.byteCount > 0 }.sorted {
            ($0.offset, $0.offset + $0.byteCount, $0.name) < ($1.offset, $1.offset + $1.byteCount, $1.name)
        }
        var furthest: (end: Int, name: String) = (0, "")
        for tensor in ordered {
            if tensor.offset < furthest.end {
                throw .overlappingTensors(path: path, first: furthest.name, second: tensor.name)
            }
            furthest = (tensor.offset + tensor.byteCount, tensor.name)
        }
    }

    // MARK: metadata values

    private static func readValue(
        _ type: GGUFValueType, key: String, cursor: inout ByteCursor
    ) throws(GGUFError) -> GGUFValue {
        let what = "the value of \(key)"
        switch type {
        case .uint8: return .uint8(try cursor.integer(UInt8.self, what))
        case .int8: return .int8(try cursor.integer(Int8.self, what))
        case .uint16: return .uint16(try cursor.integer(UInt16.self, what))
        case .int16: return .int16(try cursor.integer(Int16.self, what))
        case .uint32: return .uint32(try cursor.integer(UInt32.self, what))
        case .int32: return .int32(try cursor.integer(Int32.self, what))
        case .uint64: return .uint64(try cursor.integer(UInt64.self, what))
        case .int64: return .int64(try cursor.integer(Int64.self, what))
        case .float32: return .float32(Float(bitPattern: try cursor.integer(UInt32.self, what)))
        case .float64: return .float64(Double(bitPattern: try cursor.integer(UInt64.self, what)))
        case .bool: return .bool(try bool(try cursor.u8(what), key: key, path: cursor.path))
        case .string: return .string(try cursor.string(what))
        case .array: return .array(try readArray(key: key, depth: 1, cursor: &cursor))
        }
    }

    private static func bool(_ byte: UInt8, key: String, path: String) throws(GGUFError) -> Bool {
        guard byte <= 1 else {
            throw .invalidMetadata(path: path, key: key, reason: "bool byte \(byte) is neither 0 nor 1")
        }
        return byte == 1
    }

    private static func readArray(key: String, depth: Int, cursor: inout ByteCursor) throws(GGUFError) -> GGUFArray {
        let path = cursor.path
        guard depth <= maxArrayDepth else {
            throw .invalidMetadata(path: path, key: key, reason: "arrays nested more than \(maxArrayDepth) deep")
        }
        let what = "the array elements of \(key)"
        let rawType = try cursor.u32("the array element type of \(key)")
        guard let elementType = GGUFValueType(rawValue: rawType) else {
            throw .invalidMetadata(path: path, key: key, reason: "unknown array element type \(rawType)")
        }
        let rawCount = try cursor.u64("the array length of \(key)")
        let limit = cursor.remaining / elementType.minimumEncodedSize
        guard rawCount <= UInt64(limit) else {
            throw .countTooLarge(path: path, what: "array element of \(key)", count: rawCount, limit: limit)
        }
        let count = Int(rawCount)
        switch elementType {
        case .uint8: return .uint8(try cursor.integers(UInt8.self, count: count, what))
        case .int8: return .int8(try cursor.integers(Int8.self, count: count, what))
        case .uint16: return .uint16(try cursor.integers(UInt16.self, count: count, what))
        case .int16: return .int16(try cursor.integers(Int16.self, count: count, what))
        case .uint32: return .uint32(try cursor.integers(UInt32.self, count: count, what))
        case .int32: return .int32(try cursor.integers(Int32.self, count: count, what))
        case .uint64: return .uint64(try cursor.integers(UInt64.self, count: count, what))
        case .int64: return .int64(try cursor.integers(Int64.self, count: count, what))
        case .float32:
            return .float32(try cursor.integers(UInt32.self, count: count, what).map { Float(bitPattern: $0) })
        case .float64:
            return .float64(try cursor.integers(UInt64.self, count: count, what).map { Double(bitPattern: $0) })
        case .bool:
            var values: [Bool] = []
            values.reserveCapacity(count)
            for byte in try cursor.integers(UInt8.self, count: count, what) {
                values.append(try bool(byte, key: key, path: path))
            }
            return .bool(values)
        case .string:
            var values: [String] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try cursor.string("element \(index) of \(key)")) }
            return .string(values)
        case .array:
            var values: [GGUFArray] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try readArray(key: key, depth: depth + 1, cursor: &cursor)) }
            return .array(values)
        }
    }
}
