// Strict loading: missing, unexpected and misshapen tensors, and configurations the engine
// cannot run, are typed errors naming what is wrong.

import Foundation
import TestSupport
import Testing
@testable import Transformer

@Suite struct StrictLoadingTests {
    let configuration: ModelConfiguration
    let tensors: [String: (shape: [Int], values: [Float])]

    init() throws {
        configuration = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        tensors = try DictionaryWeights(copying: try SafeTensorsWeights(path: bundledModel + "/model.safetensors")).tensors
    }

    @Test func theBundledConfigurationIsRead() {
        #expect(configuration.architecture == "LlamaForCausalLM")
        #expect(configuration.hiddenSize == 64 && configuration.intermediateSize == 172)
        #expect(configuration.layerCount == 5 && configuration.headCount == 8 && configuration.keyValueHeadCount == 4)
        #expect(configuration.headDimension == 8 && configuration.vocabularySize == 512)
        #expect(configuration.tieWordEmbeddings && !configuration.qkvBias && !configuration.qkNorm)
    }

    @Test func aMissingTensorIsNamed() throws {
        var t = tensors
        t["model.layers.3.mlp.up_proj.weight"] = nil
        #expect(throws: TransformerError.missingTensor(name: "model.layers.3.mlp.up_proj.weight")) {
            try TransformerModel(configuration: configuration, weights: DictionaryWeights(t))
        }
    }

    @Test func anUnexpectedTensorIsNamed() throws {
        var t = tensors
        t["model.layers.0.self_attn.q_proj.bias"] = ([64], [Float](repeating: 0, count: 64))
        #expect(throws: TransformerError.unexpectedTensor(name: "model.layers.0.self_attn.q_proj.bias")) {
            try TransformerModel(configuration: configuration, weights: DictionaryWeights(t))
        }
    }

    @Test func aShapeMismatchIsNamed() throws {
        var t = tensors
        t["model.norm.weight"] = ([63], [Float](repeating: 1, count: 63))
        #expect(throws: TransformerError.shapeMismatch(name: "model.norm.weight", expected: [64], actual: [63])) {
            try TransformerModel(configuration: configuration, weights: DictionaryWeights(t))
        }
    }

    @Test func toleratedExtrasLoad() throws {
        var t = tensors
        // Values unlike the model's, so that using them would show in the logits.
        let embedding = t["model.embed_tokens.weight"]!
        t["lm_head.weight"] = (embedding.shape, embedding.values.map { -$0 })  // tied: ignored, as transformers does
        t["model.layers.0.self_attn.rotary_emb.inv_freq"] = ([4], [2, 0.2, 0.02, 0.002])
        let tokens = [1, 403, 9, 77, 250, 3, 511]
        let withExtras = try TransformerModel(configuration: configuration, weights: DictionaryWeights(t))
        let base = try TransformerModel(configuration: configuration, weights: DictionaryWeights(tensors))
        // Ignored means ignored: the logits are the base model's, bit for bit.
        #expect(bitDifference(try withExtras.logits(tokens: tokens), try base.logits(tokens: tokens)) == nil)
    }

    @Test func anUntiedModelNeedsItsHead() throws {
        var c = configuration
        c.tieWordEmbeddings = false
        #expect(throws: TransformerError.missingTensor(name: "lm_head.weight")) {
            try TransformerModel(configuration: c, weights: DictionaryWeights(tensors))
        }
    }

    @Test func configurationErrorsNameTheKey() throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundledModel + "/config.json"))) as! [String: Any]
        json["architectures"] = ["GPT2LMHeadModel"]
        #expect(throws: TransformerError.unsupportedArchitecture("GPT2LMHeadModel")) { try ModelConfiguration(json: json) }
        json["architectures"] = ["LlamaForCausalLM"]
        json["hidden_act"] = "gelu"
        #expect(throws: TransformerError.self) { try ModelConfiguration(json: json) }
        json["hidden_act"] = "silu"
        json["hidden_size"] = nil
        #expect(throws: TransformerError.missingConfigKey(path: "config.json", key: "hidden_size")) { try ModelConfiguration(json: json) }
    }

    @Test func qwenVariantsAreConfigured() throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundledModel + "/config.json"))) as! [String: Any]
        json["architectures"] = ["Qwen2ForCausalLM"]
        #expect(try ModelConfiguration(json: json).qkvBias)
        json["architectures"] = ["Qwen3ForCausalLM"]
        let q3 = try ModelConfiguration(json: json)
        #expect(q3.qkNorm && !q3.qkvBias)
    }

    @Test func tokensOutsideTheVocabularyAreRejected() throws {
        let model = try loadBundledModel()
        #expect(throws: TransformerError.tokenOutOfRange(id: 512, vocabularySize: 512)) {
            try model.logits(tokens: [1, 512])
        }
    }
}
