// `fouroversix experiment`: the project's reproducible experiments; `pretrain` trains the
// three recipes with the same seed and data order and writes the comparison (Evaluation's
// `PretrainExperiment`).
//
// Promises: `experiment pretrain --out DIR` trains the recipes not yet finished in DIR (all
// with --force), then writes DIR/pretrain.md, pretrain.csv, loss-curves.svg and command.txt
// and prints the table; `--report-only` only rebuilds those files. Notices and progress go to
// standard error.

import ArgumentParser
import Evaluation
import Foundation
import OutputSafety
import Training

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

    func run() throws {
        try prepareOutputs([OutputRequest(out, .folder, inputs: [training.text, training.tokenizer].compactMap { $0 },
                                          existing: .addTo, role: "--out folder")])
        var experiment = PretrainExperiment(recipes: recipes, outputDirectory: out)
        experiment.force = force
        experiment.parallel = parallel
        experiment.threads = training.threads
        if reportOnly {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            print(try experiment.writeReport(corpusDescription: nil))
            return
        }
        let command = "fouroversix "
            + CommandLine.arguments.dropFirst().map(PretrainExperiment.quote).joined(separator: " ")
        let events = PretrainExperiment.Events(
            notice: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
            progress: { recipe, every, plain in
                TrainingProgressPrinter(label: recipe.rawValue, every: every, plain: plain).update
            },
            finished: { TrainCommand.report($0, json: false) })
        print(try experiment.run(command: command, prepareCorpus: training.prepareCorpus,
                                 describeCorpus: training.describe,
                                 options: { try training.options(recipe: $0, corpus: $1) }, events: events))
    }
}
