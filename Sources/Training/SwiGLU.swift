// The SwiGLU activation of the MLP, s = silu(gate) ⊙ up, forward and backward.
//
// Promises: forward is ModelCore's `VectorMath.siluTimes` (the one inference runs:
// g / (1 + expApprox(−g)) · up in float32), elementwise chunks split between threads;
// backward, with σ(x) = 1/(1 + expApprox(−x)) as the forward's, is
// d_up = ds ⊙ silu(g), d_gate = ds ⊙ up ⊙ σ(g)·(1 + g·(1 − σ(g))). Independent of threads.

import BlockFormats
import CPUKernels
import ModelCore

enum SwiGLU {
    static func forward(gate: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<Float>, threads: Int) -> [Float] {
        let n = gate.count
        var s = [Float](repeating: 0, count: n)
        let up_ = SendablePointer(up.baseAddress!)
        s.withUnsafeMutableBufferPointer { sb in
            sb.baseAddress!.update(from: gate.baseAddress!, count: n)
            let sp = SendablePointer(sb.baseAddress!)
            CPUParallel.parallelFor(n, threads: rowThreads(n, threads)) { range in
                VectorMath.siluTimes(sp.p + range.lowerBound, up_.p + range.lowerBound, count: range.count)
            }
        }
        return s
    }

    /// (d_gate, d_up).
    static func backward(
        _ ds: UnsafeBufferPointer<Float>, gate: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<Float>,
        threads: Int
    ) -> (dGate: [Float], dUp: [Float]) {
        let n = gate.count
        var dg = [Float](repeating: 0, count: n), du = dg
        let dsp = SendablePointer(ds.baseAddress!), gp = SendablePointer(gate.baseAddress!)
        let upp = SendablePointer(up.baseAddress!)
        dg.withUnsafeMutableBufferPointer { dgb in
            du.withUnsafeMutableBufferPointer { dub in
                let dgp = SendablePointer(dgb.baseAddress!), dup = SendablePointer(dub.baseAddress!)
                CPUParallel.parallelFor(n, threads: rowThreads(n, threads)) { range in
                    for i in range {
                        let g = gp.p[i], sig = 1 / (1 + expApprox(-g))
                        dup.p[i] = dsp.p[i] * g * sig
                        dgp.p[i] = dsp.p[i] * upp.p[i] * sig * (1 + g * (1 - sig))
                    }
                }
            }
        }
        return (dg, du)
    }
}
