// End-to-end training on a tiny configuration (seconds): the loss falls for each recipe, a
// resumed run equals the uninterrupted one bit for bit, checkpoints are Hugging Face Llama
// folders, the trained BPE round-trips the text, and the schedule has its documented shape.

import Foundation
import ModelCore
import SafeTensors
import TestSupport
import Testing
import Tokenizers

@testable import Training

@Suite(.serialized) struct TrainingRunTests {
    static let text: String = {
        let path = repositoryRoot + "/Data/austen.txt"
        let data = FileManager.default.contents(atPath: path)!
        return String(decoding: data.prefix(60_000), as: UTF8.self)
    }()

    static let corpus: PreparedCorpus = {
        let dir = NSTemporaryDirectory() + "fos-train-test-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }  // the corpus is read into memory
        let path = dir + "/text.txt"
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return try! CorpusPreparation.prepare(textPath: path, vocabularySize: 320, blockTokens: 512, validationEvery: 5)
    }()

    static func options(_ recipe: TrainingRecipe, steps: Int) -> TrainingOptions {
        var o = TrainingOptions(
            model: .llama(
                vocabularySize: corpus.vocabularySize, hiddenSize: 32,
                intermediateSize: 64, layers: 2, heads: 2, contextLength: 32))
        o.recipe = recipe
        o.preset = "test"
        o.steps = steps
        o.batchSize = 4
        o.sequenceLength = 32
        o.learningRate = 1e-2
        o.warmupSteps = 3
        o.evaluationEvery = 0
        o.evaluationWindows = 8
        o.finalEvaluationWindows = 16
        o.highPrecisionLastLayers = 0
        o.threads = 2
        return o
    }

    /// BF16 for 20 steps; the NVFP4 recipes (slower in debug builds: the quantizer) for 10.
    @Test(arguments: TrainingRecipe.allCases)
    func lossFalls(recipe: TrainingRecipe) throws {
        let steps = recipe == .bf16 ? 20 : 10
        var o = Self.options(recipe, steps: steps)
        o.learningRate = 2e-2
        o.warmupSteps = 2
        let summary = try Trainer(options: o, corpus: Self.corpus, outputDirectory: nil).run()
        #expect(summary.divergedAtStep == nil)
        #expect(abs(summary.initialLoss - log(Double(Self.corpus.vocabularySize))) < 0.3)
        let drop = recipe == .bf16 ? 1.0 : 0.5
        #expect(
            summary.trainLoss < summary.initialLoss - drop, "\(recipe): \(summary.initialLoss) → \(summary.trainLoss)")
        #expect(summary.validationLoss < summary.initialLoss - drop)
        if recipe == .nvfp4FourOverSix { #expect(summary.statistics.totalAlternativeShare > 0) }
        if recipe == .nvfp4 {
            #expect(summary.statistics.totalAlternativeShare == 0 && summary.statistics.elements > 0)
        }
        if recipe == .bf16 { #expect(summary.statistics.elements == 0) }
    }

    @Test func resumeContinuesExactly() throws {
        let dir = NSTemporaryDirectory() + "fos-resume-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = Self.options(.nvfp4FourOverSix, steps: 4)
        o.batchSize = 2
        let straight = try Trainer(options: o, corpus: Self.corpus, outputDirectory: nil)
        _ = try straight.run()

        o.steps = 2
        let first = try Trainer(options: o, corpus: Self.corpus, outputDirectory: dir)
        _ = try first.run()
        o.steps = 4
        let resumed = try Trainer(options: o, corpus: Self.corpus, outputDirectory: dir, resumeFrom: dir)
        let s = try resumed.run()
        #expect(s.steps == 4)
        for (a, b) in zip(straight.parameters.tensors, resumed.parameters.tensors) {
            #expect(a.values == b.values, "\(a.name) differs after resume")
        }
        // A different recipe cannot resume this run.
        o.recipe = .bf16
        #expect(throws: TrainingError.self) {
            try Trainer(options: o, corpus: Self.corpus, outputDirectory: nil, resumeFrom: dir)
        }
    }

    @Test func checkpointIsAHuggingFaceLlamaFolder() throws {
        let dir = NSTemporaryDirectory() + "fos-ckpt-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = Self.options(.bf16, steps: 1)
        o.model.tieWordEmbeddings = false
        let t = try Trainer(options: o, corpus: Self.corpus, outputDirectory: dir)
        _ = try t.run()
        let config =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/config.json")))
            as! [String: Any]
        #expect(config["architectures"] as? [String] == ["LlamaForCausalLM"])
        #expect((config["vocab_size"] as? Int) == Self.corpus.vocabularySize)
        let file = try SafeTensorsFile(path: dir + "/model.safetensors")
        #expect(file.tensorNames.contains("model.embed_tokens.weight"))
        #expect(file.tensorNames.contains("model.layers.1.mlp.down_proj.weight"))
        #expect(file.tensorNames.contains("lm_head.weight"))
        #expect(file.info("model.layers.0.mlp.gate_proj.weight")?.shape == [64, 32])
        let loaded = try TrainingCheckpoint.loadParameters(from: dir)
        for (a, b) in zip(loaded.tensors, t.parameters.tensors) { #expect(a.name == b.name && a.values == b.values) }
        let tok = try Tokenizer(contentsOf: dir + "/tokenizer.json")
        #expect(tok.bosTokenID == Self.corpus.bosID)
    }

    @Test func trainedBPERoundTripsText() throws {
        let c = Self.corpus
        #expect(c.vocabularySize == 320)
        let dir = NSTemporaryDirectory() + "fos-bpe-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, data) in c.tokenizerFiles { try data.write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
        let tok = try Tokenizer(contentsOf: dir + "/tokenizer.json")
        let sample = String(Self.text.prefix(2000))
        let ids = tok.encode(sample)
        #expect(tok.decode(ids) == sample)
        #expect(
            ids.count < sample.utf8.count * 2 / 3,
            "the BPE should compress: \(ids.count) ids for \(sample.utf8.count) bytes")
        #expect(tok.token(for: c.bosID) == TrainedBPE.specialToken)
        // Split: validation gets every 5th block.
        #expect(c.corpus.validationBlocks.count * 4 <= c.corpus.trainingBlocks.count + 4)
    }

    @Test func scheduleShape() {
        let s = LearningRateSchedule(peak: 1, warmupSteps: 10, totalSteps: 110, minimumRatio: 0.1)
        #expect(s.rate(step: 0) == 0.1)
        #expect(s.rate(step: 9) == 1)
        #expect(abs(s.rate(step: 60) - 0.55) < 1e-6)
        #expect(abs(s.rate(step: 110) - 0.1) < 1e-6)
    }
}
