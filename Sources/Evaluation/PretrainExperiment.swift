// The pre-training experiment: the recipes trained with the same seed and data order, each
// into its own folder, and the comparison written from their summaries and logs
// (`fouroversix experiment pretrain`).
//
// Promises: `run` trains each recipe into DIR/<recipe>/ (checkpoint, loss.csv, summary.json),
// or, with `seeds`, each (recipe, seed) into DIR/seed-<seed>/<recipe>/ with that seed for
// initialization and stochastic rounding and the data seed shifted by the same amount (within
// a seed all recipes share initialization and batches); it skips runs whose summary.json
// already exists unless `force` (so an interrupted experiment continues across sessions), and
// with `resume` continues an unfinished run from the checkpoint in its folder. It records the
// command in DIR/command.txt, then writes the report; `writeReport` writes DIR/pretrain.md,
// DIR/pretrain.csv, DIR/loss-curves.svg (and DIR/corpus.txt when given a corpus description)
// from the finished runs (the seed report, `PretrainSeedReport`, when there are seed folders)
// and returns the markdown. `parallel` trains the pending runs concurrently (at most one per
// core at a time), the threads split among them; every GEMM sums in a fixed order whatever the
// thread count, so the losses are the same as those of a sequential run; the first failure
// (naming its recipe and seed) is the one thrown.

import CPUKernels
import Charts
import Dispatch
import Foundation
import Synchronization
import Training

/// A recipe's training failed (the message names the recipe).
public struct RecipeFailure: Error, CustomStringConvertible {
    public let recipe: TrainingRecipe
    /// The run's seed in a seeded experiment.
    public let seed: UInt64?
    public let error: any Error
    public var description: String { "\(recipe.rawValue)\(seed.map { " (seed \($0))" } ?? ""): \(error)" }
}

/// The first failure among recipes trained in parallel.
final class ParallelFailures: Sendable {
    private let failure = Mutex<RecipeFailure?>(nil)

    func record(_ run: PretrainExperiment.Run, _ error: any Error) {
        failure.withLock { if $0 == nil { $0 = RecipeFailure(recipe: run.recipe, seed: run.seed, error: error) } }
    }
    var first: RecipeFailure? { failure.withLock { $0 } }
}

public struct PretrainExperiment: Sendable {
    /// Recipes in order (the first is the reference of the plot).
    public var recipes: [TrainingRecipe]
    public var outputDirectory: String
    /// Re-run recipes that already have a summary.json.
    public var force = false
    /// Train the recipes concurrently, splitting `threads` among them.
    public var parallel = false
    /// Threads in all (default: all online processors).
    public var threads: Int?
    /// One run per recipe and seed, in DIR/seed-<seed>/<recipe>/ (nil: one run per recipe in
    /// DIR/<recipe>/ with the options' own seed, the recorded single-seed layout).
    public var seeds: [UInt64]?
    /// Continue unfinished runs from the checkpoint in their folder (see `--checkpoint-every`).
    public var resume = false

    public static let colors: [TrainingRecipe: String] = [
        .bf16: "#1f77b4", .nvfp4: "#d62728", .nvfp4FourOverSix: "#2ca02c",
        .nvfp4FourOverSixStatic6Gradients: "#ff7f0e", .nvfp4FourOverSixUnbiasedSR: "#9467bd",
    ]

    /// One training run of the experiment: a recipe, and its seed in a seeded experiment.
    public struct Run: Sendable, Hashable {
        public var recipe: TrainingRecipe
        public var seed: UInt64?

        public var label: String { recipe.rawValue + (seed.map { " seed \($0)" } ?? "") }
    }

    /// The runs in order: by seed, then by recipe.
    public var runs: [Run] {
        guard let seeds else { return recipes.map { Run(recipe: $0, seed: nil) } }
        return seeds.flatMap { s in recipes.map { Run(recipe: $0, seed: s) } }
    }

    /// The folder of a run.
    public func directory(_ run: Run) -> String {
        guard let seed = run.seed else { return "\(outputDirectory)/\(run.recipe.rawValue)" }
        return "\(outputDirectory)/seed-\(seed)/\(run.recipe.rawValue)"
    }

    /// A run's options: the recipe's, with the run's seed (the data seed moves by the same amount).
    public static func options(_ base: TrainingOptions, seed: UInt64?) -> TrainingOptions {
        guard let seed else { return base }
        var o = base
        o.dataSeed = base.dataSeed &+ (seed &- base.seed)
        o.seed = seed
        return o
    }

    public init(recipes: [TrainingRecipe], outputDirectory: String) {
        self.recipes = recipes
        self.outputDirectory = outputDirectory
    }

    /// What the caller sees of a run: notices (skipped runs, the corpus), each run's progress
    /// (labelled by `Run.label`; `plain` when runs share the terminal) and each finished
    /// summary. Called from the training threads when runs train in parallel.
    public struct Events: Sendable {
        public var notice: @Sendable (String) -> Void
        public var progress: @Sendable (_ label: String, _ every: Int, _ plain: Bool) -> (TrainingProgress) -> Void
        public var finished: @Sendable (TrainingSummary) -> Void

        public init(
            notice: @escaping @Sendable (String) -> Void,
            progress: @escaping @Sendable (String, Int, Bool) -> (TrainingProgress) -> Void,
            finished: @escaping @Sendable (TrainingSummary) -> Void
        ) {
            self.notice = notice
            self.progress = progress
            self.finished = finished
        }
    }

    /// Trains the pending runs and writes the report; returns the report's markdown.
    /// `prepareCorpus` runs only when a run is pending; `options` gives a recipe's options
    /// (the experiment sets each run's seed).
    public func run(
        command: String, prepareCorpus: () throws -> PreparedCorpus,
        describeCorpus: (PreparedCorpus) -> String,
        options: (TrainingRecipe, PreparedCorpus) throws -> TrainingOptions,
        events: Events
    ) throws -> String {
        let out = outputDirectory
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var corpusDescription: String?
        let pending = runs.filter { run in
            let summary = "\(directory(run))/summary.json"
            let done = FileManager.default.fileExists(atPath: summary)
            if done && !force { events.notice("\(run.label): \(summary) exists, skipped (--force re-runs)") }
            return force || !done
        }
        if !pending.isEmpty {
            let prepared = try prepareCorpus()
            corpusDescription = describeCorpus(prepared)
            let seconds = String(format: "%.1f", prepared.preparationSeconds)
            events.notice("corpus: \(describeCorpus(prepared)), prepared in \(seconds) s")
            let trainingOptions = try pending.map { Self.options(try options($0.recipe, prepared), seed: $0.seed) }
            if parallel && pending.count > 1 {
                let threads = max(1, (self.threads ?? CPUParallel.defaultThreadCount) / pending.count)
                let failures = ParallelFailures()
                DispatchQueue.concurrentPerform(iterations: pending.count) { i in
                    do {
                        try train(
                            pending[i], options: trainingOptions[i], corpus: prepared, threads: threads,
                            plain: true, events: events)
                    } catch {
                        failures.record(pending[i], error)
                    }
                }
                if let failure = failures.first { throw failure }
            } else {
                for (run, o) in zip(pending, trainingOptions) {
                    do {
                        try train(run, options: o, corpus: prepared, threads: nil, plain: false, events: events)
                    } catch  where seeds != nil {
                        throw RecipeFailure(recipe: run.recipe, seed: run.seed, error: error)
                    }
                }
            }
        }
        try (command + "\n").write(toFile: "\(out)/command.txt", atomically: true, encoding: .utf8)
        return try writeReport(corpusDescription: corpusDescription)
    }

    /// Trains one run into its folder and writes its summary.json; with `resume`, an
    /// unfinished run continues from the checkpoint in its folder.
    func train(
        _ run: Run, options: TrainingOptions, corpus: PreparedCorpus, threads: Int?, plain: Bool,
        events: Events
    ) throws {
        let dir = directory(run)
        var options = options
        if let threads { options.threads = threads }
        let state = "\(dir)/\(TrainingCheckpoint.stateFolder)/\(TrainingCheckpoint.stateFile)"
        let resumeFrom = resume && !force && FileManager.default.fileExists(atPath: state) ? dir : nil
        if resumeFrom != nil { events.notice("\(run.label): resuming from the checkpoint in \(dir)") }
        let progress = events.progress(run.label, max(1, options.evaluationEvery), plain)
        let summary = try TrainingRun.run(
            options: options, corpus: corpus, outputDirectory: dir, resumeFrom: resumeFrom,
            progress: progress)
        events.finished(summary)
    }

    /// `s` quoted for a POSIX shell when it holds anything but letters, digits and -_./=:
    public static func quote(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:".contains($0) }
            ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Writes the table, the CSV and the loss-curve plot from the finished runs in the folder
    /// and returns the table (markdown).
    public func writeReport(corpusDescription: String?) throws -> String {
        let out = outputDirectory
        if let seeds = seeds ?? Self.seedFolders(out) {
            return try PretrainSeedReport.write(
                directory: out, recipes: recipes, seeds: seeds,
                corpusDescription: corpusDescription)
        }
        var runs: [RunSummary] = [], curves: [LossCurve] = []
        for recipe in recipes {
            let dir = "\(out)/\(recipe.rawValue)"
            guard FileManager.default.fileExists(atPath: "\(dir)/summary.json") else { continue }
            runs.append(try RunSummary.read("\(dir)/summary.json"))
            let rows = try LossLog.read("\(dir)/loss.csv")
            curves.append(
                LossCurve(
                    label: recipe.rawValue, color: Self.colors[recipe] ?? "#000",
                    steps: rows.map(\.step), losses: rows.map(\.loss),
                    validation: rows.compactMap { r in r.validation.map { (r.step, $0) } }))
        }
        guard !runs.isEmpty else { throw EvaluationError.noFinishedRuns(directory: out) }
        let (command, corpus) = try PretrainExperiment.reportHeader(out: out, corpusDescription: corpusDescription)
        let markdown = PretrainReport.markdown(runs, command: command, corpus: corpus)
        try markdown.write(toFile: "\(out)/pretrain.md", atomically: true, encoding: .utf8)
        try PretrainReport.csv(runs).write(toFile: "\(out)/pretrain.csv", atomically: true, encoding: .utf8)
        let steps = runs.map(\.steps).max() ?? 1
        let window = max(1, steps / 40)
        let title = "Pre-training loss: \(runs.map(\.recipe).joined(separator: " vs "))"
        try LossCurvePlot.svg(curves, title: title, window: window)
            .write(toFile: "\(out)/loss-curves.svg", atomically: true, encoding: .utf8)
        return markdown
    }

    /// The seeds of the DIR/seed-<seed>/ folders, ascending; nil when there are none.
    static func seedFolders(_ directory: String) -> [UInt64]? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let seeds = names.compactMap { $0.hasPrefix("seed-") ? UInt64($0.dropFirst(5)) : nil }.sorted()
        return seeds.isEmpty ? nil : seeds
    }
}

extension PretrainExperiment {
    /// The report header of a run folder: the recorded command (command.txt) and the corpus line
    /// (corpus.txt, written first from `corpusDescription` when given).
    static func reportHeader(out: String, corpusDescription: String?) throws -> (command: String, corpus: String) {
        let command =
            (try? String(contentsOfFile: "\(out)/command.txt", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "(unknown)"
        let corpusFile = "\(out)/corpus.txt"
        if let corpusDescription {
            try (corpusDescription + "\n").write(toFile: corpusFile, atomically: true, encoding: .utf8)
        }
        let corpus =
            (try? String(contentsOfFile: corpusFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "(see the runs' options)"
        return (command, corpus)
    }
}
