// GGUFError.swift — every way reading or dequantizing a GGUF file can fail.
// Promises: each failure is its own case carrying the file path and, where one is involved, the
// metadata key or tensor name; `description` is a single line that starts with the path, with
// control characters in names escaped (as SafeTensorsError does) so hostile files cannot forge lines.

import SafeTensors

/// An error from reading a GGUF file (`GGUFFile`) or dequantizing one of its tensors.
public enum GGUFError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened, inspected or mapped (missing, unreadable, a directory...).
    case cannotOpen(path: String, reason: String)
    /// The file ends at `fileSize` bytes, but reading `what` needs bytes up to offset `needed`.
    case truncated(path: String, what: String, needed: Int, fileSize: Int)
    /// The first four bytes are not "GGUF".
    case badMagic(path: String, found: [UInt8])
    /// The version is not 2 or 3 (version 1 used 32-bit counts; a big-endian file reads as a huge version).
    case unsupportedVersion(path: String, version: UInt32)
    /// A count (`what`: metadata entries, tensors, array elements, string bytes) exceeds `limit`,
    /// the most that the remaining bytes of the file could hold.
    case countTooLarge(path: String, what: String, count: UInt64, limit: Int)
    /// A string (a key, a tensor name or a string value) is not valid UTF-8.
    case invalidString(path: String, what: String, offset: Int)
    /// A metadata value is malformed: unknown value type, a bool byte other than 0/1, arrays nested too deeply.
    case invalidMetadata(path: String, key: String, reason: String)
    /// The same metadata key occurs twice.
    case duplicateKey(path: String, key: String)
    /// `general.alignment` is not a UInt32 power of two.
    case invalidAlignment(path: String, reason: String)
    /// A tensor info is malformed: more than 4 dimensions, a dimension above Int64.max.
    case invalidTensorInfo(path: String, tensor: String, reason: String)
    /// A tensor's ggml type number is not one GGUF defines.
    case unknownTensorType(path: String, tensor: String, type: UInt32)
    /// A shape whose row length is not a whole number of blocks, or whose byte count overflows.
    case invalidShape(path: String, tensor: String, reason: String)
    /// A tensor's offset is not a multiple of the file's alignment.
    case misalignedOffset(path: String, tensor: String, offset: UInt64, alignment: Int)
    /// A tensor's bytes [begin, end) reach past the end of the data section of `dataSize` bytes.
    case offsetsOutOfBounds(path: String, tensor: String, begin: UInt64, end: UInt64, dataSize: Int)
    /// Two tensors' byte ranges overlap (`first` starts earlier in the data section).
    case overlappingTensors(path: String, first: String, second: String)
    /// The same tensor name occurs twice.
    case duplicateTensor(path: String, tensor: String)
    /// No tensor of that name in the file.
    case tensorNotFound(path: String, tensor: String)
    /// The tensor's type cannot be dequantized to float32 by this module.
    case unsupportedType(path: String, tensor: String, type: String)

    /// The path of the file the error concerns.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .truncated(let path, _, _, _), .badMagic(let path, _),
            .unsupportedVersion(let path, _), .countTooLarge(let path, _, _, _),
            .invalidString(let path, _, _), .invalidMetadata(let path, _, _), .duplicateKey(let path, _),
            .invalidAlignment(let path, _), .invalidTensorInfo(let path, _, _),
            .unknownTensorType(let path, _, _), .invalidShape(let path, _, _),
            .misalignedOffset(let path, _, _, _), .offsetsOutOfBounds(let path, _, _, _, _),
            .overlappingTensors(let path, _, _), .duplicateTensor(let path, _),
            .tensorNotFound(let path, _), .unsupportedType(let path, _, _):
            return path
        }
    }

    /// One line: "<path>: [tensor '<name>': ]<what went wrong>".
    public var description: String {
        let file = SafeTensorsError.oneLine(path)
        func quoted(_ text: String) -> String { SafeTensorsError.quoted(text) }
        func tensorPrefix(_ name: String) -> String { "\(file): tensor \(quoted(name)): " }
        switch self {
        case .cannotOpen(_, let reason):
            return "\(file): cannot open: \(SafeTensorsError.oneLine(reason))"
        case .truncated(_, let what, let needed, let fileSize):
            let reading = SafeTensorsError.oneLine(what)
            return "\(file): truncated: reading \(reading) needs \(needed) bytes but the file has \(fileSize)"
        case .badMagic(_, let found):
            let hex = found.map { String($0, radix: 16) }.joined(separator: " ")
            return "\(file): not a GGUF file (magic bytes \(hex), expected 47 47 55 46)"
        case .unsupportedVersion(_, let version):
            return "\(file): unsupported GGUF version \(version) (2 and 3, little-endian, are supported)"
        case .countTooLarge(_, let what, let count, let limit):
            return "\(file): \(SafeTensorsError.oneLine(what)) count \(count) exceeds what the file can hold (\(limit))"
        case .invalidString(_, let what, let offset):
            return "\(file): \(SafeTensorsError.oneLine(what)) at byte \(offset) is not valid UTF-8"
        case .invalidMetadata(_, let key, let reason):
            return "\(file): metadata \(quoted(key)): \(SafeTensorsError.oneLine(reason))"
        case .duplicateKey(_, let key):
            return "\(file): metadata key \(quoted(key)) appears twice"
        case .invalidAlignment(_, let reason):
            return "\(file): invalid general.alignment: \(SafeTensorsError.oneLine(reason))"
        case .invalidTensorInfo(_, let tensor, let reason):
            return tensorPrefix(tensor) + "invalid tensor info: \(SafeTensorsError.oneLine(reason))"
        case .unknownTensorType(_, let tensor, let type):
            return tensorPrefix(tensor) + "unknown ggml type \(type)"
        case .invalidShape(_, let tensor, let reason):
            return tensorPrefix(tensor) + "invalid shape: \(SafeTensorsError.oneLine(reason))"
        case .misalignedOffset(_, let tensor, let offset, let alignment):
            return tensorPrefix(tensor) + "offset \(offset) is not a multiple of the alignment \(alignment)"
        case .offsetsOutOfBounds(_, let tensor, let begin, let end, let dataSize):
            return tensorPrefix(tensor) + "bytes [\(begin), \(end)) end beyond the data section (\(dataSize) bytes)"
        case .overlappingTensors(_, let first, let second):
            return "\(file): tensor \(quoted(first)) and tensor \(quoted(second)) overlap"
        case .duplicateTensor(_, let tensor):
            return tensorPrefix(tensor) + "name used twice"
        case .tensorNotFound(_, let tensor):
            return tensorPrefix(tensor) + "not found"
        case .unsupportedType(_, let tensor, let type):
            return tensorPrefix(tensor) + "type \(type) cannot be dequantized (supported: "
                + GGMLType.dequantizable.map(\.name).joined(separator: ", ") + ")"
        }
    }
}
