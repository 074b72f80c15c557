// A small grouped bar chart as standalone SVG (the chart of `eval --compare`).
//
// Promises: one group of bars per category, one bar per series (colours from a fixed
// palette), a zero line, horizontal grid lines at round steps, each bar labelled with its
// value, a title and a legend; text is XML-escaped. No external fonts or scripts.

import Foundation

public struct GroupedBarChart {
    public var title: String
    public var subtitle: String
    public var yLabel: String
    public var categories: [String]
    /// (name, one value per category).
    public var series: [(name: String, values: [Double])]
    public var valueFormat: (Double) -> String = { String(format: "%+.1f%%", $0) }

    public init(
        title: String, subtitle: String, yLabel: String, categories: [String],
        series: [(name: String, values: [Double])]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
    }

    public static let palette = ["#4C78A8", "#F58518", "#54A24B", "#B279A2"]

    public func svg(width: Double = 760, height: Double = 420) -> String {
        let left = 70.0, right = 20.0, top = 70.0, bottom = 60.0
        let plotW = width - left - right, plotH = height - top - bottom
        let values = series.flatMap(\.values)
        let maxV = max(values.max() ?? 1, 0), minV = min(values.min() ?? 0, 0)
        let step = SVGText.niceStep((maxV - minV) / 5)
        let hi = (maxV / step).rounded(.up) * step, lo = (minV / step).rounded(.down) * step
        let span = max(hi - lo, step)
        func y(_ v: Double) -> Double { top + plotH * (hi - v) / span }

        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="26" text-anchor="middle" font-size="17" font-weight="bold">\(escape(title))</text>
            <text x="\(width / 2)" y="46" text-anchor="middle" font-size="12" fill="#555">\(escape(subtitle))</text>

            """
        var v = lo
        while v <= hi + step / 2 {
            s += "<line x1=\"\(left)\" y1=\(q(y(v))) x2=\"\(left + plotW)\" y2=\(q(y(v))) stroke=\"#ddd\"/>\n"
            s +=
                "<text x=\"\(left - 6)\" y=\(q(y(v) + 4)) text-anchor=\"end\" font-size=\"11\" fill=\"#555\">"
                + "\(escape(valueFormat(v)))</text>\n"
            v += step
        }
        s +=
            "<text transform=\"translate(16,\(top + plotH / 2)) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">"
            + "\(escape(yLabel))</text>\n"
        let groupW = plotW / Double(max(categories.count, 1))
        let barW = groupW * 0.7 / Double(max(series.count, 1))
        for (c, category) in categories.enumerated() {
            let x0 = left + groupW * Double(c) + groupW * 0.15
            for (k, serie) in series.enumerated() {
                let value = serie.values[c]
                let x = x0 + barW * Double(k)
                let (y0, y1) = (y(max(value, 0)), y(min(value, 0)))
                s +=
                    "<rect x=\(q(x)) y=\(q(y0)) width=\(q(barW - 2)) height=\(q(max(y1 - y0, 0.5))) "
                    + "fill=\"\(Self.palette[k % Self.palette.count])\"/>\n"
                let labelY = value >= 0 ? y0 - 4 : y1 + 12
                s +=
                    "<text x=\(q(x + (barW - 2) / 2)) y=\(q(labelY)) text-anchor=\"middle\" font-size=\"10\">"
                    + "\(escape(valueFormat(value)))</text>\n"
            }
            s +=
                "<text x=\(q(left + groupW * (Double(c) + 0.5))) y=\(q(top + plotH + 18)) "
                + "text-anchor=\"middle\" font-size=\"12\">\(escape(category))</text>\n"
        }
        s += "<line x1=\"\(left)\" y1=\(q(y(0))) x2=\"\(left + plotW)\" y2=\(q(y(0))) stroke=\"#333\"/>\n"
        var lx = left
        for (k, serie) in series.enumerated() {
            s +=
                "<rect x=\(q(lx)) y=\(q(height - 24)) width=\"12\" height=\"12\" "
                + "fill=\"\(Self.palette[k % Self.palette.count])\"/>\n"
            s += "<text x=\(q(lx + 17)) y=\(q(height - 14)) font-size=\"12\">\(escape(serie.name))</text>\n"
            lx += 40 + Double(serie.name.count) * 7
        }
        return s + "</svg>\n"
    }

    private func q(_ v: Double) -> String { "\"" + SVGText.coordinate(v) + "\"" }

    private func escape(_ text: String) -> String { SVGText.escape(text) }
}
