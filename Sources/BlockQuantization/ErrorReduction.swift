// The summation order of a block's error in the 4/6 and IF4 selections.
//
// Promises: `ErrorReduction.sum` adds the n per-element errors in exactly the order of the
// reference's `tensor.sum(dim=-1)` on an AVX2 CPU (PyTorch's cascade_sum with 8-lane
// vectors and 4 interleaved accumulators), so that near-ties between the two candidates are
// decided as the reference decides them. For a 1×16 block this is
// `Σ_k (e[k] + e[k+8])`, k = 0…7 left to right; for a 16×16 tile see `sum`'s body.

public enum ErrorReduction {
    /// Sum of `e` (count a multiple of 8, at most 504) in the reference's order.
    @inlinable
    public static func sum(_ e: UnsafePointer<Float>, count n: Int) -> Float {
        precondition(n % 8 == 0 && n / 8 < 64, "block error count \(n) outside the modelled reduction")
        let vectors = n / 8
        let interleaved = vectors / 4
        // acc[k][lane]: 4 accumulators of 8 lanes; vector m goes to accumulator m % 4 while
        // m < 4·interleaved, the remaining vectors all go to accumulator 0.
        var acc = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
        func load(_ m: Int) -> SIMD8<Float> {
            SIMD8<Float>(UnsafeBufferPointer(start: e + 8 * m, count: 8))
        }
        for i in 0..<interleaved {
            acc.0 += load(4 * i)
            acc.1 += load(4 * i + 1)
            acc.2 += load(4 * i + 2)
            acc.3 += load(4 * i + 3)
        }
        for m in (4 * interleaved)..<vectors { acc.0 += load(m) }
        let v = ((acc.0 + acc.1) + acc.2) + acc.3
        var total: Float = 0
        for lane in 0..<8 { total += v[lane] }
        return total
    }
}
