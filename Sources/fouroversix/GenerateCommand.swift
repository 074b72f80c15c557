// `fouroversix generate`: greedy text from a prompt, a quick sanity check of a model (plain or
// quantized checkpoint, or on-the-fly quantization with eval's options) — Evaluation's
// `LoadedModel.generateGreedy`.
//
// Promises: prints the decoded prompt and continuation (ending with one newline); `--json`
// prints {"ids": prompt and new ids, "prompt_ids", "generated_ids", "text", "bos_rule"}.

import ArgumentParser
import CPUKernels
import Evaluation
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Greedy generation from a prompt (a quick sanity check of a model or checkpoint)."
    )

    @Argument(help: "Model folder or GGUF file (default: the bundled stories260K).")
    var model: String?

    @Option(help: "The prompt.")
    var prompt: String

    @Option(help: "New tokens at most (generation also stops after EOS).")
    var tokens: Int = 60

    @Option(help: "BOS first: auto (the tokenizer's rule), always or never.")
    var bos: BOSPolicy = .auto

    @OptionGroup var quantization: EvalQuantizationOptions

    @Option(help: "Worker threads (all online processors unless given).")
    var threads: Int = CPUParallel.defaultThreadCount

    @Flag(help: "Print JSON with the prompt and generated token ids.")
    var json = false

    func validate() throws {
        guard tokens >= 1 else { throw ValidationError("--tokens must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        do { try quantization.settings.validate() } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let directory = try model ?? BundledModel.directory()
        let loaded = try LoadedModel(directory: directory, threads: threads, bos: bos)
        try loaded.model.apply(try quantization.settings.resolved(for: loaded).quantization(for: loaded))
        let g = try loaded.generateGreedy(prompt: prompt, maxNewTokens: tokens)
        let text = g.text
        if json {
            printJSONObject([
                "ids": g.promptIDs + g.generatedIDs, "prompt_ids": g.promptIDs,
                "generated_ids": g.generatedIDs, "text": text, "bos_rule": loaded.bos.description,
            ])
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
