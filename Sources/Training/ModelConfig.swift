// The shape of a Llama-style decoder the trainer builds, its named presets, and its
// Hugging Face config.json.
//
// Promises: every preset validates (widths multiples of 16 so NVFP4 blocks and 16×16 tiles
// never straddle a padding edge; heads divide the width; even head size for RoPE); the
// config.json written is a plain `LlamaForCausalLM` config that transformers and this
// project's loaders read, and `init(huggingFaceConfig:)` reads it back exactly.

import Foundation

public struct TrainingModelConfig: Sendable, Hashable, Codable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var intermediateSize: Int
    public var layers: Int
    public var heads: Int
    /// Longest sequence (positions) the model is trained on; `max_position_embeddings`.
    public var contextLength: Int
    public var ropeTheta: Float
    public var rmsNormEpsilon: Float
    /// The output head reuses the token embedding matrix.
    public var tieEmbeddings: Bool
    /// Standard deviation of the normal initialization of every matrix.
    public var initializerRange: Float

    public init(vocabularySize: Int, hiddenSize: Int, intermediateSize: Int, layers: Int, heads: Int,
                contextLength: Int, ropeTheta: Float = 10_000, rmsNormEpsilon: Float = 1e-5,
                tieEmbeddings: Bool = true, initializerRange: Float = 0.02) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.layers = layers
        self.heads = heads
        self.contextLength = contextLength
        self.ropeTheta = ropeTheta
        self.rmsNormEpsilon = rmsNormEpsilon
        self.tieEmbeddings = tieEmbeddings
        self.initializerRange = initializerRange
    }

    public var headDimension: Int { hiddenSize / heads }

    /// Named architecture presets (the vocabulary comes from the tokenizer).
    public static let presetNames = ["tiny", "small", "medium", "base"]

    /// | preset | hidden | ffn  | layers | heads | context | params (vocab 1024, tied) |
    /// |--------|--------|------|--------|-------|---------|---------------------------|
    /// | tiny   | 64     | 176  | 2      | 2     | 64      | ≈ 0.13 M                  |
    /// | small  | 128    | 352  | 4      | 4     | 128     | ≈ 0.93 M                  |
    /// | medium | 256    | 688  | 4      | 4     | 256     | ≈ 3.4 M                   |
    /// | base   | 384    | 1024 | 6      | 6     | 256     | ≈ 11 M                    |
    public static func preset(_ name: String, vocabularySize: Int) -> TrainingModelConfig? {
        switch name {
        case "tiny":
            return .init(vocabularySize: vocabularySize, hiddenSize: 64, intermediateSize: 176, layers: 2, heads: 2,
                         contextLength: 64)
        case "small":
            return .init(vocabularySize: vocabularySize, hiddenSize: 128, intermediateSize: 352, layers: 4, heads: 4,
                         contextLength: 128)
        case "medium":
            return .init(vocabularySize: vocabularySize, hiddenSize: 256, intermediateSize: 688, layers: 4, heads: 4,
                         contextLength: 256)
        case "base":
            return .init(vocabularySize: vocabularySize, hiddenSize: 384, intermediateSize: 1024, layers: 6, heads: 6,
                         contextLength: 256)
        default:
            return nil
        }
    }

    /// Throws a message naming the first violated constraint.
    public func validate() throws(TrainingError) {
        func fail(_ s: String) -> TrainingError { .invalidConfiguration(s) }
        guard vocabularySize > 0 else { throw fail("vocabulary size must be positive") }
        guard layers > 0, heads > 0 else { throw fail("layers and heads must be positive") }
        guard hiddenSize > 0, hiddenSize % 16 == 0 else { throw fail("hidden size \(hiddenSize) must be a positive multiple of 16") }
        guard intermediateSize > 0, intermediateSize % 16 == 0 else {
            throw fail("intermediate size \(intermediateSize) must be a positive multiple of 16")
        }
        guard hiddenSize % heads == 0, headDimension % 2 == 0 else {
            throw fail("hidden size \(hiddenSize) must split into \(heads) heads of even size")
        }
        guard contextLength > 0 else { throw fail("context length must be positive") }
    }

    /// Total number of trainable values.
    public var parameterCount: Int {
        let perLayer = 4 * hiddenSize * hiddenSize + 3 * hiddenSize * intermediateSize + 2 * hiddenSize
        let embedding = vocabularySize * hiddenSize
        return layers * perLayer + hiddenSize + embedding * (tieEmbeddings ? 1 : 2)
    }

    /// Multiply-accumulates of the linear layers and the head per token (forward pass).
    public var linearMACsPerToken: Int {
        layers * (4 * hiddenSize * hiddenSize + 3 * hiddenSize * intermediateSize) + vocabularySize * hiddenSize
    }

    // MARK: - Hugging Face config.json

    /// The config.json object of a `LlamaForCausalLM` with these shapes.
    public func huggingFaceConfig(bosTokenID: Int?, eosTokenID: Int?) -> [String: Any] {
        [
            "architectures": ["LlamaForCausalLM"],
            "model_type": "llama",
            "hidden_size": hiddenSize,
            "intermediate_size": intermediateSize,
            "num_hidden_layers": layers,
            "num_attention_heads": heads,
            "num_key_value_heads": heads,
            "head_dim": headDimension,
            "vocab_size": vocabularySize,
            "max_position_embeddings": contextLength,
            "rms_norm_eps": Double(rmsNormEpsilon),
            "rope_theta": Double(ropeTheta),
            "rope_scaling": NSNull(),
            "hidden_act": "silu",
            "tie_word_embeddings": tieEmbeddings,
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

    /// Reads the shapes back from a config.json object (as written by `huggingFaceConfig`).
    public init(huggingFaceConfig c: [String: Any]) throws(TrainingError) {
        func int(_ k: String) throws(TrainingError) -> Int {
            guard let v = c[k] as? NSNumber else { throw .invalidConfiguration("config.json: missing integer '\(k)'") }
            return v.intValue
        }
        func float(_ k: String, _ d: Float) -> Float { (c[k] as? NSNumber)?.floatValue ?? d }
        let heads = try int("num_attention_heads")
        if let kv = c["num_key_value_heads"] as? NSNumber, kv.intValue != heads {
            throw .invalidConfiguration("config.json: grouped-query attention (num_key_value_heads \(kv) ≠ \(heads)) is not supported by the trainer")
        }
        self.init(vocabularySize: try int("vocab_size"), hiddenSize: try int("hidden_size"),
                  intermediateSize: try int("intermediate_size"), layers: try int("num_hidden_layers"),
                  heads: heads, contextLength: try int("max_position_embeddings"),
                  ropeTheta: float("rope_theta", 10_000), rmsNormEpsilon: float("rms_norm_eps", 1e-5),
                  tieEmbeddings: (c["tie_word_embeddings"] as? Bool) ?? false,
                  initializerRange: float("initializer_range", 0.02))
        if let hd = c["head_dim"] as? NSNumber, hd.intValue != headDimension {
            throw .invalidConfiguration("config.json: head_dim \(hd) ≠ hidden_size / num_attention_heads")
        }
        try validate()
    }
}
