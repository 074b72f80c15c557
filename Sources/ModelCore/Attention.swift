// Causal grouped-query attention over blocks of new tokens — the one attention of inference,
// calibration and training — and the key/value cache that lets generation add one token at a
// time.
//
// Promises: query t (absolute position `past + t`) attends keys 0 … past + t (and, with a
// sliding window w, only the last w of them), head h reading key/value head h / (H / KVH);
// weights are softmax((q·kᵀ) · head_dim^-½) in float32, as Hugging Face's eager attention
// computes them. Rows are processed in blocks whose key range stops at the block's last
// position, so the causal half is never multiplied (masked weights are exact zeros, so keeping
// them for training changes no sum). (Sequence, head) pairs run in parallel; the result does
// not depend on the thread count.

import BlockFormats
import CPUKernels

/// Keys and values of every layer for the tokens seen so far (`[count, KVH · head_dim]` each).
public final class KVCache: @unchecked Sendable {
    package var keys: [[Float]]
    package var values: [[Float]]
    /// Tokens cached.
    public private(set) var count = 0
    let width: Int

    public init(configuration c: ModelConfiguration) {
        width = c.keyValueHeadCount * c.headDimension
        keys = Array(repeating: [], count: c.layerCount)
        values = Array(repeating: [], count: c.layerCount)
    }

    /// Appends `rows` new keys and values for `layer`.
    package func append(layer: Int, keys k: UnsafeBufferPointer<Float>, values v: UnsafeBufferPointer<Float>) {
        keys[layer].append(contentsOf: k)
        values[layer].append(contentsOf: v)
    }

    /// Marks `rows` more tokens as cached (after every layer appended them).
    package func advance(by rows: Int) {
        count += rows
    }
}

package enum Attention {
    /// Rows per block of queries.
    static let rowBlock = 64

    /// head_dim ** -0.5 rounded once to float32 (the scaling of the scores, and of training's dS).
    package static func scale(headDimension d: Int) -> Float { Float(1 / Double(d).squareRoot()) }

    /// out `[S·T, H·d]` from q `[S·T, H·d]` and keys/values `[S·(past + T), KVH·d]`, for S
    /// sequences of T new tokens each (inference: S = 1 with a cache of `past` tokens; training:
    /// a batch with past = 0). With `probabilities` (`[S, H, T, past + T]`), the softmax weights
    /// are kept there (zero where masked) for training's backward pass.
    package static func attend(
        q: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>,
        sequences: Int = 1, rows t: Int, past: Int, heads: Int, keyValueHeads: Int,
        headDimension d: Int, slidingWindow: Int?, into out: UnsafeMutablePointer<Float>,
        probabilities: UnsafeMutablePointer<Float>? = nil, threads: Int
    ) {
        guard t > 0, sequences > 0 else { return }
        let qStride = heads * d, kvStride = keyValueHeads * d
        let group = heads / keyValueHeads
        let scale = scale(headDimension: d)
        let keyCount = past + t
        // The buffers the workers share (each writes its own (sequence, head) columns and rows).
        let shared = SendablePointer((q: q, keys: keys, values: values, out: out, probabilities: probabilities))
        CPUParallel.parallelFor(sequences * heads, threads: min(threads, sequences * heads)) { range in
            let addresses = shared.p
            let scratch =
                addresses.probabilities == nil
                ? UnsafeMutablePointer<Float>.allocate(capacity: min(rowBlock, t) * keyCount) : nil
            defer { scratch?.deallocate() }
            for sh in range {
                let b = sh / heads, h = sh % heads
                let g = h / group
                let qBase = addresses.q + b * t * qStride, outBase = addresses.out + b * t * qStride
                let kBase = addresses.keys + b * keyCount * kvStride, vBase = addresses.values + b * keyCount * kvStride
                var r0 = 0
                while r0 < t {
                    let r1 = min(t, r0 + rowBlock), m = r1 - r0
                    let n = past + r1  // keys any row of the block may see
                    // Scores of the block: in the scratch buffer, or in place in the kept probabilities.
                    let scores: UnsafeMutablePointer<Float>, ld: Int
                    if let kept = addresses.probabilities {
                        scores = kept + (sh * t + r0) * keyCount
                        ld = keyCount
                    } else {
                        scores = scratch!
                        ld = n
                    }
                    GEMM.multiply(
                        m: m, n: n, k: d, a: qBase + r0 * qStride + h * d, lda: qStride,
                        b: kBase + g * d, ldb: kvStride, transposeB: true, c: scores, ldc: ld, threads: 1)
                    for i in 0..<m {
                        let row = scores + i * ld
                        let limit = past + r0 + i + 1
                        let start = slidingWindow.map { max(0, limit - $0) } ?? 0
                        VectorMath.softmax(row + start, count: limit - start, scale: scale)
                        if start > 0 { row.update(repeating: 0, count: start) }
                        if limit < ld { (row + limit).update(repeating: 0, count: ld - limit) }
                    }
                    GEMM.multiply(
                        m: m, n: d, k: n, a: scores, lda: ld, b: vBase + g * d, ldb: kvStride,
                        transposeB: false, c: outBase + r0 * qStride + h * d, ldc: qStride, threads: 1)
                    r0 = r1
                }
            }
        }
    }
}
