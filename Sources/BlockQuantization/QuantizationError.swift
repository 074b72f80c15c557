// Typed data errors of the quantizers.
//
// Promises: each case says what was wrong in one line; callers add the file and tensor
// name (see `described(tensor:)`). The library never exits the process.

public enum QuantizationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedRule(format: BlockFormat, rule: ScaleRule)
    /// The quantization axis (columns after the optional transpose) has no elements.
    case emptyQuantizationAxis(rows: Int, cols: Int)
    /// A NaN or infinity at `index` (row-major, in the input's own orientation).
    case nonFinite(index: Int, value: Float)
    /// A caller-supplied amax that is negative, NaN or infinite.
    case invalidAmax(Float)
    case shapeMismatch(expected: Int, actual: Int)
    /// The RHT of a finite input overflowed float32 (a ±∞ after pre-processing); `maxMagnitude`
    /// is the input's largest |x|.
    case rhtOverflow(maxMagnitude: Float)

    public var description: String {
        switch self {
        case let .unsupportedRule(format, rule):
            let rules = format.supportedRules.map(\.rawValue).joined(separator: ", ")
            return "rule \(rule.rawValue) is not defined for \(format.rawValue) (use one of: \(rules))"
        case let .emptyQuantizationAxis(rows, cols):
            return "the quantization axis is empty (shape [\(rows), \(cols)] after transpose)"
        case let .nonFinite(index, value):
            return "non-finite value \(value) at element \(index); NaN and infinity cannot be quantized"
        case let .invalidAmax(value):
            return "tensor amax \(value) is not a finite non-negative number"
        case let .shapeMismatch(expected, actual):
            return "expected \(expected) elements, got \(actual)"
        case let .rhtOverflow(maxMagnitude):
            return "the random Hadamard transform of values up to \(maxMagnitude) in magnitude overflows float32; "
                + "scale the tensor down or quantize it without RHT"
        }
    }
}
