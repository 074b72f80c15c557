// Statistics over training seeds: mean, standard deviation, paired differences with a
// t-interval, and the share of the NVFP4 → BF16 gap a recipe closes with a delta-method interval.
//
// Promises: `standardDeviation` is the sample one (n − 1); `tQuantile975(df)` is Student's t
// 0.975 quantile, from a table (six digits) for df ≤ 30 and the Cornish–Fisher expansion to
// 1/df³ above (error below 1e-5 there). `pairedDifference(a, b)` is mean(a − b) ± t(n−1)·sd/√n
// over the seeds both have. `gapClosed` is the ratio of means R = mean(n − r) / mean(n − b)
// (n: NVFP4, r: the recipe, b: BF16, paired by seed) with the first-order delta-method
// standard error se² = [var(g) − 2R·cov(g, h) + R²·var(h)] / (k · mean(h)²), g = n − r,
// h = n − b, and the interval R ± t(k−1)·se; nil when fewer than two seeds or mean(h) ≤ 0
// (no gap to close). Every formula uses Double and is checked on hand-computed numbers.

import Foundation

public enum SeedStatistics {
    /// An estimate with its 95% interval over `count` seeds (bounds NaN below two seeds).
    public struct Interval: Sendable, Equatable {
        public var estimate: Double
        public var lower: Double
        public var upper: Double
        public var count: Int

        public init(estimate: Double, lower: Double, upper: Double, count: Int) {
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.count = count
        }

        /// True when the interval lies entirely above (1), below (−1) or covers 0 (0).
        public var sign: Int { lower > 0 ? 1 : (upper < 0 ? -1 : 0) }
    }

    public static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    /// The sample standard deviation (divisor n − 1); NaN below two values.
    public static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    /// The sample covariance (divisor n − 1) of paired values.
    public static func covariance(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count > 1 else { return .nan }
        let mx = mean(x), my = mean(y)
        return zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / Double(x.count - 1)
    }

    static let tTable: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// Student's t 0.975 quantile for `df` ≥ 1 degrees of freedom.
    public static func tQuantile975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "degrees of freedom must be positive")
        if df <= tTable.count { return tTable[df - 1] }
        let z = 1.959963984540054, n = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
    }

    /// mean(a − b) with its 95% t-interval; `a` and `b` are paired (same seeds, same order).
    public static func pairedDifference(_ a: [Double], _ b: [Double]) -> Interval {
        precondition(a.count == b.count, "paired samples must have the same length")
        let d = zip(a, b).map { $0 - $1 }
        let m = mean(d)
        guard d.count > 1 else { return Interval(estimate: m, lower: .nan, upper: .nan, count: d.count) }
        let half = tQuantile975(degreesOfFreedom: d.count - 1) * standardDeviation(d) / Double(d.count).squareRoot()
        return Interval(estimate: m, lower: m - half, upper: m + half, count: d.count)
    }

    /// The share of the NVFP4 → BF16 gap that `recipe` closes, as the ratio of the mean gains
    /// to the mean gap, with a delta-method 95% interval (see the file's promise). Paired by index.
    public static func gapClosed(nvfp4: [Double], recipe: [Double], bf16: [Double]) -> Interval? {
        precondition(
            nvfp4.count == recipe.count && nvfp4.count == bf16.count, "paired samples must have the same length")
        let k = nvfp4.count
        guard k > 1 else { return nil }
        let g = zip(nvfp4, recipe).map { $0 - $1 }, h = zip(nvfp4, bf16).map { $0 - $1 }
        let mg = mean(g), mh = mean(h)
        guard mh > 0 else { return nil }
        let r = mg / mh
        let sg = standardDeviation(g), sh = standardDeviation(h)
        let variance = max(0, sg * sg - 2 * r * covariance(g, h) + r * r * sh * sh) / (Double(k) * mh * mh)
        let half = tQuantile975(degreesOfFreedom: k - 1) * variance.squareRoot()
        return Interval(estimate: r, lower: r - half, upper: r + half, count: k)
    }
}
