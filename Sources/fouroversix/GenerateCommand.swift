// `fouroversix generate`: greedy text from a prompt, a quick sanity check of a model (plain or
// quantized checkpoint, or on-the-fly quantization with eval's options).
//
// Promises: the prompt is tokenized with BOS first; up to `--tokens` new tokens are chosen
// greedily with a key/value cache, stopping after EOS; the printed text is the decoded prompt
// and continuation (special tokens skipped); `--json` adds the token ids.

import ArgumentParser
import CPUKernels
import Evaluation
import Foundation
import Transformer

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Greedy generation from a prompt (a quick sanity check of a model or checkpoint)."
    )

    @Argument(help: "Model folder (default: the bundled stories260K).")
    var model: String?

    @Option(help: "The prompt.")
    var prompt: String

    @Option(help: "New tokens at most (generation also stops after EOS).")
    var tokens: Int = 60

    @OptionGroup var quantization: EvalQuantizationOptions

    @Option(help: "Worker threads (default: all online processors).")
    var threads: Int = CPUParallel.defaultThreadCount

    @Flag(help: "Print JSON with the prompt and generated token ids.")
    var json = false

    func validate() throws {
        guard tokens >= 1 else { throw ValidationError("--tokens must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let directory = try model ?? BundledModel.directory()
        let loaded = try LoadedModel(directory: directory, threads: threads)
        try loaded.model.apply(try quantization.settings.quantization(for: loaded))
        var promptIDs = loaded.tokenizer.encode(prompt)
        if let bos = loaded.bosTokenID { promptIDs.insert(bos, at: 0) }
        let stop = Set(loaded.model.configuration.eosTokenIDs + (loaded.tokenizer.eosTokenID.map { [$0] } ?? []))
        let generated = try Generation.greedy(model: loaded.model, prompt: promptIDs, maxNewTokens: tokens, stopTokens: stop)
        let text = loaded.tokenizer.decode(promptIDs + generated)
        if json {
            printJSONObject(["prompt_ids": promptIDs, "generated_ids": generated, "text": text])
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
