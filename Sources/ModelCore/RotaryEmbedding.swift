// Rotary position embedding in Hugging Face's rotate_half layout.
//
// Promises: the inverse frequencies are HF's (`1 / θ^(2i/d)` in float32, with "linear" or
// "llama3" scaling applied the way transformers does); the angle of position p is the float32
// product p · inv_freq, its cosine and sine rounded to float32; `apply` rotates each head
// vector as `x·cos + rotate_half(x)·sin` with rotate_half(x) = (−x₂, x₁), x₁/x₂ its halves.
// Inference and training both use it (one angle convention); `inverse` rotates by the opposite
// angle (the transpose, training's backward), and a table of T positions serves a batch of
// sequences of length T (row r at table row r mod T).

import BlockFormats
import CPUKernels
import Foundation

package struct RotaryEmbedding: Sendable {
    package let headDimension: Int
    /// `[headDimension / 2]`.
    package let inverseFrequencies: [Float]

    package init(configuration c: ModelConfiguration) {
        headDimension = c.headDimension
        let d = c.headDimension
        var inv: [Float] = (0..<(d / 2)).map { i in
            let exponent = Float(2 * i) / Float(d)
            return 1 / Float(Foundation.pow(c.ropeTheta, Double(exponent)))
        }
        switch c.ropeScaling {
        case nil: break
        case let .linear(factor)?:
            inv = inv.map { $0 / Float(factor) }
        case let .llama3(factor, low, high, original)?:
            let lowWavelength = original / low, highWavelength = original / high
            inv = inv.map { f in
                let wavelength = 2 * Double.pi / Double(f)
                if wavelength < highWavelength { return f }
                if wavelength > lowWavelength { return f / Float(factor) }
                let smooth = (original / wavelength - low) / (high - low)
                return Float((1 - smooth) * Double(f) / factor + smooth * Double(f))
            }
        }
        inverseFrequencies = inv
    }

    /// cos and sin tables `[positions.count, headDimension / 2]`.
    package func table(positions: Range<Int>) -> (cos: [Float], sin: [Float]) {
        let half = headDimension / 2
        var cosines = [Float](repeating: 0, count: positions.count * half)
        var sines = cosines
        for (t, p) in positions.enumerated() {
            for i in 0..<half {
                let angle = Double(Float(p) * inverseFrequencies[i])
                cosines[t * half + i] = Float(Foundation.cos(angle))
                sines[t * half + i] = Float(Foundation.sin(angle))
            }
        }
        return (cosines, sines)
    }

    /// Rotates `heads` head vectors of each of `rows` rows of `x` (row stride `heads · d`), row r
    /// at table row r mod `tableRows` (default: the table has a row per row); `inverse` rotates
    /// by minus the angle. Rows are split between `threads` (each row alone: the same bits).
    package func apply(
        _ x: UnsafeMutablePointer<Float>, rows: Int, heads: Int, cos: [Float], sin: [Float],
        tableRows: Int? = nil, inverse: Bool = false, threads: Int = 1
    ) {
        let d = headDimension, half = d / 2
        let period = tableRows ?? rows
        cos.withUnsafeBufferPointer { c in
            sin.withUnsafeBufferPointer { s in
                let shared = SendablePointer((x: x, c: c.baseAddress!, s: s.baseAddress!))
                let workers = CPUParallel.effectiveThreads(threads, work: rows * heads * d, minimumPerThread: 1 << 14)
                CPUParallel.parallelFor(rows, threads: workers) { range in
                    let b = shared.p
                    for t in range {
                        let p = t % period
                        let ct = b.c + p * half, st = b.s + p * half
                        for h in 0..<heads {
                            let v = b.x + (t * heads + h) * d
                            for i in 0..<half {
                                let x1 = v[i], x2 = v[i + half]
                                let si = inverse ? -st[i] : st[i]
                                v[i] = x1 * ct[i] - x2 * si
                                v[i + half] = x2 * ct[i] + x1 * si
                            }
                        }
                    }
                }
            }
        }
    }
}
