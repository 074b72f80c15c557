// The errors of the Evaluation module: one line each, naming the file, folder or option.

public enum EvaluationError: Error, CustomStringConvertible, Equatable {
    /// An option or a pair of options that cannot be honoured (the message names them).
    case invalidOption(String)
    /// `--stored-input-scales` on a folder without input scales.
    case noStoredInputScales(directory: String)
    /// A result file could not be written.
    case cannotWrite(path: String, reason: String)
    /// `experiment pretrain --report-only` on a folder without finished runs.
    case noFinishedRuns(directory: String)
    /// A weight of the checkpoint is NaN or infinite (`position` is " (row r, column c)" or "").
    case nonFiniteWeight(path: String, tensor: String, element: Int, value: Float, position: String)
    /// A text gives fewer tokens than the run needs.
    case textTooShort(path: String, tokens: Int, needed: Int, purpose: String)

    public var description: String {
        switch self {
        case let .invalidOption(message): return message
        case let .noStoredInputScales(directory): return "\(directory): no input scales stored (not a W4A4 checkpoint)"
        case let .cannotWrite(path, reason): return "\(path): \(reason)"
        case let .noFinishedRuns(directory): return "no finished runs in \(directory)"
        case let .nonFiniteWeight(path, tensor, element, value, position):
            return "\(path): tensor '\(tensor)': non-finite value \(value) at element \(element)\(position); "
                + "the checkpoint's weights must be finite numbers"
        case let .textTooShort(path, tokens, needed, purpose):
            return "\(path): the text gives \(tokens) token\(tokens == 1 ? "" : "s") but \(purpose) "
                + "needs at least \(needed)"
        }
    }
}
