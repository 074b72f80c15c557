// The seeded pre-training experiment's report (`experiment pretrain --seeds N`): per recipe the
// mean and standard deviation of the final losses over seeds; per quantized recipe the paired
// difference to NVFP4 and to BF16 and the share of the NVFP4 → BF16 gap it closes, each with a
// 95% interval over seeds (`SeedStatistics`); the paired differences between the 4/6 variants
// (e.g. unbiased vs reference choice on the gradients); the loss curves' mean over seeds with
// their spread.
//
// Promises: reads DIR/seed-<seed>/<recipe>/summary.json and loss.csv of the finished runs
// (unfinished ones are left out and counted; paired statistics use exactly the seeds where all
// the runs they compare finished); writes DIR/pretrain.md, DIR/pretrain.csv (one line per run,
// then one per recipe), DIR/loss-curves.svg (and DIR/corpus.txt when given a description) and
// returns the markdown. The verdict lines only say whether an interval excludes zero.

import Charts
import Foundation
import Training

public enum PretrainSeedReport {
    /// One recipe's statistics over seeds for one loss (validation or train).
    public struct Row: Sendable, Equatable {
        public var recipe: TrainingRecipe
        public var seeds: [UInt64]
        public var mean: Double
        public var standardDeviation: Double
        /// Paired recipe − NVFP4 and recipe − BF16 (nil for the reference itself or without it).
        public var differenceToNVFP4: SeedStatistics.Interval?
        public var differenceToBF16: SeedStatistics.Interval?
        /// Share of the NVFP4 → BF16 gap closed (nil for bf16/nvfp4, or without a gap).
        public var gapClosed: SeedStatistics.Interval?
    }

    /// One line of a loss.csv as `LossLog.read` returns it.
    typealias LogRow = (step: Int, loss: Double, validation: Double?)

    /// The finished runs: recipe → seed → summary.
    public typealias Runs = [TrainingRecipe: [UInt64: RunSummary]]

    /// The statistics of `loss` for each recipe that has a finished run.
    public static func rows(
        _ runs: Runs, recipes: [TrainingRecipe], seeds: [UInt64],
        loss: (RunSummary) -> Double
    ) -> [Row] {
        func values(_ r: TrainingRecipe, _ on: [UInt64]) -> [Double] { on.map { loss(runs[r]![$0]!) } }
        func finished(_ rs: [TrainingRecipe]) -> [UInt64] {
            seeds.filter { s in rs.allSatisfy { runs[$0]?[s] != nil } }
        }
        return recipes.compactMap { r in
            let own = finished([r])
            guard !own.isEmpty else { return nil }
            let v = values(r, own)
            var row = Row(
                recipe: r, seeds: own, mean: SeedStatistics.mean(v),
                standardDeviation: SeedStatistics.standardDeviation(v))
            if r != .nvfp4, r != .bf16 {
                let paired = finished([r, .nvfp4])
                if !paired.isEmpty {
                    row.differenceToNVFP4 = SeedStatistics.pairedDifference(values(r, paired), values(.nvfp4, paired))
                }
                let all = finished([r, .nvfp4, .bf16])
                row.gapClosed = SeedStatistics.gapClosed(
                    nvfp4: values(.nvfp4, all), recipe: values(r, all),
                    bf16: values(.bf16, all))
            }
            if r != .bf16 {
                let paired = finished([r, .bf16])
                if !paired.isEmpty {
                    row.differenceToBF16 = SeedStatistics.pairedDifference(values(r, paired), values(.bf16, paired))
                }
            }
            return row
        }
    }

    /// Paired validation-loss differences b − a between the 4/6 recipes (a before b in
    /// `recipes`), over the seeds where both finished.
    public static func fourOverSixPairs(_ runs: Runs, recipes: [TrainingRecipe], seeds: [UInt64])
        -> [(a: TrainingRecipe, b: TrainingRecipe, difference: SeedStatistics.Interval)]
    {
        let variants = recipes.filter { $0.usesFourOverSix && runs[$0] != nil }
        var out: [(TrainingRecipe, TrainingRecipe, SeedStatistics.Interval)] = []
        for (i, a) in variants.enumerated() {
            for b in variants[(i + 1)...] {
                let both = seeds.filter { runs[a]?[$0] != nil && runs[b]?[$0] != nil }
                guard !both.isEmpty else { continue }
                out.append(
                    (
                        a, b,
                        SeedStatistics.pairedDifference(
                            both.map { runs[b]![$0]!.validationLoss },
                            both.map { runs[a]![$0]!.validationLoss })
                    ))
            }
        }
        return out
    }

    static func f(_ x: Double, _ digits: Int = 4) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "—" }
    static func signed(_ x: Double) -> String { x.isFinite ? String(format: "%+.4f", x) : "—" }
    static func percent(_ x: Double) -> String { x.isFinite ? String(format: "%.1f%%", 100 * x) : "—" }

    /// "+0.0123 [−0.0040, +0.0286]" (the interval only with two seeds or more).
    static func interval(_ i: SeedStatistics.Interval?, asShare: Bool = false) -> String {
        guard let i else { return "—" }
        let show: (Double) -> String = asShare ? { Self.percent($0) } : { Self.signed($0) }
        return show(i.estimate) + (i.lower.isFinite ? " [\(show(i.lower)), \(show(i.upper))]" : "")
    }

    /// What an interval of a difference recipe − reference says, and no more.
    static func verdict(_ i: SeedStatistics.Interval?, reference: String) -> String {
        guard let i, i.lower.isFinite else { return "too few seeds for an interval against \(reference)" }
        switch i.sign {
        case -1: return "lower validation loss than \(reference) (95% interval below 0)"
        case 1: return "higher validation loss than \(reference) (95% interval above 0)"
        default: return "no difference to \(reference) resolved (95% interval covers 0)"
        }
    }

    public static func markdown(
        _ runs: Runs, recipes: [TrainingRecipe], seeds: [UInt64], command: String,
        corpus: String
    ) -> String {
        let validation = rows(runs, recipes: recipes, seeds: seeds, loss: \.validationLoss)
        let train = rows(runs, recipes: recipes, seeds: seeds, loss: \.trainLoss)
        guard let first = recipes.lazy.compactMap({ r in seeds.lazy.compactMap { runs[r]?[$0] }.first }).first else {
            return "No runs.\n"
        }
        let o = first.options, m = o.model
        let expected = recipes.count * seeds.count
        let finished = recipes.reduce(0) { n, r in n + seeds.filter { runs[r]?[$0] != nil }.count }
        var out = "# Pre-training over \(seeds.count) seeds: \(recipes.map(\.rawValue).joined(separator: ", "))\n\n"
        out += "Command:\n\n```\n\(command)\n```\n\n"
        out += "Model: Llama-style decoder, \(m.layerCount) layers, hidden \(m.hiddenSize), MLP \(m.intermediateSize), "
        out +=
            "\(m.headCount) heads, vocabulary \(m.vocabularySize), "
            + "\(String(format: "%.2f", Double(first.parameterCount) / 1e6)) M parameters. "
        out += "Corpus: \(corpus). \(first.steps) steps × \(o.batchSize) sequences × \(o.sequenceLength) tokens = "
        out +=
            "\(String(format: "%.2f", Double(first.steps * first.tokensPerStep) / 1e6)) "
            + "M tokens per run; peak LR \(o.learningRate). "
        out +=
            o.highPrecisionLastLayers == 0
            ? "NVFP4 recipes quantize every decoder block; the head stays in BF16. "
            : "NVFP4 recipes keep the last \(o.highPrecisionLastLayers) block(s) and the head in BF16. "
        out +=
            "Seeds \(seeds.map(String.init).joined(separator: ", ")): "
            + "each seed fixes the initialization, the batch order "
        out +=
            "and the stochastic-rounding noise, shared by every recipe of that seed. "
            + "Finished runs: \(finished) of \(expected).\n\n"

        out +=
            "| recipe | seeds | val loss, mean ± sd | train loss, mean ± sd | tokens/s (mean) |\n"
            + "|---|---|---|---|---|\n"
        for (v, t) in zip(validation, train) {
            let speed = SeedStatistics.mean(v.seeds.map { runs[v.recipe]![$0]!.tokensPerSecond })
            out += "| \(v.recipe.rawValue) | \(v.seeds.count) | \(f(v.mean)) ± \(f(v.standardDeviation)) | "
            out += "\(f(t.mean)) ± \(f(t.standardDeviation)) | \(f(speed, 0)) |\n"
        }
        let compared = validation.filter { $0.recipe != .bf16 }
        if !compared.isEmpty {
            out += "\nPaired by seed, validation loss (mean [95% interval]):\n\n"
            out += "| recipe | Δ vs NVFP4 | Δ vs BF16 | share of the NVFP4 → BF16 gap closed |\n|---|---|---|---|\n"
            for r in compared {
                out += "| \(r.recipe.rawValue) | \(r.recipe == .nvfp4 ? "—" : interval(r.differenceToNVFP4)) | "
                out += "\(interval(r.differenceToBF16)) | \(interval(r.gapClosed, asShare: true)) |\n"
            }
            out += "\n"
            for r in compared where r.recipe != .nvfp4 {
                out += "- \(r.recipe.rawValue): \(verdict(r.differenceToNVFP4, reference: "NVFP4")); "
                out += "\(verdict(r.differenceToBF16, reference: "BF16")).\n"
            }
            if let n = compared.first(where: { $0.recipe == .nvfp4 }) {
                out += "- nvfp4: \(verdict(n.differenceToBF16, reference: "BF16")).\n"
                if n.differenceToBF16.map({ $0.sign != 1 }) ?? false {
                    out += "- The NVFP4 → BF16 gap itself is not resolved (its interval does not lie above 0), so the "
                    out += "shares of it closed are not meaningful; compare the Δ columns instead.\n"
                }
            }
        }
        let pairs = fourOverSixPairs(runs, recipes: recipes, seeds: seeds)
        if !pairs.isEmpty {
            out += "\nBetween the 4/6 variants, paired by seed (validation loss of the second minus the first):\n\n"
            out += "| second | first | Δ [95% interval] | verdict |\n|---|---|---|---|\n"
            for p in pairs {
                out += "| \(p.b.rawValue) | \(p.a.rawValue) | \(interval(p.difference)) | "
                out += "\(verdict(p.difference, reference: p.a.rawValue)) |\n"
            }
        }
        out += "\nMethod: Δ is the mean over seeds of the per-seed difference of final validation losses, with the "
        out += "t-interval mean ± t(0.975, k−1)·sd/√k over the k seeds where both runs finished. The share of the gap "
        out +=
            "closed is the ratio of means Σ(L_nvfp4 − L_recipe) / Σ(L_nvfp4 − L_bf16) over the seeds where all three "
        out += "finished, with a first-order delta-method interval R ± t(0.975, k−1)·se, "
        out +=
            "se² = [var(g) − 2R·cov(g, h) + R²·var(h)] / (k·mean(h)²), "
            + "g = L_nvfp4 − L_recipe, h = L_nvfp4 − L_bf16 "
        out +=
            "(100% = as good as BF16, 0% = as standard NVFP4, "
            + "negative = worse; not given when the mean gap is not positive). "
        out +=
            "Train loss: mean over the last 5% of steps. Validation loss: the held-out windows, with the recipe's own "
        out += "forward precision.\n"
        return out
    }

    public static func csv(_ runs: Runs, recipes: [TrainingRecipe], seeds: [UInt64]) -> String {
        var lines = ["seed,recipe,steps,tokens,val_loss,train_loss,tokens_per_second,four_share"]
        for s in seeds {
            for r in recipes {
                guard let x = runs[r]?[s] else { continue }
                lines.append(
                    [
                        "\(s)", r.rawValue, "\(x.steps)", "\(x.steps * x.tokensPerStep)", f(x.validationLoss, 6),
                        f(x.trainLoss, 6), f(x.tokensPerSecond, 1), f(x.fourShare, 4),
                    ].joined(separator: ","))
            }
        }
        lines.append("")
        lines.append(
            "recipe,seeds,val_mean,val_sd,val_diff_nvfp4,val_diff_nvfp4_lo,val_diff_nvfp4_hi,"
                + "val_diff_bf16,val_diff_bf16_lo,val_diff_bf16_hi,gap_closed,gap_closed_lo,gap_closed_hi")
        for r in rows(runs, recipes: recipes, seeds: seeds, loss: \.validationLoss) {
            func three(_ i: SeedStatistics.Interval?) -> [String] {
                guard let i else { return ["", "", ""] }
                return [f(i.estimate, 6), f(i.lower, 6), f(i.upper, 6)]
            }
            lines.append(
                ([r.recipe.rawValue, "\(r.seeds.count)", f(r.mean, 6), f(r.standardDeviation, 6)]
                    + three(r.differenceToNVFP4) + three(r.differenceToBF16) + three(r.gapClosed)).joined(
                        separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mean train-loss curve over a recipe's finished seeds (truncated to the shortest log),
    /// the per-seed curves for the band, and the mean validation points at the steps all share.
    static func curve(_ logs: [[LogRow]], label: String, color: String) -> LossCurve {
        let n = logs.map(\.count).min() ?? 0
        let steps = (0..<n).map { logs[0][$0].step }
        let perSeed = logs.map { log in (0..<n).map { log[$0].loss } }
        let mean = (0..<n).map { i in SeedStatistics.mean(perSeed.map { $0[i] }) }
        var validation: [(step: Int, loss: Double)] = []
        for i in 0..<n {
            let v = logs.compactMap { $0[i].validation }
            if v.count == logs.count { validation.append((steps[i], SeedStatistics.mean(v))) }
        }
        return LossCurve(
            label: label, color: color, steps: steps, losses: mean, validation: validation,
            seedLosses: logs.count > 1 ? perSeed : [])
    }

    /// Reads the finished runs under `directory` and writes the report files; returns the markdown.
    public static func write(
        directory out: String, recipes: [TrainingRecipe], seeds: [UInt64],
        corpusDescription: String?
    ) throws -> String {
        var runs: Runs = [:], curves: [LossCurve] = []
        for r in recipes {
            var logs: [[LogRow]] = []
            for s in seeds {
                let dir = "\(out)/seed-\(s)/\(r.rawValue)"
                guard FileManager.default.fileExists(atPath: "\(dir)/summary.json") else { continue }
                runs[r, default: [:]][s] = try RunSummary.read("\(dir)/summary.json")
                logs.append(try LossLog.read("\(dir)/loss.csv"))
            }
            if !logs.isEmpty {
                let label = r.rawValue + (logs.count > 1 ? " (\(logs.count) seeds)" : "")
                curves.append(curve(logs, label: label, color: PretrainExperiment.colors[r] ?? "#000"))
            }
        }
        guard !runs.isEmpty else { throw EvaluationError.noFinishedRuns(directory: out) }
        let (command, corpus) = try PretrainExperiment.reportHeader(out: out, corpusDescription: corpusDescription)
        let markdown = Self.markdown(runs, recipes: recipes, seeds: seeds, command: command, corpus: corpus)
        try markdown.write(toFile: "\(out)/pretrain.md", atomically: true, encoding: .utf8)
        try csv(runs, recipes: recipes, seeds: seeds).write(
            toFile: "\(out)/pretrain.csv", atomically: true, encoding: .utf8)
        let steps = runs.values.flatMap(\.values).map(\.steps).max() ?? 1
        let title =
            "Pre-training loss over \(seeds.count) seeds: "
            + "\(curves.map { $0.label.split(separator: " ")[0] }.joined(separator: " vs "))"
        try LossCurvePlot.svg(curves, title: title, window: max(1, steps / 40))
            .write(toFile: "\(out)/loss-curves.svg", atomically: true, encoding: .utf8)
        return markdown
    }
}
