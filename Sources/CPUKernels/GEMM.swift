// SGEMM on the CPU: blocked (KC × MC blocks, packed panels), SIMD micro-kernels chosen at run
// time (GEMMKernel), rows or column panels split between threads.
//
// Promises: `GEMM.multiply` computes C[m, n] = A[m, k] · op(B) (or adds it to C with
// `accumulate`), A row-major with row stride `lda`, C with `ldc`. Each C element is the sum
// over k in increasing order, in blocks of `kc` (a fixed constant): the result is the same for
// any thread count and any call split. Zero-sized dimensions are allowed (k = 0 stores zeros).
// Shapes are preconditions (programmer errors), not thrown errors.

import BlockFormats
import Dispatch

public enum GEMM {
    /// Reduction-dimension block: a B panel slice `[kc][nr]` stays in L1 (16 KB for nr = 16).
    public static let kc = 256
    /// Row block: A's packed `[mc][kc]` block stays in L2 (96 KB).
    public static let mc = 96
    /// Up to this many B panels per worker, A is read in place rather than packed.
    static let inPlacePanelLimit = 4

    /// C = A · op(B) (+ C when `accumulate`), with B packed beforehand.
    public static func multiply(
        m: Int, a: UnsafePointer<Float>, lda: Int, b: PackedMatrix,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false,
        threads: Int = CPUParallel.defaultThreadCount
    ) {
        let n = b.n, k = b.k
        precondition(m >= 0, "negative GEMM dimension")
        precondition(lda >= k && ldc >= n, "row stride smaller than a row")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let kernel = b.kernel, mr = kernel.mr
        let rowBlocks = (m + mr - 1) / mr
        let panels = b.panels
        // About 1 µs of work per 50 kflop: a worker pays off from a few hundred kflop up.
        let flops = 2 * m * n * k
        let t = max(1, min(threads, flops / (1 << 21)))
        let aAddress = SendablePointer(a)
        let cAddress = SendablePointer(c)
        if t == 1 {
            block(
                m: m, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate,
                rows: 0..<m, panels: 0..<panels)
        } else if rowBlocks >= 2 * t {
            CPUParallel.parallelFor(rowBlocks, threads: t) { r in
                block(
                    m: m, a: aAddress.p, lda: lda, b: b, c: cAddress.p, ldc: ldc,
                    accumulate: accumulate, rows: (r.lowerBound * mr)..<min(m, r.upperBound * mr),
                    panels: 0..<panels)
            }
        } else {
            CPUParallel.parallelFor(panels, threads: t) { p in
                block(
                    m: m, a: aAddress.p, lda: lda, b: b, c: cAddress.p, ldc: ldc,
                    accumulate: accumulate, rows: 0..<m, panels: p)
            }
        }
    }

    /// C = A · op(B) (+ C when `accumulate`): B is `[k, n]` (row stride `ldb`) or, with
    /// `transposeB`, `[n, k]` (op(B) = Bᵀ). B is packed for this call.
    public static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false,
        threads: Int = CPUParallel.defaultThreadCount, kernel: GEMMKernel = .selected
    ) {
        let packed = PackedMatrix(b, ldb: ldb, k: k, n: n, transposed: transposeB, kernel: kernel)
        multiply(m: m, a: a, lda: lda, b: packed, c: c, ldc: ldc, accumulate: accumulate, threads: threads)
    }

    /// Array convenience: C[m, n] = A[m, k] · op(B), B `[k, n]` or (`transposeB`) `[n, k]`.
    public static func multiply(
        _ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeB: Bool,
        threads: Int = CPUParallel.defaultThreadCount,
        kernel: GEMMKernel = .selected
    ) -> [Float] {
        precondition(a.count == m * k && b.count == k * n, "GEMM operands do not match m, n, k")
        var c = [Float](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    multiply(
                        m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!,
                        ldb: transposeB ? k : n, transposeB: transposeB, c: pc.baseAddress!, ldc: n,
                        threads: threads, kernel: kernel)
                }
            }
        }
        return c
    }

    /// One worker's share: rows `rows` × B panels `panels` of C, all of k.
    static func block(
        m: Int, a: UnsafePointer<Float>, lda: Int, b: PackedMatrix, c: UnsafeMutablePointer<Float>,
        ldc: Int, accumulate: Bool, rows: Range<Int>, panels: Range<Int>
    ) {
        guard !rows.isEmpty, !panels.isEmpty else { return }
        let kernel = b.kernel, mr = kernel.mr, nr = kernel.nr, n = b.n, k = b.k
        // A block used by only a few B panels is read in place: packing it would cost about as
        // much as multiplying it.
        let inPlaceA = kernel == .avx2FMA && panels.count <= inPlacePanelLimit
        let blockRows = min(mc, ((rows.count + mr - 1) / mr) * mr)
        let bufferCount = inPlaceA ? 1 : blockRows * min(kc, k)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferCount * 4, alignment: 64)
            .bindMemory(to: Float.self, capacity: bufferCount)
        defer { buffer.deallocate() }
        var k0 = 0
        while k0 < k {
            let kcNow = min(kc, k - k0)
            let add = accumulate || k0 > 0
            var i0 = rows.lowerBound
            while i0 < rows.upperBound {
                let mcNow = min(blockRows, rows.upperBound - i0)
                if !inPlaceA { packA(a + i0 * lda + k0, lda: lda, mc: mcNow, kc: kcNow, mr: mr, into: buffer) }
                let rowPanels = (mcNow + mr - 1) / mr
                for p in panels {
                    let bp = b.panel(p, at: k0)
                    let j0 = p * nr, nrNow = min(nr, n - j0)
                    for ip in 0..<rowPanels {
                        let r0 = ip * mr
                        let cTile = c + (i0 + r0) * ldc + j0, mrNow = min(mr, mcNow - r0)
                        if inPlaceA {
                            kernel.runInPlaceA(kcNow, a + (i0 + r0) * lda + k0, lda, bp, cTile, ldc, mrNow, nrNow, add)
                        } else {
                            kernel.run(kcNow, buffer + ip * kcNow * mr, bp, cTile, ldc, mrNow, nrNow, add)
                        }
                    }
                }
                i0 += mcNow
            }
            k0 += kcNow
        }
    }
}
