// The trainer's GEMM wrapper against a float64 triple loop for every transpose combination,
// edge sizes (not multiples of the kernels' tiles, k across the 256 block), accumulation and
// strides; and the same bits for any thread count.

import TestSupport
import Testing

@testable import Training

@Suite struct MatmulTests {
    @Test(arguments: [(1, 1, 1), (7, 9, 5), (13, 17, 300), (6, 8, 256), (31, 33, 513)])
    func matchesNaive(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var r = SplitMix64(seed: UInt64(m * 1000 + n * 10 + k))
        for ta in [false, true] {
            for tb in [false, true] {
                let a = r.normals(m * k), b = r.normals(k * n)
                let c0 = r.normals(m * (n + 3))
                var results: [[Float]] = []
                for threads in [1, 2, 3] {
                    var c = c0
                    a.withUnsafeBufferPointer { ab in
                        b.withUnsafeBufferPointer { bb in
                            c.withUnsafeMutableBufferPointer { cb in
                                Matmul.gemm(
                                    m: m, n: n, k: k, a: MatrixOperand(ab.baseAddress!, ld: ta ? m : k, transposed: ta),
                                    b: MatrixOperand(bb.baseAddress!, ld: tb ? k : n, transposed: tb),
                                    c: cb.baseAddress!, ldc: n + 3, accumulate: true, threads: threads)
                            }
                        }
                    }
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
