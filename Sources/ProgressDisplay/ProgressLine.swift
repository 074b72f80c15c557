// One progress line that fits a terminal row.
//
// Promises: `fit` returns a line of at most `columns − 1` characters (the last column is left
// free so no terminal wraps it), keeping, in this order of importance, the count "done/total
// unit", a bar of 10 to 30 cells, the ETA, the byte counts, then as much of the label as fits
// (its end, after "…"); below 2 columns it is empty. `clip` cuts any other status line the
// same way; `erase` is what clears it again.

public enum ProgressLine {
    public static let widestBar = 30
    public static let narrowestBar = 10

    /// The line for `done` of `total` (`bytes` like "1.2 MB/3.4 MB", `eta` like "ETA 5s").
    public static func fit(
        done: Int, total: Int, unit: String, bytes: String? = nil, eta: String? = nil,
        label: String = "", columns: Int
    ) -> String {
        let limit = columns - 1
        guard limit > 0 else { return "" }
        let counter = "\(done)/\(total) \(unit)"
        guard counter.count <= limit else { return String(counter.prefix(limit)) }
        // Optional parts, most important first; each is kept only if it fits with those before it.
        var barWidth = 0
        var extras: [String] = []
        func length(bar: Int, extras: [String]) -> Int {
            (bar > 0 ? bar + 1 : 0) + counter.count + extras.reduce(0) { $0 + 2 + $1.count }
        }
        if length(bar: narrowestBar, extras: []) <= limit { barWidth = narrowestBar }
        for part in [eta, bytes].compactMap({ $0 }) where length(bar: barWidth, extras: extras + [part]) <= limit {
            extras.append(part)
        }
        if barWidth > 0 {
            barWidth = min(widestBar, barWidth + limit - length(bar: barWidth, extras: extras))
        }
        let room = limit - length(bar: barWidth, extras: extras) - 2
        let shortLabel = String(label.suffix(40))
        if room >= shortLabel.count, !shortLabel.isEmpty {
            extras.append(shortLabel)
        } else if room >= 8, !shortLabel.isEmpty {
            extras.append("…" + String(shortLabel.suffix(room - 1)))
        }
        var line = ""
        if barWidth > 0 {
            let filled = total <= 0 ? barWidth : min(barWidth, barWidth * max(0, done) / total)
            line = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + " "
        }
        line += counter
        for part in extras { line += "  " + part }
        return line
    }

    /// `line` cut to `columns − 1` characters (a status line that must not wrap).
    public static func clip(_ line: String, columns: Int) -> String {
        String(line.prefix(max(0, columns - 1)))
    }

    /// Returns the cursor to the start of the row and clears the row.
    public static let erase = "\r\u{1B}[K"
}
