// The configurations the trainer builds: plain Llama decoders (tied or untied head, one key/value
// head per head), the named presets, the config.json a training checkpoint carries, and the
// form trainer_state.json stores.
//
// Promises: every preset passes `validateForTraining` (widths multiples of 16 so NVFP4 blocks and
// 16×16 tiles never straddle a padding edge; heads divide the width; even head size for RoPE);
// `huggingFaceConfig` is a plain `LlamaForCausalLM` config.json object that transformers and
// `ModelConfiguration(config:)` read back to an equal configuration (bos/eos aside, which the
// corpus gives); the Codable form keeps the keys trainer_state.json has always used
// (`layers`, `heads`, `contextLength`, `tieEmbeddings`, …), so earlier checkpoints still resume,
// and adds the other fields under their own names (absent: the plain-Llama defaults).

import Foundation

extension ModelConfiguration {
    /// A plain Llama decoder as the trainer builds it (no biases, no QK-norm, KV heads = heads,
    /// no bos/eos: the corpus decides them when a checkpoint is written).
    public static func llama(
        vocabularySize: Int, hiddenSize: Int, intermediateSize: Int, layers: Int, heads: Int,
        contextLength: Int, ropeTheta: Double = 10_000, rmsNormEpsilon: Float = 1e-5,
        tieEmbeddings: Bool = true, initializerRange: Float = 0.02
    ) -> ModelConfiguration {
        ModelConfiguration(
            hiddenSize: hiddenSize, intermediateSize: intermediateSize, layerCount: layers, headCount: heads,
            keyValueHeadCount: heads, vocabularySize: vocabularySize, rmsNormEpsilon: rmsNormEpsilon,
            ropeTheta: ropeTheta, tieWordEmbeddings: tieEmbeddings, maxPositionEmbeddings: contextLength,
            initializerRange: initializerRange, bosTokenID: nil, eosTokenIDs: [])
    }

    /// Named architecture presets (the vocabulary comes from the tokenizer).
    public static let presetNames = presetShapes.map(\.name)

    /// | preset | hidden | ffn  | layers | heads | context | params (vocab 1024, tied) |
    /// |--------|--------|------|--------|-------|---------|---------------------------|
    /// | tiny   | 64     | 176  | 2      | 2     | 64      | ≈ 0.13 M                  |
    /// | small  | 128    | 352  | 4      | 4     | 128     | ≈ 0.93 M                  |
    /// | medium | 256    | 688  | 4      | 4     | 256     | ≈ 3.4 M                   |
    /// | base   | 384    | 1024 | 6      | 6     | 256     | ≈ 11 M                    |
    private static let presetShapes: [(name: String, hidden: Int, ffn: Int, layers: Int, heads: Int, context: Int)] = [
        ("tiny", 64, 176, 2, 2, 64),
        ("small", 128, 352, 4, 4, 128),
        ("medium", 256, 688, 4, 4, 256),
        ("base", 384, 1024, 6, 6, 256),
    ]

    /// The preset `name` for a vocabulary (see the table above), or nil for an unknown name.
    public static func preset(_ name: String, vocabularySize: Int) -> ModelConfiguration? {
        guard let p = presetShapes.first(where: { $0.name == name }) else { return nil }
        return .llama(
            vocabularySize: vocabularySize, hiddenSize: p.hidden, intermediateSize: p.ffn, layers: p.layers,
            heads: p.heads, contextLength: p.context)
    }

    /// The first reason the trainer cannot train this configuration, or nil.
    public var trainingProblem: String? {
        guard vocabularySize > 0 else { return "vocabulary size must be positive" }
        guard layerCount > 0, headCount > 0 else { return "layers and heads must be positive" }
        guard hiddenSize > 0, hiddenSize % 16 == 0 else {
            return "hidden size \(hiddenSize) must be a positive multiple of 16"
        }
        guard intermediateSize > 0, intermediateSize % 16 == 0 else {
            return "intermediate size \(intermediateSize) must be a positive multiple of 16"
        }
        guard hiddenSize % headCount == 0, headDimension == hiddenSize / headCount, headDimension % 2 == 0 else {
            return "hidden size \(hiddenSize) must split into \(headCount) heads of even size"
        }
        guard keyValueHeadCount == headCount else {
            return
                "grouped-query attention (num_key_value_heads \(keyValueHeadCount) ≠ \(headCount)) "
                + "is not supported by the trainer"
        }
        guard architecture == "LlamaForCausalLM", !qkvBias, !outputBias, !mlpBias, !qkNorm, slidingWindow == nil,
            ropeScaling == nil
        else {
            return "the trainer builds plain Llama decoders (no biases, QK-norm, sliding window or RoPE scaling)"
        }
        guard let context = maxPositionEmbeddings, context > 0 else { return "context length must be positive" }
        return nil
    }

    /// Total number of trainable values.
    public var parameterCount: Int {
        let perLayer = 4 * hiddenSize * hiddenSize + 3 * hiddenSize * intermediateSize + 2 * hiddenSize
        let embedding = vocabularySize * hiddenSize
        return layerCount * perLayer + hiddenSize + embedding * (tieWordEmbeddings ? 1 : 2)
    }

    /// Multiply-accumulates of the linear layers and the head per token (forward pass).
    public var linearMACsPerToken: Int {
        layerCount * (4 * hiddenSize * hiddenSize + 3 * hiddenSize * intermediateSize) + vocabularySize * hiddenSize
    }

    /// The config.json object of a trained `LlamaForCausalLM` with these shapes.
    public func huggingFaceConfig(bosTokenID: Int?, eosTokenID: Int?) -> [String: Any] {
        [
            "architectures": ["LlamaForCausalLM"],
            "model_type": "llama",
            "hidden_size": hiddenSize,
            "intermediate_size": intermediateSize,
            "num_hidden_layers": layerCount,
            "num_attention_heads": headCount,
            "num_key_value_heads": keyValueHeadCount,
            "head_dim": headDimension,
            "vocab_size": vocabularySize,
            "max_position_embeddings": maxPositionEmbeddings.map { $0 as Any } ?? NSNull(),
            "rms_norm_eps": Double(rmsNormEpsilon),
            "rope_theta": ropeTheta,
            "rope_scaling": NSNull(),
            "hidden_act": "silu",
            "tie_word_embeddings": tieWordEmbeddings,
            "attention_bias": false,
            "attention_dropout": 0.0,
            "mlp_bias": false,
            "initializer_range": Double(initializerRange),
            "pretraining_tp": 1,
            "use_cache": true,
            "bos_token_id": bosTokenID.map { $0 as Any } ?? NSNull(),
            "eos_token_id": eosTokenID.map { $0 as Any } ?? NSNull(),
            "pad_token_id": NSNull(),
            "torch_dtype": "float32",
        ]
    }
}

extension ModelConfiguration: Codable {
    private enum Keys: String, CodingKey {
        // trainer_state.json's keys since the first trainer.
        case vocabularySize, hiddenSize, intermediateSize, layers, heads, contextLength, ropeTheta, rmsNormEpsilon
        case tieEmbeddings, initializerRange
        // The rest of the Llama family.
        case architecture, keyValueHeads, headDimension, ropeScaling, qkvBias, outputBias, mlpBias, qkNorm
        case slidingWindow, bosTokenID, eosTokenIDs
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let heads = try c.decode(Int.self, forKey: .heads), hidden = try c.decode(Int.self, forKey: .hiddenSize)
        self.init(
            architecture: try c.decodeIfPresent(String.self, forKey: .architecture) ?? "LlamaForCausalLM",
            hiddenSize: hidden, intermediateSize: try c.decode(Int.self, forKey: .intermediateSize),
            layerCount: try c.decode(Int.self, forKey: .layers), headCount: heads,
            keyValueHeadCount: try c.decodeIfPresent(Int.self, forKey: .keyValueHeads) ?? heads,
            headDimension: try c.decodeIfPresent(Int.self, forKey: .headDimension),
            vocabularySize: try c.decode(Int.self, forKey: .vocabularySize),
            rmsNormEpsilon: try c.decode(Float.self, forKey: .rmsNormEpsilon),
            ropeTheta: try c.decode(Double.self, forKey: .ropeTheta),
            ropeScaling: try c.decodeIfPresent(RopeScaling.self, forKey: .ropeScaling),
            tieWordEmbeddings: try c.decode(Bool.self, forKey: .tieEmbeddings),
            qkvBias: try c.decodeIfPresent(Bool.self, forKey: .qkvBias) ?? false,
            outputBias: try c.decodeIfPresent(Bool.self, forKey: .outputBias) ?? false,
            mlpBias: try c.decodeIfPresent(Bool.self, forKey: .mlpBias) ?? false,
            qkNorm: try c.decodeIfPresent(Bool.self, forKey: .qkNorm) ?? false,
            slidingWindow: try c.decodeIfPresent(Int.self, forKey: .slidingWindow),
            maxPositionEmbeddings: try c.decodeIfPresent(Int.self, forKey: .contextLength),
            initializerRange: try c.decode(Float.self, forKey: .initializerRange),
            bosTokenID: try c.decodeIfPresent(Int.self, forKey: .bosTokenID),
            eosTokenIDs: try c.decodeIfPresent([Int].self, forKey: .eosTokenIDs) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(vocabularySize, forKey: .vocabularySize)
        try c.encode(hiddenSize, forKey: .hiddenSize)
        try c.encode(intermediateSize, forKey: .intermediateSize)
        try c.encode(layerCount, forKey: .layers)
        try c.encode(headCount, forKey: .heads)
        try c.encodeIfPresent(maxPositionEmbeddings, forKey: .contextLength)
        try c.encode(ropeTheta, forKey: .ropeTheta)
        try c.encode(rmsNormEpsilon, forKey: .rmsNormEpsilon)
        try c.encode(tieWordEmbeddings, forKey: .tieEmbeddings)
        try c.encode(initializerRange, forKey: .initializerRange)
        try c.encode(architecture, forKey: .architecture)
        try c.encode(keyValueHeadCount, forKey: .keyValueHeads)
        try c.encode(headDimension, forKey: .headDimension)
        try c.encodeIfPresent(ropeScaling, forKey: .ropeScaling)
        try c.encode(qkvBias, forKey: .qkvBias)
        try c.encode(outputBias, forKey: .outputBias)
        try c.encode(mlpBias, forKey: .mlpBias)
        try c.encode(qkNorm, forKey: .qkNorm)
        try c.encodeIfPresent(slidingWindow, forKey: .slidingWindow)
        try c.encodeIfPresent(bosTokenID, forKey: .bosTokenID)
        try c.encode(eosTokenIDs, forKey: .eosTokenIDs)
    }
}
