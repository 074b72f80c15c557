// The SwiGLU activation of the MLP, s = silu(gate) ⊙ up, forward and backward.
//
// Promises: elementwise in float32 with σ(x) = 1/(1+e^−x); backward is
// d_up = ds ⊙ silu(g), d_gate = ds ⊙ up ⊙ σ(g)·(1 + g·(1 − σ(g))). Independent of threads.

import BlockFormats
import CPUKernels
import Foundation

enum SwiGLU {
    static func forward(gate: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<Float>, threads: Int) -> [Float] {
        let n = gate.count
        var s = [Float](repeating: 0, count: n)
        let gp = SendablePointer(gate.baseAddress!), up_ = SendablePointer(up.baseAddress!)
        s.withUnsafeMutableBufferPointer { sb in
            let sp = SendablePointer(sb.baseAddress!)
            CPUParallel.parallelFor(n, threads: rowThreads(n, threads)) { range in
                for i in range {
                    let g = gp.p[i]
                    sp.p[i] = g / (1 + Foundation.exp(-g)) * up_.p[i]
                }
            }
        }
        return s
    }

    /// (d_gate, d_up).
    static func backward(_ ds: UnsafeBufferPointer<Float>, gate: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<Float>,
                         threads: Int) -> (dGate: [Float], dUp: [Float]) {
        let n = gate.count
        var dg = [Float](repeating: 0, count: n), du = dg
        let dsp = SendablePointer(ds.baseAddress!), gp = SendablePointer(gate.baseAddress!)
        let upp = SendablePointer(up.baseAddress!)
        dg.withUnsafeMutableBufferPointer { dgb in
            du.withUnsafeMutableBufferPointer { dub in
                let dgp = SendablePointer(dgb.baseAddress!), dup = SendablePointer(dub.baseAddress!)
                CPUParallel.parallelFor(n, threads: rowThreads(n, threads)) { range in
                    for i in range {
                        let g = gp.p[i], sig = 1 / (1 + Foundation.exp(-g))
                        dup.p[i] = dsp.p[i] * g * sig
                        dgp.p[i] = dsp.p[i] * upp.p[i] * sig * (1 + g * (1 - sig))
                    }
                }
            }
        }
        return (dg, du)
    }
}
