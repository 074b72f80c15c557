// Reproducible noise for stochastic rounding.
//
// Promises: `StochasticNoise.value(seed:index:)` is a pure function of (seed, element index)
// returning a float32 uniform on the 2^24-point grid of [−0.5, 0.5). The index is the
// element's row-major position in the quantized orientation (`row · paddedCols + col`), so
// any split of rows between threads — or a GPU — draws the same noise. Every (seed, index)
// pair, including (0, 0), gets a well-mixed draw.

public enum StochasticNoise {
    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's finalizer (a bijection of UInt64 with good avalanche).
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The per-tensor key of a seed: `mix(seed + golden)`. Hoist it out of loops.
    @inlinable
    public static func key(seed: UInt64) -> UInt64 { mix(seed &+ 0x9E37_79B9_7F4A_7C15) }

    /// The noise of element `index` under a key: the top 24 bits of
    /// `mix(key + (index + 1) · golden)` as `k · 2^-24 − 0.5`.
    @inlinable
    public static func value(key: UInt64, index: UInt64) -> Float {
        let z = mix(key &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        return Float(UInt32(truncatingIfNeeded: z >> 40)) * 0x1p-24 - 0.5
    }

    @inlinable
    public static func value(seed: UInt64, index: UInt64) -> Float {
        value(key: key(seed: seed), index: index)
    }
}
