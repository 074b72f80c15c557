// Block-scale layouts: row-major (what checkpoints store) and the Blackwell 128×4 swizzle
// (what cuBLAS/CUTLASS block-scaled GEMMs read).
//
// Promises: `swizzle` and `unswizzle` are inverse on the real scales; the swizzled buffer
// pads rows to a multiple of 128 and scale columns to a multiple of 4 with zeros; the byte
// index of scale (r, c) is the spec's formula (§5). For a 128×8 matrix (5, 2) → 82 and
// (5, 5) → 593.

public enum ScaleLayout: String, Sendable, Codable, CaseIterable {
    /// `[rows, cols/block]`, row after row.
    case rowMajor
    /// Blackwell 128×4 tiles of 512 bytes.
    case swizzled128x4

    /// Byte offset of scale `(r, c)` in the swizzled layout of a matrix with `paddedCols`
    /// (a multiple of 4) scale columns.
    @inlinable
    public static func swizzledIndex(row r: Int, col c: Int, paddedCols: Int) -> Int {
        ((r / 128) * (paddedCols / 4) + c / 4) * 512 + (r % 32) * 16 + ((r % 128) / 32) * 4 + (c % 4)
    }

    /// Size in bytes of the swizzled buffer for a `rows × cols` scale matrix.
    public static func swizzledByteCount(rows: Int, cols: Int) -> Int {
        roundUp(rows, 128) * roundUp(cols, 4)
    }

    /// Row-major `[rows, cols]` → swizzled (zero padded).
    public static func swizzle(_ scales: [UInt8], rows: Int, cols: Int) -> [UInt8] {
        precondition(scales.count == rows * cols, "scale count does not match \(rows)×\(cols)")
        let paddedCols = roundUp(cols, 4)
        var out = [UInt8](repeating: 0, count: swizzledByteCount(rows: rows, cols: cols))
        for r in 0..<rows {
            for c in 0..<cols {
                out[swizzledIndex(row: r, col: c, paddedCols: paddedCols)] = scales[r * cols + c]
            }
        }
        return out
    }

    /// Swizzled → row-major `[rows, cols]` (padding dropped).
    public static func unswizzle(_ swizzled: [UInt8], rows: Int, cols: Int) -> [UInt8] {
        precondition(
            swizzled.count == swizzledByteCount(rows: rows, cols: cols),
            "swizzled scale buffer has the wrong size for \(rows)×\(cols)")
        let paddedCols = roundUp(cols, 4)
        var out = [UInt8](repeating: 0, count: rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                out[r * cols + c] = swizzled[swizzledIndex(row: r, col: c, paddedCols: paddedCols)]
            }
        }
        return out
    }
}

/// The smallest multiple of `multiple` that is ≥ `value` (value ≥ 0).
@inlinable
public func roundUp(_ value: Int, _ multiple: Int) -> Int {
    (value + multiple - 1) / multiple * multiple
}
