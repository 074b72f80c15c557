// RoPE over a training batch: ModelCore's `RotaryEmbedding` (Hugging Face's convention, float32
// inverse frequencies and float32 p·inv_freq angles — the one inference uses) applied to
// [batch·T, heads·hd] rows, position = row mod T, and its inverse for the backward.
//
// Promises: `apply` rotates every head of every row in place (`inverse`: by minus the angle,
// the exact transpose, R orthogonal); sequences are split between threads, so results do not
// depend on the thread count.

import BlockFormats
import CPUKernels
import ModelCore

struct SequenceRotation: Sendable {
    let rotary: RotaryEmbedding
    let sequenceLength: Int
    let sequences: Int
    let heads: Int
    let cosines: [Float]
    let sines: [Float]

    init(configuration c: ModelConfiguration, sequenceLength t: Int, sequences: Int) {
        rotary = RotaryEmbedding(configuration: c)
        sequenceLength = t
        self.sequences = sequences
        heads = c.headCount
        (cosines, sines) = rotary.table(positions: 0..<t)
    }

    /// Rotates x [sequences·T, heads·hd] in place.
    func apply(_ x: inout [Float], inverse: Bool = false, threads: Int) {
        let t = sequenceLength, width = heads * rotary.headDimension
        let count = x.count
        precondition(count == sequences * t * width)
        x.withUnsafeMutableBufferPointer { xb in
            let xp = SendablePointer(xb.baseAddress!)
            CPUParallel.parallelFor(sequences, threads: rowThreads(count, threads)) { range in
                for b in range {
                    rotary.apply(
                        xp.p + b * t * width, rows: t, heads: heads, cos: cosines, sin: sines, inverse: inverse)
                }
            }
        }
    }
}
