// Deterministic random numbers for initialization, data order and stochastic-rounding seeds.
//
// Promises: `SplitMix64` yields the same sequence for the same seed on every platform;
// `normal()` is Box–Muller over it (float64 arithmetic, float32 result); `mix(_:)` is a pure
// 64-bit hash used to derive independent seeds from tuples of integers.

import Foundation

struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalize(state)
    }

    /// SplitMix64's output function: a bijective avalanche of 64 bits.
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A hash of several integers: each is folded in with the finalizer, in order.
    static func mix(_ values: UInt64...) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for v in values { h = finalize(h ^ finalize(v &+ 0x9E37_79B9_7F4A_7C15)) }
        return h
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform integer in 0..<bound (bound > 0), by rejection (no modulo bias).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let x = next()
            if x < limit { return Int(x % b) }
        }
    }

    /// A standard normal sample (Box–Muller; one of the pair is used).
    mutating func normal() -> Float {
        let u1 = max(uniform(), 0x1p-60), u2 = uniform()
        return Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }
}
