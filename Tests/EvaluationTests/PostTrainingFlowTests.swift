// `quantize --method`: the checkpoint a post-training method writes holds exactly the method's
// tensors (folded norms included), and `eval` of it gives the perplexity the in-memory model of
// `experiment ptq` gives, to the last bit, W4A16 and W4A4 (stored input scales); plain RTN
// through the flow writes the same bytes as `quantize` without a method; too short a
// calibration text is one error and nothing is written.

import BlockQuantization
import CheckpointQuantization
import Foundation
import PostTrainingQuantization
import TestSupport
import Testing
import Transformer

@testable import Evaluation

@Suite(.serialized) struct PostTrainingFlowTests {
    static let calibration = CalibrationText(path: bundledText, windows: 4, context: 64)

    @Test(arguments: [(PTQMethod.gptq, PTQScheme.w4a16), (.awq, .w4a4), (.smoothquant, .w4a4)])
    func theWrittenCheckpointEvaluatesLikeTheRun(method: PTQMethod, scheme: PTQScheme) throws {
        let dir = temporaryFolder("ptq")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var settings = PTQSettings()
        settings.method = method
        settings.scheme = scheme
        let selection = try LayerSelection()
        let result = try PostTrainingFlow.run(
            modelDirectory: bundledModel, calibration: Self.calibration,
            selection: selection, settings: settings, threads: 2)
        #expect(result.modules.count == 30)  // down_proj (in 172) stays unquantized
        if method != .gptq { #expect(result.replacedTensors.keys.contains("model.layers.0.input_layernorm.weight")) }
        let options = PostTrainingFlow.checkpointOptions(
            CheckpointQuantizationOptions(selection: selection), result: result)
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir, options: options)

        let stored = try LoadedModel(directory: dir, threads: 2)
        for (module, m) in result.modules {
            #expect(
                try stored.weights.floats(module + ".weight") == ReferenceQuantizer.dequantize(try m.quantized()),
                "\(module)"
            )
        }
        var evalSettings = EvaluationSettings()
        if scheme == .w4a4 {
            evalSettings.activations = .nvfp4
            evalSettings.rule = settings.rule
            evalSettings.activationScale = .stored
        }
        let tokens = try stored.tokens(ofTextFile: bundledText)
        let fromCheckpoint = try PerplexityEvaluation.run(
            loaded: stored, tokens: tokens, context: 64, windows: 3,
            settings: evalSettings
        ).result
        let original = try DictionaryWeights(copying: SafeTensorsWeights(path: bundledModel + "/model.safetensors"))
        let model = try PostTrainingFlow.model(
            of: result, original: original, configuration: stored.model.configuration,
            threads: 2)
        let inMemory = try Perplexity.evaluate(
            model: model, tokens: tokens, bos: stored.bosTokenID, context: 64, windows: 3)
        #expect(fromCheckpoint == inMemory)
    }

    @Test func rtnThroughTheFlowWritesTheSameBytes() throws {
        let (a, b) = (temporaryFolder("rtn-a"), temporaryFolder("rtn-b"))
        defer { for d in [a, b] { try? FileManager.default.removeItem(atPath: d) } }
        let options = CheckpointQuantizationOptions(selection: try LayerSelection())
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: a, options: options)
        let result = try PostTrainingFlow.run(
            modelDirectory: bundledModel, calibration: Self.calibration,
            selection: try LayerSelection(), settings: PTQSettings(), threads: 2)
        var flowOptions = PostTrainingFlow.checkpointOptions(options, result: result)
        flowOptions.method = nil
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: b, options: flowOptions)
        for name in ["model.safetensors", "config.json", "fouroversix.json"] {
            #expect(
                FileManager.default.contents(atPath: a + "/" + name)
                    == FileManager.default.contents(atPath: b + "/" + name),
                "\(name)")
        }
    }

    @Test func aCalibrationTextShorterThanOneWindowIsAnError() throws {
        let text = temporaryFolder("short") + ".txt"
        defer { try? FileManager.default.removeItem(atPath: text) }
        try Data("Once upon a time.".utf8).write(to: URL(fileURLWithPath: text))
        var settings = PTQSettings()
        settings.method = .gptq
        #expect(throws: PTQError.self) {
            try PostTrainingFlow.run(
                modelDirectory: bundledModel, calibration: CalibrationText(path: text),
                selection: try LayerSelection(), settings: settings, threads: 2)
        }
    }
}
