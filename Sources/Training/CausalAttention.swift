// Causal multi-head self-attention core (after the q/k/v projections and RoPE) of the trainer,
// in float32 for every recipe: ModelCore's attention forward, and its backward.
//
// Promises: for each sequence b and head h, S = Q_h·K_hᵀ/√hd, P = softmax over j ≤ i (zero
// above the diagonal), O_h = P·V_h. Forward is ModelCore's `Attention.attend` (the one inference
// runs) and returns O [rows, width] and P [batch, heads, T, T] (kept for backward). Backward
// returns dQ, dK, dV from dO with dP = dO·Vᵀ, dV = Pᵀ·dO, dS = P⊙(dP − rowsum(dP⊙P))/√hd,
// dQ = dS·K, dK = dSᵀ·Q.
// Work is split by (b, h) pairs, each computed on one thread, so results do not depend on the
// thread count. Layout: rows = batch·T, width = heads·hd, head h in columns h·hd..<(h+1)·hd.

import BlockFormats
import CPUKernels
import ModelCore

struct AttentionShape: Sendable {
    let batch: Int
    let sequenceLength: Int
    let heads: Int
    let headDimension: Int
    var width: Int { heads * headDimension }
    var rows: Int { batch * sequenceLength }
    /// ModelCore's score scaling (head_dim^-½ rounded once), which dS needs too.
    var scale: Float { Attention.scale(headDimension: headDimension) }
}

enum CausalAttention {
    /// O [rows, width] and P [batch, heads, T, T] (kept for backward): ModelCore's attention.
    static func forward(
        q: [Float], k: [Float], v: [Float], shape s: AttentionShape,
        threads: Int
    ) -> (output: [Float], probabilities: [Float]) {
        let t = s.sequenceLength
        var out = [Float](repeating: 0, count: s.rows * s.width)
        var probs = [Float](repeating: 0, count: s.batch * s.heads * t * t)
        q.withUnsafeBufferPointer { qb in
            k.withUnsafeBufferPointer { kb in
                v.withUnsafeBufferPointer { vb in
                    out.withUnsafeMutableBufferPointer { ob in
                        probs.withUnsafeMutableBufferPointer { pb in
                            Attention.attend(
                                q: qb.baseAddress!, keys: kb.baseAddress!, values: vb.baseAddress!,
                                sequences: s.batch, rows: t, past: 0, heads: s.heads, keyValueHeads: s.heads,
                                headDimension: s.headDimension, slidingWindow: nil, into: ob.baseAddress!,
                                probabilities: pb.baseAddress!, threads: threads)
                        }
                    }
                }
            }
        }
        return (out, probs)
    }

    static func backward(
        dOutput: UnsafeBufferPointer<Float>, q: UnsafeBufferPointer<Float>, k: UnsafeBufferPointer<Float>,
        v: UnsafeBufferPointer<Float>, probabilities: UnsafeBufferPointer<Float>, shape s: AttentionShape,
        threads: Int
    ) -> (dq: [Float], dk: [Float], dv: [Float]) {
        let t = s.sequenceLength, hd = s.headDimension, w = s.width
        var dq = [Float](repeating: 0, count: s.rows * w), dk = dq, dv = dq
        let dop = SendablePointer(dOutput.baseAddress!), qp = SendablePointer(q.baseAddress!)
        let kp = SendablePointer(k.baseAddress!), vp = SendablePointer(v.baseAddress!)
        let pp = SendablePointer(probabilities.baseAddress!)
        dq.withUnsafeMutableBufferPointer { dqb in
            dk.withUnsafeMutableBufferPointer { dkb in
                dv.withUnsafeMutableBufferPointer { dvb in
                    let dqp = SendablePointer(dqb.baseAddress!), dkp = SendablePointer(dkb.baseAddress!)
                    let dvp = SendablePointer(dvb.baseAddress!)
                    CPUParallel.parallelFor(s.batch * s.heads, threads: threads) { range in
                        let ds = UnsafeMutablePointer<Float>.allocate(capacity: t * t)
                        defer { ds.deallocate() }
                        for bh in range {
                            let b = bh / s.heads, h = bh % s.heads
                            let base = b * t * w + h * hd
                            let p = pp.p + bh * t * t
                            // dP = dO·Vᵀ
                            Matmul.gemm(
                                m: t, n: t, k: hd, a: MatrixOperand(dop.p + base, ld: w),
                                b: MatrixOperand(vp.p + base, ld: w, transposed: true), c: ds, ldc: t, threads: 1)
                            // dV = Pᵀ·dO
                            Matmul.gemm(
                                m: t, n: hd, k: t, a: MatrixOperand(p, ld: t, transposed: true),
                                b: MatrixOperand(dop.p + base, ld: w), c: dvp.p + base, ldc: w, threads: 1)
                            // dS = P⊙(dP − Σ dP⊙P) · scale
                            for i in 0..<t {
                                let pr = p + i * t, dr = ds + i * t
                                var dot: Float = 0
                                for j in 0...i { dot += pr[j] * dr[j] }
                                for j in 0...i { dr[j] = pr[j] * (dr[j] - dot) * s.scale }
                                for j in (i + 1)..<t { dr[j] = 0 }
                            }
                            // dQ = dS·K, dK = dSᵀ·Q
                            Matmul.gemm(
                                m: t, n: hd, k: t, a: MatrixOperand(UnsafePointer(ds), ld: t),
                                b: MatrixOperand(kp.p + base, ld: w), c: dqp.p + base, ldc: w, threads: 1)
                            Matmul.gemm(
                                m: t, n: hd, k: t, a: MatrixOperand(UnsafePointer(ds), ld: t, transposed: true),
                                b: MatrixOperand(qp.p + base, ld: w), c: dkp.p + base, ldc: w, threads: 1)
                        }
                    }
                }
            }
        }
        return (dq, dk, dv)
    }
}
