// RMSNorm, the one implementation of inference, calibration and training.
//
// Promises: Hugging Face's order y = w · (x · rsqrt(mean(x²) + ε)) in float32: the sum of
// squares in four interleaved float32 accumulators combined as (s0 + s2) + (s1 + s3), divided
// by the width, ε added, then 1/sqrt; each row independent of the others, so the array form
// splits rows between threads (above a work threshold) without changing a bit. The per-row
// 1/rms is returned for training's backward pass.

import BlockFormats
import CPUKernels

package enum RMSNorm {
    /// y[r] = w · (x[r] · inv[r]) for `rows` rows of width `d`; inv[r] = 1/sqrt(mean(x[r]²) + ε)
    /// is stored in `inverseRMS[r]` when given.
    package static func forward(
        _ x: UnsafePointer<Float>, weight w: UnsafePointer<Float>, rows: Int, width d: Int,
        epsilon: Float, into y: UnsafeMutablePointer<Float>,
        inverseRMS: UnsafeMutablePointer<Float>? = nil
    ) {
        for r in 0..<rows {
            let xr = x + r * d, yr = y + r * d
            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
            var i = 0
            while i + 4 <= d {
                s0 += xr[i] * xr[i]; s1 += xr[i + 1] * xr[i + 1]
                s2 += xr[i + 2] * xr[i + 2]; s3 += xr[i + 3] * xr[i + 3]
                i += 4
            }
            while i < d { s0 += xr[i] * xr[i]; i += 1 }
            let inv = 1 / (((s0 + s2) + (s1 + s3)) / Float(d) + epsilon).squareRoot()
            inverseRMS?[r] = inv
            for j in 0..<d { yr[j] = w[j] * (xr[j] * inv) }
        }
    }

    /// The RMSNorm of `rows` rows of `x` (width `width`) as a new array.
    package static func forward(
        _ x: [Float], weight: [Float], rows: Int, width: Int, epsilon: Float, threads: Int = 1
    ) -> [Float] {
        forward(x, weight: weight, rows: rows, width: width, epsilon: epsilon, keepingRMS: false, threads: threads).y
    }

    /// The RMSNorm as a new array and, with `keepingRMS`, the per-row 1/rms (else empty).
    package static func forward(
        _ x: [Float], weight: [Float], rows: Int, width: Int, epsilon: Float,
        keepingRMS: Bool, threads: Int = 1
    ) -> (y: [Float], inverseRMS: [Float]) {
        var y = [Float](repeating: 0, count: x.count)
        var inv = [Float](repeating: 0, count: keepingRMS ? rows : 0)
        x.withUnsafeBufferPointer { xp in
            weight.withUnsafeBufferPointer { wp in
                y.withUnsafeMutableBufferPointer { yp in
                    inv.withUnsafeMutableBufferPointer { ip in
                        // Rows split between threads; each row is computed alone, so the bits do not change.
                        let shared = SendablePointer(
                            (
                                x: xp.baseAddress!, w: wp.baseAddress!, y: yp.baseAddress!,
                                inv: keepingRMS ? ip.baseAddress! : nil
                            ))
                        let workers = CPUParallel.effectiveThreads(
                            threads, work: rows * width, minimumPerThread: 1 << 14)
                        CPUParallel.parallelFor(rows, threads: workers) { range in
                            let b = shared.p, r0 = range.lowerBound
                            forward(
                                b.x + r0 * width, weight: b.w, rows: range.count, width: width, epsilon: epsilon,
                                into: b.y + r0 * width, inverseRMS: b.inv.map { $0 + r0 })
                        }
                    }
                }
            }
        }
        return (y, inv)
    }
}
