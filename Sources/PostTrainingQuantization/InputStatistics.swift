// What the PTQ methods need to know about one Linear input x `[rows, in]` over the calibration
// tokens: H = XᵀX (GPTQ, output-aware selection), per-channel mean |x| (AWQ) and max |x|
// (SmoothQuant, W4A4 input amax), and a fixed subsample of rows (AWQ's search, error reports).
//
// Promises: H is accumulated window by window (one SGEMM per window in float32, summed in
// double precision), so it does not depend on the thread count; the subsample keeps every
// `sampleEvery`-th row in token order; `scaled(by:)` gives the statistics of x / s exactly as
// if they had been collected on x / s (H's entries divided by s_i·s_j in double precision).

import CPUKernels

public struct InputStatistics: Sendable {
    public let width: Int
    /// XᵀX `[width, width]` (empty when not collected).
    public var gram: [Double]
    public var absoluteSum: [Double]
    public var absoluteMax: [Float]
    public var rows = 0
    /// Every `sampleEvery`-th row, `[sampleRows, width]`.
    public var sample: [Float] = []
    public let sampleEvery: Int
    private var seen = 0

    public init(width: Int, collectGram: Bool, sampleEvery: Int) {
        self.width = width
        gram = collectGram ? [Double](repeating: 0, count: width * width) : []
        absoluteSum = [Double](repeating: 0, count: width)
        absoluteMax = [Float](repeating: 0, count: width)
        self.sampleEvery = max(1, sampleEvery)
    }

    public var sampleRows: Int { sample.count / width }
    public var meanAbsolute: [Float] { absoluteSum.map { Float($0 / Double(max(rows, 1))) } }
    /// diag(H).
    public var diagonal: [Float] { (0..<width).map { Float(gram[$0 * width + $0]) } }
    public var isFinite: Bool { absoluteMax.allSatisfy(\.isFinite) }

    /// Adds `rows` rows of x.
    public mutating func add(_ x: [Float], rows n: Int, threads: Int) {
        let d = width
        precondition(x.count == n * d)
        for r in 0..<n {
            for c in 0..<d {
                let a = abs(x[r * d + c])
                absoluteSum[c] += Double(a)
                if !(a <= absoluteMax[c]) { absoluteMax[c] = a.isNaN ? .nan : max(absoluteMax[c], a) }
            }
            if seen % sampleEvery == 0 { sample.append(contentsOf: x[(r * d)..<((r + 1) * d)]) }
            seen += 1
        }
        rows += n
        guard !gram.isEmpty, n > 0 else { return }
        var xt = [Float](repeating: 0, count: n * d)
        for r in 0..<n { for c in 0..<d { xt[c * n + r] = x[r * d + c] } }
        let product = GEMM.multiply(xt, x, m: d, n: d, k: n, transposeB: false, threads: threads)
        for i in 0..<gram.count { gram[i] += Double(product[i]) }
    }

    /// The statistics of x / s (s per channel).
    public func scaled(by s: [Float]) -> InputStatistics {
        var out = self
        for c in 0..<width {
            out.absoluteSum[c] = absoluteSum[c] / Double(s[c])
            out.absoluteMax[c] = absoluteMax[c] / s[c]
        }
        if !gram.isEmpty {
            for i in 0..<width {
                for j in 0..<width { out.gram[i * width + j] = gram[i * width + j] / (Double(s[i]) * Double(s[j])) }
            }
        }
        for i in 0..<sample.count { out.sample[i] = sample[i] / s[i % width] }
        return out
    }
}

/// GPTQ's factor of the inverse Hessian, and its activation order.
public enum InverseHessian {
    /// GPTQ's activation order: the channels by decreasing h_jj (ties in channel order).
    public static func activationOrder(_ gram: [Double], size n: Int) -> [Int] {
        (0..<n).sorted { a, b in
            let (ha, hb) = (gram[a * n + a], gram[b * n + b])
            return ha != hb ? ha > hb : a < b
        }
    }

    /// H with rows and columns in `order`: H'[a, b] = H[order[a], order[b]].
    public static func permuted(_ gram: [Double], size n: Int, order: [Int]) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for a in 0..<n { for b in 0..<n { out[a * n + b] = gram[order[a] * n + order[b]] } }
        return out
    }

    /// U `[n, n]`, upper triangular with UᵀU = (H + λI)⁻¹, λ = `damp` · mean diag(H) (in double
    /// precision: U = J·chol(J·H·J)⁻¹·J with J the reversal). Channels with h_jj = 0 (never
    /// active) get h_jj = 1 first and are returned as `dead` (GPTQ zeroes their weights).
    /// Returns nil when H + λI is not positive definite. Works in the gram's own memory: a
    /// caller that holds no other reference to it (GPTQ drops its statistics' copy) needs one
    /// n×n double buffer, plus U.
    public static func factor(_ gram: consuming [Double], size n: Int, damp: Double) -> (
        factor: [Float], dead: [Bool]
    )? {
        var l = gram
        var dead = [Bool](repeating: false, count: n)
        var mean = 0.0
        for j in 0..<n {
            if l[j * n + j] == 0 { dead[j] = true }
            mean += dead[j] ? 1 : l[j * n + j]
        }
        let lambda = damp * mean / Double(n)
        // A = J H J + λI (dead channels' h_jj = 1): the flat array reversed, then the diagonal.
        l.reverse()
        for i in 0..<n { l[i * n + i] = (dead[n - 1 - i] ? 1 : l[i * n + i]) + lambda }
        // Its lower Cholesky factor L, then L⁻¹, in place.
        guard choleskyInPlace(&l, size: n) else { return nil }
        invertLower(&l, size: n)
        var u = [Float](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { u[i * n + j] = Float(l[(n - 1 - i) * n + (n - 1 - j)]) } }
        return (u, dead)
    }

    /// Rows per block of `choleskyInPlace`: independent dot products in flight (SIMD lanes).
    static let choleskyBlockRows = 16

    /// The lower Cholesky factor L (row-major `[n, n]`, zeros above the diagonal) of the symmetric
    /// matrix with lower-triangle entries `a(i, j)` (j ≤ i), or nil when it is not positive
    /// definite (`choleskyInPlace` on those entries).
    static func lowerCholesky(size n: Int, _ a: (Int, Int) -> Double) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0...i { l[i * n + j] = a(i, j) } }
        return choleskyInPlace(&l, size: n) ? l : nil
    }

    /// Replaces the lower triangle of `a` (row-major `[n, n]`, a symmetric matrix's; the upper
    /// triangle is ignored and set to 0) by its Cholesky factor L; false when the matrix is not
    /// positive definite (`a` is then garbage). Bit-identical with `lowerCholeskyReference`: every
    /// l_ij = (a_ij − Σ_{k<j} l_ik·l_jk) / l_jj subtracts its products in the order k = 0, 1, …,
    /// separately rounded. What differs is the schedule: `choleskyBlockRows` rows at a time, column
    /// by column, so that the rows' dot products — each a chain of dependent subtractions — run
    /// side by side in SIMD lanes. Entry (i, j) is read just before it is replaced.
    static func choleskyInPlace(_ a: inout [Double], size n: Int) -> Bool {
        typealias Lanes = SIMD16<Double>
        let b = choleskyBlockRows
        // The block's rows transposed: rows[k] holds l_{i0+lane, k} for the block's 16 lanes.
        var rows = [Lanes](repeating: .zero, count: n)
        var i0 = 0
        while i0 < n {
            let width = min(b, n - i0)
            let ok = a.withUnsafeMutableBufferPointer { l in
                rows.withUnsafeMutableBufferPointer { rows in
                    for j in 0..<(i0 + width) {
                        var s = Lanes.zero
                        for lane in 0..<width where i0 + lane >= j { s[lane] = l[(i0 + lane) * n + j] }
                        let lj = l.baseAddress! + j * n
                        for k in 0..<j { s -= rows[k] * Lanes(repeating: lj[k]) }
                        var diagonal = l[j * n + j]
                        if j >= i0 {  // row j is in this block: its diagonal first
                            let d = s[j - i0]
                            guard d > 0, d.isFinite else { return false }
                            diagonal = d.squareRoot()
                            l[j * n + j] = diagonal
                            rows[j][j - i0] = diagonal
                        }
                        for lane in 0..<width where i0 + lane > j {
                            let v = s[lane] / diagonal
                            l[(i0 + lane) * n + j] = v
                            rows[j][lane] = v
                        }
                    }
                    return true
                }
            }
            guard ok else { return false }
            i0 += b
        }
        for i in 0..<n { for j in (i + 1)..<n { a[i * n + j] = 0 } }
        return true
    }

    /// The textbook row-by-row schedule of `lowerCholesky` (the reference it must equal bit for bit).
    static func lowerCholeskyReference(size n: Int, _ a: (Int, Int) -> Double) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a(i, j)
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        return l
    }

    /// L ← L⁻¹ for a lower-triangular L, in place, row by row: row i of the inverse needs row i of
    /// L and the inverse's rows < i, which have replaced L's by then. Each entry's products are
    /// added in the order k = 0, 1, ….
    static func invertLower(_ l: inout [Double], size n: Int) {
        var acc = [Double](repeating: 0, count: n)
        l.withUnsafeMutableBufferPointer { l in
            acc.withUnsafeMutableBufferPointer { acc in
                for i in 0..<n {
                    for j in 0..<i { acc[j] = 0 }
                    for k in 0..<i {
                        let a = l[i * n + k]
                        if a == 0 { continue }
                        let row = l.baseAddress! + k * n
                        for j in 0...k { acc[j] += a * row[j] }
                    }
                    let d = l[i * n + i]
                    for j in 0..<i { l[i * n + j] = -acc[j] / d }
                    l[i * n + i] = 1 / d
                }
            }
        }
    }
}
