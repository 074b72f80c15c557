// `fouroversix experiment`: the project's reproducible experiments; `pretrain` trains the
// three recipes with the same seed and data order and writes the comparison.
//
// Promises: `experiment pretrain --out DIR` runs each recipe into DIR/<recipe>/ (checkpoint,
// loss.csv, summary.json), skipping recipes whose summary.json already exists unless --force
// (so an interrupted experiment continues), then writes DIR/pretrain.md, DIR/pretrain.csv,
// DIR/loss-curves.svg and DIR/command.txt from the summaries and logs. `--report-only` only
// rebuilds those files. `--parallel` trains the recipes concurrently (at most one per core at
// a time), the threads split among them; every GEMM sums in a fixed order whatever the thread
// count, so the losses are the same as those of a sequential run.

import ArgumentParser
import CPUKernels
import Dispatch
import Foundation
import Synchronization
import Training

/// A recipe's training failed (the message names the recipe).
struct RecipeFailure: Error, CustomStringConvertible {
    let recipe: TrainingRecipe
    let error: any Error
    var description: String { "\(recipe.rawValue): \(error)" }
}

/// The first failure among recipes trained in parallel.
final class ParallelFailures: Sendable {
    private let failure = Mutex<RecipeFailure?>(nil)

    func record(_ recipe: TrainingRecipe, _ error: any Error) {
        failure.withLock { if $0 == nil { $0 = RecipeFailure(recipe: recipe, error: error) } }
    }
    var first: RecipeFailure? { failure.withLock { $0 } }
}

struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Reproducible experiments.",
        subcommands: [PretrainExperimentCommand.self]
    )
}

struct PretrainExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretrain",
        abstract: "Pre-train with bf16, nvfp4 and nvfp4-4over6 (same seed, same batches) and compare the losses.",
        discussion: "Writes a markdown + CSV table, an SVG plot of the loss curves and the exact command into --out."
    )

    @OptionGroup var training: TrainingArguments

    @Option(parsing: .upToNextOption, help: "Recipes to run, in order (the first is the reference of the plot).")
    var recipes: [TrainingRecipe] = TrainingRecipe.allCases

    @Option(help: "Output folder (the recorded runs are in results/pretrain/).")
    var out = "runs/pretrain"

    @Flag(help: "Re-run recipes that already have a summary.json.")
    var force = false

    @Flag(name: .customLong("report-only"), help: "Only rebuild the table and plot from the runs in --out.")
    var reportOnly = false

    @Flag(help: "Train the recipes concurrently, at most one per core at a time, splitting --threads among them (same losses as one after another; faster for small models, whose GEMMs use few cores well).")
    var parallel = false

    static let colors: [TrainingRecipe: String] = [.bf16: "#1f77b4", .nvfp4: "#d62728", .nvfp4FourOverSix: "#2ca02c"]

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var corpus: PreparedCorpus?
        if !reportOnly {
            let pending = recipes.filter { recipe in
                let done = FileManager.default.fileExists(atPath: "\(out)/\(recipe.rawValue)/summary.json")
                if done && !force {
                    FileHandle.standardError.write(Data("\(recipe.rawValue): \(out)/\(recipe.rawValue)/summary.json exists, skipped (--force re-runs)\n".utf8))
                }
                return force || !done
            }
            if !pending.isEmpty {
                let prepared = try training.prepareCorpus()
                corpus = prepared
                FileHandle.standardError.write(Data("corpus: \(training.describe(prepared)), prepared in \(String(format: "%.1f", prepared.preparationSeconds)) s\n".utf8))
                if parallel && pending.count > 1 {
                    let threads = max(1, (training.threads ?? CPUParallel.defaultThreadCount) / pending.count)
                    let failures = ParallelFailures()
                    DispatchQueue.concurrentPerform(iterations: pending.count) { i in
                        do { try train(pending[i], corpus: prepared, threads: threads, plainProgress: true) }
                        catch { failures.record(pending[i], error) }
                    }
                    if let failure = failures.first { throw failure }
                } else {
                    for recipe in pending { try train(recipe, corpus: prepared, threads: nil, plainProgress: false) }
                }
            }
            let command = "fouroversix " + CommandLine.arguments.dropFirst().map(Self.quote).joined(separator: " ")
            try (command + "\n").write(toFile: "\(out)/command.txt", atomically: true, encoding: .utf8)
        }
        try writeReport(corpusDescription: corpus.map(training.describe))
    }

    /// Trains one recipe into OUT/<recipe>/ and writes its summary.json.
    func train(_ recipe: TrainingRecipe, corpus: PreparedCorpus, threads: Int?, plainProgress: Bool) throws {
        let dir = "\(out)/\(recipe.rawValue)"
        var options = try training.options(recipe: recipe, corpus: corpus)
        if let threads { options.threads = threads }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let trainer = try Trainer(options: options, corpus: corpus, outputDirectory: dir)
        let log = try LossLog(path: "\(dir)/loss.csv")
        let printer = TrainingProgressPrinter(label: recipe.rawValue, every: max(1, options.evaluationEvery), plain: plainProgress)
        let summary = try trainer.run(log: { log.append($0) }, progress: printer.update)
        try RunSummary(summary, options: options).write(to: "\(dir)/summary.json")
        TrainCommand.report(summary, json: false)
    }

    static func quote(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func writeReport(corpusDescription: String?) throws {
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
        guard !runs.isEmpty else { throw ValidationError("no finished runs in \(out)") }
        let command = (try? String(contentsOfFile: "\(out)/command.txt", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "(unknown)"
        let corpusFile = "\(out)/corpus.txt"
        if let corpusDescription { try (corpusDescription + "\n").write(toFile: corpusFile, atomically: true, encoding: .utf8) }
        let corpus = (try? String(contentsOfFile: corpusFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "(see the runs' options)"
        try PretrainReport.markdown(runs, command: command, corpus: corpus)
            .write(toFile: "\(out)/pretrain.md", atomically: true, encoding: .utf8)
        try PretrainReport.csv(runs).write(toFile: "\(out)/pretrain.csv", atomically: true, encoding: .utf8)
        let steps = runs.map(\.steps).max() ?? 1
        let window = max(1, steps / 40)
        try LossCurvePlot.svg(curves, title: "Pre-training loss: \(runs.map(\.recipe).joined(separator: " vs "))", window: window)
            .write(toFile: "\(out)/loss-curves.svg", atomically: true, encoding: .utf8)
        print(try String(contentsOfFile: "\(out)/pretrain.md", encoding: .utf8))
    }
}
