// Activation calibration for W4A4: per-module input amax, shared by modules that read the
// same input, and usable as static activation scales.

import BlockQuantization
import TestSupport
import Testing

@testable import Transformer

@Suite struct CalibrationTests {
    @Test func inputAmaxIsSharedByFusedModulesAndBoundsTheInputs() throws {
        let model = try loadBundledModel()
        let tokens = try bundledTokens()
        let amax = try ActivationCalibration.inputAmax(model: model, tokens: tokens, bos: 1, context: 64, windows: 3)
        #expect(amax.count == 35)
        for layer in 0..<5 {
            let p = "model.layers.\(layer)."
            let q = amax[p + "self_attn.q_proj"]!
            #expect(amax[p + "self_attn.k_proj"] == q && amax[p + "self_attn.v_proj"] == q)
            #expect(amax[p + "mlp.gate_proj"] == amax[p + "mlp.up_proj"])
            #expect(q > 0 && amax[p + "mlp.down_proj"]! > 0)
        }
        // More text can only raise a maximum.
        let more = try ActivationCalibration.inputAmax(model: model, tokens: tokens, bos: 1, context: 64, windows: 6)
        for (module, a) in amax { #expect(more[module]! >= a) }

        // Layer 0's q/k/v read RMSNorm(embedding(token)), which depends on the token alone: the
        // calibrated amax is the largest |w_i · x_i / √(mean(x²) + ε)| over the tokens the three
        // windows of 63 tokens (plus BOS) see, computed here from the weights.
        let weights = try SafeTensorsWeights(path: bundledModel + "/model.safetensors")
        let embedding = try weights.floats("model.embed_tokens.weight")
        let gain = try weights.floats("model.layers.0.input_layernorm.weight")
        let hidden = gain.count
        var expected: Float = 0
        for token in Set(tokens[0..<(1 + 3 * 63)]) {
            let x = embedding[(token * hidden)..<((token + 1) * hidden)]
            let meanSquare = x.reduce(Float(0)) { $0 + $1 * $1 } / Float(hidden)
            let inverseRMS = 1 / (meanSquare + 1e-5).squareRoot()
            for (w, v) in zip(gain, x) { expected = max(expected, abs(w * (v * inverseRMS))) }
        }
        let calibrated = amax["model.layers.0.self_attn.q_proj"]!
        #expect(relativeDifference(Double(calibrated), Double(expected)) < 1e-6, "\(calibrated) vs \(expected)")
        // A maximum of magnitudes: with the embedding negated, layer 0's inputs change sign and its
        // amax stays the same.
        var negated = try DictionaryWeights(copying: weights).tensors
        negated["model.embed_tokens.weight"]!.values = embedding.map { -$0 }
        let mirrored = try TransformerModel(configuration: model.configuration, weights: DictionaryWeights(negated))
        let mirroredAmax = try ActivationCalibration.inputAmax(
            model: mirrored, tokens: tokens, bos: 1, context: 64,
            windows: 3)
        let q0 = mirroredAmax["model.layers.0.self_attn.q_proj"]!
        #expect(relativeDifference(Double(q0), Double(expected)) < 1e-6, "\(q0) vs \(expected)")
    }

    @Test func calibratedScalesDriveW4A4() throws {
        let model = try loadBundledModel()
        let tokens = try bundledTokens()
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        let table = try ActivationCalibration.inputAmax(model: model, tokens: tokens, bos: 1, context: 64, windows: 4)
        try model.apply(
            EvaluationQuantization(
                weights: .block(config), activations: .block(config),
                activationScale: .calibrated(table)))
        // Calibrating must not have changed the setting; the scales are the table's.
        #expect(model.linearLayers.allSatisfy { $0.inputAmax == table[$0.module] })
        let calibrated = try Perplexity.evaluate(model: model, tokens: tokens, bos: 1, context: 64, windows: 2)
            .perplexity
        // The exact value with these static scales (W4A4 with dynamic scales gives another).
        #expect(calibrated == 6.08092555026809)
        #expect(throws: TransformerError.self) {
            try model.apply(EvaluationQuantization(activations: .block(config), activationScale: .calibrated([:])))
        }
    }
}
