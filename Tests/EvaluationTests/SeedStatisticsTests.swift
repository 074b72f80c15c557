// The statistics of the seeded pre-training report on numbers worked out by hand.

import Foundation
import Testing

@testable import Evaluation

@Suite struct SeedStatisticsTests {
    @Test func meanAndSampleStandardDeviation() {
        #expect(SeedStatistics.mean([1, 2, 3, 4]) == 2.5)
        // Squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, divided by n − 1 = 3.
        #expect(abs(SeedStatistics.standardDeviation([1, 2, 3, 4]) - 1.2909944487358056) < 1e-15)
        #expect(SeedStatistics.standardDeviation([5]).isNaN)
        #expect(SeedStatistics.mean([]).isNaN)
        // (−1.5·−3 + −0.5·−1 + 0.5·1 + 1.5·3) / 3 = 10 / 3.
        #expect(abs(SeedStatistics.covariance([1, 2, 3, 4], [0, 2, 4, 6]) - 10.0 / 3) < 1e-15)
    }

    @Test func tQuantiles() {
        #expect(SeedStatistics.tQuantile975(degreesOfFreedom: 1) == 12.706205)
        #expect(SeedStatistics.tQuantile975(degreesOfFreedom: 2) == 4.302653)
        #expect(SeedStatistics.tQuantile975(degreesOfFreedom: 4) == 2.776445)
        #expect(SeedStatistics.tQuantile975(degreesOfFreedom: 30) == 2.042272)
        // Above the table, the expansion: t(0.975, 40) = 2.0210754, t(0.975, 100) = 1.9839715.
        #expect(abs(SeedStatistics.tQuantile975(degreesOfFreedom: 40) - 2.0210754) < 1e-5)
        #expect(abs(SeedStatistics.tQuantile975(degreesOfFreedom: 100) - 1.9839715) < 1e-6)
    }

    @Test func pairedDifferenceInterval() {
        // d = (2,3,8) − (1,1,2) = (1, 2, 6): mean 3, sd √7, half-width t(0.975, 2)·√7/√3 = 6.5724110.
        let i = SeedStatistics.pairedDifference([2, 3, 8], [1, 1, 2])
        #expect(i.estimate == 3 && i.count == 3)
        #expect(abs(i.lower - (3 - 6.572411020542944)) < 1e-12 && abs(i.upper - (3 + 6.572411020542944)) < 1e-12)
        #expect(i.sign == 0)
        // d = (1, 1.5, 1.25): mean 1.25, sd 0.25, half 4.302653·0.25/√3 = 0.6210345: above 0.
        let above = SeedStatistics.pairedDifference([2, 2.5, 2.25], [1, 1, 1])
        #expect(abs(above.upper - above.lower - 2 * 0.6210345) < 1e-6 && above.sign == 1)
        #expect(SeedStatistics.pairedDifference([3], [1]).lower.isNaN)
    }

    @Test func gapClosedIsTheRatioOfMeansWithADeltaMethodInterval() throws {
        // NVFP4 (4, 5, 6), BF16 (3, 3, 3): gaps h = (1, 2, 3); recipe (3.5, 4, 5.5): gains
        // g = (0.5, 1, 0.5). R = (2/3) / 2 = 1/3; var(g) = 1/12, var(h) = 1, cov = 0;
        // se² = (1/12 + 1/9) / (3 · 4) = 7/432; half = 4.302653 · √(7/432) = 0.5477009.
        let i = try #require(SeedStatistics.gapClosed(nvfp4: [4, 5, 6], recipe: [3.5, 4, 5.5], bf16: [3, 3, 3]))
        #expect(abs(i.estimate - 1.0 / 3) < 1e-15)
        #expect(abs(i.upper - i.estimate - 0.5477009183785787) < 1e-12)
        #expect(abs(i.estimate - i.lower - 0.5477009183785787) < 1e-12)
        // A recipe equal to BF16 on every seed closes exactly 100%, with no spread.
        let all = try #require(SeedStatistics.gapClosed(nvfp4: [4, 5], recipe: [3, 4], bf16: [3, 4]))
        #expect(all.estimate == 1 && all.lower == 1 && all.upper == 1)
        // No gap (NVFP4 not worse than BF16 on average) or a single seed: no share.
        #expect(SeedStatistics.gapClosed(nvfp4: [3, 3], recipe: [2, 2], bf16: [3, 4]) == nil)
        #expect(SeedStatistics.gapClosed(nvfp4: [4], recipe: [3], bf16: [2]) == nil)
    }
}
