// `PretrainExperiment` with seeds on a tiny model (2 seeds × a few steps): the run folders,
// the seeds each run gets, the report's statistics against `SeedStatistics` on the summaries,
// skipping finished runs, rebuilding the report from the folders, and resuming a run.

import Foundation
import TestSupport
import Testing
import Training

@testable import Evaluation

@Suite(.serialized) struct SeededPretrainTests {
    static let corpus: PreparedCorpus = {
        let text = String(
            decoding: FileManager.default.contents(atPath: repositoryRoot + "/Data/austen.txt")!.prefix(40_000),
            as: UTF8.self)
        let dir = NSTemporaryDirectory() + "fos-seeds-corpus-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }  // the corpus is read into memory
        try! text.write(toFile: dir + "/text.txt", atomically: true, encoding: .utf8)
        return try! CorpusPreparation.prepare(
            textPath: dir + "/text.txt", vocabularySize: 300, blockTokens: 512,
            validationEvery: 5)
    }()

    static func options(_ recipe: TrainingRecipe, steps: Int) -> TrainingOptions {
        var o = TrainingOptions(
            model: .llama(
                vocabularySize: corpus.vocabularySize, hiddenSize: 32, intermediateSize: 64,
                layers: 2, heads: 2, contextLength: 32))
        o.recipe = recipe
        o.preset = "test"
        o.steps = steps
        o.batchSize = 2
        o.sequenceLength = 32
        o.learningRate = 1e-2
        o.warmupSteps = 1
        o.evaluationEvery = 2
        o.evaluationWindows = 4
        o.finalEvaluationWindows = 8
        o.highPrecisionLastLayers = 0
        o.threads = 2
        o.seed = 7
        o.dataSeed = 107
        return o
    }

    final class Notices: @unchecked Sendable {
        var lines: [String] = []
        let lock = NSLock()
        func add(_ s: String) { lock.withLock { lines.append(s) } }
    }

    static func events(_ notices: Notices) -> PretrainExperiment.Events {
        PretrainExperiment.Events(notice: { notices.add($0) }, progress: { _, _, _ in { _ in } }, finished: { _ in })
    }

    @Test func twoSeedsPairedReportSkipAndResume() throws {
        let dir = NSTemporaryDirectory() + "fos-seeds-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipes: [TrainingRecipe] = [.bf16, .nvfp4, .nvfp4FourOverSixUnbiasedSR]
        var experiment = PretrainExperiment(recipes: recipes, outputDirectory: dir)
        experiment.seeds = [7, 8]
        let notices = Notices()
        let markdown = try experiment.run(
            command: "test", prepareCorpus: { Self.corpus }, describeCorpus: { _ in "tiny" },
            options: { r, _ in Self.options(r, steps: 3) }, events: Self.events(notices))
        var summaries: [TrainingRecipe: [UInt64: RunSummary]] = [:]
        for s: UInt64 in [7, 8] {
            for r in recipes {
                let summary = try RunSummary.read("\(dir)/seed-\(s)/\(r.rawValue)/summary.json")
                #expect(summary.options.seed == s && summary.options.dataSeed == 100 + s, "seed \(s) \(r.rawValue)")
                #expect(summary.steps == 3)
                summaries[r, default: [:]][s] = summary
            }
        }
        #expect(summaries[.bf16]![7]!.validationLoss != summaries[.bf16]![8]!.validationLoss)
        #expect(summaries[.nvfp4FourOverSixUnbiasedSR]![7]!.fourShare > 0)

        // The report's numbers are SeedStatistics' on the summaries.
        func val(_ r: TrainingRecipe) -> [Double] { [7, 8].map { summaries[r]![$0]!.validationLoss } }
        let v = val(.nvfp4FourOverSixUnbiasedSR)
        #expect(markdown.contains("# Pre-training over 2 seeds: bf16, nvfp4, nvfp4-4over6-unbiased-sr"))
        #expect(
            markdown.contains(
                "| nvfp4-4over6-unbiased-sr | 2 | \(String(format: "%.4f", SeedStatistics.mean(v))) ± "
                    + "\(String(format: "%.4f", SeedStatistics.standardDeviation(v))) |"))
        let diff = SeedStatistics.pairedDifference(v, val(.nvfp4))
        #expect(
            markdown.contains(
                String(
                    format: "| nvfp4-4over6-unbiased-sr | %+.4f [%+.4f, %+.4f] |", diff.estimate,
                    diff.lower, diff.upper)))
        #expect(markdown.contains("Finished runs: 6 of 6."))
        // Only one 4/6 variant ran: no table between variants.
        #expect(!markdown.contains("Between the 4/6 variants"))
        #expect(PretrainSeedReport.fourOverSixPairs(summaries, recipes: recipes, seeds: [7, 8]).isEmpty)
        let csv = try String(contentsOfFile: dir + "/pretrain.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n", omittingEmptySubsequences: false).count == 1 + 6 + 1 + 1 + 3 + 1)
        #expect(csv.contains(String(format: "\n8,nvfp4,3,192,%.6f,", summaries[.nvfp4]![8]!.validationLoss)))
        let svg = try String(contentsOfFile: dir + "/loss-curves.svg", encoding: .utf8)
        #expect(svg.components(separatedBy: "<polygon").count == 1 + 3 && svg.contains("band: min–max over seeds"))

        // Finished runs are skipped; the report is rebuilt the same, also from the folders alone.
        let again = try experiment.run(
            command: "test", prepareCorpus: { throw CancellationError() },
            describeCorpus: { _ in "tiny" }, options: { r, _ in Self.options(r, steps: 3) },
            events: Self.events(notices))
        #expect(again == markdown)
        #expect(notices.lines.filter { $0.contains("exists, skipped") }.count == 6)
        let scanned = PretrainExperiment(recipes: recipes, outputDirectory: dir)
        #expect(try scanned.writeReport(corpusDescription: nil) == markdown)

        // The table between 4/6 variants on hand-set losses: (2.9, 3.05) − (3.0, 3.1) = (−0.1, −0.05),
        // mean −0.075, sd 0.0353553, half-width 12.706205 · 0.0353553 / √2 = 0.3176551.
        let template = summaries[.nvfp4]![7]!
        func run(_ loss: Double) -> RunSummary { var r = template; r.validationLoss = loss; return r }
        let hand: PretrainSeedReport.Runs = [
            .nvfp4FourOverSix: [1: run(3.0), 2: run(3.1)], .nvfp4FourOverSixUnbiasedSR: [1: run(2.9), 2: run(3.05)],
        ]
        let pairs = PretrainSeedReport.fourOverSixPairs(
            hand, recipes: [.nvfp4FourOverSix, .nvfp4FourOverSixUnbiasedSR],
            seeds: [1, 2])
        #expect(pairs.count == 1 && pairs[0].a == .nvfp4FourOverSix && pairs[0].b == .nvfp4FourOverSixUnbiasedSR)
        #expect(abs(pairs[0].difference.estimate + 0.075) < 1e-12)
        #expect(abs(pairs[0].difference.upper - pairs[0].difference.estimate - 0.3176551) < 1e-6)
        let handReport = PretrainSeedReport.markdown(
            hand, recipes: [.nvfp4FourOverSix, .nvfp4FourOverSixUnbiasedSR],
            seeds: [1, 2], command: "x", corpus: "y")
        #expect(
            handReport.contains(
                "| nvfp4-4over6-unbiased-sr | nvfp4-4over6 | -0.0750 [-0.3927, +0.2427] | "
                    + "no difference to nvfp4-4over6 resolved (95% interval covers 0) |"))

        // A run without its summary continues from its checkpoint with --resume.
        let run = "\(dir)/seed-8/bf16"
        let before = try LossLog.read(run + "/loss.csv")
        try FileManager.default.removeItem(atPath: run + "/summary.json")
        experiment.resume = true
        _ = try experiment.run(
            command: "test", prepareCorpus: { Self.corpus }, describeCorpus: { _ in "tiny" },
            options: { r, _ in Self.options(r, steps: 5) }, events: Self.events(notices))
        #expect(notices.lines.contains { $0.contains("seed 8: resuming from the checkpoint") })
        let after = try LossLog.read(run + "/loss.csv")
        #expect(after.count == 5 && after.prefix(3).map(\.loss) == before.map(\.loss))
        #expect(try RunSummary.read(run + "/summary.json").steps == 5)
    }
}
