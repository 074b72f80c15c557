// `experiment ptq`: the paper's PTQ table in one command — RTN, GPTQ (frozen scales, scales in
// the sweep, output-aware selection), AWQ (with and without the clipping search) and
// SmoothQuant, each with standard NVFP4 (`static_6`) and 4/6 (`mse`), for W4A16 and W4A4 —
// calibrated on one text, evaluated on another, rendered as Markdown, CSV and an SVG chart
// (`schemes` limits it to W4A16 or W4A4; the other scheme's columns then read n/a).
//
// Promises: every variant is calibrated on the same windows of the calibration text
// (`PostTrainingFlow.prepare`) and evaluated on the same windows of the evaluation text with
// the perplexity windowing; the evaluated model is `PostTrainingFlow.model(of:)`, the model
// `eval` loads from the checkpoint `quantize --method` writes. "gap closed" is
// (ppl RTN static_6 − ppl) / (ppl RTN static_6 − ppl unquantized), per scheme. SmoothQuant
// has no W4A16 entry (it only moves activation range into the weights). Files appear whole.
// Each finished cell (method, rule, scheme) is recorded in `cellsFile` as it completes; with
// `resume` a later run with the same settings reuses those cells instead of recomputing them
// (without `resume` an existing record is refused rather than overwritten).

import BlockQuantization
import CPUKernels
import Charts
import CheckpointQuantization
import Foundation
import PostTrainingQuantization
import Transformer

public struct PTQExperiment {
    /// One method variant of the table.
    public struct Method: Sendable {
        /// The name `--methods` takes.
        public var key: String
        public var label: String
        public var method: PTQMethod
        public var gptqScales: GPTQScales = .sweep
        public var selection: BlockSelection = .plain
        public var awqClip = false
        /// Rules it runs with (output-aware selection needs a 4/6 rule).
        public var rules: [ScaleRule] = [.static6, .mse]
    }

    public static let methods: [Method] = [
        Method(key: "rtn", label: "RTN", method: .rtn),
        Method(key: "rtn-output", label: "RTN, output-aware 4/6", method: .rtn, selection: .output, rules: [.mse]),
        Method(key: "gptq-frozen", label: "GPTQ, frozen scales", method: .gptq, gptqScales: .frozen),
        Method(key: "gptq", label: "GPTQ, scales in sweep", method: .gptq),
        Method(
            key: "gptq-output", label: "GPTQ, sweep + output-aware 4/6", method: .gptq, selection: .output,
            rules: [.mse]),
        Method(key: "awq", label: "AWQ", method: .awq),
        Method(key: "awq-clip", label: "AWQ + clip search", method: .awq, awqClip: true),
        Method(key: "smoothquant", label: "SmoothQuant", method: .smoothquant),
    ]

    /// The methods named by `keys` (a subset of `methods`, in table order), RTN always included:
    /// it is the "gap closed" reference. Throws for an unknown name, listing the known ones.
    public static func methods(named keys: [String]) throws -> [Method] {
        let known = Set(methods.map(\.key))
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw EvaluationError.invalidOption(
                "--methods: unknown method '\(unknown)' (known: \(methods.map(\.key).joined(separator: ", ")))")
        }
        return methods.filter { $0.key == "rtn" || keys.contains($0.key) }
    }

    public struct Row: Sendable {
        public var label: String
        public var rule: String
        public var w4a16: Double?
        public var w4a4: Double?
    }

    public var unquantized: Double
    public var rows: [Row]
    public var subtitle: String

    /// RTN static_6 per scheme (the "gap closed" reference).
    public var reference: Row { rows.first { $0.label == "RTN" && $0.rule == ScaleRule.static6.rawValue }! }

    /// The perplexities of finished cells, keyed `method|rule|scheme`, and the settings they
    /// were computed with.
    struct Cells: Codable {
        var settings: String
        var perplexity: [String: Double] = [:]
    }

    public static func run(
        modelDirectory: String, calibration: CalibrationText, evaluationText: String,
        context: Int, windows: Int?, methods: [Method] = methods, schemes: [PTQScheme] = PTQScheme.allCases,
        threads: Int = CPUParallel.defaultThreadCount,
        cellsFile: String? = nil, resume: Bool = false,
        notice: (String) -> Void = { _ in }
    ) throws -> PTQExperiment {
        let settings = [
            URL(fileURLWithPath: modelDirectory).standardizedFileURL.path,
            URL(fileURLWithPath: calibration.path).standardizedFileURL.path,
            "\(calibration.windows)×\(calibration.context)",
            URL(fileURLWithPath: evaluationText).standardizedFileURL.path,
            "context \(context)", "windows \(windows.map(String.init) ?? "all")",
        ].joined(separator: "; ")
        var cells = Cells(settings: settings)
        if let cellsFile, FileManager.default.fileExists(atPath: cellsFile) {
            guard resume else {
                throw EvaluationError.invalidOption(
                    "\(cellsFile) holds the finished cells of an earlier run; --resume continues it "
                        + "(or choose another --out)")
            }
            let earlier: Cells
            do {
                earlier = try JSONDecoder().decode(Cells.self, from: Data(contentsOf: URL(fileURLWithPath: cellsFile)))
            } catch {
                throw EvaluationError.invalidOption("\(cellsFile): not a record of finished cells (\(error))")
            }
            guard earlier.settings == settings else {
                throw EvaluationError.invalidOption(
                    "--resume: \(cellsFile) was computed with other settings (\(earlier.settings)); "
                        + "choose another --out")
            }
            cells = earlier
        }
        let loaded = try LoadedModel(directory: modelDirectory, threads: threads)
        guard !loaded.weights.hasStoredQuantization else {
            throw EvaluationError.invalidOption(
                "\(modelDirectory) is already quantized; the experiment needs the original model")
        }
        let evalTokens = try loaded.tokens(ofTextFile: evaluationText)
        try loaded.model.apply(.none)
        func perplexity(_ model: TransformerModel) throws -> (Double, PerplexityResult) {
            let r = try Perplexity.evaluate(
                model: model, tokens: evalTokens, bos: loaded.bosTokenID, context: context,
                windows: windows)
            return (r.perplexity, r)
        }
        let (base, stats) = try perplexity(loaded.model)
        notice(String(format: "unquantized: %.4f", base))
        let prepared = try PostTrainingFlow.prepare(modelDirectory: modelDirectory, calibration: calibration)
        let original = try DictionaryWeights(copying: loaded.weights)
        let selection = try LayerSelection()
        var selected = Set<String>()
        for t in prepared.checkpoint.tensors {
            if case let .quantize(module, _) = selection.role(of: t.info) { selected.insert(module) }
        }
        var rows: [Row] = []
        for m in methods {
            for rule in m.rules {
                var row = Row(label: m.label, rule: rule.rawValue)
                for scheme in PTQScheme.allCases where schemes.contains(scheme) {
                    if m.method == .smoothquant && scheme == .w4a16 { continue }
                    let key = "\(m.key)|\(rule.rawValue)|\(scheme.rawValue)"
                    if let ppl = cells.perplexity[key] {
                        notice(
                            String(format: "%@ %@ %@: %.4f (earlier run)", m.label, rule.rawValue, scheme.rawValue, ppl)
                        )
                        if scheme == .w4a16 { row.w4a16 = ppl } else { row.w4a4 = ppl }
                        continue
                    }
                    var s = PTQSettings()
                    s.method = m.method
                    s.gptqScales = m.gptqScales
                    s.selection = m.selection
                    s.awqClip = m.awqClip
                    s.rule = rule
                    s.scheme = scheme
                    let result = try SequentialQuantization.run(
                        configuration: prepared.configuration, weights: prepared.weights, windows: prepared.windows,
                        quantize: { module, _ in selected.contains(module) }, fusedGroup: { FusedGroups.key(of: $0) },
                        settings: s, threads: threads)
                    let model = try PostTrainingFlow.model(
                        of: result, original: original,
                        configuration: prepared.configuration, threads: threads)
                    let (ppl, _) = try perplexity(model)
                    notice(
                        String(
                            format: "%@ %@ %@: %.4f (%.1f s)", m.label, rule.rawValue, scheme.rawValue, ppl,
                            result.seconds))
                    if scheme == .w4a16 { row.w4a16 = ppl } else { row.w4a4 = ppl }
                    cells.perplexity[key] = ppl
                    if let cellsFile { try write(cells, to: cellsFile) }
                }
                if row.w4a16 != nil || row.w4a4 != nil { rows.append(row) }
            }
        }
        let subtitle =
            "\(loaded.name); calibrated on \(URL(fileURLWithPath: calibration.path).lastPathComponent) "
            + "(\(prepared.windows.count) windows of \(calibration.context)), evaluated on "
            + "\(URL(fileURLWithPath: evaluationText).lastPathComponent) "
            + "(context \(context), \(stats.windows) windows, "
            + "\(stats.tokens) tokens)"
        return PTQExperiment(unquantized: base, rows: rows, subtitle: subtitle)
    }

    static func write(_ cells: Cells, to path: String) throws {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try encoder.encode(cells).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EvaluationError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    func gap(_ v: Double?, _ reference: Double?) -> Double? {
        guard let v, let reference else { return nil }
        return PerplexityComparison.gapClosed(v, standard: reference, bf16: unquantized)
    }

    public static let header = [
        "method", "rule", "W4A16", "vs unquantized", "gap closed", "W4A4", "vs unquantized",
        "gap closed",
    ]

    public var textRows: [[String]] {
        [
            [
                "unquantized", "-", String(format: "%.4f", unquantized), "-", "-", String(format: "%.4f", unquantized),
                "-", "-",
            ]
        ]
            + rows.map { r in
                func p(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "n/a" }
                func d(_ v: Double?) -> String {
                    v.map { String(format: "%+.2f%%", 100 * ($0 / unquantized - 1)) } ?? "n/a"
                }
                func g(_ v: Double?) -> String { v.map { String(format: "%.1f%%", 100 * $0) } ?? "n/a" }
                return [
                    r.label, r.rule, p(r.w4a16), d(r.w4a16), g(gap(r.w4a16, reference.w4a16)),
                    p(r.w4a4), d(r.w4a4), g(gap(r.w4a4, reference.w4a4)),
                ]
            }
    }

    public func markdown(command: String, seconds: Double) -> String {
        var s = "# PTQ methods with and without 4/6\n\n\(subtitle).\n\n"
        s += "| " + Self.header.joined(separator: " | ") + " |\n|---|---|---:|---:|---:|---:|---:|---:|\n"
        for row in textRows { s += "| " + row.joined(separator: " | ") + " |\n" }
        s += """

            - rule `static_6` = standard NVFP4; `mse` = 4/6 (each block keeps the 6 or the 4 candidate).
            - Every method calibrates layer by layer (layers before i already quantized); q/k/v and gate/up share one
              tensor amax. W4A4 also quantizes the Linear inputs at the amax calibrated in the same pass \
            (after smoothing),
              with the weights' rule.
            - GPTQ: H = XᵀX, 1% dampening, blocks of 128; "frozen scales" chooses every block scale \
            (and 6 vs 4) on the
              original weights (the peers' combination), "scales in sweep" at each block on the weights updated so far.
              Output-aware 4/6 chooses 6 or 4 by Σ h_jj (ŵ_j − w_j)².
            - AWQ: s = mean|x|^α (20-point grid) searched under the quantizer actually written, folded into the
              preceding RMSNorm (q/k/v, gate/up), v_proj (o, one scale per key/value row) and up_proj (down).
              "+ clip search" then picks each block's clipping ratio (1 … 0.55) by its output error δᵀ·XᵀX·δ.
              SmoothQuant: s = max|x|^0.5 / max|w|^0.5 folded into the RMSNorms (W4A4 only).
            - gap closed = (ppl RTN static_6 − ppl) / (ppl RTN static_6 − ppl unquantized), per scheme.

            Produced by `\(command)` in \(String(format: "%.1f", seconds)) s.

            ![chart](ptq.svg)

            """
        return s
    }

    public var csv: String {
        ([
            "method,rule,w4a16_perplexity,w4a16_vs_unquantized,w4a16_gap_closed,"
                + "w4a4_perplexity,w4a4_vs_unquantized,w4a4_gap_closed",
            "unquantized,-,\(String(format: "%.6f", unquantized)),,,\(String(format: "%.6f", unquantized)),,",
        ]
            + rows.map { r in
                func p(_ v: Double?) -> String { v.map { String(format: "%.6f", $0) } ?? "" }
                func d(_ v: Double?) -> String { v.map { String(format: "%.6f", $0 / unquantized - 1) } ?? "" }
                func g(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "" }
                return [
                    "\"\(r.label)\"", r.rule, p(r.w4a16), d(r.w4a16), g(gap(r.w4a16, reference.w4a16)),
                    p(r.w4a4), d(r.w4a4), g(gap(r.w4a4, reference.w4a4)),
                ].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }

    public var chart: GroupedBarChart {
        GroupedBarChart(
            title: "PTQ methods: perplexity increase over the unquantized model",
            subtitle: subtitle, yLabel: "perplexity vs unquantized",
            categories: rows.map { "\($0.label) \($0.rule)" },
            series: series)
    }

    /// One bar series per scheme the table has.
    var series: [(String, [Double])] {
        let schemes: [(String, [Double?])] = [("W4A16", rows.map(\.w4a16)), ("W4A4", rows.map(\.w4a4))]
        return schemes.filter { $0.1.contains { $0 != nil } }.map { name, values in
            let increase: [Double] = values.map { v in 100 * ((v ?? unquantized) / unquantized - 1) }
            return (name, increase)
        }
    }

    /// Writes ptq.md, ptq.csv and ptq.svg into `directory`.
    public func write(to directory: String, command: String, seconds: Double) throws {
        let files = [
            ("ptq.md", markdown(command: command, seconds: seconds)), ("ptq.csv", csv), ("ptq.svg", chart.svg()),
        ]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, contents) in files {
                try Data(contents.utf8).write(
                    to: URL(fileURLWithPath: directory).appendingPathComponent(name),
                    options: .atomic)
            }
        } catch {
            throw EvaluationError.cannotWrite(
                path: directory, reason: "cannot write the PTQ table: \(error.localizedDescription)")
        }
    }
}
