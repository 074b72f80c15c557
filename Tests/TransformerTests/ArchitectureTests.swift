// Configuration switches of the Llama family: q/k/v biases (Qwen2) and QK-norm (Qwen3) are
// wired into the forward pass (zero biases and unit norms on a model whose heads are already
// normalised change nothing; non-zero ones do).

import Testing
@testable import Transformer

@Suite struct ArchitectureTests {
    @Test func qkvBiasesAreApplied() throws {
        var c = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        let base = try DictionaryWeights(copying: try SafeTensorsWeights(path: bundledModel + "/model.safetensors"))
        let tokens = Array(try bundledTokens().prefix(20))
        let reference = try TransformerModel(configuration: c, weights: base).logits(tokens: tokens)
        c.architecture = "Qwen2ForCausalLM"
        c.qkvBias = true
        var t = base.tensors
        for l in 0..<c.layerCount {
            for (m, n) in [("q_proj", 64), ("k_proj", 32), ("v_proj", 32)] {
                t["model.layers.\(l).self_attn.\(m).bias"] = ([n], [Float](repeating: 0, count: n))
            }
        }
        #expect(try TransformerModel(configuration: c, weights: DictionaryWeights(t)).logits(tokens: tokens) == reference)
        t["model.layers.0.self_attn.v_proj.bias"] = ([32], [Float](repeating: 0.5, count: 32))
        #expect(try TransformerModel(configuration: c, weights: DictionaryWeights(t)).logits(tokens: tokens) != reference)
    }

    @Test func qkNormIsApplied() throws {
        var c = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        let base = try DictionaryWeights(copying: try SafeTensorsWeights(path: bundledModel + "/model.safetensors"))
        let tokens = Array(try bundledTokens().prefix(20))
        let reference = try TransformerModel(configuration: c, weights: base).logits(tokens: tokens)
        c.qkNorm = true
        var t = base.tensors
        #expect(throws: TransformerError.missingTensor(name: "model.layers.0.self_attn.q_norm.weight")) {
            try TransformerModel(configuration: c, weights: DictionaryWeights(t))
        }
        for l in 0..<c.layerCount {
            t["model.layers.\(l).self_attn.q_norm.weight"] = ([8], [Float](repeating: 1, count: 8))
            t["model.layers.\(l).self_attn.k_norm.weight"] = ([8], [Float](repeating: 1, count: 8))
        }
        let normed = try TransformerModel(configuration: c, weights: DictionaryWeights(t)).logits(tokens: tokens)
        #expect(normed != reference)
        #expect(normed.allSatisfy { $0.isFinite })
    }
}
