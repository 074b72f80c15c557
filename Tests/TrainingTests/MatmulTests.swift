// The trainer's GEMM against a float64 triple loop for every transpose combination, edge
// sizes (not multiples of the 6×8 tile, k across the 256 block), accumulation and strides;
// and the same bits for any thread count.

import Testing
@testable import Training

@Suite struct MatmulTests {
    @Test(arguments: [(1, 1, 1), (7, 9, 5), (13, 17, 300), (6, 8, 256), (31, 33, 513)])
    func matchesNaive(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var r = TestRandom(UInt64(m * 1000 + n * 10 + k))
        for ta in [false, true] {
            for tb in [false, true] {
                let a = r.normals(m * k), b = r.normals(k * n)
                let c0 = r.normals(m * (n + 3))
                var results: [[Float]] = []
                for threads in [1, 2, 3] {
                    var c = c0
                    a.withUnsafeBufferPointer { ab in b.withUnsafeBufferPointer { bb in c.withUnsafeMutableBufferPointer { cb in
                        Matmul.gemm(m: m, n: n, k: k, a: MatrixOperand(ab.baseAddress!, ld: ta ? m : k, transposed: ta),
                                    b: MatrixOperand(bb.baseAddress!, ld: tb ? k : n, transposed: tb),
                                    c: cb.baseAddress!, ldc: n + 3, accumulate: true, threads: threads)
                    } } }
                    results.append(c)
                }
                #expect(results[0] == results[1] && results[0] == results[2])
                var worst: Double = 0
                for i in 0..<m {
                    for j in 0..<n {
                        var s = Double(c0[i * (n + 3) + j])
                        for t in 0..<k {
                            let av = ta ? a[t * m + i] : a[i * k + t]
                            let bv = tb ? b[j * k + t] : b[t * n + j]
                            s += Double(av) * Double(bv)
                        }
                        worst = max(worst, abs(s - Double(results[0][i * (n + 3) + j])))
                    }
                    // The padding columns are untouched.
                    for j in n..<(n + 3) { #expect(results[0][i * (n + 3) + j] == c0[i * (n + 3) + j]) }
                }
                #expect(worst < 1e-4 * Double(max(k, 1)).squareRoot() * 4, "ta \(ta) tb \(tb): \(worst)")
            }
        }
    }
}

@Suite struct MatmulKernelTests {
    /// The scalar tile (debug builds) and the SIMD tile (release builds) give the same bits.
    @Test func scalarAndSIMDTilesAgree() {
        var r = TestRandom(99)
        for (rows, cols, kb) in [(6, 8, 37), (3, 5, 256), (6, 8, 1)] {
            let a = r.normals(6 * kb), b = r.normals(8 * kb), c0 = r.normals(6 * 11)
            for accumulate in [false, true] {
                var c1 = c0, c2 = c0
                a.withUnsafeBufferPointer { ab in b.withUnsafeBufferPointer { bb in
                    c1.withUnsafeMutableBufferPointer {
                        Matmul.scalarKernel6x8(kb: kb, a: ab.baseAddress!, b: bb.baseAddress!, c: $0.baseAddress!, ldc: 11,
                                               rows: rows, cols: cols, accumulate: accumulate)
                    }
                    c2.withUnsafeMutableBufferPointer {
                        Matmul.simdKernel6x8(kb: kb, a: ab.baseAddress!, b: bb.baseAddress!, c: $0.baseAddress!, ldc: 11,
                                             rows: rows, cols: cols, accumulate: accumulate)
                    }
                } }
                #expect(c1 == c2)
            }
        }
    }
}
