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
    /// A checkpoint of no family `ModelFamily` knows: `wouldQuantize` lists the 2-D Linear
    /// weights the generic rule would quantize (layer and expert numbers folded to N, with counts).
    case unknownFamily(directory: String, architecture: String, wouldQuantize: [String])

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
        case let .unknownFamily(directory, architecture, modules):
            return
                "\(directory): model family '\(architecture)' is not one fouroversix knows, so it will not guess which "
                + "Linear weights are routers or vision layers (quantizing a router breaks the model).\n"
                + "These 2-D Linear weights would be quantized:\n"
                + modules.map { "  " + $0 }.joined(separator: "\n")
                + "\nRe-run with --include REGEX (repeatable) naming exactly the modules to quantize, e.g. "
                + "--include 'layers\\.\\d+\\.(self_attn|mlp\\.experts)\\.', and --exclude REGEX for any to keep "
                + "(routers such as 're:.*mlp.gate$' must stay unquantized). "
                + "Known families: see README \"Model families\"."
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
