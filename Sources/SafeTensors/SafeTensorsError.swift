// SafeTensorsError.swift — every way reading or writing a safetensors file can fail.
// Promises: each failure is its own case carrying the file path and, where one is involved, the
// tensor name; `description` is a single line that starts with the path and names the tensor,
// with control characters in names escaped so hostile headers cannot forge extra lines.

/// An error from reading (`SafeTensorsFile`) or writing (`SafeTensorsWriter`) a safetensors file.
public enum SafeTensorsError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened, inspected or mapped (missing, unreadable, a directory...).
    case cannotOpen(path: String, reason: String)
    /// The file ends before the `needed` bytes that its 8-byte length prefix (or the prefix itself) requires.
    case truncated(path: String, fileSize: Int, needed: Int)
    /// The header length prefix exceeds `limit` bytes (100 MB, as in the Rust safetensors library):
    /// almost always a file of another format, and described as "not a safetensors file".
    case headerTooLarge(path: String, length: UInt64, limit: Int)
    /// The header is not valid UTF-8 JSON, or not a JSON object.
    case invalidHeader(path: String, reason: String)
    /// `__metadata__` is present but not an object mapping strings to strings.
    case invalidMetadata(path: String, reason: String)
    /// A tensor entry is not an object, lacks `dtype`/`shape`/`data_offsets`, or has one of the wrong type.
    case invalidTensorEntry(path: String, tensor: String, reason: String)
    /// A tensor's dtype string is not one of `DType`'s.
    case unknownDType(path: String, tensor: String, dtype: String)
    /// A shape has a negative dimension, or its element/byte count overflows.
    case invalidShape(path: String, tensor: String, reason: String)
    /// A tensor's `data_offsets` are negative, too large, or have begin > end.
    case invalidOffsets(path: String, tensor: String, reason: String)
    /// The byte count `actual` (from data_offsets, or bytes supplied to a writer) differs from
    /// `expected` = product(shape) × dtype size.
    case byteCountMismatch(path: String, tensor: String, expected: Int, actual: Int)
    /// A tensor's data_offsets reach past the end of the data section of `dataSize` bytes.
    case offsetsOutOfBounds(path: String, tensor: String, begin: Int, end: Int, dataSize: Int)
    /// Two tensors' byte ranges overlap (`first` starts earlier in the file).
    case overlappingTensors(path: String, first: String, second: String)
    /// In file order, a tensor does not start where the previous one ended (`expected`; 0 for the
    /// first): a gap, or an empty tensor inside another's bytes. The reference implementation
    /// rejects such files.
    case misplacedTensor(path: String, tensor: String, begin: Int, expected: Int)
    /// The tensors end at byte `end` of a data section of `dataSize` bytes (the reference
    /// implementation requires them to cover it exactly).
    case dataSectionNotCovered(path: String, end: Int, dataSize: Int)
    /// The same tensor name occurs twice (in a header, or in the specs given to a writer),
    /// or a tensor is named "__metadata__".
    case duplicateTensor(path: String, tensor: String)
    /// No tensor of that name in the file.
    case tensorNotFound(path: String, tensor: String)
    /// Creating, writing, syncing or renaming the output failed.
    case cannotWrite(path: String, reason: String)
    /// The writer was used out of order: too many bytes for a tensor, a short tensor at `finish()`,
    /// or a call after `finish()`/`abort()`.
    case writeOrderViolation(path: String, reason: String)

    /// The path of the file the error concerns.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .truncated(let path, _, _), .headerTooLarge(let path, _, _),
            .invalidHeader(let path, _), .invalidMetadata(let path, _),
            .invalidTensorEntry(let path, _, _), .unknownDType(let path, _, _),
            .invalidShape(let path, _, _), .invalidOffsets(let path, _, _),
            .byteCountMismatch(let path, _, _, _), .offsetsOutOfBounds(let path, _, _, _, _),
            .overlappingTensors(let path, _, _), .misplacedTensor(let path, _, _, _),
            .dataSectionNotCovered(let path, _, _), .duplicateTensor(let path, _),
            .tensorNotFound(let path, _), .cannotWrite(let path, _), .writeOrderViolation(let path, _):
            return path
        }
    }

    /// One line: "<path>: [tensor '<name>': ]<what went wrong>".
    public var description: String {
        let file = Self.oneLine(path)
        func tensorPrefix(_ name: String) -> String { "\(file): tensor \(Self.quoted(name)): " }
        switch self {
        case .cannotOpen(_, let reason):
            return "\(file): cannot open: \(Self.oneLine(reason))"
        case .truncated(_, let fileSize, let needed):
            return "\(file): truncated: the file has \(fileSize) bytes but at least \(needed) are needed"
        case .headerTooLarge(_, let length, let limit):
            return "\(file): not a safetensors file (its first 8 bytes give a header length of \(length), "
                + "over the limit of \(limit) bytes)"
        case .invalidHeader(_, let reason):
            return "\(file): invalid header: \(Self.oneLine(reason))"
        case .invalidMetadata(_, let reason):
            return "\(file): invalid __metadata__: \(Self.oneLine(reason))"
        case .invalidTensorEntry(_, let tensor, let reason):
            return tensorPrefix(tensor) + "invalid entry: \(Self.oneLine(reason))"
        case .unknownDType(_, let tensor, let dtype):
            return tensorPrefix(tensor) + "unknown dtype \(Self.quoted(dtype))"
        case .invalidShape(_, let tensor, let reason):
            return tensorPrefix(tensor) + "invalid shape: \(Self.oneLine(reason))"
        case .invalidOffsets(_, let tensor, let reason):
            return tensorPrefix(tensor) + "invalid data_offsets: \(Self.oneLine(reason))"
        case .byteCountMismatch(_, let tensor, let expected, let actual):
            return tensorPrefix(tensor) + "has \(actual) bytes but its shape and dtype need \(expected)"
        case .offsetsOutOfBounds(_, let tensor, let begin, let end, let dataSize):
            return tensorPrefix(tensor)
                + "data_offsets [\(begin), \(end)) end beyond the data section (\(dataSize) bytes)"
        case .overlappingTensors(_, let first, let second):
            return "\(file): tensor \(Self.quoted(first)) and tensor \(Self.quoted(second)) overlap"
        case .misplacedTensor(_, let tensor, let begin, let expected):
            return tensorPrefix(tensor) + "data starts at byte \(begin) of the data section, not at \(expected) "
                + "where the previous tensor ends (tensors must follow each other without gaps)"
        case .dataSectionNotCovered(_, let end, let dataSize):
            return "\(file): the tensors end at byte \(end) but the data section has \(dataSize) bytes "
                + "(they must cover it exactly)"
        case .duplicateTensor(_, let tensor):
            return tensorPrefix(tensor) + "name used twice (or reserved)"
        case .tensorNotFound(_, let tensor):
            return tensorPrefix(tensor) + "not found"
        case .cannotWrite(_, let reason):
            return "\(file): cannot write: \(Self.oneLine(reason))"
        case .writeOrderViolation(_, let reason):
            return "\(file): write order violation: \(Self.oneLine(reason))"
        }
    }

    /// `'name'`, with quotes, backslashes and control characters escaped.
    /// Public so that the other file-format errors (GGUF) escape names the same way.
    public static func quoted(_ name: String) -> String {
        "'" + escaped(name, escapingQuote: true) + "'"
    }

    /// The text with control characters escaped, so it fits on one line.
    public static func oneLine(_ text: String) -> String {
        escaped(text, escapingQuote: false)
    }

    private static func escaped(_ text: String, escapingQuote: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\" where escapingQuote: result += "\\\\"
            case "'" where escapingQuote: result += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F
                    || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
