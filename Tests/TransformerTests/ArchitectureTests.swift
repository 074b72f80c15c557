// Configuration switches of the Llama family: q/k/v biases (Qwen2) and QK-norm (Qwen3) are
// wired into the forward pass (zero biases and unit norms on a model whose heads are already
// normalised change nothing; non-zero ones do).

import ModelCore
import TestSupport
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
        #expect(
            try TransformerModel(configuration: c, weights: DictionaryWeights(t)).logits(tokens: tokens) == reference)
        t["model.layers.0.self_attn.v_proj.bias"] = ([32], [Float](repeating: 0.5, count: 32))
        #expect(
            try TransformerModel(configuration: c, weights: DictionaryWeights(t)).logits(tokens: tokens) != reference)
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

        // What QK-norm means, checked through its invariances (each side of a comparison is
        // computed independently): every query and key head is RMS-normalised on its own, so
        // scaling one head's projection rows changes nothing (up to ε = 1e-5 in the RMS), and the
        // norm weights multiply the normalised heads, so q·2 with k·½ gives the same scores.
        typealias Tensors = [String: (shape: [Int], values: [Float])]
        func logits(_ tensors: Tensors, _ config: ModelConfiguration) throws -> [Float] {
            try TransformerModel(configuration: config, weights: DictionaryWeights(tensors)).logits(tokens: tokens)
        }
        func scalingOneHeadEach(_ tensors: Tensors) -> Tensors {
            var u = tensors
            for l in 0..<c.layerCount {
                let q = "model.layers.\(l).self_attn.q_proj.weight", k = "model.layers.\(l).self_attn.k_proj.weight"
                for i in 0..<(8 * 64) { u[q]!.values[i] *= 3 }  // query head 0 (rows 0…7)
                for i in (8 * 64)..<(16 * 64) { u[k]!.values[i] *= 0.25 }  // key head 1 (rows 8…15)
            }
            return u
        }
        func largestDifference(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).map { abs($0 - $1) }.max()! }
        #expect(largestDifference(try logits(scalingOneHeadEach(t), c), normed) < 1e-3)
        // Without QK-norm the same scaling moves the logits by far more.
        var plain = c
        plain.qkNorm = false
        #expect(largestDifference(try logits(scalingOneHeadEach(base.tensors), plain), reference) > 0.1)
        var weighted = t
        for l in 0..<c.layerCount {
            weighted["model.layers.\(l).self_attn.q_norm.weight"] = ([8], [Float](repeating: 2, count: 8))
            weighted["model.layers.\(l).self_attn.k_norm.weight"] = ([8], [Float](repeating: 0.5, count: 8))
        }
        #expect(bitDifference(try logits(weighted, c), normed) == nil)
        for l in 0..<c.layerCount {
            weighted["model.layers.\(l).self_attn.k_norm.weight"] = ([8], [Float](repeating: 1, count: 8))
        }
        #expect(largestDifference(try logits(weighted, c), normed) > 0.1)
    }
}

@Suite struct AttentionAndRopeVariantTests {
    /// A sliding window at least as long as the sequence changes nothing; a short one does.
    @Test func slidingWindowMasksOldKeys() throws {
        var c = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        let weights = try DictionaryWeights(copying: try SafeTensorsWeights(path: bundledModel + "/model.safetensors"))
        let tokens = Array(try bundledTokens().prefix(30))
        let reference = try TransformerModel(configuration: c, weights: weights).logits(tokens: tokens)
        c.slidingWindow = 30
        #expect(try TransformerModel(configuration: c, weights: weights).logits(tokens: tokens) == reference)
        c.slidingWindow = 8
        let windowed = try TransformerModel(configuration: c, weights: weights).logits(tokens: tokens)
        let vocab = c.vocabularySize
        #expect(Array(windowed[0..<(8 * vocab)]) == Array(reference[0..<(8 * vocab)]))  // rows 0…7 see everything
        #expect(windowed != reference)
    }

    @Test func ropeScalingFollowsTransformers() throws {
        var c = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        let plain = RotaryEmbedding(configuration: c).inverseFrequencies
        for (f, expected) in zip(plain, [1.0, 0.1, 0.01, 0.001]) {
            #expect(relativeDifference(Double(f), expected) < 1e-6)
        }
        c.ropeScaling = .linear(factor: 4)
        #expect(RotaryEmbedding(configuration: c).inverseFrequencies == plain.map { $0 / 4 })
        // llama3 (original 64 positions, low/high frequency factors 1 and 4): wavelengths below
        // 64/4 = 16 are kept, above 64/1 divided by the factor, in between interpolated.
        c.ropeScaling = .llama3(factor: 8, lowFrequencyFactor: 1, highFrequencyFactor: 4, originalMaxPositions: 64)
        let scaled = RotaryEmbedding(configuration: c).inverseFrequencies  // wavelengths 6.3, 63, 628, 6283
        #expect(scaled[0] == plain[0])
        // In between: (1 − s)·f/8 + s·f with s = (64 / wavelength − 1) / (4 − 1); for f = 0.1 this is
        // 0.013042256680862672 (transformers' _compute_llama3_parameters, float64 and float32 alike).
        #expect(scaled[1] == Float(0.013042256680862672))
        #expect(scaled[2] == plain[2] / 8 && scaled[3] == plain[3] / 8)
    }
}
