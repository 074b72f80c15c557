// Typed errors of quantizing, dequantizing and inspecting checkpoints, and reading the JSON
// files this module writes (through ModelFolder's JSONText-based `ConfigFile`).
//
// Promises: every error names the file (and tensor) it concerns. Errors of opening a model
// folder itself (missing config, shards, index) are `ModelFolderError`s, thrown by ModelFolder.

import ModelFolder

public enum CheckpointError: Error, CustomStringConvertible {
    case notFound(path: String)
    case invalidJSON(path: String, reason: String)
    case unsupportedDType(path: String, tensor: String, dtype: String)
    case cannotWrite(path: String, reason: String)
    case notQuantized(directory: String)
    case inconsistent(path: String, reason: String)
    /// `--include`/`--exclude` that cannot give a loadable checkpoint (the message says why).
    case invalidSelection(String)

    public var description: String {
        switch self {
        case let .notFound(path): return "\(path): no such file or directory"
        case let .invalidJSON(path, reason): return "\(path): invalid JSON: \(reason)"
        case let .unsupportedDType(path, tensor, dtype):
            return "\(path): tensor '\(tensor)': dtype \(dtype) is not supported here (use BF16, F16 or F32)"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        case let .notQuantized(directory):
            return "\(directory): not a quantized checkpoint (no compressed-tensors or ModelOpt NVFP4 tensors found)"
        case let .inconsistent(path, reason): return "\(path): \(reason)"
        case let .invalidSelection(message): return message
        }
    }
}

/// Reads a JSON object from a file (strictly, with ModelFolder's `ConfigFile` on JSONText) as
/// Foundation values, as a typed error when it is missing or malformed.
public func readJSONObject(_ path: String) throws -> [String: Any] {
    do {
        return try ConfigFile(path: path).foundationObject
    } catch .notFound(let p) {
        throw CheckpointError.notFound(path: p)
    } catch .invalidJSON(let p, let reason) {
        throw CheckpointError.invalidJSON(path: p, reason: reason)
    } catch {
        throw CheckpointError.invalidJSON(path: path, reason: error.description)
    }
}
