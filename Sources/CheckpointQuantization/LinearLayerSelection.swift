// Which tensors of a checkpoint are quantized, which are skipped and why, and which
// layers are fused (share one tensor scale).
//
// Promises: a tensor is quantized iff it is a 2-D BF16/F16/F32 `*.weight` of a Linear-like
// module (not an embedding, norm or `lm_head`), matches `--include` (when given), does not
// match any `--exclude`, and has an input dimension that is a multiple of 16 (serving
// engines cannot load others) — the patterns and the 16 rule are ModelCore's, which
// evaluation applies too. A selected weight whose dtype is not BF16/F16/F32 is an
// error for the caller to report (it is probably already quantized). With a `family`
// (ModelFamily), the modules it keeps (routers, vision towers) are skipped unless `--include`
// names them, and its fused 3-D expert tensors are skipped under their parent module. Every
// Linear-like module not quantized is listed with its reason. Fused groups (q/k/v, gate/up, MoE
// w1/w3 per expert, MLA q_a/kv_a, BERT query/key/value) are keyed by their parent module.
// `checkPlan` refuses a selection that splits a fused group or an `--include` pattern that selects
// nothing.

import ModelCore
import SafeTensors

/// Why a Linear-like weight stays in its original dtype.
public enum SkipReason: Sendable, Equatable, CustomStringConvertible {
    case languageModelHead
    case excludedByUser(pattern: String)
    case notIncluded
    case inputDimensionNotMultipleOf16(Int)
    case keptByFamily(family: String, what: String, pattern: String)
    case fusedExpertTensor(family: String)

    public var description: String {
        switch self {
        case .languageModelHead: return "lm_head is kept in high precision by default"
        case let .excludedByUser(pattern): return "excluded by --exclude \(pattern)"
        case .notIncluded: return "not matched by any --include pattern"
        case let .inputDimensionNotMultipleOf16(n):
            return "input dimension \(n) is not a multiple of 16 (engines cannot load it)"
        case let .keptByFamily(family, what, _):
            return "\(what), kept in high precision by the \(family) rule (--include overrides)"
        case let .fusedExpertTensor(family):
            return
                "fused 3-D expert tensor of \(family), kept in its dtype (--linearize-experts quantizes it per expert)"
        }
    }
}

public enum TensorRole: Sendable, Equatable {
    /// A Linear weight to quantize; `module` is the name without ".weight".
    case quantize(module: String, fusedGroup: String?)
    /// A Linear-like weight left as it is.
    case skip(module: String, reason: SkipReason)
    /// Anything else (embeddings, norms, biases, buffers): copied unchanged.
    case copy
}

public struct LayerSelection: Sendable {
    public var include: [String]
    public var exclude: [String]
    public var quantizeLanguageModelHead: Bool
    /// The checkpoint's family (`CheckpointQuantizer` sets it from config.json); nil: none.
    public var family: ModelFamily? = nil {
        didSet { keptPatterns = family?.keptPatterns }
    }

    private let includePatterns: ModulePatterns
    private let excludePatterns: ModulePatterns
    private var keptPatterns: ModulePatterns?

    public init(include: [String] = [], exclude: [String] = [], quantizeLanguageModelHead: Bool = false) throws {
        self.include = include
        self.exclude = exclude
        self.quantizeLanguageModelHead = quantizeLanguageModelHead
        do {
            includePatterns = try ModulePatterns(include)
            excludePatterns = try ModulePatterns(exclude)
        } catch {
            throw CheckpointError.inconsistent(
                path: "--include/--exclude", reason: "invalid regular expression '\(error.pattern)'")
        }
    }

    /// Module-name components that mark embeddings and norms, which are never Linear.
    static let nonLinearMarkers = ["embed", "wte", "wpe", "norm", "ln_", "layernorm"]

    /// The role of one tensor.
    public func role(of info: TensorInfo) -> TensorRole { role(name: info.name, shape: info.shape) }

    /// The role of a tensor named `name` of shape `shape` (also one that a checkpoint does not
    /// hold as such: a linearized expert's weight).
    func role(name: String, shape: [Int]) -> TensorRole {
        if let family, shape.count == 3, let dot = name.lastIndex(of: "."),
            family.fusedExperts.contains(String(name[name.index(after: dot)...]))
        {
            return .skip(module: String(name[..<dot]), reason: .fusedExpertTensor(family: family.name))
        }
        guard name.hasSuffix(".weight"), shape.count == 2 else { return .copy }
        let module = String(name.dropLast(".weight".count))
        let lower = module.lowercased()
        let components = lower.split(separator: ".")
        if components.contains(where: { c in Self.nonLinearMarkers.contains { c.contains($0) } }) { return .copy }
        if components.last == "lm_head" && !quantizeLanguageModelHead && include.isEmpty {
            return .skip(module: module, reason: .languageModelHead)
        }
        if let pattern = excludePatterns.firstMatch(in: module) {
            return .skip(module: module, reason: .excludedByUser(pattern: pattern))
        }
        if !includePatterns.isEmpty {
            if includePatterns.firstMatch(in: module) == nil { return .skip(module: module, reason: .notIncluded) }
        } else if let family, let keptPatterns, let kept = family.keeps(module, patterns: keptPatterns) {
            return .skip(
                module: module, reason: .keptByFamily(family: family.name, what: kept.what, pattern: kept.pattern))
        }
        if LayerSelectionRule.hasRaggedInput(inFeatures: shape[1]) {
            return .skip(module: module, reason: .inputDimensionNotMultipleOf16(shape[1]))
        }
        return .quantize(module: module, fusedGroup: FusedGroups.key(of: module))
    }
}

extension LayerSelection {
    /// Checks the roles of a whole checkpoint (tensor name → role) before anything is written:
    /// every `--include` pattern must select at least one Linear module, and no fused group may
    /// be split — some members quantized, others not — because serving engines refuse such a
    /// checkpoint (vLLM: "some but not all shards … are quantized"). Refusing is the choice here
    /// (rather than silently widening the selection); the message names the group and shows an
    /// exclusion that covers all of it.
    public func checkPlan(_ roles: [String: TensorRole]) throws(CheckpointError) {
        var linear: [(module: String, quantized: Bool, reason: SkipReason?)] = []
        for role in roles.values {
            switch role {
            case let .quantize(module, _): linear.append((module, true, nil))
            case let .skip(module, reason): linear.append((module, false, reason))
            case .copy: continue
            }
        }
        linear.sort { $0.module < $1.module }
        for pattern in include {
            let single = try? ModulePatterns([pattern])
            if !linear.contains(where: { single?.firstMatch(in: $0.module) != nil }) {
                let example = linear.first.map { " (Linear modules are named like '\($0.module)')" } ?? ""
                throw .invalidSelection("--include '\(pattern)' matches no Linear module\(example)")
            }
        }
        var groups: [String: [(module: String, quantized: Bool, reason: SkipReason?)]] = [:]
        for entry in linear {
            if let key = FusedGroups.key(of: entry.module) { groups[key, default: []].append(entry) }
        }
        for key in groups.keys.sorted() {
            let members = groups[key]!
            let kept = members.filter { !$0.quantized }
            guard !kept.isEmpty, kept.count < members.count else { continue }
            let short = { (m: String) in String(m.split(separator: ".").last ?? "") }
            let quantized = members.filter(\.quantized).map { short($0.module) }
            let option =
                kept.compactMap { entry -> String? in
                    switch entry.reason {
                    case let .excludedByUser(pattern)?: return "--exclude '\(pattern)'"
                    case .notIncluded?: return "--include"
                    default: return nil
                    }
                }.first ?? "the selection"
            let parent = key.split(separator: ".").dropLast().joined(separator: "\\.")
            let names = members.map { short($0.module) }.sorted().joined(separator: "|")
            throw .invalidSelection(
                "\(option) splits the fused group \(key): \(kept.map { short($0.module) }.joined(separator: ", ")) "
                    + "would stay unquantized but \(quantized.joined(separator: ", ")) quantized, and serving engines "
                    + "refuse such a checkpoint; select the whole group, e.g. --exclude '\(parent)\\.(\(names))$'")
        }
    }
}

/// Layers that engines fuse into one GEMM and that must therefore share one tensor scale.
public enum FusedGroups {
    /// Sets of sibling module names fused by serving engines.
    public static let families: [Set<String>] = [
        ["q_proj", "k_proj", "v_proj"],  // Llama, Mistral, Qwen, …
        ["gate_proj", "up_proj"],  // SwiGLU MLPs
        ["w1", "w3"],  // Mixtral-style MoE experts
        ["q_a_proj", "kv_a_proj_with_mqa"],  // DeepSeek MLA (vLLM's fused_qkv_a_proj)
        ["query", "key", "value"],  // BERT self-attention
        ["q", "k", "v"],  // T5-style attention
    ]

    /// `parent.{member,member,…}` for a module whose last component belongs to a family,
    /// e.g. `model.layers.0.self_attn.{k_proj,q_proj,v_proj}`.
    public static func key(of module: String) -> String? {
        let parts = module.split(separator: ".")
        guard let last = parts.last, let family = families.first(where: { $0.contains(String(last)) }) else {
            return nil
        }
        return (parts.dropLast() + ["{" + family.sorted().joined(separator: ",") + "}"]).joined(separator: ".")
    }
}
