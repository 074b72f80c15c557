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

    public var description: String {
        switch self {
        case let .invalidOption(message): return message
        case let .noStoredInputScales(directory): return "\(directory): no input scales stored (not a W4A4 checkpoint)"
        case let .cannotWrite(path, reason): return "\(path): \(reason)"
        case let .noFinishedRuns(directory): return "no finished runs in \(directory)"
        }
    }
}
