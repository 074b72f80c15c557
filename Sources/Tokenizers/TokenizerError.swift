// TokenizerError: every way loading a tokenizer can fail, each with a one-line description that
// names the file and the problem. Encoding and decoding never fail once a Tokenizer is built.

public enum TokenizerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file does not exist (or is not a regular file).
    case fileNotFound(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid JSON; `reason` names the byte offset.
    case invalidJSON(path: String, reason: String)
    /// A field the format requires is absent or has the wrong JSON type.
    case missingField(path: String, field: String)
    /// `model.type` is something other than "BPE" (e.g. "WordPiece", "Unigram", "WordLevel").
    case unsupportedModel(path: String, type: String)
    /// A normalizer / pre-tokenizer / decoder / pattern this module does not implement.
    case unsupportedComponent(path: String, component: String, type: String)
    /// The vocabulary or merges are inconsistent (merge of unknown tokens, bad merge line, ...).
    case invalidVocabulary(path: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "tokenizer file not found: \(path)"
        case .unreadable(let path, let reason):
            return "cannot read tokenizer file \(path): \(reason)"
        case .invalidJSON(let path, let reason):
            return "\(path) is not valid JSON: \(reason)"
        case .missingField(let path, let field):
            return "\(path): missing or malformed field \"\(field)\""
        case .unsupportedModel(let path, let type):
            return "\(path): unsupported tokenizer model type \"\(type)\" (only \"BPE\" is supported)"
        case .unsupportedComponent(let path, let component, let type):
            return "\(path): unsupported \(component) \"\(type)\""
        case .invalidVocabulary(let path, let reason):
            return "\(path): invalid vocabulary: \(reason)"
        }
    }
}
