// The one matrix-multiply entry point of the trainer: C = op(A)·op(B) in float32.
//
// Promises: `Matmul.gemm` computes every C element as a float32 sum over k in increasing
// order (blocks of `kc` in order, each accumulated into C), so results do not depend on the
// thread count; rows of C are split between threads with `CPUParallel` (ggml's ith/nth).
// This is a small packed SIMD SGEMM (6×8 register tile, SSE-friendly on baseline x86-64);
// it is the single place to swap in a faster kernel from CPUKernels. Debug builds (where
// generic SIMD operations are unoptimized calls) run the same tile with scalar arithmetic:
// each C element is the same float32 sequence c + a·b (no FMA either way), so the results
// are bit-identical and `swift test` stays fast.
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
    static let mr = 6
    static let nr = 8
    static let kc = 256

    /// C[m, n] = op(A)[m, k] · op(B)[k, n] (+ C when `accumulate`).
    static func gemm(m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
                     c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false,
                     threads: Int = CPUParallel.defaultThreadCount) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let panelsN = (n + nr - 1) / nr
        let panelsM = (m + mr - 1) / mr
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: panelsN * nr * kc)
        defer { packedB.deallocate() }
        let cp = SendableMutablePointer(c)
        let bp = SendableMutablePointer(packedB)
        let flops = 2 * m * n * k
        let t = flops < 1 << 18 ? 1 : max(1, min(threads, panelsM))
        var k0 = 0
        while k0 < k {
            let kb = min(kc, k - k0)
            packB(b, k0: k0, kb: kb, n: n, into: packedB)
            let acc = accumulate || k0 > 0, kStart = k0
            CPUParallel.parallelFor(panelsM, threads: t) { range in
                let packedA = UnsafeMutablePointer<Float>.allocate(capacity: mr * kc)
                defer { packedA.deallocate() }
                for pm in range {
                    let i0 = pm * mr
                    let rows = min(mr, m - i0)
                    packA(a, i0: i0, rows: rows, k0: kStart, kb: kb, into: packedA)
                    for pn in 0..<panelsN {
                        let j0 = pn * nr
                        kernel6x8(kb: kb, a: packedA, b: bp.p + pn * nr * kb, c: cp.p + i0 * ldc + j0, ldc: ldc,
                                  rows: rows, cols: min(nr, n - j0), accumulate: acc)
                    }
                }
            }
            k0 += kb
        }
    }

    /// Packs op(B)[k0..<k0+kb, 0..<n] as panels of `nr` columns: panel p, step kk at
    /// `p·nr·kb + kk·nr`; columns past n are zero.
    static func packB(_ b: MatrixOperand, k0: Int, kb: Int, n: Int, into out: UnsafeMutablePointer<Float>) {
        let panels = (n + nr - 1) / nr
        for p in 0..<panels {
            let j0 = p * nr, cols = min(nr, n - j0)
            let dst = out + p * nr * kb
            if !b.transposed && cols == nr {
                for kk in 0..<kb {
                    let src = b.base + (k0 + kk) * b.ld + j0
                    (dst + kk * nr).update(from: src, count: nr)
                }
            } else if b.transposed {
                for j in 0..<nr {
                    if j < cols {
                        let src = b.base + (j0 + j) * b.ld + k0
                        for kk in 0..<kb { dst[kk * nr + j] = src[kk] }
                    } else {
                        for kk in 0..<kb { dst[kk * nr + j] = 0 }
                    }
                }
            } else {
                for kk in 0..<kb {
                    for j in 0..<nr { dst[kk * nr + j] = j < cols ? b.base[(k0 + kk) * b.ld + j0 + j] : 0 }
                }
            }
        }
    }

    /// Packs op(A)[i0..<i0+rows, k0..<k0+kb] as `mr` values per k step; rows past `rows` are zero.
    static func packA(_ a: MatrixOperand, i0: Int, rows: Int, k0: Int, kb: Int, into out: UnsafeMutablePointer<Float>) {
        if a.transposed && rows == mr {
            for kk in 0..<kb {
                let src = a.base + (k0 + kk) * a.ld + i0
                (out + kk * mr).update(from: src, count: mr)
            }
            return
        }
        for i in 0..<mr {
            if i < rows {
                if a.transposed {
                    for kk in 0..<kb { out[kk * mr + i] = a.base[(k0 + kk) * a.ld + i0 + i] }
                } else {
                    let src = a.base + (i0 + i) * a.ld + k0
                    for kk in 0..<kb { out[kk * mr + i] = src[kk] }
                }
            } else {
                for kk in 0..<kb { out[kk * mr + i] = 0 }
            }
        }
    }

    /// The 6×8 register tile: six SIMD8 accumulators, one B row and one broadcast per step.
    @inline(__always)
    static func kernel6x8(kb: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                          ldc: Int, rows: Int, cols: Int, accumulate: Bool) {
        #if DEBUG
        scalarKernel6x8(kb: kb, a: a, b: b, c: c, ldc: ldc, rows: rows, cols: cols, accumulate: accumulate)
        #else
        simdKernel6x8(kb: kb, a: a, b: b, c: c, ldc: ldc, rows: rows, cols: cols, accumulate: accumulate)
        #endif
    }

    /// The 6×8 tile in scalar arithmetic, k in increasing order (debug builds).
    static func scalarKernel6x8(kb: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                                ldc: Int, rows: Int, cols: Int, accumulate: Bool) {
        let acc = UnsafeMutablePointer<Float>.allocate(capacity: 48)
        defer { acc.deallocate() }
        acc.initialize(repeating: 0, count: 48)
        var ap = a, bp = b
        var k = 0
        while k < kb {   // `while` loops: range iteration is an unoptimized call in debug builds
            var i = 0
            while i < 6 {
                let av = ap[i]
                let row = acc + 8 * i
                var j = 0
                while j < 8 { row[j] = row[j] + av * bp[j]; j += 1 }
                i += 1
            }
            ap += 6
            bp += 8
            k += 1
        }
        for r in 0..<rows {
            let row = c + r * ldc
            for j in 0..<cols { row[j] = accumulate ? row[j] + acc[8 * r + j] : acc[8 * r + j] }
        }
    }

    @inline(__always)
    static func simdKernel6x8(kb: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                          ldc: Int, rows: Int, cols: Int, accumulate: Bool) {
        var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>()
        var c3 = SIMD8<Float>(), c4 = SIMD8<Float>(), c5 = SIMD8<Float>()
        let braw = UnsafeRawPointer(b)
        var ap = a
        for kk in 0..<kb {
            let bv = braw.loadUnaligned(fromByteOffset: kk * 32, as: SIMD8<Float>.self)
            c0 += SIMD8(repeating: ap[0]) * bv
            c1 += SIMD8(repeating: ap[1]) * bv
            c2 += SIMD8(repeating: ap[2]) * bv
            c3 += SIMD8(repeating: ap[3]) * bv
            c4 += SIMD8(repeating: ap[4]) * bv
            c5 += SIMD8(repeating: ap[5]) * bv
            ap += 6
        }
        if rows == 6 && cols == 8 {
            store(c0, c, accumulate); store(c1, c + ldc, accumulate); store(c2, c + 2 * ldc, accumulate)
            store(c3, c + 3 * ldc, accumulate); store(c4, c + 4 * ldc, accumulate); store(c5, c + 5 * ldc, accumulate)
            return
        }
        let tile = [c0, c1, c2, c3, c4, c5]
        for r in 0..<rows {
            let row = c + r * ldc
            for j in 0..<cols { row[j] = accumulate ? row[j] + tile[r][j] : tile[r][j] }
        }
    }

    @inline(__always)
    static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
        let raw = UnsafeMutableRawPointer(p)
        if accumulate {
            raw.storeBytes(of: raw.loadUnaligned(as: SIMD8<Float>.self) + v, as: SIMD8<Float>.self)
        } else {
            raw.storeBytes(of: v, as: SIMD8<Float>.self)
        }
    }
}

/// A mutable pointer that may cross into worker closures; each worker writes a disjoint part.
struct SendableMutablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { self.p = p }
}
