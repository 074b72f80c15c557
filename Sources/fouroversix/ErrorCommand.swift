// `fouroversix error`: what 4/6 buys on a model, tensor by tensor (CheckpointQuantization's
// `ModelErrorReport`).
//
// Promises: for every 2-D floating tensor of a file or model folder, the relative MSE
// Σ(x̂−x)²/Σx² of each variant (by default NVFP4 static_6, 4/6 mse/mae/abs_max, MXFP4,
// NVINT4), the share of blocks that chose 4 under each adaptive rule, and a summary row
// weighted by energy (Σ of errors over Σ of energies). `--json` prints one JSON object. A GGUF
// file is measured on its dequantized float32 tensors under Hugging Face names.

import ArgumentParser
import CheckpointQuantization
import Evaluation
import Foundation
import ModelFolder
import ReportText

struct ErrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error",
        abstract: "Relative quantization error of every 2-D weight under NVFP4, 4/6, MXFP4 and NVINT4.",
        discussion: "Relative MSE is Σ(x̂−x)²/Σx². '→4' columns give the share of blocks that chose scale 4."
    )

    @Argument(
        help: "A .safetensors file, a Hugging Face model folder or a GGUF file (default: the bundled stories260K).")
    var path: String?

    @Option(
        parsing: .upToNextOption,
        help: "Variants FORMAT[:RULE], e.g. nvfp4:static_6 nvfp4:mse mxfp4 nvint4 if4:mse.")
    var formats: [String] = QuantizationVariant.defaultComparison.map(\.description)

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        for f in expandedFormats where QuantizationVariant(parsing: f) == nil {
            throw ValidationError("unknown variant '\(f)' (use FORMAT[:RULE], e.g. nvfp4:mse, mxfp4:static_6)")
        }
    }

    private var expandedFormats: [String] {
        formats.flatMap { $0.split(separator: ",").map(String.init) }
    }

    func run() throws {
        let variants = expandedFormats.compactMap(QuantizationVariant.init(parsing:))
        let source = try path ?? BundledModel.directory()
        var bar: ProgressBar?
        let measured = try finishing({ bar?.finish() }) {
            try GGUFConversion.withModelFolder(source, near: NSTemporaryDirectory() + "fouroversix-error") { folder in
                try ModelErrorReport.measure(folder, variants: variants) { _, total, tensor in
                    if bar == nil { bar = ProgressBar(total: total, unit: "tensors") }
                    bar?.advance(label: tensor)
                }
            }
        }
        if json {
            printJSONObject(measured.jsonObject(source: source))
        } else {
            print(measured.text(source: displayPath(source)))
        }
    }
}
