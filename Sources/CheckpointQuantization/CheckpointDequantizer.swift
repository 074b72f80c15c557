// `dequantize`: an NVFP4 checkpoint (either convention, any producer) back to a plain one.
//
// Promises: every quantized module becomes `module.weight` in BF16 or F32 (rounded to
// nearest even from the float32 dequantization of `QuantizedCheckpoint`; an MLX folder too);
// scale tensors are dropped; other tensors are copied byte for byte; config.json loses its
// `quantization_config` (and an MLX folder's `quantization`) and its dtype (torch_dtype)
// becomes the written one; the folder
// appears only when complete.

import Foundation
import ModelFolder
import SafeTensors

public enum CheckpointDequantizer {
    public static func run(
        quantizedDirectory: String, outputDirectory: String, dtype: DType,
        overwrite: Bool, maxShardBytes: Int = 5_000_000_000,
        progress: (QuantizationProgress) -> Void = { _ in }
    ) throws {
        guard dtype == .BF16 || dtype == .F32 || dtype == .F16 else {
            throw FloatViewError.unsupportedOutputDType(dtype)
        }
        let output = try OutputFolder(target: outputDirectory, overwrite: overwrite, inputs: [quantizedDirectory])
        defer { output.discard() }
        let q = try QuantizedCheckpoint.open(quantizedDirectory)
        var moduleOfPacked: [String: QuantizedModule] = [:]
        var dropped = Set<String>()
        for m in q.modules {
            moduleOfPacked[m.packed.name] = m
            dropped.formUnion(m.tensorNames)
        }
        var specs: [(spec: TensorSpec, source: String)] = []
        for t in q.checkpoint.tensors {
            if let m = moduleOfPacked[t.name] {
                specs.append((TensorSpec(name: "\(m.module).weight", dtype: dtype, shape: [m.rows, m.cols]), t.name))
            } else if !dropped.contains(t.name) {
                specs.append((TensorSpec(name: t.name, dtype: t.info.dtype, shape: t.info.shape), t.name))
            }
        }
        let shards = CheckpointQuantizer.cutIntoShards(specs, maxBytes: maxShardBytes)
        let shardNames =
            shards.count == 1
            ? ["model.safetensors"]
            : (1...shards.count).map { String(format: "model-%05d-of-%05d.safetensors", $0, shards.count) }
        var weightMap: [String: String] = [:]
        var done = 0
        for (index, shard) in shards.enumerated() {
            let writer = try SafeTensorsWriter(
                path: output.path(shardNames[index]), tensors: shard.map(\.spec),
                metadata: ["format": "pt"])
            do {
                for (spec, source) in shard {
                    weightMap[spec.name] = shardNames[index]
                    let t = q.checkpoint.tensor(source)!
                    if let m = moduleOfPacked[source] {
                        try writer.write(try bytes(of: q.dequantizedWeight(m), as: dtype))
                    } else {
                        try writer.write(try t.shard.bytes(source))
                    }
                    t.shard.releasePages(source)
                    done += 1
                    progress(
                        QuantizationProgress(
                            tensorsDone: done, tensorsTotal: specs.count, bytesDone: 0,
                            bytesTotal: 0, tensor: spec.name))
                }
                try writer.finish()
            } catch {
                writer.abort()
                throw error
            }
        }
        if shards.count > 1 {
            let total = shards.reduce(0) { $0 + $1.reduce(0) { $0 + $1.spec.byteCount } }
            try writeJSON(
                ["metadata": ["total_size": total], "weight_map": weightMap],
                to: output.path("model.safetensors.index.json"))
        }
        var config = q.checkpoint.config
        config.removeValue(forKey: "quantization_config")
        if q.convention == .mlx { config.removeValue(forKey: "quantization") }  // mlx-lm's key
        CheckpointQuantizer.setDType(&config, dtype == .F32 ? "float32" : dtype == .BF16 ? "bfloat16" : "float16")
        try writeJSON(config, to: output.path("config.json"))
        try CheckpointQuantizer.copyOtherFiles(from: q.checkpoint.directory, to: output)
        try output.commit()
    }
}
