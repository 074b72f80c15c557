// Synthetic Hugging Face checkpoints for the checkpoint tests.

import Foundation
import SafeTensors
import TestSupport

/// A fresh temporary directory, removed by the caller's `defer`.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "fouroversix-test-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Seeded normal-ish values (sum of uniforms) with a few outliers.
func syntheticWeights(_ count: Int, seed: UInt64) -> [Float] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { i in
        let v = (rng.uniform() + rng.uniform() + rng.uniform() + rng.uniform() - 2) * 0.05
        return i % 997 == 0 ? v * 20 : v
    }
}

/// A tensor in a synthetic shard.
struct SyntheticTensor {
    var name: String
    var shape: [Int]
    var dtype: DType = .BF16
    var values: [Float]? = nil
}

/// Writes config.json and the given shards (each a list of tensors); with more than one shard,
/// also model.safetensors.index.json.
func writeCheckpoint(_ dir: String, shards: [[SyntheticTensor]], architectures: [String] = ["LlamaForCausalLM"]) throws
{
    let config: [String: Any] = ["architectures": architectures, "model_type": "llama", "hidden_size": 64]
    try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: dir + "/config.json"))
    var weightMap: [String: String] = [:]
    for (i, shard) in shards.enumerated() {
        let name =
            shards.count == 1
            ? "model.safetensors" : String(format: "model-%05d-of-%05d.safetensors", i + 1, shards.count)
        var tensors: [(TensorSpec, [UInt8])] = []
        for (j, t) in shard.enumerated() {
            let count = t.shape.reduce(1, *)
            let values = t.values ?? syntheticWeights(count, seed: UInt64(i * 100 + j))
            tensors.append(
                (
                    TensorSpec(name: t.name, dtype: t.dtype, shape: t.shape),
                    t.dtype.isFloatingPoint
                        ? try bytes(of: values, as: t.dtype) : [UInt8](repeating: 1, count: count * t.dtype.byteSize)
                ))
            weightMap[t.name] = name
        }
        try writeSafeTensors(path: dir + "/" + name, tensors: tensors)
    }
    if shards.count > 1 {
        let index: [String: Any] = ["metadata": ["total_size": 0], "weight_map": weightMap]
        try JSONSerialization.data(withJSONObject: index).write(
            to: URL(fileURLWithPath: dir + "/model.safetensors.index.json"))
    }
    try "{\"model\": {}}".write(toFile: dir + "/tokenizer.json", atomically: true, encoding: .utf8)
}

/// Entries of a directory, hidden ones included.
func directoryEntries(_ dir: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: dir))?.sorted() ?? []
}
