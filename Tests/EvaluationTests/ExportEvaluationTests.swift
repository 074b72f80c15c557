// The round trip of `quantize --convention gguf|mlx` through evaluation, on the bundled
// stories260K (rule mse): the GGUF file loads as a model whose NVFP4 weights are stored quantized
// and evaluates (perplexity and greedy generation) bit for bit like the compressed-tensors
// checkpoint of the same quantization; the MLX folder evaluates bit for bit like its own
// dequantization to F32 (the folded, lossy weights), a little worse than the 4/6 checkpoint.

import CheckpointQuantization
import Foundation
import TestSupport
import Testing

@testable import Evaluation

@Suite(.serialized) struct ExportEvaluationTests {
    func quantized(_ dir: String) throws -> (options: CheckpointQuantizationOptions, checkpoint: String) {
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.rule = .mse
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir + "/ct", options: options)
        return (options, dir + "/ct")
    }

    @Test func theGGUFExportEvaluatesExactlyLikeTheCheckpoint() throws {
        let dir = temporaryFolder("export-gguf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (options, checkpoint) = try quantized(dir)
        _ = try CheckpointExport.run(
            format: .gguf, modelDirectory: bundledModel, output: dir + "/m.gguf",
            options: options)
        let gguf = try LoadedModel(directory: dir + "/m.gguf", threads: 2)
        let ct = try LoadedModel(directory: checkpoint, threads: 2)
        #expect(gguf.weights.isStoredQuantized(module: "model.layers.0.self_attn.q_proj"))
        #expect(!gguf.weights.isStoredQuantized(module: "model.layers.0.mlp.down_proj"))
        #expect(gguf.weights.hasStoredQuantization && gguf.weights.storedRule == .mse)
        try gguf.model.apply(try EvaluationSettings().quantization(for: gguf))
        try ct.model.apply(try EvaluationSettings().quantization(for: ct))
        for (a, b) in zip(gguf.model.linearLayers, ct.model.linearLayers) {
            #expect(a.module == b.module && a.effectiveWeight.map(\.bitPattern) == b.effectiveWeight.map(\.bitPattern))
        }
        #expect(try perplexity(gguf, windows: 4).bitPattern == perplexity(ct, windows: 4).bitPattern)
        let described = EvaluationSettings().describe(gguf.model.quantization, loaded: gguf)
        #expect(described.weights == "checkpoint:nvfp4" && described.rule == "mse")
        let g = try gguf.generateGreedy(prompt: "Once upon a time", maxNewTokens: 12)
        let c = try ct.generateGreedy(prompt: "Once upon a time", maxNewTokens: 12)
        #expect(g.generatedIDs == c.generatedIDs && g.text == c.text)
    }

    @Test func theMLXExportEvaluatesExactlyLikeItsDequantizedWeights() throws {
        let dir = temporaryFolder("export-mlx")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (options, checkpoint) = try quantized(dir)
        _ = try CheckpointExport.run(format: .mlx, modelDirectory: bundledModel, output: dir + "/mlx", options: options)
        try CheckpointDequantizer.run(
            quantizedDirectory: dir + "/mlx", outputDirectory: dir + "/f32", dtype: .F32,
            overwrite: false)
        let mlx = try LoadedModel(directory: dir + "/mlx", threads: 2)
        let f32 = try LoadedModel(directory: dir + "/f32", threads: 2)
        #expect(mlx.weights.quantized?.convention == .mlx && mlx.weights.summary.hasPrefix("NVFP4 mlx, 30 quantized"))
        #expect(mlx.weights.isStoredQuantized(module: "model.layers.0.self_attn.q_proj"))
        let a = try perplexity(mlx, windows: 4), b = try perplexity(f32, windows: 4)
        #expect(a.bitPattern == b.bitPattern)
        // The fold is lossy: not the 4/6 checkpoint's perplexity, but close to it.
        let ct = try perplexity(try LoadedModel(directory: checkpoint, threads: 2), windows: 4)
        #expect(a != ct && abs(a / ct - 1) < 0.05)
    }
}
