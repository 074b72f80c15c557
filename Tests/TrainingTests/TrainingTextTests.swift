// What `train` prints about a run and its corpus, from hand-built values: exact text and JSON.

import Foundation
import Testing

@testable import Training

@Suite struct TrainingTextTests {
    func summary(validationLoss: Double = 5.125) -> TrainingSummary {
        TrainingSummary(
            recipe: .bf16, steps: 3, initialLoss: 5.5, trainLoss: 5.25, validationLoss: validationLoss,
            validationLossBF16: 5.0625, tokensPerSecond: 1234.4, trainingSeconds: 10, castSeconds: 2.5,
            parameterCount: 1000, statistics: QuantizationStatistics(), divergedAtStep: nil, records: [])
    }

    @Test func summaryTable() {
        #expect(
            summary().text == """
                recipe  steps  initial loss  train loss  val loss  val (BF16 fwd)  tokens/s  casting
                ──────  ─────  ────────────  ──────────  ────────  ──────────────  ────────  ───────
                bf16        3        5.5000      5.2500    5.1250          5.0625      1234      25%
                """)
    }

    @Test func summaryJSONLineWritesNullForADivergedLoss() {
        #expect(
            summary().jsonLine == #"{"recipe": "bf16", "steps": 3, "initial_loss": 5.500000, "#
                + #""train_loss": 5.250000, "val_loss": 5.125000, "tokens_per_second": 1234.4}"#)
        #expect(summary(validationLoss: .nan).jsonLine.contains(#""val_loss": null, "#))
    }

    @Test func corpusSummary() {
        let corpus = TokenCorpus(
            tokens: [Int32](repeating: 7, count: 1000), bosID: 0, blockTokens: 100,
            validationEvery: 4)
        let prepared = PreparedCorpus(
            textPath: "/data/story.txt", corpus: corpus, vocabularySize: 300, bosID: 0,
            eosID: nil, tokenizerFiles: [:], textBytes: 2_345_678, preparationSeconds: 1)
        #expect(
            prepared.summary == "story.txt (2.3 MB, 1000 tokens; blocks of 100 tokens, every 4th held out: "
                + "800 training and 200 validation tokens)")
    }
}
