// Typed errors of the Training module.
//
// Promises: every data error (bad config, unreadable corpus or checkpoint, a resume that does
// not match its run) is a `TrainingError` whose description names the file or setting and,
// where one exists, the likely fix. The library never calls `exit`.

public enum TrainingError: Error, CustomStringConvertible, Equatable {
    case invalidConfiguration(String)
    case corpus(path: String, reason: String)
    case checkpoint(path: String, reason: String)
    case resumeMismatch(String)
    case diverged(step: Int, loss: Float)

    public var description: String {
        switch self {
        case let .invalidConfiguration(s): return "invalid training configuration: \(s)"
        case let .corpus(path, reason): return "\(path): \(reason)"
        case let .checkpoint(path, reason): return "\(path): \(reason)"
        case let .resumeMismatch(s): return "cannot resume: \(s)"
        case let .diverged(step, loss): return "training diverged at step \(step) (loss \(loss)); try a lower --lr"
        }
    }
}

extension TrainingError {
    /// A NaN or infinity reached a quantized GEMM operand (the run diverged).
    static func nonFinite(_ what: String) -> TrainingError { .invalidConfiguration("non-finite value in \(what)") }
}
