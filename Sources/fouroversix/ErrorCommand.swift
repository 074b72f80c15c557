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

struct ErrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error",
        abstract: "Relative quantization error of every 2-D weight under NVFP4, 4/6, MXFP4 and NVINT4.",
        discussion: "Relative MSE is Σ(x̂−x)²/Σx². '→4' columns give the share of blocks that chose scale 4."
    )

    @Argument(help: "A .safetensors file, a Hugging Face model folder or a GGUF file (default: the bundled stories260K).")
    var path: String?

    @Option(parsing: .upToNextOption,
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
        let (reports, summary) = (measured.reports, measured.summary)
        if json {
            printJSON(reports: reports, summary: summary, variants: variants, source: source)
        } else {
            printTable(reports: reports, summary: summary, variants: variants, source: source)
        }
    }

    private func printTable(reports: [TensorErrorReport], summary: ErrorSummary,
                            variants: [QuantizationVariant], source: String) {
        let adaptive = variants.indices.filter { variants[$0].rule.isAdaptive }
        var header = ["tensor", "shape"] + variants.map(\.description)
        header += adaptive.map { "→4 \(variants[$0].rule.rawValue)" + (variants[$0].format == .if4 ? " (int)" : "") }
        var rows: [[String]] = []
        for r in reports {
            var row = [r.name, r.shape.map(String.init).joined(separator: "×")]
            row += r.relativeErrors.map { String(format: "%.5f", $0) }
            row += adaptive.map { percent(r.alternativeBlocks[$0], r.blocks[$0]) }
            rows.append(row)
        }
        var total = ["summary (\(reports.count) tensors)", "\(summary.elements) el"]
        total += summary.relativeErrors.map { String(format: "%.5f", $0) }
        total += adaptive.map { percent(summary.alternativeBlocks[$0], summary.blocks[$0]) }
        print("Relative MSE Σ(x̂−x)²/Σx² per tensor — \(displayPath(source))")
        print(renderTable(header: header, rows: rows + [total], separatorBeforeLast: true))
        if let baseline = variants.firstIndex(where: { $0.format == .nvfp4 && $0.rule == .static6 }) {
            for i in adaptive where variants[i].format == .nvfp4 && summary.relativeErrors[baseline] > 0 {
                let change = (summary.relativeErrors[i] / summary.relativeErrors[baseline] - 1) * 100
                print(String(format: "4/6 %@: %+.1f%% relative MSE vs standard NVFP4", variants[i].rule.rawValue, change))
            }
        }
    }

    private func printJSON(reports: [TensorErrorReport], summary: ErrorSummary,
                           variants: [QuantizationVariant], source: String) {
        func perVariant(_ values: [Double]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: zip(variants.map(\.description), values))
        }
        func shares(_ alt: [Int], _ blocks: [Int]) -> [String: Double] {
            var out: [String: Double] = [:]
            for i in variants.indices where variants[i].rule.isAdaptive {
                out[variants[i].description] = blocks[i] == 0 ? 0 : Double(alt[i]) / Double(blocks[i])
            }
            return out
        }
        let object: [String: Any] = [
            "source": source,
            "variants": variants.map(\.description),
            "tensors": reports.map { r in
                ["name": r.name, "shape": r.shape, "relative_mse": perVariant(r.relativeErrors),
                 "share_of_alternative_blocks": shares(r.alternativeBlocks, r.blocks)] as [String: Any]
            },
            "summary": ["tensors": reports.count, "elements": summary.elements,
                        "relative_mse": perVariant(summary.relativeErrors),
                        "share_of_alternative_blocks": shares(summary.alternativeBlocks, summary.blocks)] as [String: Any],
        ]
        printJSONObject(object)
    }

    private func percent(_ a: Int, _ b: Int) -> String {
        b == 0 ? "-" : String(format: "%.1f%%", 100 * Double(a) / Double(b))
    }
}
