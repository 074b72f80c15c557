// The reports of the Evaluation module: the comparison table and its gap-closed formula, and
// the pre-training report rebuilt from the recorded runs (results/pretrain/small) equal to the
// recorded files byte for byte.

import Foundation
import TestSupport
import Testing
import Training

@testable import Evaluation

@Suite(.serialized) struct ReportTests {
    /// The recorded comparison (results/stories260K/first-40-windows/compare.csv): mse closes
    /// 21.24% of the W4A16 gap.
    @Test func gapClosedIsTheShareOfTheNVFP4LossRecovered() {
        #expect(abs(PerplexityComparison.gapClosed(4.956027, standard: 5.071846, bf16: 4.526436) - 0.2124) < 5e-5)
        #expect(PerplexityComparison.gapClosed(5.071846, standard: 5.071846, bf16: 4.526436) == 0)
        #expect(PerplexityComparison.gapClosed(4.526436, standard: 5.071846, bf16: 4.526436) == 1)
    }

    @Test func aComparisonOnTwoShortWindows() throws {
        let loaded = try LoadedModel(directory: bundledModel, threads: 2)
        let tokens = try loaded.tokens(ofTextFile: bundledText)
        var reports: [[Int]] = []
        let c = try PerplexityComparison.run(
            loaded: loaded, tokens: tokens, textPath: bundledText, context: 32,
            windows: 2,
            settings: EvaluationSettings()
        ) { reports.append([$0, $1]) }
        #expect(reports == (1...18).map { [$0, 18] })
        #expect(c.rows.map(\.rule) == ["-", "static_6", "mse", "mae", "abs_max"])
        #expect(c.windows == 2 && c.tokens == 62)
        #expect(
            c.subtitle
                == "stories260K on tinystories-sample.txt, context 32, 2 windows, 62 tokens; all decoder Linear layers")
        // The model is left unquantized: its perplexity is the plain one.
        let fresh = try LoadedModel(directory: bundledModel, threads: 2)
        #expect(try perplexity(loaded, context: 32, windows: 2) == perplexity(fresh, context: 32, windows: 2))
        let mse = c.rows[2]
        let gap = (c.standard.w4a16 - mse.w4a16) / (c.standard.w4a16 - c.bf16)
        #expect(c.textRows[2][4] == String(format: "%.1f%%", 100 * gap))
        let bf16 = String(format: "%.4f", c.bf16)
        #expect(c.textRows[0] == ["BF16", "-", bf16, "-", "-", bf16, "-", "-"])
        #expect(c.csv.split(separator: "\n")[3].hasPrefix("NVFP4 4/6,mse,\(String(format: "%.6f", mse.w4a16)),"))
        #expect(c.jsonRows[2]["w4a16_gap_closed"] as? Double == gap)
        #expect(
            c.markdown(command: "fouroversix eval --compare", seconds: 1.25)
                .contains("Produced by `fouroversix eval --compare` in 1.2 s."))

        let dir = temporaryFolder("compare")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try c.write(to: dir, command: "x", seconds: 0)
        #expect(try String(contentsOfFile: dir + "/compare.svg", encoding: .utf8) == c.chart.svg())
        #expect(try String(contentsOfFile: dir + "/compare.csv", encoding: .utf8) == c.csv)
        #expect(throws: EvaluationError.self) { try c.write(to: "/proc/no/such", command: "x", seconds: 0) }
    }

    /// `eval --compare --calibration-text`: the W4A4 rows use activation amax calibrated once on the
    /// other text, and each equals a separate `eval` with that calibration (which differs from the
    /// dynamic per-window amax); W4A16 rows do not depend on it.
    @Test func aCalibratedComparisonEqualsSeparateCalibratedEvaluations() throws {
        let loaded = try LoadedModel(directory: bundledModel, threads: 2)
        let tokens = try loaded.tokens(ofTextFile: bundledText)
        let calibrationText = temporaryFolder("calibration") + ".txt"
        defer { try? FileManager.default.removeItem(atPath: calibrationText) }
        try "Once upon a time there was a big red ball. The ball rolled away and a dog ran after it. "
            .write(toFile: calibrationText, atomically: true, encoding: .utf8)
        var settings = EvaluationSettings()
        settings.activationScale = .calibrated(text: calibrationText, windows: 2, context: 16)
        #expect(throws: EvaluationError.self) { try settings.validate() }
        try settings.validate(comparing: true)
        let c = try PerplexityComparison.run(
            loaded: loaded, tokens: tokens, textPath: bundledText, context: 32,
            windows: 2, settings: settings)
        #expect(c.activationScale == "calibrated on \(URL(fileURLWithPath: calibrationText).lastPathComponent)")
        let dynamic = try PerplexityComparison.run(
            loaded: loaded, tokens: tokens, textPath: bundledText,
            context: 32, windows: 2, settings: EvaluationSettings())
        for (i, rule) in PerplexityComparison.rules.enumerated() {
            var single = settings
            single.weights = .nvfp4
            single.activations = .nvfp4
            single.rule = rule
            let separate = try PerplexityEvaluation.run(
                loaded: loaded, tokens: tokens, context: 32, windows: 2,
                settings: single
            ).result.perplexity
            #expect(c.rows[i + 1].w4a4 == separate, "\(rule)")
            #expect(c.rows[i + 1].w4a4 != dynamic.rows[i + 1].w4a4, "\(rule)")
            #expect(c.rows[i + 1].w4a16 == dynamic.rows[i + 1].w4a16, "\(rule)")
        }
    }

    @Test func thePretrainReportRebuildsTheRecordedOne() throws {
        let recorded = repositoryRoot + "/results/pretrain/small"
        let dir = temporaryFolder("pretrain")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for item in ["bf16", "nvfp4", "nvfp4-4over6", "command.txt", "corpus.txt"] {
            try FileManager.default.copyItem(atPath: "\(recorded)/\(item)", toPath: "\(dir)/\(item)")
        }
        let experiment = PretrainExperiment(recipes: TrainingRecipe.allCases, outputDirectory: dir)
        let markdown = try experiment.writeReport(corpusDescription: nil)
        for file in ["pretrain.md", "pretrain.csv", "loss-curves.svg"] {
            let a = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
            #expect(a == (try String(contentsOfFile: "\(recorded)/\(file)", encoding: .utf8)), "\(file)")
        }
        #expect(markdown == (try String(contentsOfFile: "\(recorded)/pretrain.md", encoding: .utf8)))
        #expect(throws: EvaluationError.noFinishedRuns(directory: dir + "/none")) {
            try PretrainExperiment(recipes: [.bf16], outputDirectory: dir + "/none").writeReport(corpusDescription: nil)
        }
        #expect(PretrainExperiment.quote("a b'c") == "'a b'\\''c'")
        #expect(PretrainExperiment.quote("--out=x/y") == "--out=x/y")
    }
}
