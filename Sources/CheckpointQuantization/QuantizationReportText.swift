// What `quantize` prints: the report as a table, and the MLX fold as one line.
//
// Promises: `QuantizationReport.text` is a title line (model → output, rule, convention, scheme),
// one row per quantized layer (standard NVFP4 and the rule's relative errors with 5 decimals,
// their relative change, the share of blocks that chose 4, bytes before and after) and a total
// row below a rule, then the modules kept in original precision with their reasons (when any),
// then the checkpoint's sizes, seconds and throughput; `MLXFoldStatistics.summary` is one line.
// Neither ends with a newline; paths are printed as the caller passes them.

import Foundation
import ReportText

extension QuantizationReport {
    /// The report as `quantize` prints it; `model` and `output` are the paths to show and
    /// `calibratedActivations` whether the checkpoint carries activation scales (W4A4).
    public func text(model: String, output: String, calibratedActivations: Bool) -> String {
        let header = ["layer", "shape", "NVFP4 rel. err", "\(rule) rel. err", "change", "→4", "bytes before", "after"]
        var rows: [[String]] = layers.map { l in
            [
                l.module, l.shape.map(String.init).joined(separator: "×"),
                String(format: "%.5f", l.baselineRelativeError), String(format: "%.5f", l.relativeError),
                relativeChange(l.relativeError, l.baselineRelativeError),
                String(format: "%.1f%%", 100 * l.shareOfBlocksChoosing4), formatBytes(l.bytesBefore),
                formatBytes(l.bytesAfter),
            ]
        }
        let t = totals
        let layerBytesBefore = layers.reduce(0) { $0 + $1.bytesBefore }
        let layerBytesAfter = layers.reduce(0) { $0 + $1.bytesAfter }
        rows.append([
            "total (\(t.quantizedLayers) layers)", "\(t.quantizedElements) el",
            String(format: "%.5f", t.baselineRelativeError), String(format: "%.5f", t.relativeError),
            relativeChange(t.relativeError, t.baselineRelativeError),
            String(format: "%.1f%%", 100 * t.shareOfBlocksChoosing4),
            formatBytes(layerBytesBefore), formatBytes(layerBytesAfter),
        ])
        let scheme = calibratedActivations ? "W4A4, activation scales calibrated" : "W4A16"
        var lines = [
            "Quantized \(model) → \(output) (NVFP4, rule \(rule), \(convention), \(scheme))",
            renderTable(header: header, rows: rows, separatorBeforeLast: true),
        ]
        if !skipped.isEmpty {
            lines.append("\nKept in original precision (\(skipped.count)):")
            lines += skipped.map { "  \($0.module): \($0.reason)" }
        }
        lines.append(
            String(
                format: "\nCheckpoint %@ → %@ in %.2f s (%.3f G quantized elements/s).",
                formatBytes(t.checkpointBytesBefore), formatBytes(t.checkpointBytesAfter), t.seconds,
                t.quantizedElementsPerSecond / 1e9))
        return lines.joined(separator: "\n")
    }
}

extension MLXFoldStatistics {
    /// The line `quantize --convention mlx` prints under its report.
    public var summary: String {
        String(
            format: "MLX has no tensor scale: folded into the E4M3 block scales, %d of %d blocks exact, "
                + "relative error vs the 4/6 weights %.3e.", exactBlocks, blocks, relativeError)
    }
}

/// `value` against `baseline` as a signed percentage with one decimal ("-16.6%"); "-" when the
/// baseline is 0.
func relativeChange(_ value: Double, _ baseline: Double) -> String {
    baseline == 0 ? "-" : String(format: "%+.1f%%", (value / baseline - 1) * 100)
}
