// The trainer's RMSNorm layer over rows of a [rows, width] matrix: ModelCore's forward (the one
// inference runs) and its backward.
//
// Promises: forward is ModelCore's `RMSNorm.forward` (Hugging Face Llama's
// `weight · (x · rsqrt(mean(x²) + eps))` in float32), rows split between threads, returning the
// per-row 1/rms that backward needs. Backward
// adds the gain gradient into `gainGradient`, summed over rows in a fixed partition order, so
// results do not depend on the thread count.
// Math: y = g ⊙ x·r, r = (Σx²/n + ε)^-½;  dx = r·(g⊙dy) − x·r³/n·Σ(g⊙dy⊙x);  dg = Σ_rows dy⊙x·r.

import BlockFormats
import CPUKernels
import ModelCore

enum NormLayer {
    /// Fixed number of row partitions of the gain-gradient reduction.
    static let partitions = 16

    /// y[rows, n] and the per-row inverse rms [rows].
    static func forward(
        _ x: UnsafeBufferPointer<Float>, rows: Int, width n: Int, gain: UnsafeBufferPointer<Float>,
        epsilon: Float, threads: Int
    ) -> (y: [Float], inverseRMS: [Float]) {
        var y = [Float](repeating: 0, count: rows * n)
        var r = [Float](repeating: 0, count: rows)
        let xs = SendablePointer(x.baseAddress!), gs = SendablePointer(gain.baseAddress!)
        y.withUnsafeMutableBufferPointer { yb in
            r.withUnsafeMutableBufferPointer { rb in
                let yp = SendablePointer(yb.baseAddress!), rp = SendablePointer(rb.baseAddress!)
                CPUParallel.parallelFor(rows, threads: rowThreads(rows * n, threads)) { range in
                    let i = range.lowerBound
                    RMSNorm.forward(
                        xs.p + i * n, weight: gs.p, rows: range.count, width: n, epsilon: epsilon,
                        into: yp.p + i * n, inverseRMS: rp.p + i)
                }
            }
        }
        return (y, r)
    }

    /// dx[rows, n]; adds Σ_rows dy⊙x·r into `gainGradient`.
    static func backward(
        _ dy: UnsafeBufferPointer<Float>, x: UnsafeBufferPointer<Float>, inverseRMS: UnsafeBufferPointer<Float>,
        rows: Int, width n: Int, gain: UnsafeBufferPointer<Float>,
        gainGradient: UnsafeMutableBufferPointer<Float>, threads: Int
    ) -> [Float] {
        var dx = [Float](repeating: 0, count: rows * n)
        let parts = min(partitions, max(rows, 1))
        var partial = [Float](repeating: 0, count: parts * n)
        let dys = SendablePointer(dy.baseAddress!), xs = SendablePointer(x.baseAddress!)
        let rs = SendablePointer(inverseRMS.baseAddress!), gs = SendablePointer(gain.baseAddress!)
        dx.withUnsafeMutableBufferPointer { dxb in
            partial.withUnsafeMutableBufferPointer { pb in
                let dxp = SendablePointer(dxb.baseAddress!), pp = SendablePointer(pb.baseAddress!)
                CPUParallel.parallelFor(parts, threads: rowThreads(rows * n, threads)) { partRange in
                    for part in partRange {
                        let acc = pp.p + part * n
                        for i in CPUParallel.range(part, of: parts, count: rows) {
                            let dyr = dys.p + i * n, xr = xs.p + i * n, r = rs.p[i]
                            var dot: Float = 0
                            for j in 0..<n {
                                dot += gs.p[j] * dyr[j] * xr[j]
                                acc[j] += dyr[j] * xr[j] * r
                            }
                            let c = r * r * r * dot / Float(n)
                            let out = dxp.p + i * n
                            for j in 0..<n { out[j] = r * gs.p[j] * dyr[j] - xr[j] * c }
                        }
                    }
                }
            }
        }
        for part in 0..<parts {
            for j in 0..<n { gainGradient[j] += partial[part * n + j] }
        }
        return dx
    }
}

/// Threads worth using for an elementwise pass over `work` values.
@inline(__always)
func rowThreads(_ work: Int, _ threads: Int) -> Int {
    CPUParallel.effectiveThreads(threads, work: work, minimumPerThread: 1 << 14)
}
