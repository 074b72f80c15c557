// The paper's table — BF16, standard NVFP4 (`static_6`) and 4/6 (`mse`, `mae`, `abs_max`) for
// W4A16 and W4A4 — computed on a loaded model, and rendered as text rows, markdown, CSV and an
// SVG chart (`eval --compare`).
//
// Promises: every variant runs on the same windows of the same text; "BF16" rounds the
// selected layers' weights and inputs to BF16; W4A16 quantizes their weights, W4A4 also their
// inputs (activation amax dynamic per window unless calibrated); "gap closed" is
// (ppl static_6 − ppl row) / (ppl static_6 − ppl BF16), the share of the BF16 → NVFP4 loss a
// rule recovers. The model is left unquantized afterwards. `write(to:)` makes each file
// appear only when complete (temporary name, then rename).

import BlockQuantization
import Charts
import Foundation
import Transformer

public struct PerplexityComparison {
    public static let rules: [ScaleRule] = [.static6, .mse, .mae, .absMax]
    /// Perplexity evaluations a comparison runs (BF16, then W4A16 and W4A4 per rule).
    public static let evaluationCount = 1 + 2 * rules.count
    public static let header = ["variant", "rule", "W4A16", "vs BF16", "gap closed", "W4A4", "vs BF16", "gap closed"]

    public struct Row: Sendable {
        public var label: String
        public var rule: String
        public var w4a16: Double
        public var w4a4: Double
    }

    /// BF16 first, then standard NVFP4, then the 4/6 rules.
    public var rows: [Row]
    /// Windows and tokens of each evaluation.
    public var windows: Int
    public var tokens: Int
    /// "<model> on <text file>, context N, W windows, T tokens; <selection>".
    public var subtitle: String
    /// Where the activation amax comes from, in words.
    public var activationScale: String
    /// The BOS choice of the run (`BOSChoice.description`).
    public var bos: String = ""

    public var bf16: Double { rows[0].w4a16 }
    public var standard: Row { rows[1] }

    /// (ppl static_6 − ppl) / (ppl static_6 − ppl BF16).
    public static func gapClosed(_ value: Double, standard: Double, bf16: Double) -> Double {
        (standard - value) / (standard - bf16)
    }

    /// Runs the nine evaluations; `progress(done, total)` is called after every window (of all
    /// evaluations).
    public static func run(
        loaded: LoadedModel, tokens: [Int], textPath: String, context: Int, windows: Int?,
        settings: EvaluationSettings,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> PerplexityComparison {
        let settings = try settings.calibratedOnce(for: loaded)  // the four W4A4 rows share it
        var stats = PerplexityResult()
        var evaluated = 0
        func evaluate(_ weights: SimulatedFormat, _ activations: SimulatedFormat, _ rule: ScaleRule?) throws -> Double {
            let q = try settings.quantization(for: loaded, weights: weights, activations: activations, rule: rule)
            try loaded.model.apply(q)
            let r = try Perplexity.evaluate(
                model: loaded.model, tokens: tokens, bos: loaded.bosTokenID,
                context: context, windows: windows
            ) { done, total in
                progress?(evaluated * total + done, total * evaluationCount)
            }
            evaluated += 1
            stats = r
            return r.perplexity
        }
        let bf16 = try evaluate(.bf16, .bf16, nil)
        var rows = [Row(label: "BF16", rule: "-", w4a16: bf16, w4a4: bf16)]
        for rule in Self.rules {
            rows.append(
                Row(
                    label: rule == .static6 ? "NVFP4" : "NVFP4 4/6", rule: rule.rawValue,
                    w4a16: try evaluate(.nvfp4, .none, rule), w4a4: try evaluate(.nvfp4, .nvfp4, rule)))
        }
        try loaded.model.apply(.none)
        let subtitle =
            "\(loaded.name) on \(URL(fileURLWithPath: textPath).lastPathComponent), context \(context), "
            + "\(stats.windows) windows, \(stats.tokens) tokens; \(settings.selectionDescription)"
        return PerplexityComparison(
            rows: rows, windows: stats.windows, tokens: stats.tokens, subtitle: subtitle,
            activationScale: settings.activationScaleDescription, bos: loaded.bos.description)
    }

    func gap(_ value: Double, _ standard: Double) -> Double { Self.gapClosed(value, standard: standard, bf16: bf16) }

    /// The printed table's rows (perplexities with 4 decimals, changes vs BF16, gap closed).
    public var textRows: [[String]] {
        rows.map { r in
            func delta(_ v: Double) -> String { r.rule == "-" ? "-" : String(format: "%+.2f%%", 100 * (v / bf16 - 1)) }
            func closed(_ v: Double, _ s: Double) -> String {
                r.rule == "-" ? "-" : String(format: "%.1f%%", 100 * gap(v, s))
            }
            return [
                r.label, r.rule, String(format: "%.4f", r.w4a16), delta(r.w4a16), closed(r.w4a16, standard.w4a16),
                String(format: "%.4f", r.w4a4), delta(r.w4a4), closed(r.w4a4, standard.w4a4),
            ]
        }
    }

    /// The rows as JSON objects (`variant`, `rule`, `w4a16`, `w4a4`, and the gaps closed).
    public var jsonRows: [[String: Any]] {
        rows.map { r -> [String: Any] in
            var o: [String: Any] = ["variant": r.label, "rule": r.rule, "w4a16": r.w4a16, "w4a4": r.w4a4]
            if r.rule != "-" {
                o["w4a16_gap_closed"] = gap(r.w4a16, standard.w4a16)
                o["w4a4_gap_closed"] = gap(r.w4a4, standard.w4a4)
            }
            return o
        }
    }

    public func markdown(command: String, seconds: Double) -> String {
        var s = "# Perplexity: BF16 vs NVFP4 vs NVFP4 with 4/6\n\n\(subtitle).\n\n"
        s += "| variant | rule | W4A16 | vs BF16 | gap closed | W4A4 | vs BF16 | gap closed |\n"
        s += "|---|---|---:|---:|---:|---:|---:|---:|\n"
        for row in textRows { s += "| " + row.joined(separator: " | ") + " |\n" }
        s += """

            - W4A16: the weights of the selected Linear layers in NVFP4 \
            (quantized, then dequantized for a float32 GEMM);
              W4A4: their inputs too, in 1×16 blocks along the hidden dimension, tensor amax \(activationScale).
              BF16: the same weights and inputs rounded to BF16. Embeddings, norms and the LM head stay as loaded.
            - q/k/v and gate/up share one weight amax (as `fouroversix quantize` writes them).
            - gap closed = (ppl static_6 − ppl) / (ppl static_6 − ppl BF16): \
            the share of standard NVFP4's loss a rule recovers.
            - Windowing: the text tokenized once (BOS first, no EOS), cut after BOS into chunks of context − 1 tokens;
              each window is BOS + chunk; every chunk token is predicted from its left context. Without a BOS, windows
              are chunks of context tokens and each window's first token is context only. This run: \(bos).

            Produced by `\(command)` in \(String(format: "%.1f", seconds)) s.

            ![chart](compare.svg)

            """
        return s
    }

    public var csv: String {
        (["variant,rule,w4a16_perplexity,w4a16_vs_bf16,w4a16_gap_closed,w4a4_perplexity,w4a4_vs_bf16,w4a4_gap_closed"]
            + rows.map { r in
                let g16 = r.rule == "-" ? "" : String(format: "%.4f", gap(r.w4a16, standard.w4a16))
                let g4 = r.rule == "-" ? "" : String(format: "%.4f", gap(r.w4a4, standard.w4a4))
                return [
                    r.label, r.rule, String(format: "%.6f", r.w4a16), String(format: "%.6f", r.w4a16 / bf16 - 1),
                    g16, String(format: "%.6f", r.w4a4), String(format: "%.6f", r.w4a4 / bf16 - 1),
                    g4,
                ].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }

    /// Perplexity increase over BF16 per quantized row, W4A16 and W4A4 side by side.
    public var chart: GroupedBarChart {
        let quantizedRows = Array(rows.dropFirst())
        return GroupedBarChart(
            title: "Perplexity increase over BF16: standard NVFP4 vs 4/6",
            subtitle: subtitle, yLabel: "perplexity vs BF16",
            categories: quantizedRows.map { $0.rule == "static_6" ? "NVFP4 static_6" : "4/6 \($0.rule)" },
            series: [
                ("W4A16 (weights)", quantizedRows.map { 100 * ($0.w4a16 / bf16 - 1) }),
                ("W4A4 (weights + activations)", quantizedRows.map { 100 * ($0.w4a4 / bf16 - 1) }),
            ])
    }

    /// The files `write` creates.
    public static let fileNames = ["compare.md", "compare.csv", "compare.svg"]

    /// Writes compare.md, compare.csv and compare.svg into `directory` (created if needed),
    /// each under a temporary name first, then renamed.
    public func write(to directory: String, command: String, seconds: Double) throws {
        let files = zip(Self.fileNames, [markdown(command: command, seconds: seconds), csv, chart.svg()])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, contents) in files {
                let target = URL(fileURLWithPath: directory).appendingPathComponent(name)
                try Data(contents.utf8).write(to: target, options: .atomic)
            }
        } catch {
            throw EvaluationError.cannotWrite(
                path: directory, reason: "cannot write the comparison: \(error.localizedDescription)")
        }
    }
}
