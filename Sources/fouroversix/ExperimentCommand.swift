// `fouroversix experiment`: the project's reproducible experiments; `pretrain` trains the
// three recipes with the same seed and data order and writes the comparison (Evaluation's
// `PretrainExperiment`).
//
// Promises: `experiment pretrain --out DIR` trains the recipes not yet finished in DIR (all
// with --force; `--seeds N` each recipe for N seeds; `--resume` continues unfinished runs from
// their checkpoints), then writes DIR/pretrain.md, pretrain.csv, loss-curves.svg and
// command.txt and prints the table; `--report-only` only rebuilds those files from the
// finished runs. Notices and progress go to standard error.

import ArgumentParser
import Evaluation
import Foundation
import OutputSafety
import PostTrainingQuantization
import ReportText
import Training

struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Reproducible experiments.",
        subcommands: [PretrainExperimentCommand.self, PTQExperimentCommand.self]
    )
}

struct PretrainExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretrain",
        abstract: """
            Pre-train with bf16, nvfp4 and nvfp4-4over6 (same seed, same batches) and compare the losses; --seeds N \
            for intervals.
            """,
        discussion: "Writes a markdown + CSV table, an SVG plot of the loss curves and the exact command into --out."
    )

    @OptionGroup var training: TrainingArguments

    @Option(
        parsing: .upToNextOption,
        help: "Recipes to run, in order (the first is the reference of the plot; default: bf16 nvfp4 nvfp4-4over6).")
    var recipes: [TrainingRecipe] = [.bf16, .nvfp4, .nvfp4FourOverSix]

    @Option(
        help: """
            Train every recipe with N seeds (--seed, --seed + 1, …; the data seed moves alike), each run in \
            OUT/seed-<seed>/<recipe>/, and report means, standard deviations and paired 95% intervals over the seeds. \
            1: the single-seed layout OUT/<recipe>/.
            """
    )
    var seeds = 1

    @Flag(
        help: """
            Continue unfinished runs from the checkpoint in their folder (written every --checkpoint-every steps); \
            finished runs are always skipped.
            """
    )
    var resume = false

    @Option(help: "Output folder (the recorded runs are in results/pretrain/).")
    var out = "runs/pretrain"

    @Flag(help: "Re-run recipes that already have a summary.json.")
    var force = false

    @Flag(name: .customLong("report-only"), help: "Only rebuild the table and plot from the runs in --out.")
    var reportOnly = false

    @Flag(
        help: """
            Train the recipes concurrently, at most one per core at a time, splitting --threads among them (same \
            losses as one after another; faster for small models, whose GEMMs use few cores well).
            """
    )
    var parallel = false

    func validate() throws {
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1") }
    }

    func run() throws {
        try prepareOutputs([
            OutputRequest(
                out, .folder, inputs: [training.text, training.tokenizer].compactMap { $0 },
                existing: .addTo, role: "--out folder")
        ])
        var experiment = PretrainExperiment(recipes: recipes, outputDirectory: out)
        experiment.force = force
        experiment.parallel = parallel
        experiment.threads = training.threads
        experiment.resume = resume
        if seeds > 1 { experiment.seeds = (0..<seeds).map { training.seed &+ UInt64($0) } }
        if reportOnly {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            print(try experiment.writeReport(corpusDescription: nil))
            return
        }
        let command =
            "fouroversix "
            + CommandLine.arguments.dropFirst().map(PretrainExperiment.quote).joined(separator: " ")
        let events = PretrainExperiment.Events(
            notice: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
            progress: { label, every, plain in
                TrainingProgressPrinter(label: label, every: every, plain: plain).update
            },
            finished: { print($0.text) })
        print(
            try experiment.run(
                command: command, prepareCorpus: training.prepareCorpus,
                describeCorpus: \.summary,
                options: { try training.options(recipe: $0, corpus: $1) }, events: events))
    }
}

struct PTQExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptq",
        abstract: "RTN, GPTQ, AWQ and SmoothQuant × NVFP4 / 4/6 × W4A16 / W4A4: perplexity table.",
        discussion: """
            Calibrates on one text, evaluates on another; writes ptq.md, ptq.csv and ptq.svg into --out, and \
            ptq-cells.json as each cell finishes (--resume continues from it).
            """
    )

    @Argument(help: "Model folder (config.json, safetensors, tokenizer.json).")
    var model: String

    @Option(help: "Text to calibrate on.")
    var calibrationText: String

    @Option(help: "Calibration windows.")
    var calibrationWindows = 128

    @Option(help: "Tokens per calibration window.")
    var calibrationContext = 512

    @Option(help: "Text to evaluate on (held out from the calibration text).")
    var evalText: String

    @Option(help: "Evaluation context (tokens per window).")
    var context = 512

    @Option(help: "Evaluate only the first N windows.")
    var windows: Int?

    @Option(help: "Output folder.")
    var out = "runs/ptq"

    @Option(
        parsing: .upToNextOption,
        help: """
            Only these rows (RTN, the reference, always runs): rtn-output, gptq-frozen, gptq, gptq-output, awq, \
            awq-clip, smoothquant. Default: all.
            """)
    var methods: [String] = []

    @Option(parsing: .upToNextOption, help: "Only these schemes (default: w4a16 w4a4).")
    var schemes: [PTQScheme] = PTQScheme.allCases

    @Flag(
        help: """
            Continue a stopped run in --out: cells already in its ptq-cells.json (same model, texts, windows and \
            context) are reused, the rest computed.
            """)
    var resume = false

    func validate() throws {
        do { _ = try PTQExperiment.methods(named: methods) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        try prepareOutputs([
            OutputRequest(
                out, .folder, inputs: [model, calibrationText, evalText],
                existing: .addTo, role: "--out folder")
        ])
        let start = Date()
        let experiment = try PTQExperiment.run(
            modelDirectory: model,
            calibration: CalibrationText(
                path: calibrationText, windows: calibrationWindows, context: calibrationContext),
            evaluationText: evalText, context: context, windows: windows,
            methods: methods.isEmpty ? PTQExperiment.methods : try PTQExperiment.methods(named: methods),
            schemes: schemes,
            cellsFile: out + "/ptq-cells.json", resume: resume,
            notice: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        let command =
            "fouroversix " + CommandLine.arguments.dropFirst().map(PretrainExperiment.quote).joined(separator: " ")
        try experiment.write(to: out, command: command, seconds: Date().timeIntervalSince(start))
        print(experiment.subtitle)
        print(renderTable(header: PTQExperiment.header, rows: experiment.textRows))
    }
}
