// The model families `quantize` knows by their real Hugging Face tensor names, and what each keeps
// in high precision.
//
// Promises: `ModelFamily.identify` recognizes a checkpoint by config.json `architectures` (then
// `model_type` when there are no architectures) and returns nil for anything else —
// `CheckpointQuantizer` then refuses with `unknownFamily`, listing the 2-D Linear weights it would
// quantize, instead of guessing (a guess quantizes routers). Each family's `kept` patterns (regular
// expressions over module names, unanchored like `--exclude`) name the Linear-like modules engines
// run unquantized: MoE routers (`block_sparse_moe.gate`, `mlp.gate`, `mlp.router`, `mixer.gate`,
// `shared_expert_gate`), vision towers and multi-modal projectors. Embeddings, norms, biases,
// conv1d and SSM parameters are never Linear weights (`LayerSelection`) and lm_head is kept by
// default. `fusedExperts` names 3-D expert tensors ([E, in, out], gpt-oss) that are kept in their
// dtype and listed in the ignore list under their parent module (docs/moe.md says why), unless
// `--linearize-experts` splits them per expert (`ExpertLinearization`).

import Foundation
import ModelCore

public struct ModelFamily: Sendable, Equatable {
    public struct Kept: Sendable, Equatable {
        /// Unanchored regular expression over module names (`--exclude`'s form).
        public let pattern: String
        public let what: String
        /// The same set in ModelOpt's `exclude_modules` wildcard form.
        public let wildcards: [String]

        /// compressed-tensors' ignore-list form of `pattern` (`re:` entries are matched from the
        /// start of the module name).
        public var compressedTensorsForm: String { "re:.*" + pattern }
    }

    public let name: String
    public let architectures: [String]
    public let modelTypes: [String]
    public let kept: [Kept]
    /// Last name components of fused 3-D expert tensors, kept in their dtype.
    public let fusedExperts: [String]
    /// What is quantized (README's table).
    public let quantized: String

    static let router = #"(^|\.)(block_sparse_moe|mlp|mixer|feed_forward)\.(gate|router)$"#
    static let sharedExpertGate = #"(^|\.)shared_expert_gate$"#
    static let vision =
        #"(^|\.)(vision_tower|vision_model|visual|vision_encoder|multi_modal_projector|"#
        + #"mm_projector|vision_projection)(\.|$)"#

    static func family(
        _ name: String, _ architectures: [String], _ modelTypes: [String], kept: [Kept] = [],
        fusedExperts: [String] = [], quantized: String
    ) -> ModelFamily {
        ModelFamily(
            name: name, architectures: architectures, modelTypes: modelTypes, kept: kept,
            fusedExperts: fusedExperts, quantized: quantized)
    }

    static let routers = [
        Kept(
            pattern: router, what: "MoE router",
            wildcards: [
                "*block_sparse_moe.gate", "*mlp.gate", "*mixer.gate", "*feed_forward.gate", "*mlp.router",
                "*feed_forward.router",
            ])
    ]

    /// The language-model head under a prefix (`language_model.lm_head` in a LLaVA checkpoint is
    /// `lm_head` in transformers' memory): its ignore entry in the pattern form as well.
    static let prefixedHead = Kept(pattern: #"(^|\.)lm_head$"#, what: "language-model head", wildcards: ["*lm_head"])

    /// Fused 3-D experts kept in their dtype (`fusedExperts`), in the pattern form as well:
    /// engines ask about each expert's projections (`….experts.0.gate_proj`), which the parent's
    /// exact name does not cover (vLLM would expect NVFP4 experts).
    static let keptFusedExperts = Kept(
        pattern: #"(^|\.)mlp\.experts(\.|$)"#, what: "fused 3-D experts", wildcards: ["*mlp.experts*"])

    /// Every family, in the order README lists them.
    public static let all: [ModelFamily] = [
        family(
            "Llama / Mistral / Qwen2 / Qwen3",
            [
                "LlamaForCausalLM", "MistralForCausalLM", "Qwen2ForCausalLM",
                "Qwen3ForCausalLM",
            ], ["llama", "mistral", "qwen2", "qwen3"],
            quantized: "attention q/k/v/o, MLP gate/up/down"),
        family(
            "Gemma 3 (text)", ["Gemma3ForCausalLM", "Gemma2ForCausalLM"], ["gemma3_text", "gemma2"],
            quantized: "attention q/k/v/o, MLP gate/up/down"),
        family(
            "Phi-3", ["Phi3ForCausalLM"], ["phi3"], quantized: "fused qkv_proj, o_proj, fused gate_up_proj, down_proj"),
        family(
            "BERT", ["BertModel", "BertForMaskedLM", "BertForSequenceClassification"], ["bert"],
            quantized: "attention query/key/value/output, intermediate/output dense"),
        family(
            "Mixtral", ["MixtralForCausalLM"], ["mixtral"], kept: routers,
            quantized: "attention q/k/v/o, experts w1/w3 (one scale per expert) and w2"),
        family(
            "Qwen2-MoE", ["Qwen2MoeForCausalLM"], ["qwen2_moe"],
            kept: routers + [
                Kept(pattern: sharedExpertGate, what: "shared-expert gate", wildcards: ["*shared_expert_gate"])
            ],
            quantized: "attention q/k/v/o, experts and shared_expert gate/up/down"),
        family(
            "Qwen3-MoE", ["Qwen3MoeForCausalLM"], ["qwen3_moe"], kept: routers,
            quantized: "attention q/k/v/o, experts gate/up/down"),
        family(
            "DeepSeek-V2/V3, Kimi-K2", ["DeepseekV2ForCausalLM", "DeepseekV3ForCausalLM"],
            ["deepseek_v2", "deepseek_v3", "kimi_k2"], kept: routers,
            quantized:
                "MLA q_a/q_b/kv_a_proj_with_mqa/kv_b/o (q_a and kv_a share a scale), "
                + "dense MLPs, experts and shared_experts"
        ),
        family(
            "GLM-4.5 / 4.6", ["Glm4MoeForCausalLM"], ["glm4_moe"], kept: routers,
            quantized: "attention q/k/v/o, dense MLPs, experts and shared_experts"),
        family(
            "gpt-oss", ["GptOssForCausalLM"], ["gpt_oss"], kept: routers, fusedExperts: ["gate_up_proj", "down_proj"],
            quantized: "attention q/k/v/o; the fused 3-D experts with --linearize-experts (else kept in BF16)"),
        family(
            "Nemotron-H", ["NemotronHForCausalLM"], ["nemotron_h"], kept: routers,
            quantized: "Mamba in_proj/out_proj, attention q/k/v/o, MLPs, experts and shared_experts"),
        family(
            "Vision-language (LLaVA, Qwen2-VL, Gemma 3, Mistral 3, …)",
            [
                "LlavaForConditionalGeneration", "Qwen2VLForConditionalGeneration",
                "Qwen2_5_VLForConditionalGeneration",
                "Gemma3ForConditionalGeneration", "Mistral3ForConditionalGeneration",
                "LlavaNextForConditionalGeneration",
            ],
            ["llava", "qwen2_vl", "qwen2_5_vl", "gemma3", "mistral3", "llava_next"],
            kept: [
                Kept(
                    pattern: vision, what: "vision tower / multi-modal projector",
                    wildcards: [
                        "*vision_tower*", "*vision_model*", "*visual*", "*vision_encoder*", "*multi_modal_projector*",
                        "*mm_projector*", "*vision_projection*",
                    ])
            ],
            quantized: "the language model's Linear layers; vision tower and projector kept"),
    ]

    /// The family of a checkpoint's config.json, or nil when it is none of `all`.
    public static func identify(config: [String: Any]) -> ModelFamily? {
        let architectures = config["architectures"] as? [String] ?? []
        if let a = architectures.first { return all.first { $0.architectures.contains(a) } }
        let type = config["model_type"] as? String ?? ""
        return all.first { $0.modelTypes.contains(type) }
    }

    /// Compiled `kept` patterns (they are fixed and valid).
    var keptPatterns: ModulePatterns { try! ModulePatterns(kept.map(\.pattern)) }

    /// The rule that keeps `module`, else nil.
    func keeps(_ module: String, patterns: ModulePatterns) -> Kept? {
        patterns.firstMatch(in: module).flatMap { p in kept.first { $0.pattern == p } }
    }

    /// Pattern entries for the ignore list of `convention` covering the kept `modules` of rule
    /// `kept` (compressed-tensors: its `re:` form; ModelOpt: the wildcards that match one of them),
    /// so that loaders whose module names carry another prefix (vision-language models) still skip them.
    static func ignoreForms(_ kept: Kept, modules: [String], convention: CheckpointConvention) -> [String] {
        switch convention {
        case .compressedTensors: return [kept.compressedTensorsForm]
        case .modelopt:
            return kept.wildcards.filter { w in
                let regex = try! ModulePatterns([
                    "^"
                        + w.split(separator: "*", omittingEmptySubsequences: false)
                        .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*") + "$"
                ])
                return modules.contains { regex.firstMatch(in: $0) != nil }
            }
        }
    }
}
