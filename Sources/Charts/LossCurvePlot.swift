// An SVG plot of training-loss curves: the smoothed loss of each run, and below it each
// run's smoothed difference to the first (reference) run.
//
// Promises: a self-contained SVG 1.1 document (no scripts, no external resources). Curves are
// trailing means over `window` steps (the steps shown are exact); validation points, when
// present, are drawn as markers. The lower panel makes a gap visible that the upper panel's
// scale hides; it is exact because all runs saw the same batches. A curve with `seedLosses`
// (the per-seed losses of which `losses` is the mean) also gets a shaded band from the
// smallest to the largest smoothed per-seed loss at each step; without them the document is
// the same as before bands existed.

import Foundation

public struct LossCurve: Sendable {
    public var label: String
    public var color: String
    public var steps: [Int]
    public var losses: [Double]
    public var validation: [(step: Int, loss: Double)]
    /// The per-seed losses (same steps) when `losses` is their mean; drawn as a min–max band.
    public var seedLosses: [[Double]]

    public init(
        label: String, color: String, steps: [Int], losses: [Double], validation: [(step: Int, loss: Double)],
        seedLosses: [[Double]] = []
    ) {
        self.label = label
        self.color = color
        self.steps = steps
        self.losses = losses
        self.validation = validation
        self.seedLosses = seedLosses
    }
}

public enum LossCurvePlot {
    static func smooth(_ x: [Double], window: Int) -> [Double] {
        var out: [Double] = [], sum: Double = 0
        for i in x.indices {
            sum += x[i]
            if i >= window { sum -= x[i - window] }
            out.append(sum / Double(min(i + 1, window)))
        }
        return out
    }

    static func niceTicks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo else { return [lo] }
        let step = SVGText.niceStep((hi - lo) / Double(count))
        // Multiples of step (no running sum), with the zero tick a plain 0 (ceil gives −0 below it).
        let first = ceil(lo / step)
        var out: [Double] = []
        var k = 0.0
        while (first + k) * step <= hi + 1e-12 {
            let t = (first + k) * step
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            k += 1
        }
        return out
    }

    static func fmt(_ v: Double) -> String {
        abs(v) >= 1000
            ? String(format: "%.0f", v) : (abs(v) >= 10 ? String(format: "%.0f", v) : String(format: "%.3g", v))
    }

    /// A coordinate with one decimal.
    static func c(_ v: Double) -> String { SVGText.coordinate(v) }

    public static func svg(_ curves: [LossCurve], title: String, window: Int) -> String {
        let width = 860.0, left = 70.0, right = 20.0, plotW = width - left - right
        let topY = 50.0, topH = 300.0, gap = 60.0, botY = topY + topH + gap, botH = 180.0, height = botY + botH + 70
        let smoothed = curves.map { smooth($0.losses, window: window) }
        let maxStep = Double(curves.flatMap(\.steps).max() ?? 1)
        let skip = min(window, (smoothed.first?.count ?? 1) / 10)  // the first points are mostly warm-up
        var lo = Double.infinity, hi = -Double.infinity
        for s in smoothed { for v in s.dropFirst(skip) where v.isFinite { lo = min(lo, v); hi = max(hi, v) } }
        if !lo.isFinite { lo = 0; hi = 1 }
        hi = min(hi, lo + 3 * max(0.05, (smoothed.first?.last ?? hi) - lo + 0.5))
        let pad = (hi - lo) * 0.05
        lo -= pad; hi += pad
        var diffs: [[Double]] = []
        if let ref = smoothed.first {
            for s in smoothed { diffs.append(zip(s, ref).map { $0 - $1 }) }
        }
        var dlo = 0.0, dhi = 0.0
        for d in diffs { for v in d.dropFirst(max(skip, 1)) where v.isFinite { dlo = min(dlo, v); dhi = max(dhi, v) } }
        let dpad = max(1e-3, (dhi - dlo) * 0.08)
        dlo -= dpad; dhi += dpad

        func x(_ step: Double) -> Double { left + plotW * step / maxStep }
        func y(_ v: Double) -> Double { topY + topH * (1 - (v - lo) / (hi - lo)) }
        func yd(_ v: Double) -> Double { botY + botH * (1 - (v - dlo) / (dhi - dlo)) }

        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s +=
            "<text x=\"\(Int(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">"
            + "\(escape(title))</text>\n"
        // Frames, grids and ticks.
        for (py, ph, a, b, label, map) in [
            (topY, topH, lo, hi, "train loss (mean of \(window) steps)", y),
            (botY, botH, dlo, dhi, "difference to \(curves.first?.label ?? "reference")", yd),
        ]
            as [(Double, Double, Double, Double, String, (Double) -> Double)]
        {
            s +=
                "<rect x=\"\(c(left))\" y=\"\(c(py))\" width=\"\(c(plotW))\" height=\"\(c(ph))\" "
                + "fill=\"none\" stroke=\"#444\"/>\n"
            for t in niceTicks(a, b) {
                let ty = map(t)
                s +=
                    "<line x1=\"\(c(left))\" y1=\"\(c(ty))\" x2=\"\(c(left + plotW))\" y2=\"\(c(ty))\" "
                    + "stroke=\"#ddd\"/>\n"
                s += "<text x=\"\(c(left - 6))\" y=\"\(c(ty + 4))\" text-anchor=\"end\">\(fmt(t))</text>\n"
            }
            for t in niceTicks(0, maxStep) {
                let tx = x(t)
                s += "<line x1=\"\(c(tx))\" y1=\"\(c(py))\" x2=\"\(c(tx))\" y2=\"\(c(py + ph))\" stroke=\"#eee\"/>\n"
                s += "<text x=\"\(c(tx))\" y=\"\(c(py + ph + 15))\" text-anchor=\"middle\">\(fmt(t))</text>\n"
            }
            s +=
                "<text x=\"16\" y=\"\(c(py + ph / 2))\" transform=\"rotate(-90 16 \(c(py + ph / 2)))\" "
                + "text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        s += "<text x=\"\(left + plotW / 2)\" y=\"\(botY + botH + 34)\" text-anchor=\"middle\">step</text>\n"
        if dlo < 0 && dhi > 0 {
            s +=
                "<line x1=\"\(c(left))\" y1=\"\(c(yd(0)))\" x2=\"\(c(left + plotW))\" y2=\"\(c(yd(0)))\" "
                + "stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
        }
        // Curves.
        s +=
            "<clipPath id=\"top\"><rect x=\"\(left)\" y=\"\(topY)\" "
            + "width=\"\(plotW)\" height=\"\(topH)\"/></clipPath>\n"
        s +=
            "<clipPath id=\"bottom\"><rect x=\"\(left)\" y=\"\(botY)\" "
            + "width=\"\(plotW)\" height=\"\(botH)\"/></clipPath>\n"
        for c in curves where c.seedLosses.count > 1 {
            let perSeed = c.seedLosses.map { smooth($0, window: window) }
            let n = min(c.steps.count, perSeed.map(\.count).min() ?? 0)
            let idx = (0..<n).filter { j in perSeed.allSatisfy { $0[j].isFinite } }
            let upper = idx.map { j in
                String(format: "%.1f,%.1f", x(Double(c.steps[j])), y(perSeed.map { $0[j] }.max()!))
            }
            let lower = idx.reversed().map { j in
                String(format: "%.1f,%.1f", x(Double(c.steps[j])), y(perSeed.map { $0[j] }.min()!))
            }
            s +=
                "<polygon clip-path=\"url(#top)\" fill=\"\(c.color)\" fill-opacity=\"0.18\" stroke=\"none\" "
                + "points=\"\((upper + lower).joined(separator: " "))\"/>\n"
        }
        for (i, c) in curves.enumerated() {
            let pts = zip(c.steps, smoothed[i]).filter { $0.1.isFinite }
                .map { String(format: "%.1f,%.1f", x(Double($0.0)), y($0.1)) }.joined(separator: " ")
            s +=
                "<polyline clip-path=\"url(#top)\" fill=\"none\" "
                + "stroke=\"\(c.color)\" stroke-width=\"1.6\" points=\"\(pts)\"/>\n"
            for v in c.validation where v.loss.isFinite {
                s +=
                    "<circle clip-path=\"url(#top)\" cx=\"\(String(format: "%.1f", x(Double(v.step))))\" "
                    + "cy=\"\(String(format: "%.1f", y(v.loss)))\" "
                    + "r=\"3.5\" fill=\"white\" stroke=\"\(c.color)\" stroke-width=\"1.5\"/>\n"
            }
            if i > 0 {
                let dp = zip(c.steps, diffs[i]).filter { $0.1.isFinite }
                    .map { String(format: "%.1f,%.1f", x(Double($0.0)), yd($0.1)) }.joined(separator: " ")
                s +=
                    "<polyline clip-path=\"url(#bottom)\" fill=\"none\" "
                    + "stroke=\"\(c.color)\" stroke-width=\"1.6\" points=\"\(dp)\"/>\n"
            }
        }
        // Legend.
        var ly = topY + 16
        for c in curves {
            s +=
                "<line x1=\"\(left + plotW - 210)\" y1=\"\(ly - 4)\" x2=\"\(left + plotW - 185)\" y2=\"\(ly - 4)\" "
                + "stroke=\"\(c.color)\" stroke-width=\"2.5\"/>\n"
            s += "<text x=\"\(left + plotW - 178)\" y=\"\(ly)\">\(escape(c.label))</text>\n"
            ly += 18
        }
        if let seeds = curves.map(\.seedLosses.count).max(), seeds > 1 {
            s +=
                "<rect x=\"\(left + plotW - 210)\" y=\"\(ly - 10)\" width=\"25\" height=\"10\" "
                + "fill=\"#444\" fill-opacity=\"0.18\"/>\n"
            s += "<text x=\"\(left + plotW - 178)\" y=\"\(ly)\">mean; band: min–max over seeds</text>\n"
            ly += 18
        }
        if curves.contains(where: { !$0.validation.isEmpty }) {
            s +=
                "<circle cx=\"\(left + plotW - 197)\" cy=\"\(ly - 4)\" r=\"3.5\" "
                + "fill=\"white\" stroke=\"#444\" stroke-width=\"1.5\"/>\n"
            s += "<text x=\"\(left + plotW - 178)\" y=\"\(ly)\">validation loss</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    static func escape(_ t: String) -> String { SVGText.escape(t) }
}
