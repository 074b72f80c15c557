// The product of a Linear module, y = x · Wᵀ (+ b), for every engine: the evaluation's modules
// (weight packed once per quantization setting) and the trainer's (cast weights, packed per call).
//
// Promises: W is `[out, in]` as checkpoints store it; both entry points run CPUKernels' SGEMM,
// whose every output is a float32 sum over `in` in increasing order, so a packed and an unpacked
// weight give the same bits, for any thread count. The bias, when given, is added after the sum.

import CPUKernels

package enum LinearGEMM {
    /// y[rows, out] = x[rows, in] · Wᵀ (+ b), W packed by `PackedMatrix(linearWeight:)`.
    package static func forward(
        _ x: UnsafePointer<Float>, rows: Int, weight: PackedMatrix, bias: [Float]?,
        into y: UnsafeMutablePointer<Float>, threads: Int
    ) {
        guard rows > 0 else { return }
        let out = weight.n
        GEMM.multiply(m: rows, a: x, lda: weight.k, b: weight, c: y, ldc: out, threads: threads)
        if let bias {
            bias.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let yr = y + r * out
                    for j in 0..<out { yr[j] += b[j] }
                }
            }
        }
    }

    /// y[rows, out] = x[rows, in] · Wᵀ with W `[out, in]` as stored (no bias).
    package static func forward(
        _ x: [Float], rows: Int, weight: [Float], out: Int, in inFeatures: Int,
        threads: Int
    ) -> [Float] {
        var y = [Float](repeating: 0, count: rows * out)
        guard rows > 0, out > 0 else { return y }
        x.withUnsafeBufferPointer { xb in
            weight.withUnsafeBufferPointer { wb in
                y.withUnsafeMutableBufferPointer { yb in
                    GEMM.multiply(
                        m: rows, n: out, k: inFeatures, a: xb.baseAddress!, lda: inFeatures, b: wb.baseAddress!,
                        ldb: inFeatures, transposeB: true, c: yb.baseAddress!, ldc: out, threads: threads)
                }
            }
        }
        return y
    }
}
