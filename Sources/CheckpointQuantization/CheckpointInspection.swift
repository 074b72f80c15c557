// `inspect`: what a checkpoint holds and in which convention.
//
// Promises: a summary of any model folder — plain or quantized, ours or another tool's (or of a
// GGUF file: architecture, tensors by GGML type, size, and its NVFP4 weights as quantized modules
// of convention "gguf": the `.scale` multiplier, the recorded amax or the one it implies):
// the convention and quantization config, quantized modules with their tensor scale (both
// forms), amax, whether fused groups share one tensor scale, tensors by dtype, and sizes; the
// experts of an MoE layer (`….experts.N.<proj>`) are also summarized as one `ExpertGroupSummary`
// per layer: N experts, the shape of each projection, and how many fused groups share one scale.

import BlockQuantization
import Foundation
import GGUF
import ModelFolder

public struct ModuleSummary: Codable, Sendable {
    public var module: String
    public var shape: [Int]
    /// nil when the convention stores none (MLX).
    public var storedTensorScale: Float?
    /// amax as recovered (exact when the producer recorded it; nil without a tensor scale).
    public var amax: Float?
    public var fusedGroup: String?
    public var hasInputScale: Bool
}

/// The quantized experts of one MoE layer (`parent` is `….experts`).
public struct ExpertGroupSummary: Codable, Sendable, Equatable {
    public var parent: String
    public var experts: Int
    /// Each projection with its shape(s), e.g. `w1 32×64`.
    public var shapes: [String]
    /// Fused groups (one per expert for gate/up or w1/w3) and how many of them share one tensor scale.
    public var fusedGroups: Int
    public var fusedGroupsSharingOneScale: Int
    /// Modules with an input scale (W4A4) out of all expert modules.
    public var modulesWithInputScale: Int
    public var modules: Int

    /// `parent`, expert index and projection of an expert module name, or nil.
    static func split(_ module: String) -> (parent: String, expert: Int, projection: String)? {
        let parts = module.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let i = parts.lastIndex(of: "experts"), i + 2 < parts.count, let e = Int(parts[i + 1]) else { return nil }
        return (parts[...i].joined(separator: "."), e, parts[(i + 2)...].joined(separator: "."))
    }

    /// One summary per `….experts` parent, in first-seen order.
    static func groups(_ modules: [ModuleSummary], differentScales: Set<String>) -> [ExpertGroupSummary] {
        var order: [String] = []
        var byParent: [String: [(Int, String, ModuleSummary)]] = [:]
        for m in modules {
            guard let (parent, e, projection) = split(m.module) else { continue }
            if byParent[parent] == nil { order.append(parent) }
            byParent[parent, default: []].append((e, projection, m))
        }
        return order.map { parent in
            let members = byParent[parent]!
            var shapes: [String: Set<String>] = [:]
            for (_, p, m) in members { shapes[p, default: []].insert(m.shape.map(String.init).joined(separator: "×")) }
            let groups = Set(members.compactMap(\.2.fusedGroup))
            return ExpertGroupSummary(
                parent: parent, experts: Set(members.map(\.0)).count,
                shapes: shapes.keys.sorted().map { "\($0) \(shapes[$0]!.sorted().joined(separator: "/"))" },
                fusedGroups: groups.count, fusedGroupsSharingOneScale: groups.subtracting(differentScales).count,
                modulesWithInputScale: members.filter(\.2.hasInputScale).count, modules: members.count)
        }
    }
}

public struct CheckpointSummary: Codable, Sendable {
    public var directory: String
    public var architectures: [String]
    public var shards: Int
    public var tensors: Int
    public var bytes: Int
    public var tensorsByDType: [String: Int]
    /// "none", "compressed-tensors", "modelopt", "mlx" or "gguf".
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
    /// The quantized experts, one entry per MoE layer.
    public var expertGroups: [ExpertGroupSummary] = []

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
        let convention = CheckpointConvention(q.convention)
        for m in q.modules {
            // MLX stores no tensor scale: neither it nor an amax is shown.
            let stored = m.tensorScale == nil ? nil : try q.storedTensorScale(m)
            let group = FusedGroups.key(of: m.module)
            if let group, let stored { groupScales[group, default: []].insert(stored.bitPattern) }
            let implied = stored.flatMap { convention?.amax(fromStoredTensorScale: $0, constants: constants) }
            summary.modules.append(
                ModuleSummary(
                    module: m.module, shape: [m.rows, m.cols], storedTensorScale: stored,
                    amax: q.exactAmax[m.module] ?? implied, fusedGroup: group, hasInputScale: m.inputScale != nil))
        }
        summary.fusedGroupsWithDifferentScales = groupScales.filter { $0.value.count > 1 }.keys.sorted()
        summary.expertGroups = ExpertGroupSummary.groups(
            summary.modules,
            differentScales: Set(summary.fusedGroupsWithDifferentScales))
        return summary
    }
}

extension CheckpointSummary {
    /// A GGUF file: its architecture (as the transformers class), every tensor by GGML type and
    /// size (`quant_method` "gguf"); NVFP4 weights are its quantized modules (convention "gguf"),
    /// with the stored multiplier `amax/(M·S)` and the amax recorded by us or implied by M·S = 2688.
    static func inspect(gguf: GGUFModel) throws -> CheckpointSummary {
        var byType: [String: Int] = [:]
        var bytes = 0
        for info in gguf.file.tensors {
            byType[info.type.name, default: 0] += 1
            bytes += info.byteCount
        }
        var summary = CheckpointSummary(
            directory: gguf.file.path, architectures: try gguf.config.strings("architectures") ?? [], shards: 1,
            tensors: gguf.file.tensors.count, bytes: bytes, tensorsByDType: byType, convention: "none",
            quantMethod: "gguf", quantAlgo: nil, format: nil, ignored: [], rule: nil, producer: nil, modules: [],
            fusedGroupsWithDifferentScales: [])
        var groupScales: [String: Set<UInt32>] = [:]
        for name in gguf.tensorNames {
            guard let w = gguf.nvfp4Weights[name], let shape = gguf.shape(of: name) else { continue }
            let module = String(name.dropLast(".weight".count)), group = FusedGroups.key(of: module)
            if let group { groupScales[group, default: []].insert(w.multiplier.bitPattern) }
            let constants = ScaleConstants(format: .nvfp4, rule: w.rule ?? .static6)
            let implied = CheckpointConvention.modelopt.amax(fromStoredTensorScale: w.multiplier, constants: constants)
            summary.modules.append(
                ModuleSummary(
                    module: module, shape: shape, storedTensorScale: w.multiplier, amax: w.exactAmax ?? implied,
                    fusedGroup: group, hasInputScale: w.inputScale != nil))
            if let rule = w.rule {
                summary.rule = rule.rawValue
                summary.producer = CheckpointQuantizer.producer["name"]
            }
        }
        if !summary.modules.isEmpty { summary.convention = "gguf" }
        summary.fusedGroupsWithDifferentScales = groupScales.filter { $0.value.count > 1 }.keys.sorted()
        return summary
    }
}
