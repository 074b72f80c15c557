// What `quantize --method …` prints under the checkpoint report: the per-layer PTQ table.
//
// Promises: `PTQResult.text(peakResidentBytes:)` starts with an empty line, then the settings'
// summary and the calibration tokens, one row per quantized module (method, α or "-", output
// error against RTN as a factor, relative output error, share of blocks that chose 4, seconds),
// and a last line with the PTQ seconds and the peak resident memory the caller measured. No
// trailing newline.

import Foundation
import ReportText

extension PTQResult {
    /// The per-layer report as `quantize` prints it; `peakResidentBytes` is the process's peak RSS.
    public func text(peakResidentBytes: Int) -> String {
        let header = ["layer", "method", "α", "output err vs RTN", "rel. output err", "→4", "seconds"]
        let rows = reports.map { l in
            [
                l.module, l.method, l.alpha.map { String(format: "%.2f", $0) } ?? "-",
                String(format: "%.3f×", l.outputErrorVsRTN), String(format: "%.5f", l.relativeOutputError),
                String(format: "%.1f%%", 100 * l.shareChoosing4), String(format: "%.2f", l.seconds),
            ]
        }
        return [
            "\n\(settings.summary), calibrated on \(calibrationTokens) tokens:",
            renderTable(header: header, rows: rows),
            String(format: "PTQ in %.1f s, peak RSS %@.", seconds, formatBytes(peakResidentBytes)),
        ]
        .joined(separator: "\n")
    }
}
