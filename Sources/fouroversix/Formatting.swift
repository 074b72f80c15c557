// Plain-text tables and JSON printing for command output.
//
// Promises: `renderTable` left-aligns the first column and right-aligns the rest, padding
// by character count; `printJSONObject` prints sorted-key, pretty JSON on one stdout write.

import Foundation

func renderTable(header: [String], rows: [[String]], separatorBeforeLast: Bool = false) -> String {
    let all = [header] + rows
    let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { c, cell in
            let pad = String(repeating: " ", count: widths[c] - cell.count)
            return c == 0 ? cell + pad : pad + cell
        }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    var out = [line(header), rule]
    for (i, row) in rows.enumerated() {
        if separatorBeforeLast && i == rows.count - 1 { out.append(rule) }
        out.append(line(row))
    }
    return out.joined(separator: "\n")
}

func printJSONObject(_ object: Any) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
}
