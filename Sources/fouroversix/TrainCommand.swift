// `fouroversix train`: pre-train a small Llama-style model with one recipe (Training's `TrainingRun`).
//
// Promises: writes (with --out) a Hugging Face Llama folder that `eval` and `quantize` read,
// plus loss.csv, summary.json and the optimizer state for --resume (an existing run folder is
// refused unless --resume or --overwrite); progress goes to standard
// error; with --json the last stdout line is {"recipe", "steps", "initial_loss", "train_loss",
// "val_loss", "tokens_per_second"}. A diverged run exits non-zero after writing its log.

import ArgumentParser
import Foundation
import ModelCore
import OutputSafety
import Training

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Pre-train a small Llama-style model with BF16, NVFP4 or NVFP4 + 4/6 GEMMs (CPU, simulated).",
        discussion: """
            Recipes (docs/training.md): bf16 rounds every GEMM input to BF16; nvfp4 quantizes all three GEMMs of every \
            linear layer to NVFP4 (weights in 16×16 tiles, gradients stochastically rounded, RHT on the \
            weight-gradient operands, scale rule static_6) except the last --bf16-last-layers blocks and the head; \
            nvfp4-4over6 is the same with the 4/6 mse rule.
            """
    )

    @Option(help: "Recipe: bf16, nvfp4 or nvfp4-4over6.")
    var recipe: TrainingRecipe = .bf16

    @OptionGroup var training: TrainingArguments

    @Option(help: "Output folder: checkpoint (HF layout), loss.csv, summary.json.")
    var out: String?

    @Option(help: "Resume from this checkpoint folder (written by --out).")
    var resume: String?

    @Flag(help: "Write into an existing --out run folder (replacing its model, optimizer state and loss log).")
    var overwrite = false

    @Flag(help: "Print the final result as one JSON line.")
    var json = false

    func run() throws {
        if let folder = out ?? resume {
            let existing: ExistingOutput = resume != nil ? .addTo : overwrite ? .replace : .refuse
            let inputs = [training.text, training.tokenizer].compactMap { $0 }
            try prepareOutputs([
                OutputRequest(folder, .folder, inputs: inputs, existing: existing, role: "--out folder")
            ])
        }
        let corpus = try training.prepareCorpus()
        let options = try training.options(recipe: recipe, corpus: corpus)
        let printer = TrainingProgressPrinter(label: recipe.rawValue, every: max(1, options.evaluationEvery))
        let parameters = String(format: "%.2f", Double(options.model.parameterCount) / 1e6)
        let summary = try TrainingRun.run(
            options: options, corpus: corpus, outputDirectory: out ?? resume,
            resumeFrom: resume,
            started: {
                guard !json else { return }
                print(
                    "\(recipe.rawValue): \(options.preset) model, \(parameters) M parameters, "
                        + "\(options.steps) steps × \(options.tokensPerStep) tokens; corpus \(corpus.summary)")
            }, progress: printer.update)
        print(json ? summary.jsonLine : summary.text)
        if let step = summary.divergedAtStep {
            throw TrainingError.diverged(step: step, loss: .nan)
        }
    }
}
