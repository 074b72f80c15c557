// The value type every quantizer returns and every dequantizer reads.
//
// Promises: a `QuantizedTensor` carries everything needed to decode it — format, rule,
// options, shape, amax and scale layout — next to its packed codes and scale bytes.
// Shapes: `codes` is `[rows, paddedCols/2]` (low nibble = even column); `scales` is
// `[rows, paddedCols/blockSize]` row-major, or the 128×4 swizzle of that matrix.

import BlockFormats

public struct QuantizedTensor: Sendable, Equatable {
    public var config: QuantizationConfig
    /// Rows of the quantized orientation (after the optional transpose).
    public var rows: Int
    /// Real columns of the quantized orientation. With RHT every padded column is real.
    public var cols: Int
    /// Columns rounded up to whole blocks: the stored width.
    public var paddedCols: Int
    /// Shape of the tensor before transpose and padding.
    public var sourceRows: Int
    public var sourceCols: Int
    /// Tensor amax after pre-processing (1.0 for MXFP4, which has no tensor scale).
    public var amax: Float
    /// `[rows, paddedCols / 2]` packed 4-bit codes.
    public var codes: [UInt8]
    /// Block-scale bytes in `config.scaleLayout`.
    public var scales: [UInt8]
    /// Blocks (tiles for 2-D scaling) that chose the alternative candidate: scale-to-4 for
    /// NVFP4 4/6, INT4 for IF4. Zero for static rules.
    public var alternativeBlockCount: Int
    /// Blocks (or 16×16 tiles) quantized.
    public var blockCount: Int

    public init(
        config: QuantizationConfig, rows: Int, cols: Int, paddedCols: Int, sourceRows: Int,
        sourceCols: Int, amax: Float, codes: [UInt8], scales: [UInt8],
        alternativeBlockCount: Int, blockCount: Int
    ) {
        self.config = config
        self.rows = rows
        self.cols = cols
        self.paddedCols = paddedCols
        self.sourceRows = sourceRows
        self.sourceCols = sourceCols
        self.amax = amax
        self.codes = codes
        self.scales = scales
        self.alternativeBlockCount = alternativeBlockCount
        self.blockCount = blockCount
    }

    /// A stored row-major NVFP4 `[rows, cols]` matrix (packed codes, even element low; E4M3 scale
    /// bytes) with the exact amax and rule it was quantized with: what the core's dequantization
    /// needs to give the numbers of the quantizer bit for bit.
    public static func storedNVFP4(
        rule: ScaleRule, rows: Int, cols: Int, amax: Float, codes: [UInt8],
        scales: [UInt8]
    ) -> QuantizedTensor {
        QuantizedTensor(
            config: QuantizationConfig(format: .nvfp4, rule: rule), rows: rows, cols: cols, paddedCols: cols,
            sourceRows: rows, sourceCols: cols, amax: amax, codes: codes, scales: scales,
            alternativeBlockCount: 0, blockCount: rows * cols / 16)
    }

    public var format: BlockFormat { config.format }
    public var rule: ScaleRule { config.rule }
    public var constants: ScaleConstants { config.constants }
    /// Scale columns per row: `paddedCols / blockSize`.
    public var scaleCols: Int { paddedCols / config.format.blockSize }
    /// Bytes per packed row.
    public var packedRowBytes: Int { paddedCols / 2 }

    /// `M·S / amax`: the divisor form of the tensor scale (compressed-tensors).
    public var encodeScale: Float { constants.encodeScale(amax: amax) }
    /// `amax / (M·S)`: the multiplier form of the tensor scale (ModelOpt).
    public var decodeScale: Float { constants.decodeScale(amax: amax) }

    /// Share of blocks that chose the alternative candidate (0 when there are no blocks).
    public var alternativeBlockShare: Double {
        blockCount == 0 ? 0 : Double(alternativeBlockCount) / Double(blockCount)
    }

    /// The scale bytes as a row-major `[rows, scaleCols]` matrix, whatever the stored layout.
    public func rowMajorScales() -> [UInt8] {
        switch config.scaleLayout {
        case .rowMajor: return scales
        case .swizzled128x4: return ScaleLayout.unswizzle(scales, rows: rows, cols: scaleCols)
        }
    }

    /// The same tensor with its scales stored in `layout`.
    public func withScaleLayout(_ layout: ScaleLayout) -> QuantizedTensor {
        guard layout != config.scaleLayout else { return self }
        var copy = self
        let rowMajor = rowMajorScales()
        copy.scales =
            layout == .rowMajor
            ? rowMajor
            : ScaleLayout.swizzle(rowMajor, rows: rows, cols: scaleCols)
        copy.config.scaleLayout = layout
        return copy
    }
}
