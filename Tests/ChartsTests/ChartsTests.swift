// The SVG charts: axis ticks are exact multiples with a plain zero, and the bar chart of
// `eval --compare` redrawn from the recorded table (results/stories260K/first-40-windows)
// equals the recorded compare.svg byte for byte.

import Foundation
import TestSupport
import Testing

@testable import Charts

@Suite struct ChartsTests {
    @Test func plotTicksAreExactMultiplesWithAPlainZero() {
        // ceil(-0.63) is −0: the zero tick must still print as "0", not "-0".
        let ticks = LossCurvePlot.niceTicks(-0.063, 0.241, count: 4)
        #expect(ticks == [0, 0.1, 0.2])
        #expect(ticks.first?.sign == .plus)
        #expect(ticks.map(LossCurvePlot.fmt) == ["0", "0.1", "0.2"])
        #expect(LossCurvePlot.niceTicks(2.9, 4.6, count: 4) == [3, 3.5, 4, 4.5])
    }

    @Test func niceStepsAndEscaping() {
        #expect([0.3, 1, 1.2, 2.2, 4, 7, 0].map(SVGText.niceStep) == [0.5, 1, 2, 2.5, 5, 10, 1])
        #expect(SVGText.escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
        #expect(SVGText.coordinate(2.25) == "2.2" && SVGText.coordinate(-0.04) == "-0.0")
    }

    /// The recorded comparison's CSV holds each row's ratio to BF16 (6 decimals), enough for the
    /// chart's one-decimal coordinates and labels.
    @Test func theCompareChartRedrawsTheRecordedOne() throws {
        let dir = repositoryRoot + "/results/stories260K/first-40-windows"
        let csv = try String(contentsOfFile: dir + "/compare.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let chart = GroupedBarChart(
            title: "Perplexity increase over BF16: standard NVFP4 vs 4/6",
            subtitle: "stories260K on tinystories-sample.txt, context 512, 40 windows, 20440 tokens; "
                + "all decoder Linear layers",
            yLabel: "perplexity vs BF16",
            categories: rows.map { $0[1] == "static_6" ? "NVFP4 static_6" : "4/6 \($0[1])" },
            series: [
                ("W4A16 (weights)", rows.map { 100 * Double($0[3])! }),
                ("W4A4 (weights + activations)", rows.map { 100 * Double($0[6])! }),
            ])
        let recorded = try String(contentsOfFile: dir + "/compare.svg", encoding: .utf8)
        #expect(chart.svg() == recorded)
    }
}
