// Reproducible noise for stochastic rounding.
//
// Promises: `StochasticNoise.value(seed:index:)` is a pure function of (seed, element index)
// returning a float32 uniform on the 2^24-point grid of [−0.5, 0.5). The index is the
// element's row-major position in the quantized orientation (`row · paddedCols + col`), so
// any split of rows between threads — or a GPU — draws the same noise.

public enum StochasticNoise {
    /// SplitMix64's finalizer applied to `seed ^ (index · golden ratio)`; the top 24 bits
    /// become `k · 2^-24 − 0.5`.
    @inlinable
    public static func value(seed: UInt64, index: UInt64) -> Float {
        var z = seed ^ (index &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Float(UInt32(truncatingIfNeeded: z >> 40)) * 0x1p-24 - 0.5
    }
}
