// Finite-difference checks of each hand-written backward pass (RMSNorm, RoPE, causal
// attention, SwiGLU, cross-entropy, linear layer), in float32 with the tolerances of
// GradientCheck.swift: for a scalar probe L = Σ w⊙f(x), the analytic ⟨∇L, u⟩ must match the
// central difference along several random directions u.

import Foundation
import ModelCore
import TestSupport
import Testing

@testable import Training

@Suite struct LayerGradientTests {
    @Test func rmsNorm() {
        var r = SplitMix64(seed: 1)
        let rows = 3, n = 32
        let x = r.normals(rows * n), g = r.normals(n, scale: 0.5).map { $0 + 1 }, w = r.normals(rows * n)
        func f(_ x: [Float], _ g: [Float]) -> [Float] {
            x.withUnsafeBufferPointer { xb in
                g.withUnsafeBufferPointer { gb in
                    NormLayer.forward(xb, rows: rows, width: n, gain: gb, epsilon: 1e-5, threads: 1).y
                }
            }
        }
        let (_, inv) = x.withUnsafeBufferPointer { xb in
            g.withUnsafeBufferPointer { gb in
                NormLayer.forward(xb, rows: rows, width: n, gain: gb, epsilon: 1e-5, threads: 1)
            }
        }
        var dg = [Float](repeating: 0, count: n)
        let dx = w.withUnsafeBufferPointer { wb in
            x.withUnsafeBufferPointer { xb in
                inv.withUnsafeBufferPointer { rb in
                    g.withUnsafeBufferPointer { gb in
                        dg.withUnsafeMutableBufferPointer { dgb in
                            NormLayer.backward(
                                wb, x: xb, inverseRMS: rb, rows: rows, width: n, gain: gb, gainGradient: dgb, threads: 1
                            )
                        }
                    }
                }
            }
        }
        for trial in 0..<3 {
            var rr = SplitMix64(seed: 100 + UInt64(trial))
            let ux = rr.normals(rows * n), ug = rr.normals(n)
            let fdx = centralDifference(x, ux) { weightedSum(f($0, g), w) }
            let fdg = centralDifference(g, ug) { weightedSum(f(x, $0), w) }
            #expect(close(fdx, dot(dx, ux)), "dx: fd \(fdx) vs \(dot(dx, ux))")
            #expect(close(fdg, dot(dg, ug)), "dg: fd \(fdg) vs \(dot(dg, ug))")
        }
    }

    @Test func rotaryEmbeddingTransposeIsBackward() {
        var r = SplitMix64(seed: 2)
        let rows = 6, width = 16
        // Two sequences of 3 positions, 2 heads of 8.
        let rope = SequenceRotation(
            configuration: .llama(
                vocabularySize: 8, hiddenSize: 16, intermediateSize: 16, layers: 1,
                heads: 2, contextLength: 3),
            sequenceLength: 3, sequences: 2)
        let x = r.normals(rows * width), w = r.normals(rows * width)
        func f(_ x: [Float]) -> [Float] {
            var y = x
            rope.apply(&y, threads: 1)
            return y
        }
        var dx = w
        rope.apply(&dx, inverse: true, threads: 2)
        let u = r.normals(rows * width)
        let fd = centralDifference(x, u) { weightedSum(f($0), w) }
        #expect(close(fd, dot(dx, u)), "fd \(fd) vs \(dot(dx, u))")
        // Rotation preserves norms and position 0 is the identity.
        let y = f(x)
        #expect(Array(y[0..<width]) == Array(x[0..<width]))
        #expect(close(dot(y, y), dot(x, x), rel: 1e-5))
    }

    @Test func causalAttention() {
        var r = SplitMix64(seed: 3)
        let shape = AttentionShape(batch: 2, sequenceLength: 5, heads: 2, headDimension: 8)
        let n = shape.rows * shape.width
        let q = r.normals(n), k = r.normals(n), v = r.normals(n), w = r.normals(n)
        func f(_ q: [Float], _ k: [Float], _ v: [Float]) -> [Float] {
            CausalAttention.forward(q: q, k: k, v: v, shape: shape, threads: 2).output
        }
        let probs = CausalAttention.forward(q: q, k: k, v: v, shape: shape, threads: 1).probabilities
        let (dq, dk, dv) = w.withUnsafeBufferPointer { wb in
            q.withUnsafeBufferPointer { qb in
                k.withUnsafeBufferPointer { kb in
                    v.withUnsafeBufferPointer { vb in
                        probs.withUnsafeBufferPointer { pb in
                            CausalAttention.backward(
                                dOutput: wb, q: qb, k: kb, v: vb, probabilities: pb, shape: shape, threads: 2)
                        }
                    }
                }
            }
        }
        for trial in 0..<2 {
            var rr = SplitMix64(seed: 200 + UInt64(trial))
            let u = rr.normals(n)
            let fq = centralDifference(q, u) { weightedSum(f($0, k, v), w) }
            let fk = centralDifference(k, u) { weightedSum(f(q, $0, v), w) }
            let fv = centralDifference(v, u) { weightedSum(f(q, k, $0), w) }
            #expect(close(fq, dot(dq, u)), "dq: fd \(fq) vs \(dot(dq, u))")
            #expect(close(fk, dot(dk, u)), "dk: fd \(fk) vs \(dot(dk, u))")
            #expect(close(fv, dot(dv, u)), "dv: fd \(fv) vs \(dot(dv, u))")
        }
        // Causality: the first row of each sequence attends only to itself.
        #expect(probs[0] == 1 && probs[1] == 0)
    }

    @Test func swiGLU() {
        var r = SplitMix64(seed: 4)
        let n = 64
        let g = r.normals(n, scale: 2), u = r.normals(n), w = r.normals(n)
        func f(_ g: [Float], _ u: [Float]) -> [Float] {
            g.withUnsafeBufferPointer { gb in
                u.withUnsafeBufferPointer { ub in SwiGLU.forward(gate: gb, up: ub, threads: 1) }
            }
        }
        let (dg, du) = w.withUnsafeBufferPointer { wb in
            g.withUnsafeBufferPointer { gb in
                u.withUnsafeBufferPointer { ub in
                    SwiGLU.backward(wb, gate: gb, up: ub, threads: 1)
                }
            }
        }
        let dir = r.normals(n)
        let fg = centralDifference(g, dir) { weightedSum(f($0, u), w) }
        let fu = centralDifference(u, dir) { weightedSum(f(g, $0), w) }
        #expect(close(fg, dot(dg, dir)), "dgate: fd \(fg) vs \(dot(dg, dir))")
        #expect(close(fu, dot(du, dir)), "dup: fd \(fu) vs \(dot(du, dir))")
    }

    @Test func crossEntropy() {
        var r = SplitMix64(seed: 5)
        let rows = 4, v = 11
        let z = r.normals(rows * v, scale: 2)
        let targets: [Int32] = [0, 3, 10, 5]
        func loss(_ z: [Float]) -> Double {
            var c = z
            return c.withUnsafeMutableBufferPointer {
                CrossEntropy.lossAndGradient($0, targets: targets, vocabulary: v, gradient: false, threads: 1)
            }
        }
        var grad = z
        let l = grad.withUnsafeMutableBufferPointer {
            CrossEntropy.lossAndGradient($0, targets: targets, vocabulary: v, gradient: true, threads: 1)
        }
        #expect(close(l, loss(z), rel: 0, abs: 0))
        let u = r.normals(rows * v)
        let fd = centralDifference(z, u, loss)
        #expect(close(fd, dot(grad, u)), "fd \(fd) vs \(dot(grad, u))")
        // Uniform logits give ln(v).
        #expect(close(loss([Float](repeating: 0.3, count: rows * v)), log(Double(v)), rel: 1e-6))
    }

    @Test func linearFloat32() throws {
        var r = SplitMix64(seed: 6)
        let rows = 5, inF = 16, outF = 32
        let x = r.normals(rows * inF), wt = r.normals(outF * inF, scale: 0.3), w = r.normals(rows * outF)
        var stats = QuantizationStatistics()
        func f(_ x: [Float], _ wt: [Float]) -> [Float] {
            CastLinear.forward(castInput: x, rows: rows, in: inF, castWeight: wt, out: outF, threads: 1)
        }
        let input = try x.withUnsafeBufferPointer {
            try CastLinear.castWeightGradientInput(
                $0, rows: rows, cols: inF, precision: .float32, threads: 1, statistics: &stats)
        }
        var dW = [Float](repeating: 0, count: outF * inF), dX = [Float](repeating: 0, count: rows * inF)
        try w.withUnsafeBufferPointer { wb in
            try dW.withUnsafeMutableBufferPointer { dwb in
                try dX.withUnsafeMutableBufferPointer { dxb in
                    try CastLinear.backward(
                        dy: wb, rows: rows, out: outF, in: inF, castWeight: wt, input: input,
                        precision: .float32, seeds: (1, 2), weightGradient: dwb.baseAddress!,
                        dx: dxb.baseAddress!, accumulateDX: false, threads: 1, statistics: &stats)
                }
            }
        }
        let ux = r.normals(rows * inF), uw = r.normals(outF * inF)
        let fx = centralDifference(x, ux) { weightedSum(f($0, wt), w) }
        let fw = centralDifference(wt, uw) { weightedSum(f(x, $0), w) }
        #expect(close(fx, dot(dX, ux)), "dx: fd \(fx) vs \(dot(dX, ux))")
        #expect(close(fw, dot(dW, uw)), "dw: fd \(fw) vs \(dot(dW, uw))")
    }
}
