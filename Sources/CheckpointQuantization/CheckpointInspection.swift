// `inspect`: what a checkpoint holds and in which convention.
//
// Promises: a summary of any model folder — plain or quantized, ours or another tool's (or of a
// GGUF file: architecture, tensors by GGML type, size):
// the convention and quantization config, quantized modules with their tensor scale (both
// forms), amax, whether fused groups share one tensor scale, tensors by dtype, and sizes.

import BlockQuantization
import Foundation
import GGUF
import ModelFolder

public struct ModuleSummary: Codable, Sendable {
    public var module: String
    public var shape: [Int]
    public var storedTensorScale: Float
    /// amax as recovered (exact when the producer recorded it).
    public var amax: Float
    public var fusedGroup: String?
    public var hasInputScale: Bool
}

public struct CheckpointSummary: Codable, Sendable {
    public var directory: String
    public var architectures: [String]
    public var shards: Int
    public var tensors: Int
    public var bytes: Int
    public var tensorsByDType: [String: Int]
    /// "none", "compressed-tensors" or "modelopt".
    public var convention: String
    public var quantMethod: String?
    public var quantAlgo: String?
    public var format: String?
    public var ignored: [String]
    /// The 4/6 rule when the producer recorded it (our checkpoints), else nil.
    public var rule: String?
    public var producer: String?
    public var modules: [ModuleSummary]
    /// Fused groups whose members do not share one tensor scale (engines would take the max).
    public var fusedGroupsWithDifferentScales: [String]

    public static func inspect(_ directory: String) throws -> CheckpointSummary {
        if GGUFModel.isGGUF(directory) { return try inspect(gguf: GGUFModel(path: directory)) }
        let checkpoint = try ModelCheckpoint.open(directory)
        var byDType: [String: Int] = [:]
        for t in checkpoint.tensors { byDType[t.info.dtype.rawValue, default: 0] += 1 }
        let qc = checkpoint.config["quantization_config"] as? [String: Any]
        var summary = CheckpointSummary(
            directory: directory, architectures: checkpoint.config["architectures"] as? [String] ?? [],
            shards: checkpoint.shards.count, tensors: checkpoint.tensors.count, bytes: checkpoint.weightBytes,
            tensorsByDType: byDType, convention: "none", quantMethod: qc?["quant_method"] as? String,
            quantAlgo: qc?["quant_algo"] as? String, format: qc?["format"] as? String,
            ignored: (qc?["ignore"] as? [String]) ?? (qc?["exclude_modules"] as? [String]) ?? [],
            rule: nil, producer: nil, modules: [], fusedGroupsWithDifferentScales: [])
        if let producer = qc?["producer"] as? [String: Any] { summary.producer = producer["name"] as? String }
        guard let q = try? QuantizedCheckpoint.open(directory) else { return summary }
        summary.convention = q.convention.rawValue
        summary.rule = q.rule?.rawValue
        if q.rule != nil && summary.producer == nil { summary.producer = CheckpointQuantizer.producer["name"] }
        let constants = ScaleConstants(format: .nvfp4, rule: q.rule ?? .static6)
        var groupScales: [String: Set<UInt32>] = [:]
        for m in q.modules {
            let stored = try q.storedTensorScale(m)
            let group = FusedGroups.key(of: m.module)
            if let group { groupScales[group, default: []].insert(stored.bitPattern) }
            summary.modules.append(ModuleSummary(
                module: m.module, shape: [m.rows, m.cols], storedTensorScale: stored,
                amax: q.exactAmax[m.module] ?? q.convention.amax(fromStoredTensorScale: stored, constants: constants),
                fusedGroup: group, hasInputScale: m.inputScale != nil))
        }
        summary.fusedGroupsWithDifferentScales = groupScales.filter { $0.value.count > 1 }.keys.sorted()
        return summary
    }
}

extension CheckpointSummary {
    /// A GGUF file: its architecture (as the transformers class), tensors by GGML type and size;
    /// not an NVFP4 checkpoint (`quant_method` "gguf").
    static func inspect(gguf: GGUFModel) throws -> CheckpointSummary {
        var byType: [String: Int] = [:]
        var bytes = 0
        for name in gguf.tensorNames {
            guard let info = gguf.info(name) else { continue }
            byType[info.type.name, default: 0] += 1
            bytes += info.byteCount
        }
        return CheckpointSummary(
            directory: gguf.file.path, architectures: try gguf.config.strings("architectures") ?? [], shards: 1,
            tensors: gguf.tensorNames.count, bytes: bytes, tensorsByDType: byType, convention: "none",
            quantMethod: "gguf", quantAlgo: nil, format: nil, ignored: [], rule: nil, producer: nil, modules: [],
            fusedGroupsWithDifferentScales: [])
    }
}
