// Row kernels of the forward pass: exp, softmax, SiLU·up (SwiGLU), log-sum-exp, argmax.
//
// Promises: `expApprox` is Cephes' single-precision exp (range reduction by ln 2 split in two
// parts, degree-6 polynomial, exponent built from the bits of the rounded multiple): relative
// error below 1e-7 on [-87.3, 88.7], inputs clamped to that range, no NaN for finite input.
// The kernels are plain scalar loops over unsafe pointers: the release build vectorizes them
// (SSE2, measured as fast as hand-written SIMD4 here), and a debug build — the test suite —
// runs them about ten times faster than generic SIMD code, which is not specialized at -Onone.
// Sums use four interleaved float32 accumulators. Inference, calibration and training all
// call these (training's backward differentiates exactly these forms).

import Foundation

/// e^x (Cephes expf), x clamped to [-87.33654, 88.72283].
@inline(__always)
package func expApprox(_ x: Float) -> Float {
    let xc = Swift.min(Swift.max(x, -87.336_54), 88.722_83)
    let t = xc * 1.442_695_04 + 12_582_912  // + 1.5·2^23 rounds x·log2(e) to an integer n
    let n = t - 12_582_912
    var r = xc - n * 0.693_359_375
    r = r - n * -2.121_944_4e-4
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    p = p * (r * r) + r + 1
    // n is the low bits of t's pattern (t = 1.5·2^23 + n); 2^n has exponent field n + 127.
    return p * Float(bitPattern: (t.bitPattern &- 0x4B40_0000 &+ 127) << 23)
}

package enum VectorMath {
    /// In place over `x[0..<n]`: y = x · scale (rounded, as `scores * scaling` is), then
    /// x[i] = exp(y[i] − max y) / Σ exp(y − max y).
    package static func softmax(_ x: UnsafeMutablePointer<Float>, count n: Int, scale: Float = 1) {
        guard n > 0 else { return }
        for i in 0..<n { x[i] *= scale }
        let m = maximum(x, count: n)
        for i in 0..<n { x[i] = expApprox(x[i] - m) }
        let inv = 1 / sum(x, count: n)
        for i in 0..<n { x[i] *= inv }
    }

    /// The largest of `x[0..<n]` (n ≥ 1).
    package static func maximum(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        var m = x[0]
        for i in 1..<n where x[i] > m { m = x[i] }
        return m
    }

    /// Σ x[0..<n] in four interleaved float32 partial sums.
    package static func sum(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var i = 0
        while i + 4 <= n {
            s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]
            i += 4
        }
        while i < n { s0 += x[i]; i += 1 }
        return (s0 + s2) + (s1 + s3)
    }

    /// log Σ exp(x[i]) over `x[0..<n]` (max-shifted; the exponentials summed in double precision).
    package static func logSumExp(_ x: UnsafePointer<Float>, count n: Int) -> Double {
        let m = maximum(x, count: n)
        var s0 = 0.0, s1 = 0.0
        var i = 0
        while i + 2 <= n {
            s0 += Double(expApprox(x[i] - m))
            s1 += Double(expApprox(x[i + 1] - m))
            i += 2
        }
        if i < n { s0 += Double(expApprox(x[i] - m)) }
        return Double(m) + Foundation.log(s0 + s1)
    }

    /// g[i] = silu(g[i]) · u[i] = g / (1 + e^(−g)) · u, in place over `count` values.
    package static func siluTimes(_ g: UnsafeMutablePointer<Float>, _ u: UnsafePointer<Float>, count n: Int) {
        for i in 0..<n {
            let v = g[i]
            g[i] = v / (1 + expApprox(-v)) * u[i]
        }
    }

    /// The index of the largest value (the first on ties).
    package static func argmax(_ x: UnsafePointer<Float>, count n: Int) -> Int {
        var best = 0
        for i in 1..<Swift.max(n, 1) where x[i] > x[best] { best = i }
        return best
    }
}
