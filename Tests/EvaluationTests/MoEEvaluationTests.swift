// The evaluation engine on MoE checkpoints (Mixtral, Qwen2-MoE with its shared expert, Qwen3-MoE
// fixtures made by transformers, Tests/Fixtures/families): perplexity equals transformers' own to
// every printed digit (tools/moe-fixtures/reference_perplexity.py, transformers 5.25.0, float32,
// context 64, 4 windows of Data/tinystories-sample.txt), and W4A4 calibration gives every expert a
// finite, non-zero input amax — also experts no calibration token was routed to (each expert sees
// every token).

import CheckpointQuantization
import Foundation
import ModelCore
import TestSupport
import Testing

@testable import Evaluation

let moeFixtures = repositoryRoot + "/Tests/Fixtures/families"

@Suite struct MoEEvaluationTests {
    @Test(arguments: [("mixtral", "545.5655"), ("qwen2-moe", "541.9807"), ("qwen3-moe", "556.5218")])
    func perplexityEqualsTransformers(_ fixture: String, _ expected: String) throws {
        let loaded = try LoadedModel(directory: moeFixtures + "/" + fixture, threads: 2)
        #expect(loaded.model.configuration.experts?.expertCount == 4)
        #expect(String(format: "%.4f", try perplexity(loaded, context: 64, windows: 4)) == expected)
    }

    @Test func calibrationGivesEveryExpertAnInputScaleEvenWhenUnrouted() throws {
        let dir = temporaryFolder("moe-calibration")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = dir + "/one-token.txt"
        try "Once".write(toFile: text, atomically: true, encoding: .utf8)
        let model = moeFixtures + "/mixtral"
        let loaded = try LoadedModel(directory: model, threads: 2)
        // Two rows (BOS, "Once" = [1, 403]), top-2 of 4 experts: transformers routes them to experts
        // {0, 2, 3} in layer 0 and {2, 3} in layer 1 (output_router_logits), so expert 1 of layer 0
        // and experts 0 and 1 of layer 1 get no token; each must still have an input amax.
        let amax = try Calibration.activationAmax(of: loaded, textFile: text, windows: 1, context: 2)
        let experts = amax.keys.filter { $0.contains(".experts.") }
        #expect(experts.count == 2 * 4 * 3)
        #expect(experts.allSatisfy { amax[$0]!.isFinite && amax[$0]! > 0 })

        // The W4A4 checkpoint takes them all.
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.activationAmax = amax
        let report = try CheckpointQuantizer.run(modelDirectory: model, outputDirectory: dir + "/q", options: options)
        #expect(report.layers.count == 2 * (4 + 4 * 3))
        let stored = try LoadedModel(directory: dir + "/q", threads: 2)
        for e in 0..<4 {
            let m = "model.layers.1.block_sparse_moe.experts.\(e).w2"
            #expect(stored.weights.storedInputAmax(module: m) == amax[m])
        }
    }
}
