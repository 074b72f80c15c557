// The one matrix-multiply entry point of the trainer: C = op(A)·op(B) in float32, on
// CPUKernels' blocked SGEMM (AVX2/FMA kernel selected at run time, portable SIMD otherwise).
//
// Promises: `Matmul.gemm` computes every C element as a float32 sum over k in increasing order
// (CPUKernels' contract), so results do not depend on the thread count; they may differ in
// the last bits between CPUs with and without FMA. op(A) = Aᵀ is materialized (m·k copies)
// because the SGEMM reads A row-major; op(B) = Bᵀ is handled by its packing.
// Shapes: op(A) is [m, k], op(B) is [k, n], C is [m, n] with row stride ldc.

import CPUKernels

/// A row-major matrix operand: element (i, j) of op(M) is `base[i·ld + j]`, or `base[j·ld + i]`
/// when `transposed` (the storage holds op(M)ᵀ).
struct MatrixOperand: @unchecked Sendable {
    let base: UnsafePointer<Float>
    let ld: Int
    let transposed: Bool

    init(_ base: UnsafePointer<Float>, ld: Int, transposed: Bool = false) {
        self.base = base
        self.ld = ld
        self.transposed = transposed
    }

    @inline(__always)
    func element(_ i: Int, _ j: Int) -> Float {
        transposed ? base[j * ld + i] : base[i * ld + j]
    }
}

enum Matmul {
    /// C[m, n] = op(A)[m, k] · op(B)[k, n] (+ C when `accumulate`).
    static func gemm(
        m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false,
        threads: Int = CPUParallel.defaultThreadCount
    ) {
        guard m > 0, n > 0 else { return }
        guard a.transposed else {
            GEMM.multiply(
                m: m, n: n, k: k, a: a.base, lda: a.ld, b: b.base, ldb: b.ld, transposeB: b.transposed,
                c: c, ldc: ldc, accumulate: accumulate, threads: threads)
            return
        }
        // Aᵀ stored [k, m] → A [m, k].
        let t = UnsafeMutablePointer<Float>.allocate(capacity: max(1, m * k))
        defer { t.deallocate() }
        transpose(a.base, rows: k, cols: m, ld: a.ld, into: t)
        GEMM.multiply(
            m: m, n: n, k: k, a: t, lda: k, b: b.base, ldb: b.ld, transposeB: b.transposed,
            c: c, ldc: ldc, accumulate: accumulate, threads: threads)
    }

    /// out[cols, rows] = x[rows, cols]ᵀ (x with row stride ld), in 32×32 tiles.
    static func transpose(
        _ x: UnsafePointer<Float>, rows: Int, cols: Int, ld: Int, into out: UnsafeMutablePointer<Float>
    ) {
        let tile = 32
        var r0 = 0
        while r0 < rows {
            let r1 = min(rows, r0 + tile)
            var c0 = 0
            while c0 < cols {
                let c1 = min(cols, c0 + tile)
                var r = r0
                while r < r1 {
                    let src = x + r * ld
                    var c = c0
                    while c < c1 { out[c * rows + r] = src[c]; c += 1 }
                    r += 1
                }
                c0 = c1
            }
            r0 = r1
        }
    }
}
