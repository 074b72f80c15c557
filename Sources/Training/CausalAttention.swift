// Causal multi-head self-attention core (after the q/k/v projections and RoPE), forward and
// backward, in float32 for every recipe.
//
// Promises: for each sequence b and head h, S = Q_h·K_hᵀ/√hd, P = softmax over j ≤ i (zero
// above the diagonal), O_h = P·V_h. Forward returns O [rows, width] and P [batch, heads, T, T]
// (kept for backward). Backward returns dQ, dK, dV from dO with
// dP = dO·Vᵀ, dV = Pᵀ·dO, dS = P⊙(dP − rowsum(dP⊙P))/√hd, dQ = dS·K, dK = dSᵀ·Q.
// Work is split by (b, h) pairs, each computed on one thread, so results do not depend on the
// thread count. Layout: rows = batch·T, width = heads·hd, head h in columns h·hd..<(h+1)·hd.

import BlockFormats
import CPUKernels
import Foundation

struct AttentionShape: Sendable {
    let batch: Int
    let sequenceLength: Int
    let heads: Int
    let headDimension: Int
    var width: Int { heads * headDimension }
    var rows: Int { batch * sequenceLength }
    var scale: Float { 1 / Float(headDimension).squareRoot() }
}

enum CausalAttention {
    static func forward(q: UnsafeBufferPointer<Float>, k: UnsafeBufferPointer<Float>, v: UnsafeBufferPointer<Float>,
                        shape s: AttentionShape, threads: Int) -> (output: [Float], probabilities: [Float]) {
        let t = s.sequenceLength, hd = s.headDimension, w = s.width
        var out = [Float](repeating: 0, count: s.rows * w)
        var probs = [Float](repeating: 0, count: s.batch * s.heads * t * t)
        let qp = SendablePointer(q.baseAddress!), kp = SendablePointer(k.baseAddress!), vp = SendablePointer(v.baseAddress!)
        out.withUnsafeMutableBufferPointer { ob in
            probs.withUnsafeMutableBufferPointer { pb in
                let op = SendablePointer(ob.baseAddress!), pp = SendablePointer(pb.baseAddress!)
                CPUParallel.parallelFor(s.batch * s.heads, threads: threads) { range in
                    for bh in range {
                        let b = bh / s.heads, h = bh % s.heads
                        let base = b * t * w + h * hd
                        let p = pp.p + bh * t * t
                        Matmul.gemm(m: t, n: t, k: hd, a: MatrixOperand(qp.p + base, ld: w),
                                    b: MatrixOperand(kp.p + base, ld: w, transposed: true), c: p, ldc: t, threads: 1)
                        for i in 0..<t {
                            let row = p + i * t
                            var m = -Float.infinity
                            for j in 0...i { m = max(m, row[j] * s.scale) }
                            var sum: Float = 0
                            for j in 0...i {
                                let e = Foundation.exp(row[j] * s.scale - m)
                                row[j] = e
                                sum += e
                            }
                            let inv = 1 / sum
                            for j in 0...i { row[j] *= inv }
                            for j in (i + 1)..<t { row[j] = 0 }
                        }
                        Matmul.gemm(m: t, n: hd, k: t, a: MatrixOperand(UnsafePointer(p), ld: t),
                                    b: MatrixOperand(vp.p + base, ld: w), c: op.p + base, ldc: w, threads: 1)
                    }
                }
            }
        }
        return (out, probs)
    }

    static func backward(dOutput: UnsafeBufferPointer<Float>, q: UnsafeBufferPointer<Float>, k: UnsafeBufferPointer<Float>,
                         v: UnsafeBufferPointer<Float>, probabilities: UnsafeBufferPointer<Float>, shape s: AttentionShape,
                         threads: Int) -> (dq: [Float], dk: [Float], dv: [Float]) {
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
                            Matmul.gemm(m: t, n: t, k: hd, a: MatrixOperand(dop.p + base, ld: w),
                                        b: MatrixOperand(vp.p + base, ld: w, transposed: true), c: ds, ldc: t, threads: 1)
                            // dV = Pᵀ·dO
                            Matmul.gemm(m: t, n: hd, k: t, a: MatrixOperand(p, ld: t, transposed: true),
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
                            Matmul.gemm(m: t, n: hd, k: t, a: MatrixOperand(UnsafePointer(ds), ld: t),
                                        b: MatrixOperand(kp.p + base, ld: w), c: dqp.p + base, ldc: w, threads: 1)
                            Matmul.gemm(m: t, n: hd, k: t, a: MatrixOperand(UnsafePointer(ds), ld: t, transposed: true),
                                        b: MatrixOperand(qp.p + base, ld: w), c: dkp.p + base, ldc: w, threads: 1)
                        }
                    }
                }
            }
        }
        return (dq, dk, dv)
    }
}
