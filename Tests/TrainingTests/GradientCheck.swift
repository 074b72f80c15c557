// Finite-difference helpers for the backward-pass tests.
//
// Promises: tests compare ⟨analytic gradient, u⟩ with the central difference
// D(h) = (L(θ+hu) − L(θ−hu)) / 2h. The forward passes run in float32 (the trainer's
// precision), so tolerances are set for float32: for single layers, h = 1e-2 on O(1) inputs
// gives a truncation error O(h²) ≈ 1e-4 relative and a rounding error about 1e-6 / 2h ≈ 5e-5,
// and tests accept a relative difference of 2e-3 (plus a small absolute floor). The whole
// model is more curved (the O(h²) term reached 1% at h = 1e-2), so its test uses Richardson
// extrapolation (4·D(h/2) − D(h)) / 3, which cancels the h² term, with h = 4e-2 on weights of
// scale 0.1 (measured worst error 2.5e-4 relative; the test accepts 1e-3 plus 2e-5).

import TestSupport

/// The tests' seeded generator is the test-support one (`@testable import Training` also shows
/// Training's internal generator of the same name).
typealias SplitMix64 = TestSupport.SplitMix64

/// Σ w·y in float64.
func weightedSum(_ y: [Float], _ w: [Float]) -> Double {
    precondition(y.count == w.count)
    var s: Double = 0
    for i in y.indices { s += Double(y[i]) * Double(w[i]) }
    return s
}

func dot(_ a: [Float], _ b: [Float]) -> Double { weightedSum(a, b) }

func axpy(_ x: [Float], _ u: [Float], _ h: Float) -> [Float] {
    zip(x, u).map { $0 + h * $1 }
}

/// |a − b| ≤ rel·max(|a|, |b|) + abs.
func close(_ a: Double, _ b: Double, rel: Double = 2e-3, abs: Double = 1e-6) -> Bool {
    Swift.abs(a - b) <= rel * max(Swift.abs(a), Swift.abs(b)) + abs
}

/// Central-difference directional derivative of `f` at `x` along `u`.
func centralDifference(_ x: [Float], _ u: [Float], h: Float = 1e-2, _ f: ([Float]) -> Double) -> Double {
    (f(axpy(x, u, h)) - f(axpy(x, u, -h))) / (2 * Double(h))
}

/// Richardson-extrapolated central difference: (4·D(h/2) − D(h)) / 3, error O(h⁴).
func richardsonDifference(_ x: [Float], _ u: [Float], h: Float = 5e-3, _ f: ([Float]) -> Double) -> Double {
    (4 * centralDifference(x, u, h: h / 2, f) - centralDifference(x, u, h: h, f)) / 3
}
