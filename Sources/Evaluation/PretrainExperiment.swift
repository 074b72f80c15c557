// The pre-training experiment: the recipes trained with the same seed and data order, each
// into its own folder, and the comparison written from their summaries and logs
// (`fouroversix experiment pretrain`).
//
// Promises: `run` trains each recipe into DIR/<recipe>/ (checkpoint, loss.csv, summary.json),
// skipping recipes whose summary.json already exists unless `force` (so an interrupted
// experiment continues), records the command in DIR/command.txt, then writes the report;
// `writeReport` writes DIR/pretrain.md, DIR/pretrain.csv, DIR/loss-curves.svg (and
// DIR/corpus.txt when given a corpus description) and returns the markdown. `parallel`
// trains the recipes concurrently (at most one per core at a time), the threads split among
// them; every GEMM sums in a fixed order whatever the thread count, so the losses are the same
// as those of a sequential run; the first failure (naming its recipe) is the one thrown.

import CPUKernels
import Charts
import Dispatch
import Foundation
import Synchronization
import Training

/// A recipe's training failed (the message names the recipe).
public struct RecipeFailure: Error, CustomStringConvertible {
    public let recipe: TrainingRecipe
    public let error: any Error
    public var description: String { "\(recipe.rawValue): \(error)" }
}

/// The first failure among recipes trained in parallel.
final class ParallelFailures: Sendable {
    private let failure = Mutex<RecipeFailure?>(nil)

    func record(_ recipe: TrainingRecipe, _ error: any Error) {
        failure.withLock { if $0 == nil { $0 = RecipeFailure(recipe: recipe, error: error) } }
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

    public static let colors: [TrainingRecipe: String] = [
        .bf16: "#1f77b4", .nvfp4: "#d62728", .nvfp4FourOverSix: "#2ca02c",
    ]

    public init(recipes: [TrainingRecipe], outputDirectory: String) {
        self.recipes = recipes
        self.outputDirectory = outputDirectory
    }

    /// What the caller sees of a run: notices (skipped recipes, the corpus), each recipe's
    /// progress (`plain` when recipes share the terminal) and each finished summary.
    /// Called from the training threads when recipes train in parallel.
    public struct Events: Sendable {
        public var notice: @Sendable (String) -> Void
        public var progress: @Sendable (TrainingRecipe, _ every: Int, _ plain: Bool) -> (TrainingProgress) -> Void
        public var finished: @Sendable (TrainingSummary) -> Void

        public init(notice: @escaping @Sendable (String) -> Void,
                    progress: @escaping @Sendable (TrainingRecipe, Int, Bool) -> (TrainingProgress) -> Void,
                    finished: @escaping @Sendable (TrainingSummary) -> Void) {
            self.notice = notice
            self.progress = progress
            self.finished = finished
        }
    }

    /// Trains the pending recipes and writes the report; returns the report's markdown.
    /// `prepareCorpus` runs only when a recipe is pending; `options` gives a recipe's options.
    public func run(command: String, prepareCorpus: () throws -> PreparedCorpus,
                    describeCorpus: (PreparedCorpus) -> String,
                    options: (TrainingRecipe, PreparedCorpus) throws -> TrainingOptions,
                    events: Events) throws -> String {
        let out = outputDirectory
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var corpusDescription: String?
        let pending = recipes.filter { recipe in
            let done = FileManager.default.fileExists(atPath: "\(out)/\(recipe.rawValue)/summary.json")
            if done && !force {
                events.notice(
                    "\(recipe.rawValue): \(out)/\(recipe.rawValue)/summary.json exists, skipped (--force re-runs)")
            }
            return force || !done
        }
        if !pending.isEmpty {
            let prepared = try prepareCorpus()
            corpusDescription = describeCorpus(prepared)
            let seconds = String(format: "%.1f", prepared.preparationSeconds)
            events.notice("corpus: \(describeCorpus(prepared)), prepared in \(seconds) s")
            let trainingOptions = try pending.map { try options($0, prepared) }
            if parallel && pending.count > 1 {
                let threads = max(1, (self.threads ?? CPUParallel.defaultThreadCount) / pending.count)
                let failures = ParallelFailures()
                DispatchQueue.concurrentPerform(iterations: pending.count) { i in
                    do {
                        try train(pending[i], options: trainingOptions[i], corpus: prepared, threads: threads,
                                  plain: true, events: events)
                    } catch {
                        failures.record(pending[i], error)
                    }
                }
                if let failure = failures.first { throw failure }
            } else {
                for (recipe, o) in zip(pending, trainingOptions) {
                    try train(recipe, options: o, corpus: prepared, threads: nil, plain: false, events: events)
                }
            }
        }
        try (command + "\n").write(toFile: "\(out)/command.txt", atomically: true, encoding: .utf8)
        return try writeReport(corpusDescription: corpusDescription)
    }

    /// Trains one recipe into OUT/<recipe>/ and writes its summary.json.
    func train(_ recipe: TrainingRecipe, options: TrainingOptions, corpus: PreparedCorpus, threads: Int?, plain: Bool,
               events: Events) throws {
        let dir = "\(outputDirectory)/\(recipe.rawValue)"
        var options = options
        if let threads { options.threads = threads }
        let progress = events.progress(recipe, max(1, options.evaluationEvery), plain)
        let summary = try TrainingRun.run(options: options, corpus: corpus, outputDirectory: dir, progress: progress)
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
        var runs: [RunSummary] = [], curves: [LossCurve] = []
        for recipe in recipes {
            let dir = "\(out)/\(recipe.rawValue)"
            guard FileManager.default.fileExists(atPath: "\(dir)/summary.json") else { continue }
            runs.append(try RunSummary.read("\(dir)/summary.json"))
            let rows = try LossLog.read("\(dir)/loss.csv")
            curves.append(LossCurve(label: recipe.rawValue, color: Self.colors[recipe] ?? "#000",
                                    steps: rows.map(\.step), losses: rows.map(\.loss),
                                    validation: rows.compactMap { r in r.validation.map { (r.step, $0) } }))
        }
        guard !runs.isEmpty else { throw EvaluationError.noFinishedRuns(directory: out) }
        let command = (try? String(contentsOfFile: "\(out)/command.txt", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "(unknown)"
        let corpusFile = "\(out)/corpus.txt"
        if let corpusDescription {
            try (corpusDescription + "\n").write(toFile: corpusFile, atomically: true, encoding: .utf8)
        }
        let corpus = (try? String(contentsOfFile: corpusFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "(see the runs' options)"
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
}
