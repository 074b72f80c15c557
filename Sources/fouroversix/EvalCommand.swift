// `fouroversix eval`: perplexity of a causal LM on a text, with weights and activations
// optionally quantized on the fly (W4A16 / W4A4), or `--compare` for the BF16 / NVFP4 / 4/6 table.
//
// Promises: the windowing is the documented one (Transformer's `Perplexity`: BOS + chunks of
// context − 1 tokens); with no model argument the bundled stories260K and its bundled text are
// used; a quantized checkpoint (either convention) is evaluated with its stored weights;
// `--json` prints {"perplexity", "tokens", "windows", "weights", "activations", "rule", …} on
// stdout; progress goes to stderr on a terminal only.

import ArgumentParser
import CPUKernels
import Evaluation
import Foundation
import OutputSafety
import ReportText

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Perplexity of a causal LM on a text, with weights/activations quantized on the fly.",
        discussion: """
            Windowing: the whole text is tokenized once (BOS first when the model uses one, no EOS); the \
            tokens after BOS are cut into chunks of CONTEXT−1 tokens; each window is BOS + chunk, and every \
            chunk token is predicted from its left context in its window. Without a BOS the windows are \
            chunks of CONTEXT tokens and each window's first token is context only. Perplexity = \
            exp(total NLL / counted tokens). BOS: --bos auto (default) follows the tokenizer's own rule \
            (tokenizer.json's post_processor, a Llama-style tokenizer_config.json's add_bos_token, or a \
            GGUF file's add_bos_token), as transformers does; always / never override it.
            Only the decoder's Linear layers are quantized (q/k/v/o, gate/up/down, MoE experts; never \
            routers); q/k/v and gate/up (per expert) share one weight amax. Activations use the layer \
            input's max |x| per window unless calibrated (calibration runs every expert on every token).
            """
    )

    @Argument(
        help: """
            Model folder (Hugging Face F32/BF16/F16 or an NVFP4 checkpoint) or a GGUF file. Default: the bundled \
            stories260K.
            """
    )
    var model: String?

    @Option(help: "Text file to evaluate (default: the bundled Data/tinystories-sample.txt).")
    var text: String?

    @Option(help: "Tokens per window, BOS included.")
    var context: Int = 512

    @Option(help: "Evaluate only the first N windows.")
    var windows: Int?

    @Option(help: "BOS first: auto (the tokenizer's rule), always or never.")
    var bos: BOSPolicy = .auto

    @OptionGroup var quantization: EvalQuantizationOptions

    @Flag(
        help: "Evaluate BF16, NVFP4 static_6 and 4/6 (mse, mae, abs_max) for W4A16 and W4A4; print and save the table.")
    var compare = false

    @Option(
        help: """
            Folder for --compare's compare.md, compare.csv and compare.svg (default: runs/<model>-compare, \
            replaced each run).
            """)
    var out: String?

    @Flag(help: "Replace compare.md, compare.csv and compare.svg already in --out.")
    var overwrite = false

    @Option(help: "Worker threads (all online processors unless given).")
    var threads: Int = CPUParallel.defaultThreadCount

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard context >= 2 else { throw ValidationError("--context must be at least 2") }
        if let windows, windows < 1 { throw ValidationError("--windows must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if compare && (quantization.weights != .none || quantization.activations != nil || quantization.rule != nil) {
            throw ValidationError("--compare chooses the formats itself; drop --weights/--activations/--rule")
        }
        do { try quantization.settings.validate(comparing: compare) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let directory = try model ?? BundledModel.directory()
        let textPath = try text ?? BundledModel.dataFile("tinystories-sample.txt")
        if compare { try prepareOutputs(comparisonOutputs(model: directory, text: textPath)) }
        let loaded = try LoadedModel(directory: directory, threads: threads, bos: bos)
        try loaded.checkContext(context, option: "--context", allowLong: quantization.allowLongContext)
        let tokens = try loaded.tokens(ofTextFile: textPath)
        // --compare chooses the formats itself; a single evaluation takes the checkpoint's defaults.
        let settings = compare ? quantization.settings : quantization.settings.resolved(for: loaded)
        if compare { return try runComparison(loaded, tokens: tokens, textPath: textPath, settings: settings) }
        var bar: ProgressBar?
        let e = try finishing({ bar?.finish() }) {
            try PerplexityEvaluation.run(
                loaded: loaded, tokens: tokens, context: context, windows: windows,
                settings: settings
            ) { _, total in
                if bar == nil { bar = ProgressBar(total: total, unit: "windows") }
                bar?.advance()
            }
        }
        let result = e.result
        if json {
            printJSONObject([
                "perplexity": result.perplexity, "tokens": result.tokens, "windows": result.windows,
                "weights": e.weights, "activations": e.activations, "rule": e.rule.map { $0 as Any } ?? NSNull(),
                "activation_scale": e.activationScale, "nll": result.negativeLogLikelihood,
                "context": context, "model": directory, "text": textPath, "seconds": e.seconds,
                "bos": loaded.bosTokenID.map { $0 as Any } ?? NSNull(), "bos_rule": loaded.bos.description,
            ])
            return
        }
        print(
            "\(loaded.name) (\(loaded.weights.summary)) on \(displayPath(textPath)), context \(context): "
                + "\(result.windows) windows, \(result.tokens) tokens")
        print(loaded.bos.description)
        print(
            "weights \(e.weights), activations \(e.activations)" + (e.rule.map { ", rule \($0)" } ?? "")
                + (e.activations == "none" ? "" : ", activation amax \(e.activationScale)"))
        print(
            String(
                format: "perplexity %.4f  (NLL %.4f per token) in %.2f s", result.perplexity,
                result.negativeLogLikelihood / Double(result.tokens), e.seconds))
    }

    /// `--out`, or runs/<model>-compare (git-ignored scratch) by default.
    private func comparisonFolder(model: String) -> String {
        out ?? "runs/\(URL(fileURLWithPath: model).standardizedFileURL.lastPathComponent)-compare"
    }

    /// The folder and the three files `--compare` writes: existing files are replaced only in the
    /// default folder or with --overwrite; nothing may be an input or inside the model folder.
    private func comparisonOutputs(model: String, text: String) -> [OutputRequest] {
        let folder = comparisonFolder(model: model)
        let existing: ExistingOutput = out == nil || overwrite ? .replace : .refuse
        return [OutputRequest(folder, .folder, inputs: [model, text], existing: .addTo, role: "--out folder")]
            + PerplexityComparison.fileNames.map {
                OutputRequest(folder + "/" + $0, .file, inputs: [model, text], existing: existing, role: "--out file")
            }
    }

    /// `--compare`: Evaluation's `PerplexityComparison`, printed and saved.
    private func runComparison(
        _ loaded: LoadedModel, tokens: [Int], textPath: String,
        settings: EvaluationSettings
    ) throws {
        let start = Date()
        var bar: ProgressBar?
        let comparison = try finishing({ bar?.finish() }) {
            try PerplexityComparison.run(
                loaded: loaded, tokens: tokens, textPath: textPath, context: context,
                windows: windows, settings: settings
            ) { _, total in
                if bar == nil { bar = ProgressBar(total: total, unit: "windows") }
                bar?.advance()
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let outputDirectory = comparisonFolder(model: loaded.directory)
        if json {
            printJSONObject([
                "model": loaded.directory, "text": textPath, "context": context, "windows": comparison.windows,
                "tokens": comparison.tokens, "selection": settings.selectionDescription,
                "activation_scale": comparison.activationScale, "rows": comparison.jsonRows,
                "bos": loaded.bosTokenID.map { $0 as Any } ?? NSNull(), "bos_rule": loaded.bos.description,
            ])
        } else {
            print("Perplexity — \(comparison.subtitle)")
            print(loaded.bos.description)
            print(
                "BF16 → NVFP4 gap closed = (ppl static_6 − ppl) / (ppl static_6 − ppl BF16); "
                    + "activation amax \(comparison.activationScale).")
            print(renderTable(header: PerplexityComparison.header, rows: comparison.textRows))
        }
        let command = (["fouroversix"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        try comparison.write(to: outputDirectory, command: command, seconds: seconds)
        if !json {
            let time = String(format: "%.1f", seconds)
            print("\nSaved \(outputDirectory)/compare.md, compare.csv, compare.svg (\(time) s).")
        }
    }
}
