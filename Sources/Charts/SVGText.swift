// The pieces every chart of this module shares: XML escaping of text, coordinates with one
// decimal, and "nice" axis steps.
//
// Promises: `escape` replaces & < > " with their entities (text and attribute values are
// then well-formed XML); `coordinate` prints one decimal ("%.1f"); `niceStep(raw)` is the
// smallest of 1, 2, 2.5, 5, 10 × a power of ten that is ≥ raw (1 when raw ≤ 0).

import Foundation

enum SVGText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func coordinate(_ v: Double) -> String { String(format: "%.1f", v) }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }
}
