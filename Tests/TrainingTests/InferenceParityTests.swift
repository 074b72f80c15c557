// A trained checkpoint means the same thing to the inference engine as to the trainer: the
// engine of `Sources/Transformer` (what `eval`, `generate` and `quantize` load) computes the
// same next-token loss on the trainer's checkpoint as the trainer's own float32 forward —
// this pins the checkpoint's conventions (RoPE pairing, norms, tied head, tensor names).

import Foundation
import ModelCore
import Testing
import Transformer

@testable import Training

struct InferenceParityTests {
    /// Both run ModelCore's forward (the same logits); only the loss differs: the trainer's
    /// cross-entropy sums exp in float32 per row, the engine's log-sum-exp in double. Measured
    /// differences are 3–5e-8 on a mean loss of ~5 (they were ~1e-7 with two forward passes).
    static let lossTolerance = 1e-6

    @Test(arguments: [true, false])
    func trainerAndEngineAgreeOnTheLoss(tied: Bool) throws {
        let dir = NSTemporaryDirectory() + "fos-parity-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = TrainingRunTests.options(.bf16, steps: 5)
        o.model.tieWordEmbeddings = tied
        let trainer = try Trainer(options: o, corpus: TrainingRunTests.corpus, outputDirectory: dir)
        _ = try trainer.run()

        let batch = TrainingRunTests.corpus.corpus.validationBatches(
            sequenceLength: o.sequenceLength, batch: 1, limit: 1)[0]
        let model = DecoderModel(config: o.model, plan: .float32(layers: o.model.layerCount), threads: 1)
        let trainerLoss = try model.loss(parameters: trainer.parameters, batch: batch)

        let engine = try TransformerModel(
            configuration: ModelConfiguration(contentsOf: dir + "/config.json"),
            weights: SafeTensorsWeights(path: dir + "/model.safetensors"), threads: 1)
        // The window: the batch's inputs plus the last target; every position after the first is counted.
        let ids = batch.inputs.map(Int.init) + [Int(batch.targets.last!)]
        let (nll, count) = try Perplexity.windowNLL(model: engine, ids: ids, firstCounted: 1)
        #expect(count == o.sequenceLength)
        let engineLoss = nll / Double(count)
        #expect(abs(engineLoss - trainerLoss) < Self.lossTolerance, "engine \(engineLoss) vs trainer \(trainerLoss)")
        #expect(
            trainerLoss < log(Double(TrainingRunTests.corpus.vocabularySize)), "5 steps should beat a uniform guess")
    }
}
