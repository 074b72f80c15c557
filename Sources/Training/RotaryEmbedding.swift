// Rotary position embedding (RoPE) as Hugging Face Llama applies it ("rotate_half").
//
// Promises: within each head of size h, element i < h/2 pairs with i + h/2 and both rotate by
// angle pos·θ^(−2i/h); `apply` rotates in place, `applyTranspose` rotates by the opposite
// angle (the exact backward of `apply`, R orthogonal). Rows are [batch·seqLen, heads·h] and a
// row's position is its index modulo seqLen. Angles are computed in float64 once.

import BlockFormats
import CPUKernels
import Foundation

struct RotaryEmbedding: Sendable {
    let headDimension: Int
    let sequenceLength: Int
    /// [sequenceLength, headDimension/2]
    let cosines: [Float]
    let sines: [Float]

    init(headDimension h: Int, sequenceLength t: Int, theta: Float) {
        headDimension = h
        sequenceLength = t
        let half = h / 2
        var c = [Float](repeating: 0, count: t * half), s = c
        for pos in 0..<t {
            for i in 0..<half {
                let inv = 1 / Foundation.pow(Double(theta), Double(2 * i) / Double(h))
                let angle = Double(pos) * inv
                c[pos * half + i] = Float(Foundation.cos(angle))
                s[pos * half + i] = Float(Foundation.sin(angle))
            }
        }
        cosines = c
        sines = s
    }

    /// Rotates every head of every row of `x` [rows, width] in place.
    func apply(_ x: UnsafeMutableBufferPointer<Float>, rows: Int, width: Int, threads: Int) {
        rotate(x, rows: rows, width: width, sign: 1, threads: threads)
    }

    /// The transpose (inverse) rotation: the backward of `apply`.
    func applyTranspose(_ x: UnsafeMutableBufferPointer<Float>, rows: Int, width: Int, threads: Int) {
        rotate(x, rows: rows, width: width, sign: -1, threads: threads)
    }

    private func rotate(_ x: UnsafeMutableBufferPointer<Float>, rows: Int, width: Int, sign: Float, threads: Int) {
        let h = headDimension, half = h / 2, t = sequenceLength
        let xp = SendablePointer(x.baseAddress!)
        cosines.withUnsafeBufferPointer { cb in
            sines.withUnsafeBufferPointer { sb in
                let cp = SendablePointer(cb.baseAddress!), sp = SendablePointer(sb.baseAddress!)
                CPUParallel.parallelFor(rows, threads: rowThreads(rows * width, threads)) { range in
                    for r in range {
                        let pos = r % t
                        let c = cp.p + pos * half, s = sp.p + pos * half
                        var head = xp.p + r * width
                        for _ in 0..<(width / h) {
                            for i in 0..<half {
                                let a = head[i], b = head[i + half]
                                let si = sign * s[i]
                                head[i] = a * c[i] - b * si
                                head[i + half] = b * c[i] + a * si
                            }
                            head += h
                        }
                    }
                }
            }
        }
    }
}
