// Strict loading: missing, unexpected and misshapen tensors, and configurations the engine
// cannot run, are typed errors naming what is wrong.

import Foundation
import ModelCore
import ModelFolder
import SafeTensors
import TestSupport
import Testing

@testable import Transformer

@Suite struct StrictLoadingTests {
    let configuration: ModelConfiguration
    let tensors: [String: (shape: [Int], values: [Float])]

    init() throws {
        configuration = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        tensors = try DictionaryWeights(copying: try SafeTensorsWeights(path: bundledModel + "/model.safetensors"))
            .tensors
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

    /// The bundled config.json with some keys changed, parsed as ModelFolder parses config.json.
    func edited(_ change: (inout [String: Any]) -> Void) throws -> ConfigFile {
        var json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: bundledModel + "/config.json"))) as! [String: Any]
        change(&json)
        return try ConfigFile(bytes: [UInt8](try JSONSerialization.data(withJSONObject: json)), path: "config.json")
    }

    @Test func configurationErrorsNameTheKey() throws {
        let gpt2 = try edited { $0["architectures"] = ["GPT2LMHeadModel"] }
        #expect(throws: ModelFolderError.unsupportedArchitecture("GPT2LMHeadModel")) {
            try ModelConfiguration(config: gpt2)
        }
        let gelu = try edited { $0["hidden_act"] = "gelu" }
        #expect(throws: ModelFolderError.self) { try ModelConfiguration(config: gelu) }
        let noHidden = try edited { $0["hidden_size"] = nil }
        #expect(throws: ModelFolderError.missingConfigKey(path: "config.json", key: "hidden_size")) {
            try ModelConfiguration(config: noHidden)
        }
        let stringHidden = try edited { $0["hidden_size"] = "64" }
        #expect(
            throws: ModelFolderError.invalidConfigValue(
                path: "config.json", key: "hidden_size", reason: "not an integer (a string)")
        ) {
            try ModelConfiguration(config: stringHidden)
        }
    }

    @Test func qwenVariantsAreConfigured() throws {
        #expect(try ModelConfiguration(config: try edited { $0["architectures"] = ["Qwen2ForCausalLM"] }).qkvBias)
        let q3 = try ModelConfiguration(config: try edited { $0["architectures"] = ["Qwen3ForCausalLM"] })
        #expect(q3.qkNorm && !q3.qkvBias)
    }

    /// A sharded folder (index + two shards) opens through ModelFolder and computes the same logits.
    @Test func aShardedFolderLoadsLikeTheSingleFile() throws {
        let dir = NSTemporaryDirectory() + "fos-sharded-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bundledModel + "/config.json", toPath: dir + "/config.json")
        let source = try SafeTensorsFile(path: bundledModel + "/model.safetensors")
        let names = source.tensorNames
        var weightMap: [String: String] = [:]
        for (i, part) in [Array(names.prefix(names.count / 2)), Array(names.dropFirst(names.count / 2))].enumerated() {
            let shard = "model-0000\(i + 1)-of-00002.safetensors"
            let specs = part.map { TensorSpec(name: $0, dtype: source.info($0)!.dtype, shape: source.info($0)!.shape) }
            let writer = try SafeTensorsWriter(path: dir + "/" + shard, tensors: specs)
            for name in part { try writer.write(try source.bytes(name)) }
            try writer.finish()
            for name in part { weightMap[name] = shard }
        }
        let index: [String: Any] = ["metadata": [:] as [String: Any], "weight_map": weightMap]
        try JSONSerialization.data(withJSONObject: index).write(
            to: URL(fileURLWithPath: dir + "/model.safetensors.index.json"))

        let sharded = try TransformerModel(directory: dir, threads: 2)
        let tokens = Array(try bundledTokens().prefix(16))
        #expect(try sharded.logits(tokens: tokens) == loadBundledModel().logits(tokens: tokens))
    }

    @Test func tokensOutsideTheVocabularyAreRejected() throws {
        let model = try loadBundledModel()
        #expect(throws: TransformerError.tokenOutOfRange(id: 512, vocabularySize: 512)) {
            try model.logits(tokens: [1, 512])
        }
    }
}
