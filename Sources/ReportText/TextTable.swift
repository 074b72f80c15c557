// TextTable.swift — the plain-text tables of command output.
// Promises: `renderTable` writes the header, a rule of "─" under it, and one line per row; the
// first column is left-aligned and the others right-aligned, each as wide as its widest cell
// (counted in Characters) and two spaces apart; with `separatorBeforeLast` a second rule stands
// before the last row (a total). No trailing newline.

/// `header` and `rows` as aligned plain text (every row has the header's column count).
public func renderTable(header: [String], rows: [[String]], separatorBeforeLast: Bool = false) -> String {
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
