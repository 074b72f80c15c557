// The shapes of one quantization, derived once from the source shape and the config.
//
// Promises: every quantizer (the scalar reference, the CPU kernels, the CUDA kernels) takes
// its quantized orientation, padding, scale matrix and block count from here, so they agree
// by construction: rows/cols after the optional transpose, the stored width rounded up to
// whole blocks (and 16-groups with RHT, where every padded column is real), one scale per
// block of a row (2-D tiles repeat their scale on each row of the tile).

import BlockFormats

public struct QuantizationGeometry: Sendable, Hashable {
    public let config: QuantizationConfig
    /// Shape of the input, before transpose and padding.
    public let sourceRows: Int, sourceCols: Int
    /// Rows of the quantized orientation.
    public let rows: Int
    /// Columns of the quantized orientation that `QuantizedTensor.cols` reports: the source
    /// columns, or with RHT the padded width (the transform mixes the whole group).
    public let cols: Int
    /// Columns rounded up to whole blocks (and RHT groups): the stored width.
    public let paddedCols: Int
    /// Columns of the quantized orientation that come from the source (before padding).
    public let sourceBackedCols: Int
    public let transpose: Bool, rht: Bool
    /// Values per block along a row.
    public let block: Int
    /// Rows sharing one scale: 1, or `block` for 2-D tiles.
    public let tileRows: Int
    /// Scale bytes per row: `paddedCols / block`.
    public let scaleCols: Int
    /// Blocks (or tiles) quantized: `QuantizedTensor.blockCount`.
    public let blockCount: Int
    /// Bytes per packed row of codes, and of all codes.
    public let packedRowBytes: Int, codeByteCount: Int
    /// Bytes of the block scales in `config.scaleLayout` (the swizzled layout pads).
    public let scaleByteCount: Int

    public init(rows: Int, cols: Int, config: QuantizationConfig) {
        self.config = config
        sourceRows = rows
        sourceCols = cols
        (self.rows, sourceBackedCols) = config.transpose ? (cols, rows) : (rows, cols)
        transpose = config.transpose
        rht = config.rht
        block = config.format.blockSize
        paddedCols = roundUp(sourceBackedCols, rht ? max(block, 16) : block)
        self.cols = rht ? paddedCols : sourceBackedCols
        tileRows = config.blockScale2D ? block : 1
        scaleCols = paddedCols / block
        blockCount = (self.rows + tileRows - 1) / tileRows * scaleCols
        packedRowBytes = paddedCols / 2
        codeByteCount = self.rows * packedRowBytes
        scaleByteCount =
            config.scaleLayout == .swizzled128x4
            ? ScaleLayout.swizzledByteCount(rows: self.rows, cols: scaleCols) : self.rows * scaleCols
    }
}

extension QuantizationConfig {
    /// Shape of the quantized orientation of a `[rows, cols]` tensor (see `QuantizationGeometry`).
    public func quantizedShape(rows: Int, cols: Int) -> (rows: Int, cols: Int, paddedCols: Int) {
        let g = QuantizationGeometry(rows: rows, cols: cols, config: self)
        return (g.rows, g.cols, g.paddedCols)
    }
}

extension QuantizedTensor {
    /// A quantized tensor of geometry `g` (its config, shapes and block count).
    public init(_ g: QuantizationGeometry, amax: Float, codes: [UInt8], scales: [UInt8], alternativeBlockCount: Int) {
        self.init(
            config: g.config, rows: g.rows, cols: g.cols, paddedCols: g.paddedCols,
            sourceRows: g.sourceRows, sourceCols: g.sourceCols, amax: amax, codes: codes, scales: scales,
            alternativeBlockCount: alternativeBlockCount, blockCount: g.blockCount)
    }

    /// Every scale 0 and every code +0: what a tensor with amax 0, or a tensor scale that does
    /// not fit float32 (`TensorQuantizationContext.isDegenerate`), quantizes to.
    public static func zeros(_ g: QuantizationGeometry, amax: Float) -> QuantizedTensor {
        QuantizedTensor(
            g, amax: amax, codes: [UInt8](repeating: 0, count: g.codeByteCount),
            scales: [UInt8](repeating: 0, count: g.scaleByteCount), alternativeBlockCount: 0)
    }
}
