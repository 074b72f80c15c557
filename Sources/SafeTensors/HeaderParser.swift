// HeaderParser.swift — turns the raw bytes of a safetensors file into validated tensor descriptions.
// Promises: for any input bytes it either returns metadata plus tensors that are safe to trust
// (known dtypes, non-negative shapes whose byte counts neither overflow nor disagree with
// data_offsets, every range inside the data section, no two non-empty ranges overlapping, the
// ranges following each other from byte 0 without gaps and covering the data section exactly, as
// the reference (Rust) implementation requires, names unique) or throws the specific
// `SafeTensorsError`; it never traps and never reads outside the buffer.

import JSONText

/// The validated content of a safetensors header.
struct ParsedHeader {
    /// `__metadata__`, verbatim (empty if absent or null).
    var metadata: [String: String]
    /// The tensors, sorted by data offset (file order), ties broken by name.
    var tensors: [TensorInfo]
    /// Offset of the data section from the start of the file (8 + header length).
    var dataStart: Int
}

enum HeaderParser {
    /// The largest header accepted, in bytes (the bound of the Rust safetensors library).
    static let maxHeaderLength = 100_000_000

    /// The size of the little-endian u64 header length prefix.
    static let prefixLength = 8

    /// Validates a whole file image: length prefix, header, and the data section's layout.
    static func parseFile(_ file: UnsafeRawBufferPointer, path: String) throws(SafeTensorsError) -> ParsedHeader {
        guard file.count >= prefixLength else {
            throw .truncated(path: path, fileSize: file.count, needed: prefixLength)
        }
        var length: UInt64 = 0
        for k in (0..<prefixLength).reversed() {
            length = length << 8 | UInt64(file[k])
        }
        guard length <= UInt64(maxHeaderLength) else {
            throw .headerTooLarge(path: path, length: length, limit: maxHeaderLength)
        }
        let dataStart = prefixLength + Int(length)
        guard dataStart <= file.count else {
            throw .truncated(path: path, fileSize: file.count, needed: dataStart)
        }
        let header = UnsafeRawBufferPointer(rebasing: file[prefixLength..<dataStart])
        var parsed = try parseHeader(header, dataSize: file.count - dataStart, path: path)
        parsed.dataStart = dataStart
        return parsed
    }

    /// Validates header JSON bytes against a data section of `dataSize` bytes.
    static func parseHeader(
        _ header: UnsafeRawBufferPointer, dataSize: Int, path: String
    ) throws(SafeTensorsError) -> ParsedHeader {
        let root: JSONValue
        do {
            root = try JSONReader.parse(header)
        } catch {
            throw .invalidHeader(path: path, reason: "\(error.reason) at header byte \(error.offset)")
        }
        guard case .object(let members) = root else {
            throw .invalidHeader(path: path, reason: "the header is \(root.kindName), not a JSON object")
        }

        var metadata: [String: String] = [:]
        var sawMetadata = false
        var tensors: [TensorInfo] = []
        tensors.reserveCapacity(members.count)
        var names = Set<String>(minimumCapacity: members.count)

        for member in members {
            let (key, value) = (member.key, member.value)
            if key == "__metadata__" {
                if sawMetadata {
                    throw .invalidMetadata(path: path, reason: "__metadata__ appears twice")
                }
                sawMetadata = true
                metadata = try parseMetadata(value, path: path)
                continue
            }
            guard names.insert(key).inserted else {
                throw .duplicateTensor(path: path, tensor: key)
            }
            tensors.append(try parseTensor(name: key, value, dataSize: dataSize, path: path))
        }

        tensors.sort {
            ($0.dataOffsets.lowerBound, $0.dataOffsets.upperBound, $0.name)
                < ($1.dataOffsets.lowerBound, $1.dataOffsets.upperBound, $1.name)
        }
        // Empty ranges hold no bytes and so overlap nothing; among the others each must start at or
        // after the furthest end seen so far.
        var furthest: (end: Int, name: String) = (0, "")
        for tensor in tensors where !tensor.dataOffsets.isEmpty {
            if tensor.dataOffsets.lowerBound < furthest.end {
                throw .overlappingTensors(path: path, first: furthest.name, second: tensor.name)
            }
            furthest = (tensor.dataOffsets.upperBound, tensor.name)
        }
        // As the reference implementation requires: in file order each tensor starts where the
        // previous one ended (the first at 0), and the last ends where the data section does.
        var end = 0
        for tensor in tensors {
            guard tensor.dataOffsets.lowerBound == end else {
                throw .misplacedTensor(
                    path: path, tensor: tensor.name, begin: tensor.dataOffsets.lowerBound, expected: end)
            }
            end = tensor.dataOffsets.upperBound
        }
        guard end == dataSize else {
            throw .dataSectionNotCovered(path: path, end: end, dataSize: dataSize)
        }
        return ParsedHeader(metadata: metadata, tensors: tensors, dataStart: 0)
    }

    private static func parseMetadata(_ value: JSONValue, path: String) throws(SafeTensorsError) -> [String: String] {
        switch value {
        case .null:
            return [:]
        case .object(let members):
            var metadata: [String: String] = [:]
            metadata.reserveCapacity(members.count)
            for member in members {
                let (key, entry) = (member.key, member.value)
                guard case .string(let text) = entry else {
                    throw .invalidMetadata(
                        path: path,
                        reason: "value of \(SafeTensorsError.quoted(key)) is \(entry.kindName), not a string")
                }
                guard metadata.updateValue(text, forKey: key) == nil else {
                    throw .invalidMetadata(path: path, reason: "key \(SafeTensorsError.quoted(key)) appears twice")
                }
            }
            return metadata
        default:
            throw .invalidMetadata(path: path, reason: "__metadata__ is \(value.kindName), not an object")
        }
    }

    private static func parseTensor(
        name: String, _ value: JSONValue, dataSize: Int, path: String
    ) throws(SafeTensorsError) -> TensorInfo {
        guard case .object(let members) = value else {
            throw .invalidTensorEntry(path: path, tensor: name, reason: "the entry is \(value.kindName), not an object")
        }
        var dtypeValue: JSONValue?
        var shapeValue: JSONValue?
        var offsetsValue: JSONValue?
        for entry in members {
            let (key, member) = (entry.key, entry.value)
            switch key {
            case "dtype", "shape", "data_offsets":
                let seen: Bool
                switch key {
                case "dtype": seen = dtypeValue != nil; dtypeValue = member
                case "shape": seen = shapeValue != nil; shapeValue = member
                default: seen = offsetsValue != nil; offsetsValue = member
                }
                if seen {
                    throw .invalidTensorEntry(path: path, tensor: name, reason: "duplicate key \"\(key)\"")
                }
            default:
                continue  // Unknown keys are ignored, as the Rust library does.
            }
        }

        // dtype
        guard let dtypeValue else {
            throw .invalidTensorEntry(path: path, tensor: name, reason: "missing \"dtype\"")
        }
        guard case .string(let dtypeName) = dtypeValue else {
            throw .invalidTensorEntry(
                path: path, tensor: name, reason: "\"dtype\" is \(dtypeValue.kindName), not a string")
        }
        guard let dtype = DType(rawValue: dtypeName) else {
            throw .unknownDType(path: path, tensor: name, dtype: dtypeName)
        }

        // shape
        guard let shapeValue else {
            throw .invalidTensorEntry(path: path, tensor: name, reason: "missing \"shape\"")
        }
        guard case .array(let shapeElements) = shapeValue else {
            throw .invalidTensorEntry(
                path: path, tensor: name, reason: "\"shape\" is \(shapeValue.kindName), not an array")
        }
        var shape: [Int] = []
        shape.reserveCapacity(shapeElements.count)
        for (axis, element) in shapeElements.enumerated() {
            switch integer(element) {
            case .value(let dimension):
                shape.append(dimension)
            case .negative:
                throw .invalidShape(path: path, tensor: name, reason: "dimension \(axis) is negative")
            case .tooLarge:
                throw .invalidShape(path: path, tensor: name, reason: "dimension \(axis) is too large")
            case .notInteger(let kind):
                throw .invalidTensorEntry(
                    path: path, tensor: name, reason: "\"shape\"[\(axis)] is \(kind), not an integer")
            }
        }
        let byteCount: Int
        switch Shape.byteCount(shape: shape, dtype: dtype) {
        case .success(let count): byteCount = count
        case .failure(let problem): throw .invalidShape(path: path, tensor: name, reason: problem.reason)
        }

        // data_offsets
        guard let offsetsValue else {
            throw .invalidTensorEntry(path: path, tensor: name, reason: "missing \"data_offsets\"")
        }
        guard case .array(let offsetElements) = offsetsValue else {
            throw .invalidTensorEntry(
                path: path, tensor: name, reason: "\"data_offsets\" is \(offsetsValue.kindName), not an array")
        }
        guard offsetElements.count == 2 else {
            throw .invalidTensorEntry(
                path: path, tensor: name, reason: "\"data_offsets\" has \(offsetElements.count) elements, not 2")
        }
        var offsets: [Int] = []
        for (position, element) in offsetElements.enumerated() {
            let which = position == 0 ? "begin" : "end"
            switch integer(element) {
            case .value(let offset):
                offsets.append(offset)
            case .negative:
                throw .invalidOffsets(path: path, tensor: name, reason: "\(which) is negative")
            case .tooLarge:
                throw .invalidOffsets(path: path, tensor: name, reason: "\(which) is too large")
            case .notInteger(let kind):
                throw .invalidTensorEntry(
                    path: path, tensor: name, reason: "\"data_offsets\"[\(position)] is \(kind), not an integer")
            }
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin <= end else {
            throw .invalidOffsets(path: path, tensor: name, reason: "begin \(begin) is greater than end \(end)")
        }
        guard end <= dataSize else {
            throw .offsetsOutOfBounds(path: path, tensor: name, begin: begin, end: end, dataSize: dataSize)
        }
        guard end - begin == byteCount else {
            throw .byteCountMismatch(path: path, tensor: name, expected: byteCount, actual: end - begin)
        }
        return TensorInfo(name: name, dtype: dtype, shape: shape, dataOffsets: begin..<end)
    }

    private enum IntegerReading {
        case value(Int)
        case negative
        case tooLarge
        case notInteger(String)
    }

    /// Reads a non-negative integer, telling apart the ways a JSON value can fail to be one.
    private static func integer(_ value: JSONValue) -> IntegerReading {
        switch value {
        case .integer(let number):
            // "-0" is zero, not negative.
            return number < 0 ? .negative : .value(number)
        case .otherNumber(let literal):
            if literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                return .notInteger("\(literal)")
            }
            return literal.hasPrefix("-") ? .negative : .tooLarge
        default:
            return .notInteger(value.kindName)
        }
    }
}
