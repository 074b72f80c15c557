// Linear warmup, then cosine decay to a floor.
//
// Promises: for step s (0-based) of `totalSteps`: s < warmup → peak·(s+1)/warmup; after that
// floor + ½(peak − floor)(1 + cos(π·p)) with p = (s − warmup)/max(1, totalSteps − warmup),
// clamped to [0, 1]; floor = peak·minimumRatio. A pure function of the step, so a resumed run
// sees the same rates.

import Foundation

public struct LearningRateSchedule: Sendable, Hashable, Codable {
    public var peak: Float
    public var warmupSteps: Int
    public var totalSteps: Int
    public var minimumRatio: Float

    public init(peak: Float, warmupSteps: Int, totalSteps: Int, minimumRatio: Float = 0.1) {
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.minimumRatio = minimumRatio
    }

    public func rate(step s: Int) -> Float {
        if s < warmupSteps { return peak * Float(s + 1) / Float(warmupSteps) }
        let p = min(1, max(0, Double(s - warmupSteps) / Double(max(1, totalSteps - warmupSteps))))
        let floor = Double(peak * minimumRatio)
        return Float(floor + 0.5 * (Double(peak) - floor) * (1 + Foundation.cos(Double.pi * p)))
    }
}
