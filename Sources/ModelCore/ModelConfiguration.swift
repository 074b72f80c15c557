// The architecture hyper-parameters of a Llama-family causal LM, read from config.json.
//
// Promises: `ModelConfiguration(config:)` reads ModelFolder's `ConfigFile` (config.json parsed
// once, on JSONText) and accepts LlamaForCausalLM, MistralForCausalLM,
// Qwen2ForCausalLM and Qwen3ForCausalLM, and the MoE MixtralForCausalLM, Qwen2MoeForCausalLM and
// Qwen3MoeForCausalLM (`experts`)
// (they differ only by the switches held here: q/k/v
// biases, QK-norm, tied embeddings, GQA, rope_theta, head_dim); anything it cannot run exactly
// (another activation, an unknown rope_scaling type, a sliding window that would bite) is a
// typed error naming the key, never a silent approximation. Training builds its models from the
// same type (ModelConfiguration+Training.swift: presets, config.json writing, trainer_state.json).

import ModelFolder

public struct ModelConfiguration: Sendable, Hashable {
    public enum RopeScaling: Sendable, Hashable, Codable {
        /// HF "linear": positions divided by `factor`.
        case linear(factor: Double)
        /// HF "llama3": per-frequency interpolation (Llama 3.1+).
        case llama3(
            factor: Double, lowFrequencyFactor: Double, highFrequencyFactor: Double,
            originalMaxPositions: Double)
    }

    public var architecture: String
    public var hiddenSize: Int
    public var intermediateSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var keyValueHeadCount: Int
    public var headDimension: Int
    public var vocabularySize: Int
    public var rmsNormEpsilon: Float
    public var ropeTheta: Double
    public var ropeScaling: RopeScaling?
    public var tieWordEmbeddings: Bool
    /// q/k/v projections carry biases (Qwen2; Llama with attention_bias).
    public var qkvBias: Bool
    /// o_proj carries a bias (Llama with attention_bias).
    public var outputBias: Bool
    /// MLP projections carry biases (Llama with mlp_bias).
    public var mlpBias: Bool
    /// RMSNorm over each head of q and k before RoPE (Qwen3).
    public var qkNorm: Bool
    /// Keys further back than this are masked (Mistral, Qwen2 with use_sliding_window).
    public var slidingWindow: Int?
    public var maxPositionEmbeddings: Int?
    /// Standard deviation of the normal initialization of a newly trained model's matrices
    /// (`initializer_range`).
    public var initializerRange: Float
    public var bosTokenID: Int?
    public var eosTokenIDs: [Int]
    /// Every block's feed-forward is a sparse MoE (Mixtral, Qwen3-MoE); nil: dense SwiGLU.
    public var experts: MixtureOfExperts?

    /// The longest sequence the model takes (`max_position_embeddings`; unbounded when not given).
    public var contextLength: Int { maxPositionEmbeddings ?? .max }

    public static let supportedArchitectures = [
        "LlamaForCausalLM", "MistralForCausalLM", "Qwen2ForCausalLM", "Qwen3ForCausalLM",
        "MixtralForCausalLM", "Qwen2MoeForCausalLM", "Qwen3MoeForCausalLM",
    ]

    /// A configuration built in code (tests, synthetic models).
    public init(
        architecture: String = "LlamaForCausalLM", hiddenSize: Int, intermediateSize: Int, layerCount: Int,
        headCount: Int, keyValueHeadCount: Int, headDimension: Int? = nil, vocabularySize: Int,
        rmsNormEpsilon: Float = 1e-5, ropeTheta: Double = 10000, ropeScaling: RopeScaling? = nil,
        tieWordEmbeddings: Bool = false, qkvBias: Bool = false, outputBias: Bool = false, mlpBias: Bool = false,
        qkNorm: Bool = false, slidingWindow: Int? = nil, maxPositionEmbeddings: Int? = nil,
        initializerRange: Float = 0.02, bosTokenID: Int? = 1, eosTokenIDs: [Int] = [2]
    ) {
        self.architecture = architecture
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.keyValueHeadCount = keyValueHeadCount
        self.headDimension = headDimension ?? hiddenSize / headCount
        self.vocabularySize = vocabularySize
        self.rmsNormEpsilon = rmsNormEpsilon
        self.ropeTheta = ropeTheta
        self.ropeScaling = ropeScaling
        self.tieWordEmbeddings = tieWordEmbeddings
        self.qkvBias = qkvBias
        self.outputBias = outputBias
        self.mlpBias = mlpBias
        self.qkNorm = qkNorm
        self.slidingWindow = slidingWindow
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.initializerRange = initializerRange
        self.bosTokenID = bosTokenID
        self.eosTokenIDs = eosTokenIDs
    }

    /// Reads `config.json` of a model folder.
    public init(contentsOf path: String) throws {
        try self.init(config: try ConfigFile(path: path))
    }

    /// Reads the configuration from a parsed config.json (`ModelFolder`'s `ConfigFile`).
    public init(config json: ConfigFile) throws {
        let path = json.path
        func int(_ key: String) throws -> Int {
            guard let n = try json.int(key) else { throw ModelFolderError.missingConfigKey(path: path, key: key) }
            return n
        }
        func optionalInt(_ key: String) throws -> Int? { try json.int(key) }
        func double(_ key: String, default value: Double) throws -> Double { try json.double(key) ?? value }
        func bool(_ key: String, default value: Bool) throws -> Bool { try json.bool(key) ?? value }

        let architectures = try json.strings("architectures") ?? []
        let modelType = try json.string("model_type") ?? ""
        let byType = [
            "llama": "LlamaForCausalLM", "mistral": "MistralForCausalLM", "qwen2": "Qwen2ForCausalLM",
            "qwen3": "Qwen3ForCausalLM", "mixtral": "MixtralForCausalLM", "qwen2_moe": "Qwen2MoeForCausalLM",
            "qwen3_moe": "Qwen3MoeForCausalLM",
        ]
        guard let architecture = architectures.first ?? byType[modelType] else {
            throw ModelFolderError.missingConfigKey(path: path, key: "architectures")
        }
        guard Self.supportedArchitectures.contains(architecture) else {
            throw ModelFolderError.unsupportedArchitecture(architecture)
        }
        let act = try json.string("hidden_act") ?? json.string("hidden_activation") ?? "silu"
        guard act == "silu" || act == "swish" else {
            throw ModelFolderError.invalidConfigValue(
                path: path, key: "hidden_act", reason: "\(act) is not supported (silu only)")
        }

        let hidden = try int("hidden_size"), heads = try int("num_attention_heads")
        let kvHeads = try optionalInt("num_key_value_heads") ?? heads
        let headDim = try optionalInt("head_dim") ?? hidden / heads
        guard hidden > 0, heads > 0, kvHeads > 0, headDim > 0, headDim % 2 == 0, heads % kvHeads == 0 else {
            throw ModelFolderError.invalidConfigValue(
                path: path, key: "num_attention_heads",
                reason:
                    "heads \(heads), key/value heads \(kvHeads), head_dim \(headDim): "
                    + "need heads divisible by key/value heads and an even head_dim"
            )
        }
        let isQwen2 = architecture == "Qwen2ForCausalLM" || architecture == "Qwen2MoeForCausalLM"
        let isQwen3 = architecture == "Qwen3ForCausalLM" || architecture == "Qwen3MoeForCausalLM"
        let attentionBias = try bool("attention_bias", default: false)

        var scaling: RopeScaling?
        if let rs = try json.object("rope_scaling") {
            let type = try rs.string("rope_type") ?? rs.string("type") ?? "default"
            let factor = try rs.double("factor") ?? 1
            switch type {
            case "default": scaling = nil
            case "linear": scaling = .linear(factor: factor)
            case "llama3":
                scaling = .llama3(
                    factor: factor,
                    lowFrequencyFactor: try rs.double("low_freq_factor") ?? 1,
                    highFrequencyFactor: try rs.double("high_freq_factor") ?? 4,
                    originalMaxPositions: try rs.double("original_max_position_embeddings") ?? 8192)
            default:
                throw ModelFolderError.invalidConfigValue(
                    path: path, key: "rope_scaling", reason: "type \"\(type)\" is not supported (linear, llama3)")
            }
        }

        var window: Int?
        if architecture == "MistralForCausalLM" || architecture == "MixtralForCausalLM" {
            window = try optionalInt("sliding_window")
        }
        var experts: MixtureOfExperts?
        if architecture == "MixtralForCausalLM" {
            experts = MixtureOfExperts(
                expertCount: try int("num_local_experts"), expertsPerToken: try int("num_experts_per_tok"),
                expertIntermediateSize: try int("intermediate_size"), normalizeTopK: true, names: .mixtral)
        } else if architecture == "Qwen3MoeForCausalLM" || architecture == "Qwen2MoeForCausalLM" {
            let step = try optionalInt("decoder_sparse_step") ?? 1
            let denseLayers = try json.ints("mlp_only_layers") ?? []
            guard step == 1, denseLayers.isEmpty else {
                throw ModelFolderError.invalidConfigValue(
                    path: path, key: "decoder_sparse_step",
                    reason:
                        "step \(step), mlp_only_layers \(denseLayers): only every-layer-sparse Qwen-MoE is supported")
            }
            experts = MixtureOfExperts(
                expertCount: try optionalInt("num_experts") ?? int("num_local_experts"),
                expertsPerToken: try int("num_experts_per_tok"),
                expertIntermediateSize: try int("moe_intermediate_size"),
                normalizeTopK: try bool("norm_topk_prob", default: false), names: .qwen,
                sharedExpertIntermediateSize: architecture == "Qwen2MoeForCausalLM"
                    ? try int("shared_expert_intermediate_size") : nil)
        }
        if let e = experts, e.expertCount < 1 || e.expertsPerToken < 1 || e.expertsPerToken > e.expertCount {
            throw ModelFolderError.invalidConfigValue(
                path: path, key: "num_experts_per_tok",
                reason: "\(e.expertsPerToken) of \(e.expertCount) experts")
        }
        // transformers 5 writes rope_theta inside rope_parameters.
        let ropeTheta = try json.double("rope_theta") ?? json.object("rope_parameters")?.double("rope_theta") ?? 10000
        let qwenWindow = try bool("use_sliding_window", default: false)
        if isQwen2 && qwenWindow { window = try optionalInt("sliding_window") }

        let eos = try json.ints("eos_token_id") ?? []

        self.init(
            architecture: architecture, hiddenSize: hidden, intermediateSize: try int("intermediate_size"),
            layerCount: try int("num_hidden_layers"), headCount: heads, keyValueHeadCount: kvHeads,
            headDimension: headDim, vocabularySize: try int("vocab_size"),
            rmsNormEpsilon: Float(try double("rms_norm_eps", default: 1e-6)),
            ropeTheta: ropeTheta, ropeScaling: scaling,
            tieWordEmbeddings: try bool("tie_word_embeddings", default: false),
            qkvBias: isQwen2 || attentionBias, outputBias: attentionBias,
            mlpBias: try bool("mlp_bias", default: false), qkNorm: isQwen3, slidingWindow: window,
            maxPositionEmbeddings: try optionalInt("max_position_embeddings"),
            initializerRange: Float(try double("initializer_range", default: 0.02)),
            bosTokenID: try optionalInt("bos_token_id"), eosTokenIDs: eos)
        self.experts = experts
    }
}
