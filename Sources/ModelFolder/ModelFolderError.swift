// Typed errors of opening a model folder and reading its config.json.
//
// Promises: every error names the file (and the tensor or config key) it concerns, and the
// description says what is wrong in one line; programmer errors are preconditions, not these.

public enum ModelFolderError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case missingConfig(directory: String)
    case invalidJSON(path: String, reason: String)
    case noWeights(directory: String)
    case indexNamesMissingShard(index: String, shard: String)
    case indexTensorMissing(index: String, tensor: String, shard: String)
    case duplicateTensor(tensor: String, firstShard: String, secondShard: String)
    /// config.json lacks a key the architecture needs, or holds a value of the wrong type.
    case missingConfigKey(path: String, key: String)
    case invalidConfigValue(path: String, key: String, reason: String)
    /// A GGUF file's tensor or metadata key (`what`) is not what its format promises.
    case invalidGGUF(path: String, what: String, reason: String)
    /// config.json names an architecture the model core does not implement.
    case unsupportedArchitecture(String)

    public var description: String {
        switch self {
        case let .notFound(path): return "\(path): no such file or directory"
        case let .missingConfig(directory):
            return "\(directory): config.json is missing (is this a Hugging Face model folder?)"
        case let .invalidJSON(path, reason): return "\(path): invalid JSON: \(reason)"
        case let .noWeights(directory):
            return "\(directory): no model.safetensors, model.safetensors.index.json or *.safetensors file"
        case let .indexNamesMissingShard(index, shard): return "\(index): names shard '\(shard)', which does not exist"
        case let .indexTensorMissing(index, tensor, shard):
            return "\(index): tensor '\(tensor)' is mapped to '\(shard)', which does not contain it"
        case let .duplicateTensor(tensor, a, b): return "tensor '\(tensor)' appears in both \(a) and \(b)"
        case let .missingConfigKey(path, key): return "\(path): config.json has no \"\(key)\""
        case let .invalidConfigValue(path, key, reason): return "\(path): config.json \"\(key)\": \(reason)"
        case let .invalidGGUF(path, what, reason): return "\(path): \(what): \(reason)"
        case let .unsupportedArchitecture(a):
            return
                "architecture \(a) is not supported (supported: LlamaForCausalLM, MistralForCausalLM, "
                + "Qwen2ForCausalLM, Qwen3ForCausalLM)"
        }
    }
}
