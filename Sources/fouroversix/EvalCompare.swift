// `fouroversix eval --compare`: the paper's table — BF16, standard NVFP4 (`static_6`) and
// 4/6 (`mse`, `mae`, `abs_max`) for W4A16 and W4A4 — printed and saved as markdown, CSV and
// an SVG chart.
//
// Promises: every variant runs on the same windows of the same text; "BF16" rounds the
// selected layers' weights and inputs to BF16; W4A16 quantizes their weights, W4A4 also their
// inputs (activation amax dynamic per window unless calibrated); "gap closed" is
// (ppl static_6 − ppl row) / (ppl static_6 − ppl BF16), the share of the BF16 → NVFP4 loss a
// rule recovers. Files appear only when complete (temporary name, then rename).

import ArgumentParser
import BlockQuantization
import Foundation
import Transformer

struct EvalComparison {
    let loaded: LoadedModel
    let tokens: [Int]
    let textPath: String
    let context: Int
    let windows: Int?
    let options: EvalQuantizationOptions
    let outputDirectory: String
    let json: Bool

    static let rules: [ScaleRule] = [.static6, .mse, .mae, .absMax]

    struct Row {
        var label: String
        var rule: String
        var w4a16: Double
        var w4a4: Double
    }

    func run() throws {
        let start = Date()
        let windowCount = try Perplexity.windows(of: tokens, bos: loaded.bosTokenID, context: context, limit: windows).count
        let bar = ProgressBar(total: windowCount * (1 + 2 * Self.rules.count), unit: "windows")
        var stats = PerplexityResult()
        func evaluate(_ weights: SimulatedFormat, _ activations: SimulatedFormat, _ rule: ScaleRule?) throws -> Double {
            let q = try options.quantization(for: loaded, context: context, weights: weights, activations: activations, rule: rule)
            try loaded.model.apply(q)
            let r = try Perplexity.evaluate(model: loaded.model, tokens: tokens, bos: loaded.bosTokenID, context: context,
                                            windows: windows) { _, _ in bar.advance() }
            stats = r
            return r.perplexity
        }
        let bf16 = try evaluate(.bf16, .bf16, nil)
        var rows = [Row(label: "BF16", rule: "-", w4a16: bf16, w4a4: bf16)]
        for rule in Self.rules {
            rows.append(Row(label: rule == .static6 ? "NVFP4" : "NVFP4 4/6", rule: rule.rawValue,
                            w4a16: try evaluate(.nvfp4, .none, rule), w4a4: try evaluate(.nvfp4, .nvfp4, rule)))
        }
        bar.finish()
        try loaded.model.apply(.none)
        let seconds = Date().timeIntervalSince(start)
        let standard = rows[1]
        func gap(_ value: Double, _ nvfp4: Double) -> Double { (nvfp4 - value) / (nvfp4 - bf16) }

        let command = (["fouroversix"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let selection = selectionDescription()
        let subtitle = "\(loaded.name) on \(URL(fileURLWithPath: textPath).lastPathComponent), context \(context), "
            + "\(stats.windows) windows, \(stats.tokens) tokens; \(selection)"

        if json {
            printJSONObject([
                "model": loaded.directory, "text": textPath, "context": context, "windows": stats.windows,
                "tokens": stats.tokens, "selection": selection, "activation_scale": activationScaleDescription(),
                "rows": rows.map { r -> [String: Any] in
                    var o: [String: Any] = ["variant": r.label, "rule": r.rule, "w4a16": r.w4a16, "w4a4": r.w4a4]
                    if r.rule != "-" { o["w4a16_gap_closed"] = gap(r.w4a16, standard.w4a16); o["w4a4_gap_closed"] = gap(r.w4a4, standard.w4a4) }
                    return o
                },
            ])
        } else {
            print("Perplexity — \(subtitle)")
            print("BF16 → NVFP4 gap closed = (ppl static_6 − ppl) / (ppl static_6 − ppl BF16); activation amax \(activationScaleDescription()).")
            print(renderTable(header: ["variant", "rule", "W4A16", "vs BF16", "gap closed", "W4A4", "vs BF16", "gap closed"],
                              rows: rows.map { r in textRow(r, bf16: bf16, standard: standard, gap: gap) }))
        }

        let md = markdown(rows: rows, bf16: bf16, standard: standard, gap: gap, subtitle: subtitle, command: command, seconds: seconds)
        let csv = (["variant,rule,w4a16_perplexity,w4a16_vs_bf16,w4a16_gap_closed,w4a4_perplexity,w4a4_vs_bf16,w4a4_gap_closed"]
            + rows.map { r in
                let g16 = r.rule == "-" ? "" : String(format: "%.4f", gap(r.w4a16, standard.w4a16))
                let g4 = r.rule == "-" ? "" : String(format: "%.4f", gap(r.w4a4, standard.w4a4))
                return [r.label, r.rule, String(format: "%.6f", r.w4a16), String(format: "%.6f", r.w4a16 / bf16 - 1), g16,
                        String(format: "%.6f", r.w4a4), String(format: "%.6f", r.w4a4 / bf16 - 1), g4].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        let quantizedRows = Array(rows.dropFirst())
        let chart = GroupedBarChart(
            title: "Perplexity increase over BF16: standard NVFP4 vs 4/6",
            subtitle: subtitle, yLabel: "perplexity vs BF16",
            categories: quantizedRows.map { $0.rule == "static_6" ? "NVFP4 static_6" : "4/6 \($0.rule)" },
            series: [("W4A16 (weights)", quantizedRows.map { 100 * ($0.w4a16 / bf16 - 1) }),
                     ("W4A4 (weights + activations)", quantizedRows.map { 100 * ($0.w4a4 / bf16 - 1) })])
        try write([("compare.md", md), ("compare.csv", csv), ("compare.svg", chart.svg())])
        if !json { print("\nSaved \(outputDirectory)/compare.md, compare.csv, compare.svg (\(String(format: "%.1f", seconds)) s).") }
    }

    private func textRow(_ r: Row, bf16: Double, standard: Row, gap: (Double, Double) -> Double) -> [String] {
        func delta(_ v: Double) -> String { r.rule == "-" ? "-" : String(format: "%+.2f%%", 100 * (v / bf16 - 1)) }
        func closed(_ v: Double, _ s: Double) -> String { r.rule == "-" ? "-" : String(format: "%.1f%%", 100 * gap(v, s)) }
        return [r.label, r.rule, String(format: "%.4f", r.w4a16), delta(r.w4a16), closed(r.w4a16, standard.w4a16),
                String(format: "%.4f", r.w4a4), delta(r.w4a4), closed(r.w4a4, standard.w4a4)]
    }

    private func markdown(rows: [Row], bf16: Double, standard: Row, gap: (Double, Double) -> Double, subtitle: String,
                          command: String, seconds: Double) -> String {
        var s = "# Perplexity: BF16 vs NVFP4 vs NVFP4 with 4/6\n\n\(subtitle).\n\n"
        s += "| variant | rule | W4A16 | vs BF16 | gap closed | W4A4 | vs BF16 | gap closed |\n"
        s += "|---|---|---:|---:|---:|---:|---:|---:|\n"
        for r in rows { s += "| " + textRow(r, bf16: bf16, standard: standard, gap: gap).joined(separator: " | ") + " |\n" }
        s += """

        - W4A16: the weights of the selected Linear layers in NVFP4 (quantized, then dequantized for a float32 GEMM);
          W4A4: their inputs too, in 1×16 blocks along the hidden dimension, tensor amax \(activationScaleDescription()).
          BF16: the same weights and inputs rounded to BF16. Embeddings, norms and the LM head stay as loaded.
        - q/k/v and gate/up share one weight amax (as `fouroversix quantize` writes them).
        - gap closed = (ppl static_6 − ppl) / (ppl static_6 − ppl BF16): the share of standard NVFP4's loss a rule recovers.
        - Windowing: the text tokenized once (BOS first, no EOS), cut after BOS into chunks of context − 1 tokens;
          each window is BOS + chunk; every chunk token is predicted from its left context.

        Produced by `\(command)` in \(String(format: "%.1f", seconds)) s.

        ![chart](compare.svg)

        """
        return s
    }

    private func selectionDescription() -> String {
        var parts = ["all decoder Linear layers"]
        if options.skipRagged { parts = ["decoder Linear layers with input dim % 16 == 0"] }
        if !options.exclude.isEmpty { parts.append("excluding \(options.exclude.joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }

    private func activationScaleDescription() -> String {
        if options.storedInputScales { return "from the checkpoint's input scales" }
        if let t = options.calibrationText { return "calibrated on \(URL(fileURLWithPath: t).lastPathComponent)" }
        return "dynamic (per layer input, per window)"
    }

    /// Writes each file under a temporary name in the folder, then renames it.
    private func write(_ files: [(String, String)]) throws {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            for (name, contents) in files {
                let target = URL(fileURLWithPath: outputDirectory).appendingPathComponent(name)
                try Data(contents.utf8).write(to: target, options: .atomic)
            }
        } catch {
            throw ValidationError("\(outputDirectory): cannot write the comparison: \(error.localizedDescription)")
        }
    }
}
