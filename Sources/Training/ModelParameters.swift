// The trainable tensors of a Llama-style decoder, named as in Hugging Face checkpoints, and
// their deterministic initialization.
//
// Promises: tensors are stored in one fixed order (embedding; per layer: input norm, q, k, v,
// o, post-attention norm, gate, up, down; final norm; untied head last), each as a row-major
// float32 array with its HF name and shape (`[out, in]` for linear weights). Initialization is
// a pure function of (config, seed): N(0, initializer_range) for matrices, the output
// projections (o_proj, down_proj) scaled by 1/√(2·layers), RMSNorm gains 1.

import ModelCore

public struct ParameterTensor: Sendable {
    public let name: String
    public let shape: [Int]
    public var values: [Float]
    /// AdamW's weight decay applies (matrices yes, RMSNorm gains no).
    public let decays: Bool

    public var count: Int { values.count }
}

/// The role of a tensor inside a decoder layer.
public enum LayerTensor: Int, CaseIterable, Sendable {
    case inputNorm, q, k, v, o, postAttentionNorm, gate, up, down

    /// The Linear module this tensor is the weight of (nil for the norm gains).
    var linearSlot: LinearSlot? {
        switch self {
        case .inputNorm, .postAttentionNorm: return nil
        case .q: return .q
        case .k: return .k
        case .v: return .v
        case .o: return .o
        case .gate: return .gate
        case .up: return .up
        case .down: return .down
        }
    }

    var huggingFaceSuffix: String {
        switch self {
        case .inputNorm: return "input_layernorm.weight"
        case .postAttentionNorm: return "post_attention_layernorm.weight"
        default: return linearSlot!.moduleSuffix + ".weight"
        }
    }
}

public struct ModelParameters: Sendable {
    public let config: ModelConfiguration
    public var tensors: [ParameterTensor]

    public static let embeddingIndex = 0

    /// Index of a layer tensor in `tensors`.
    @inline(__always)
    public static func index(layer: Int, _ t: LayerTensor) -> Int {
        1 + layer * LayerTensor.allCases.count + t.rawValue
    }

    public var finalNormIndex: Int { 1 + config.layerCount * LayerTensor.allCases.count }
    /// The head's tensor: the embedding when tied.
    public var headIndex: Int { config.tieWordEmbeddings ? Self.embeddingIndex : finalNormIndex + 1 }

    /// Names and shapes in storage order.
    public static func layout(_ c: ModelConfiguration) -> [(name: String, shape: [Int], decays: Bool)] {
        let d = c.hiddenSize
        var out: [(String, [Int], Bool)] = [("model.embed_tokens.weight", [c.vocabularySize, d], true)]
        for l in 0..<c.layerCount {
            for t in LayerTensor.allCases {
                let shape = t.linearSlot.map(c.linearShape) ?? [d]
                out.append(("model.layers.\(l).\(t.huggingFaceSuffix)", shape, shape.count == 2))
            }
        }
        out.append(("model.norm.weight", [d], false))
        if !c.tieWordEmbeddings { out.append(("lm_head.weight", [c.vocabularySize, d], true)) }
        return out
    }

    /// Zero-filled tensors of the config's layout (gradients, optimizer moments).
    public static func zeros(_ c: ModelConfiguration) -> ModelParameters {
        ModelParameters(
            config: c,
            tensors: layout(c).map {
                ParameterTensor(
                    name: $0.name, shape: $0.shape, values: [Float](repeating: 0, count: $0.shape.reduce(1, *)),
                    decays: $0.decays)
            })
    }

    public init(config: ModelConfiguration, tensors: [ParameterTensor]) {
        self.config = config
        self.tensors = tensors
    }

    /// The deterministic initialization described above.
    public static func initialized(_ c: ModelConfiguration, seed: UInt64) -> ModelParameters {
        var p = zeros(c)
        let outScale = 1 / Float(2 * c.layerCount).squareRoot()
        for i in p.tensors.indices {
            let name = p.tensors[i].name
            if p.tensors[i].shape.count == 1 {
                for j in p.tensors[i].values.indices { p.tensors[i].values[j] = 1 }
                continue
            }
            var rng = SplitMix64(seed: SplitMix64.mix(seed, 0x1A17, UInt64(i)))
            let std =
                c.initializerRange
                * (name.hasSuffix("o_proj.weight") || name.hasSuffix("down_proj.weight") ? outScale : 1)
            p.tensors[i].values.withUnsafeMutableBufferPointer { v in
                for j in v.indices { v[j] = rng.normal() * std }
            }
        }
        return p
    }

    public var totalCount: Int { tensors.reduce(0) { $0 + $1.count } }
}
