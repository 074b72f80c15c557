// CPUKernels' GEMM against a naive triple loop (double accumulation) on odd shapes, with
// strides, accumulation, both kernels and several thread counts.

import CPUKernels
import Testing

@Suite struct GEMMTests {
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (1, 17, 5), (7, 1, 3), (5, 15, 0), (6, 16, 16), (13, 31, 17), (37, 45, 300), (97, 33, 513),
        (2, 200, 9),
    ]

    func naive(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeB: Bool) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += Double(a[i * k + p]) * Double(transposeB ? b[j * k + p] : b[p * n + j]) }
                c[i * n + j] = s
            }
        }
        return c
    }

    func check(_ c: [Float], _ expected: [Double], k: Int) {
        for i in 0..<c.count {
            #expect(abs(Double(c[i]) - expected[i]) <= 1e-5 * Double(max(k, 1)) + 1e-6, "element \(i)")
        }
    }

    @Test(arguments: GEMMKernel.allCases.filter(\.isAvailable))
    func multiplyMatchesANaiveLoop(kernel: GEMMKernel) {
        for (m, n, k) in Self.shapes {
            let a = seededValues(m * k, seed: UInt64(m * 1000 + k))
            let b = seededValues(k * n, seed: UInt64(n * 1000 + k))
            for transposeB in [false, true] {
                let c = GEMM.multiply(a, b, m: m, n: n, k: k, transposeB: transposeB, threads: 2, kernel: kernel)
                check(c, naive(a, b, m: m, n: n, k: k, transposeB: transposeB), k: k)
            }
        }
    }

    @Test(arguments: GEMMKernel.allCases.filter(\.isAvailable))
    func stridesAndAccumulation(kernel: GEMMKernel) {
        let (m, n, k) = (11, 21, 40)
        let lda = k + 3, ldb = k + 5, ldc = n + 7
        let a = seededValues(m * lda, seed: 1), b = seededValues(n * ldb, seed: 2)
        var c = seededValues(m * ldc, seed: 3)
        let before = c
        let packed = PackedMatrix(b, ldb: ldb, k: k, n: n, transposed: true, kernel: kernel)
        a.withUnsafeBufferPointer { pa in
            c.withUnsafeMutableBufferPointer { pc in
                GEMM.multiply(
                    m: m, a: pa.baseAddress!, lda: lda, b: packed, c: pc.baseAddress!, ldc: ldc,
                    accumulate: true, threads: 3)
            }
        }
        for i in 0..<m {
            for j in 0..<ldc {
                guard j < n else { #expect(c[i * ldc + j] == before[i * ldc + j]); continue }
                var s = Double(before[i * ldc + j])
                for p in 0..<k { s += Double(a[i * lda + p]) * Double(b[j * ldb + p]) }
                #expect(abs(Double(c[i * ldc + j]) - s) < 1e-4)
            }
        }
    }

    @Test func resultsAreTheSameForAnyThreadCount() {
        for (m, n, k) in [(97, 33, 513), (3, 300, 70), (500, 40, 64)] {
            let a = seededValues(m * k, seed: 5), b = seededValues(n * k, seed: 6)
            let one = GEMM.multiply(a, b, m: m, n: n, k: k, transposeB: true, threads: 1)
            for t in [2, 3, 7] { #expect(GEMM.multiply(a, b, m: m, n: n, k: k, transposeB: true, threads: t) == one) }
        }
    }

    @Test func packedMatricesUnpackToTheirInput() {
        let b = seededValues(7 * 19, seed: 9)  // [n = 7, k = 19]
        for kernel in GEMMKernel.allCases where kernel.isAvailable {
            let p = PackedMatrix(b, ldb: 19, k: 19, n: 7, transposed: true, kernel: kernel)
            let u = p.unpacked()  // [k, n]
            for j in 0..<7 { for i in 0..<19 { #expect(u[i * 7 + j] == b[j * 19 + i]) } }
        }
    }
}
