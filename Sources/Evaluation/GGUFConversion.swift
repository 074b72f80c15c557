// A GGUF file as a Hugging Face model folder on disk: config.json, model.safetensors (float32,
// Hugging Face names, q/k rows un-permuted — ModelFolder's `GGUFModel`), tokenizer.json and
// tokenizer_config.json (Tokenizers' `GGUFTokenizerFiles`, as transformers builds them). This is
// how the folder-based commands (`quantize`, `error`) take a GGUF file: they run on the folder.
//
// Promises: every tensor is written exactly as `GGUFModel.floats` gives it (so quantizing the
// folder equals quantizing the GGUF on the fly, bit for bit); tensors are streamed one at a time
// with their mapped pages released, so memory stays near the largest tensor; the scratch folder
// (`withModelFolder`) is a hidden temporary beside `near` that is deleted afterwards, also on
// error or interrupt (CheckpointQuantization's `OutputFolder`); a path that is not a GGUF file
// is passed through unchanged.

import CheckpointQuantization
import Foundation
import JSONText
import ModelFolder
import SafeTensors
import Tokenizers

public enum GGUFConversion {
    /// Writes the Hugging Face folder of the GGUF file `gguf` into the existing folder `directory`.
    public static func writeModelFolder(of gguf: GGUFModel, into directory: String) throws {
        let tokenizer = try GGUFTokenizerFiles(gguf.file)
        let texts = [
            ("config.json", gguf.config.json), ("tokenizer.json", tokenizer.tokenizerJSON),
            ("tokenizer_config.json", tokenizer.tokenizerConfig),
        ]
        for (name, value) in texts {
            let path = directory + "/" + name
            do { try Data(value.serialized().utf8).write(to: URL(fileURLWithPath: path)) } catch {
                throw CheckpointError.cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
        let specs = gguf.tensorNames.map { TensorSpec(name: $0, dtype: .F32, shape: gguf.shape(of: $0)!) }
        let writer = try SafeTensorsWriter(
            path: directory + "/model.safetensors", tensors: specs,
            metadata: ["format": "pt"])
        do {
            for name in gguf.tensorNames {
                let values = try gguf.floats(name)
                gguf.releasePages(name)
                try values.withUnsafeBytes { try writer.write($0) }
            }
            try writer.finish()
        } catch {
            writer.abort()
            throw error
        }
    }

    /// Runs `body` on a model folder: `path` itself, or — for a GGUF file — its Hugging Face folder,
    /// written to a hidden scratch folder beside `near` and deleted when `body` returns or throws.
    public static func withModelFolder<T>(_ path: String, near: String, _ body: (String) throws -> T) throws -> T {
        guard GGUFModel.isGGUF(path) else { return try body(path) }
        let gguf = try GGUFModel(path: path)
        let scratch = try OutputFolder(target: near + ".gguf-source", overwrite: true)
        defer { scratch.discard() }
        try writeModelFolder(of: gguf, into: scratch.temporary)
        return try body(scratch.temporary)
    }
}
