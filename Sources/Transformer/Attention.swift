// Causal grouped-query attention over one block of new tokens, and the key/value cache that
// lets generation add one token at a time.
//
// Promises: query t (absolute position `past + t`) attends keys 0 … past + t (and, with a
// sliding window w, only the last w of them), head h reading key/value head h / (H / KVH);
// weights are softmax((q·kᵀ) · head_dim^-½) in float32, as Hugging Face's eager attention
// computes them. Rows are processed in blocks whose key range stops at the block's last
// position, so the causal half is never multiplied. Heads run in parallel; the result does
// not depend on the thread count.

import CPUKernels

/// Keys and values of every layer for the tokens seen so far (`[count, KVH · head_dim]` each).
public final class KVCache: @unchecked Sendable {
    var keys: [[Float]]
    var values: [[Float]]
    /// Tokens cached.
    public private(set) var count = 0
    let width: Int

    public init(configuration c: ModelConfiguration) {
        width = c.keyValueHeadCount * c.headDimension
        keys = Array(repeating: [], count: c.layerCount)
        values = Array(repeating: [], count: c.layerCount)
    }

    /// Appends `rows` new keys and values for `layer`.
    func append(layer: Int, keys k: UnsafeBufferPointer<Float>, values v: UnsafeBufferPointer<Float>) {
        keys[layer].append(contentsOf: k)
        values[layer].append(contentsOf: v)
    }

    /// Marks `rows` more tokens as cached (after every layer appended them).
    func advance(by rows: Int) {
        count += rows
    }
}

enum Attention {
    /// Rows per block of queries.
    static let rowBlock = 64

    /// out `[T, H·d]` from q `[T, H·d]` and keys/values `[past + T, KVH·d]`.
    static func attend(q: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>,
                       rows t: Int, past: Int, heads: Int, keyValueHeads: Int, headDimension d: Int,
                       slidingWindow: Int?, into out: UnsafeMutablePointer<Float>, threads: Int) {
        guard t > 0 else { return }
        let qStride = heads * d, kvStride = keyValueHeads * d
        let group = heads / keyValueHeads
        let scale = Float(1 / Double(d).squareRoot())  // head_dim ** -0.5, rounded once
        let addresses = AttentionAddresses(q: q, keys: keys, values: values, out: out)
        CPUParallel.parallelFor(heads, threads: min(threads, heads)) { range in
            let keyCount = past + t
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: min(rowBlock, t) * keyCount)
            defer { scores.deallocate() }
            for h in range {
                let g = h / group
                var r0 = 0
                while r0 < t {
                    let r1 = min(t, r0 + rowBlock), m = r1 - r0
                    let n = past + r1  // keys any row of the block may see
                    GEMM.multiply(m: m, n: n, k: d, a: addresses.q + r0 * qStride + h * d, lda: qStride,
                                  b: addresses.keys + g * d, ldb: kvStride, transposeB: true,
                                  c: scores, ldc: n, threads: 1)
                    for i in 0..<m {
                        let row = scores + i * n
                        let limit = past + r0 + i + 1
                        let start = slidingWindow.map { max(0, limit - $0) } ?? 0
                        VectorMath.softmax(row + start, count: limit - start, scale: scale)
                        if start > 0 { row.update(repeating: 0, count: start) }
                        if limit < n { (row + limit).update(repeating: 0, count: n - limit) }
                    }
                    GEMM.multiply(m: m, n: d, k: n, a: scores, lda: n, b: addresses.values + g * d, ldb: kvStride,
                                  transposeB: false, c: addresses.out + r0 * qStride + h * d, ldc: qStride, threads: 1)
                    r0 = r1
                }
            }
        }
    }
}

/// The buffers the head workers share (each writes its own heads' columns of `out`).
private struct AttentionAddresses: @unchecked Sendable {
    let q: UnsafePointer<Float>
    let keys: UnsafePointer<Float>
    let values: UnsafePointer<Float>
    let out: UnsafeMutablePointer<Float>
}
