// Typed errors of model loading, evaluation and generation.
//
// Promises: every data error names what it concerns (the file, the tensor, the config key)
// and, where a likely fix exists, says it. Programmer errors are preconditions, not these.

public enum TransformerError: Error, CustomStringConvertible, Equatable {
    /// A feature this engine does not implement. (config.json errors are ModelFolder's
    /// `ModelFolderError`s.)
    case unsupportedFeature(String)
    /// Strict loading: a tensor the architecture needs is absent.
    case missingTensor(name: String)
    /// Strict loading: a tensor the architecture does not use.
    case unexpectedTensor(name: String)
    /// Strict loading: a tensor has another shape than the config implies.
    case shapeMismatch(name: String, expected: [Int], actual: [Int])
    /// A token id outside the vocabulary.
    case tokenOutOfRange(id: Int, vocabularySize: Int)
    /// Evaluation options that cannot work together (e.g. a context shorter than 2 tokens).
    case invalidOption(String)
    /// The text has no tokens to predict.
    case emptyText(path: String)

    public var description: String {
        switch self {
        case let .unsupportedFeature(f): return "not supported: \(f)"
        case let .missingTensor(name): return "tensor '\(name)' is missing from the checkpoint"
        case let .unexpectedTensor(name): return "tensor '\(name)' is not used by the architecture (unexpected tensor)"
        case let .shapeMismatch(name, expected, actual):
            return "tensor '\(name)' has shape \(actual), expected \(expected) from config.json"
        case let .tokenOutOfRange(id, size): return "token id \(id) is outside the vocabulary (size \(size))"
        case let .invalidOption(reason): return reason
        case let .emptyText(path): return "\(path): the text has no tokens to evaluate"
        }
    }
}
