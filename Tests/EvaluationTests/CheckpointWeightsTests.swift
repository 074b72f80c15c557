// The checkpoint-weights adapter: a checkpoint written by `quantize` and read through
// `CheckpointWeights` evaluates bit-identically to on-the-fly quantization of the original
// model with the same settings — for W4A16 in both conventions, and for W4A4 with the stored
// input scales against calibration on the same text (the one `Calibration` flow on both sides).

import BlockQuantization
import CheckpointQuantization
import Foundation
import TestSupport
import Testing
import Transformer

@testable import Evaluation

func temporaryFolder(_ label: String) -> String {
    NSTemporaryDirectory() + "fouroversix-\(label)-\(UUID().uuidString)"
}

func perplexity(_ loaded: LoadedModel, context: Int = 64, windows: Int = 2) throws -> Double {
    try Perplexity.evaluate(
        model: loaded.model, tokens: try loaded.tokens(ofTextFile: bundledText),
        bos: loaded.bosTokenID,
        context: context, windows: windows
    ).perplexity
}

@Suite(.serialized) struct CheckpointWeightsTests {
    @Test(arguments: [CheckpointConvention.compressedTensors, .modelopt])
    func aQuantizedCheckpointEvaluatesLikeOnTheFlyQuantization(convention: CheckpointConvention) throws {
        let dir = temporaryFolder("weights")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.convention = convention
        options.rule = .mse
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir, options: options)

        let stored = try LoadedModel(directory: dir, threads: 2)
        let weights = stored.weights
        #expect(weights.quantized?.modules.count == 30)
        // The packed tensors are hidden; each quantized module shows a dequantized `.weight`.
        #expect(!weights.tensorNames.contains { $0.hasSuffix("weight_packed") || $0.hasSuffix("weight_scale_2") })
        let q0 = "model.layers.0.self_attn.q_proj"
        #expect(weights.isStoredQuantized(module: q0))
        #expect(!weights.isStoredQuantized(module: "model.layers.0.mlp.down_proj"))
        #expect(weights.shape(of: q0 + ".weight") == [64, 64])
        #expect(weights.summary.hasPrefix("NVFP4 \(convention.rawValue), 30 quantized modules, rule mse"))
        #expect(weights.storedInputAmax(module: q0) == nil)

        let onTheFly = try LoadedModel(directory: bundledModel, threads: 2)
        var settings = EvaluationSettings()
        settings.weights = .nvfp4
        settings.rule = .mse
        settings.skipRagged = true
        try onTheFly.model.apply(try settings.quantization(for: onTheFly))
        try stored.model.apply(try EvaluationSettings().quantization(for: stored))
        for (a, b) in zip(stored.model.linearLayers, onTheFly.model.linearLayers) {
            #expect(a.effectiveWeight.map(\.bitPattern) == b.effectiveWeight.map(\.bitPattern), "\(a.module)")
        }
        #expect(try perplexity(stored) == perplexity(onTheFly))
        let described = EvaluationSettings().describe(stored.model.quantization, loaded: stored)
        #expect(described.weights == "checkpoint:nvfp4" && described.rule == "mse")
    }

    @Test func w4a4StoredInputScalesEqualCalibrationOnTheSameText() throws {
        let dir = temporaryFolder("w4a4")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let amax = try Calibration.activationAmax(
            modelDirectory: bundledModel, textFile: bundledText, windows: 2,
            context: 64,
            threads: 2)
        #expect(amax["model.layers.0.self_attn.q_proj"] == amax["model.layers.0.self_attn.v_proj"])
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.activationAmax = amax
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir, options: options)

        let stored = try LoadedModel(directory: dir, threads: 2)
        var fromCheckpoint = EvaluationSettings()
        fromCheckpoint.activations = .nvfp4
        fromCheckpoint.activationScale = .stored
        try stored.model.apply(try fromCheckpoint.quantization(for: stored))
        let gate = "model.layers.1.mlp.gate_proj"
        #expect(stored.weights.storedInputAmax(module: gate) == amax[gate])

        let onTheFly = try LoadedModel(directory: bundledModel, threads: 2)
        var calibrated = EvaluationSettings()
        calibrated.weights = .nvfp4
        calibrated.activations = .nvfp4
        calibrated.skipRagged = true
        calibrated.activationScale = .calibrated(text: bundledText, windows: 2, context: 64)
        try onTheFly.model.apply(try calibrated.quantization(for: onTheFly))
        #expect(try perplexity(stored, context: 32, windows: 2) == perplexity(onTheFly, context: 32, windows: 2))

        // A plain folder has no input scales to use.
        let plain = try LoadedModel(directory: bundledModel, threads: 1)
        #expect(throws: EvaluationError.noStoredInputScales(directory: bundledModel)) {
            try fromCheckpoint.quantization(for: plain)
        }
    }

    /// Without `--activations`, a W4A4 checkpoint is evaluated as written: NVFP4 inputs at its
    /// stored amax, rounded with its recorded rule (`static_6` here, not the format's default
    /// mse) — the perplexity of the same model quantized on the fly with that rule; a W4A16
    /// checkpoint keeps float inputs.
    @Test func aW4A4CheckpointIsEvaluatedAsWrittenByDefault() throws {
        let dir = temporaryFolder("w4a4-static6")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let amax = try Calibration.activationAmax(
            modelDirectory: bundledModel, textFile: bundledText, windows: 2, context: 64, threads: 2)
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.rule = .static6
        options.activationAmax = amax
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir, options: options)

        let stored = try LoadedModel(directory: dir, threads: 2)
        var defaults = EvaluationSettings()
        defaults.activationsFromCheckpoint = true
        let resolved = defaults.resolved(for: stored)
        #expect(resolved.activations == .nvfp4 && resolved.activationScale == .stored)
        #expect(resolved.effectiveRule(for: .nvfp4, activations: true) == .static6)
        try stored.model.apply(try resolved.quantization(for: stored))

        let onTheFly = try LoadedModel(directory: bundledModel, threads: 2)
        var calibrated = EvaluationSettings()
        calibrated.weights = .nvfp4
        calibrated.activations = .nvfp4
        calibrated.rule = .static6
        calibrated.skipRagged = true
        calibrated.activationScale = .calibrated(text: bundledText, windows: 2, context: 64)
        try onTheFly.model.apply(try calibrated.quantization(for: onTheFly))
        #expect(try perplexity(stored, context: 32, windows: 2) == perplexity(onTheFly, context: 32, windows: 2))

        // Chosen activations stay chosen; a W4A16 checkpoint keeps float inputs.
        var chosen = defaults
        chosen.activationsFromCheckpoint = false
        #expect(chosen.resolved(for: stored).activations == .none)
        let w4a16 = temporaryFolder("w4a16-static6")
        defer { try? FileManager.default.removeItem(atPath: w4a16) }
        options.activationAmax = nil
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: w4a16, options: options)
        #expect(defaults.resolved(for: try LoadedModel(directory: w4a16, threads: 1)).activations == .none)
    }

    @Test func settingsRejectInvalidPairs() throws {
        var s = EvaluationSettings()
        s.weights = .mxfp4
        s.rule = .mse
        #expect(throws: EvaluationError.invalidOption("--weights mxfp4 has no rule mse (use static_6, static_4)")) {
            try s.validate()
        }
        s = EvaluationSettings()
        s.activationScale = .stored
        #expect(throws: EvaluationError.self) { try s.validate() }
        s.activations = .nvfp4
        try s.validate()
        #expect(s.effectiveRule(for: .nvfp4) == .mse && s.effectiveRule(for: .bf16) == nil)
    }
}
