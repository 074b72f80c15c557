// What `error` prints: the per-tensor error report as a table or as a JSON object.
//
// Promises: `text(source:)` is a title line, one row per tensor (shape, relative MSE of each
// variant with 5 decimals, the share of blocks that chose the alternative scale under each
// adaptive variant) and a summary row below a rule, then one line per adaptive NVFP4 variant
// with its change against standard NVFP4 (static_6) when that was measured and is not zero.
// `jsonObject(source:)` holds the same numbers unrounded under the keys "source", "variants",
// "tensors" (name, shape, relative_mse, share_of_alternative_blocks) and "summary" (tensors,
// elements, relative_mse, share_of_alternative_blocks); per-variant values are keyed by the
// variant's name, shares only for adaptive variants (0 when a variant had no blocks).

import Foundation
import ReportText

extension ModelErrorReport {
    /// The table `error` prints; `source` is the path to show in its title.
    public func text(source: String) -> String {
        let adaptive = variants.indices.filter { variants[$0].rule.isAdaptive }
        var header = ["tensor", "shape"] + variants.map(\.description)
        header += adaptive.map { "→4 \(variants[$0].rule.rawValue)" + (variants[$0].format == .if4 ? " (int)" : "") }
        var rows: [[String]] = reports.map { r in
            [r.name, r.shape.map(String.init).joined(separator: "×")]
                + r.relativeErrors.map { String(format: "%.5f", $0) }
                + adaptive.map { percent(r.alternativeBlocks[$0], of: r.blocks[$0]) }
        }
        rows.append(
            ["summary (\(reports.count) tensors)", "\(summary.elements) el"]
                + summary.relativeErrors.map { String(format: "%.5f", $0) }
                + adaptive.map { percent(summary.alternativeBlocks[$0], of: summary.blocks[$0]) })
        var lines = [
            "Relative MSE Σ(x̂−x)²/Σx² per tensor — \(source)",
            renderTable(header: header, rows: rows, separatorBeforeLast: true),
        ]
        if let baseline = variants.firstIndex(where: { $0.format == .nvfp4 && $0.rule == .static6 }) {
            let errors = summary.relativeErrors
            for i in adaptive where variants[i].format == .nvfp4 && errors[baseline] > 0 {
                lines.append(
                    "4/6 \(variants[i].rule.rawValue): \(relativeChange(errors[i], errors[baseline])) "
                        + "relative MSE vs standard NVFP4")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The object `error --json` prints (Foundation JSON values); `source` as the user gave it.
    public func jsonObject(source: String) -> [String: Any] {
        func perVariant(_ values: [Double]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: zip(variants.map(\.description), values))
        }
        func shares(_ alternative: [Int], _ blocks: [Int]) -> [String: Double] {
            var out: [String: Double] = [:]
            for i in variants.indices where variants[i].rule.isAdaptive {
                out[variants[i].description] = blocks[i] == 0 ? 0 : Double(alternative[i]) / Double(blocks[i])
            }
            return out
        }
        return [
            "source": source,
            "variants": variants.map(\.description),
            "tensors": reports.map { r in
                [
                    "name": r.name, "shape": r.shape, "relative_mse": perVariant(r.relativeErrors),
                    "share_of_alternative_blocks": shares(r.alternativeBlocks, r.blocks),
                ] as [String: Any]
            },
            "summary": [
                "tensors": reports.count, "elements": summary.elements,
                "relative_mse": perVariant(summary.relativeErrors),
                "share_of_alternative_blocks": shares(summary.alternativeBlocks, summary.blocks),
            ] as [String: Any],
        ]
    }
}

/// `part` of `whole` as a percentage with one decimal ("45.9%"); "-" when `whole` is 0.
func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
}
