// Pre-processing before block quantization (spec §2): transpose, zero padding of the
// quantization axis to a whole block, and the 16-point random Hadamard transform.
//
// Promises: the output is the row-major float32 matrix `[rows, paddedCols]` that the block
// quantizers read; padding is zeros; the RHT output of each group of 16 is the float32
// sum of its 16 products in index order, rounded to BF16 (as the reference's BF16 matmul).

import BlockFormats

public enum RandomHadamard {
    /// The fixed sign vector `s` of `R = diag(s) · H16 / 4`.
    public static let signs: [Float] = [1, 1, 1, -1, 1, -1, -1, -1, -1, -1, -1, 1, -1, 1, -1, -1]

    /// `R[i][j] = s_i · (−1)^popcount(i & j) / 4`, row-major 16×16; every entry is ±0.25.
    public static let matrix: [Float] = (0..<256).map { k in
        let i = k / 16, j = k % 16
        let h: Float = (i & j).nonzeroBitCount % 2 == 0 ? 1 : -1
        return signs[i] * h * 0.25
    }

    /// `y = g · R` for one group of 16, each output rounded to BF16.
    @inlinable
    public static func transform(_ g: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        matrix.withUnsafeBufferPointer { r in
            for j in 0..<16 {
                var acc: Float = 0
                for i in 0..<16 { acc += g[i] * r[i * 16 + j] }
                y[j] = BFloat16.rounded(acc)
            }
        }
    }

    /// The inverse transform `x = y · Rᵀ` (R is orthogonal), in float32 without rounding;
    /// used to bring dequantized values back to the original basis.
    public static func inverse(_ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>) {
        matrix.withUnsafeBufferPointer { r in
            for i in 0..<16 {
                var acc: Float = 0
                for j in 0..<16 { acc += y[j] * r[i * 16 + j] }
                x[i] = acc
            }
        }
    }
}

/// The pre-processed matrix the block quantizers read.
public struct PreprocessedMatrix: Sendable {
    public var rows: Int
    /// Real columns (with RHT every padded column is real: the transform mixes the group).
    public var cols: Int
    /// Columns rounded up to the block size.
    public var paddedCols: Int
    /// `[rows, paddedCols]`, zeros in the padding.
    public var values: [Float]
}

public enum Preprocessing {
    /// Applies transpose, padding and RHT to a row-major `[rows, cols]` input.
    public static func apply(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int,
        config: QuantizationConfig
    ) -> PreprocessedMatrix {
        let (qRows, realCols, paddedCols) = config.quantizedShape(rows: rows, cols: cols)
        let qCols = config.transpose ? rows : cols
        var out = [Float](repeating: 0, count: qRows * paddedCols)
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<qRows {
                for c in 0..<qCols {
                    o[r * paddedCols + c] = config.transpose ? x[c * cols + r] : x[r * cols + c]
                }
            }
            if config.rht {
                var group = [Float](repeating: 0, count: 16)
                group.withUnsafeMutableBufferPointer { g in
                    for r in 0..<qRows {
                        for c0 in stride(from: 0, to: paddedCols, by: 16) {
                            let base = o.baseAddress! + r * paddedCols + c0
                            for i in 0..<16 { g[i] = base[i] }
                            RandomHadamard.transform(g.baseAddress!, into: base)
                        }
                    }
                }
            }
        }
        return PreprocessedMatrix(rows: qRows, cols: realCols, paddedCols: paddedCols, values: out)
    }
}
