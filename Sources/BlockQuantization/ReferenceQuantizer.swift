// Whole-tensor scalar reference quantization and dequantization.
//
// Promises: `ReferenceQuantizer` follows `BlockQuantizer`'s policy (validation, NaN/Inf,
// amax), pre-processes the input (transpose, padding, RHT), and quantizes every 1×16 block
// (1×32 for MXFP4) or 16×16 tile with `ReferenceBlock`; the result is bit-identical with the
// published reference. `dequantize` decodes codes and scale bytes
// alone, in the spec's order `((q · scale) · amax) · (1 / (M·S))`.

import BlockFormats

/// The scalar reference: a `BlockQuantizer` whose every step is the spec's arithmetic.
public struct ReferenceQuantizer: BlockQuantizer, Sendable {
    public typealias Failure = QuantizationError
    public typealias Prepared = PreprocessedMatrix

    public init() {}

    /// Quantizes a row-major `[rows, cols]` float32 tensor.
    /// - Parameter amax: a tensor amax supplied by the caller (calibrated activations, or one
    ///   amax shared by fused layers); by default the max |x| of the pre-processed tensor.
    /// - Throws: `QuantizationError` for an invalid config, an empty quantization axis, a NaN
    ///   or infinite input (the error gives the first such element), or an invalid amax.
    public static func quantize(
        _ values: [Float], rows: Int, cols: Int, config: QuantizationConfig,
        amax suppliedAmax: Float? = nil
    ) throws(QuantizationError) -> QuantizedTensor {
        try values.withTensorElements { (x) throws(QuantizationError) in
            try ReferenceQuantizer().quantize(x, rows: rows, cols: cols, config: config, amax: suppliedAmax)
        }
    }

    // MARK: BlockQuantizer steps

    public func scan(_ x: TensorElements) -> ElementScan { ElementScan(scalar: x) }

    public func prepare(_ x: TensorElements, _ g: QuantizationGeometry) -> PreprocessedMatrix {
        Self.preprocess(x, g)
    }

    public func rotatedAmax(_ prepared: PreprocessedMatrix, _ g: QuantizationGeometry) -> Float {
        Self.defaultAmax(prepared.values, format: g.config.format)
    }

    public func quantizeBlocks(
        _ prepared: PreprocessedMatrix, _ g: QuantizationGeometry,
        context: TensorQuantizationContext
    ) -> QuantizedTensor {
        Self.quantizePreprocessed(
            prepared, sourceRows: g.sourceRows, sourceCols: g.sourceCols, config: g.config,
            amax: context.amax)
    }

    public func dequantize(_ q: QuantizedTensor) -> [Float] { Self.dequantize(q) }

    // MARK: The scalar path

    /// The whole scalar path for a validated, finite input: pre-processing, the amax
    /// (`supplied`, else max |x| of the pre-processed tensor, 1 for MXFP4), every block.
    /// What the fast paths fall back to where the policy says the reference defines the result.
    public static func quantizeScalar(
        _ x: TensorElements, _ g: QuantizationGeometry,
        amax supplied: Float?
    ) -> QuantizedTensor {
        let pre = preprocess(x, g)
        let amax = supplied ?? defaultAmax(pre.values, format: g.config.format)
        return quantizePreprocessed(
            pre, sourceRows: g.sourceRows, sourceCols: g.sourceCols, config: g.config,
            amax: amax)
    }

    /// max |x| of the pre-processed tensor, on the scalar path (1 for MXFP4).
    public static func rotatedAmaxScalar(_ x: TensorElements, _ g: QuantizationGeometry) -> Float {
        defaultAmax(preprocess(x, g).values, format: g.config.format)
    }

    static func preprocess(_ x: TensorElements, _ g: QuantizationGeometry) -> PreprocessedMatrix {
        func apply(_ b: UnsafeBufferPointer<Float>) -> PreprocessedMatrix {
            Preprocessing.apply(b, rows: g.sourceRows, cols: g.sourceCols, config: g.config)
        }
        if case let .f32(b) = x { return apply(b) }
        return x.floatArray().withUnsafeBufferPointer(apply)
    }

    /// max |x| (1.0 for MXFP4, which has no tensor scale).
    public static func defaultAmax(_ x: [Float], format: BlockFormat) -> Float {
        guard format != .mxfp4 else { return 1 }
        var m: Float = 0
        for v in x { m = max(m, Swift.abs(v)) }
        return m
    }

    /// Quantizes an already pre-processed matrix with a known amax.
    public static func quantizePreprocessed(
        _ pre: PreprocessedMatrix, sourceRows: Int, sourceCols: Int,
        config: QuantizationConfig, amax: Float
    ) -> QuantizedTensor {
        let ctx = TensorQuantizationContext(
            format: config.format, rule: config.rule, amax: amax,
            rounding: config.rounding)
        let block = config.format.blockSize
        let rows = pre.rows, width = pre.paddedCols, scaleCols = width / block
        var unpacked = [UInt8](repeating: 0, count: rows * width)  // [rows, paddedCols]
        var scales = [UInt8](repeating: 0, count: rows * scaleCols)  // [rows, scaleCols]
        var alternatives = 0, blocks = 0
        let tile = config.blockScale2D ? block : 1  // rows per scale block
        let noiseKey = ctx.stochasticSeed.map(StochasticNoise.key(seed:))
        let n = tile * block
        var x = [Float](repeating: 0, count: n), noise = [Float](repeating: 0, count: n)
        var codes = [UInt8](repeating: 0, count: n)
        for r0 in stride(from: 0, to: rows, by: tile) {
            for b in 0..<scaleCols {
                // Gather the block (tile-row-major); rows past the end are zero padding.
                for t in 0..<tile {
                    for i in 0..<block {
                        let r = r0 + t, c = b * block + i
                        x[t * block + i] = r < rows ? pre.values[r * width + c] : 0
                        if let noiseKey {
                            noise[t * block + i] = StochasticNoise.value(key: noiseKey, index: UInt64(r * width + c))
                        }
                    }
                }
                let (byte, alternative) = x.withUnsafeBufferPointer { xb in
                    noise.withUnsafeBufferPointer { nb in
                        codes.withUnsafeMutableBufferPointer { cb in
                            ReferenceBlock.quantize(
                                xb, noise: ctx.stochasticSeed == nil ? nil : nb,
                                context: ctx, codes: cb)
                        }
                    }
                }
                blocks += 1
                if alternative { alternatives += 1 }
                for t in 0..<tile where r0 + t < rows {
                    scales[(r0 + t) * scaleCols + b] = byte
                    for i in 0..<block { unpacked[(r0 + t) * width + b * block + i] = codes[t * block + i] }
                }
            }
        }
        let quantized = QuantizedTensor(
            config: config.withLayout(.rowMajor), rows: rows, cols: pre.cols, paddedCols: width,
            sourceRows: sourceRows, sourceCols: sourceCols, amax: amax,
            codes: NibblePacking.pack(unpacked), scales: scales,
            alternativeBlockCount: alternatives, blockCount: blocks)
        return quantized.withScaleLayout(config.scaleLayout)
    }

    /// Decodes a quantized tensor to float32 `[rows, cols]` in the quantized orientation
    /// (transposed and RHT-rotated if it was quantized so). See `restoreSourceBasis`.
    public static func dequantize(_ q: QuantizedTensor) -> [Float] {
        let scales = q.rowMajorScales()
        let block = q.format.blockSize, scaleCols = q.scaleCols
        let r = q.constants.reciprocalProduct
        var out = [Float](repeating: 0, count: q.rows * q.cols)
        q.codes.withUnsafeBufferPointer { codes in
            for row in 0..<q.rows {
                let packed = UnsafeBufferPointer(
                    rebasing: codes[(row * q.packedRowBytes)..<((row + 1) * q.packedRowBytes)])
                for c in 0..<q.cols {
                    let code = NibblePacking.code(at: c, in: packed)
                    out[row * q.cols + c] = dequantizedValue(
                        code: code, scaleByte: scales[row * scaleCols + c / block],
                        format: q.format, amax: q.amax, reciprocal: r)
                }
            }
        }
        return out
    }

    /// One element's dequantized value.
    @inlinable
    public static func dequantizedValue(
        code: UInt8, scaleByte: UInt8, format: BlockFormat,
        amax: Float, reciprocal r: Float
    ) -> Float {
        switch format {
        case .mxfp4:
            return E2M1.value(ofCode: code) * UE8M0.scaleFloat(ofCode: scaleByte)
        case .nvfp4:
            return ((E2M1.value(ofCode: code) * E4M3.value(ofCode: scaleByte)) * amax) * r
        case .nvint4:
            return ((INT4.value(ofCode: code) * E4M3.value(ofCode: scaleByte)) * amax) * r
        case .if4:
            let scale = E4M3.value(ofCode: scaleByte & 0x7F)
            if scaleByte & 0x80 != 0 {
                return (((INT4.value(ofCode: code) * scale) * amax) * ReferenceBlock.if4IntExpansion) * r
            }
            return ((E2M1.value(ofCode: code) * scale) * amax) * r
        }
    }

    /// Brings dequantized values `[q.rows, q.cols]` back to the source basis: inverse RHT
    /// (exact up to float32 rounding), padding dropped, transpose undone. `[sourceRows, sourceCols]`.
    public static func restoreSourceBasis(_ values: [Float], of q: QuantizedTensor) -> [Float] {
        var v = values
        if q.config.rht {
            v.withUnsafeMutableBufferPointer { b in
                var tmp = [Float](repeating: 0, count: 16)
                for start in stride(from: 0, to: b.count, by: 16) {
                    tmp.withUnsafeMutableBufferPointer { t in
                        RandomHadamard.inverse(b.baseAddress! + start, into: t.baseAddress!)
                        for i in 0..<16 { b[start + i] = t[i] }
                    }
                }
            }
        }
        let qCols = q.config.transpose ? q.sourceRows : q.sourceCols
        var out = [Float](repeating: 0, count: q.sourceRows * q.sourceCols)
        for r in 0..<q.rows {
            for c in 0..<qCols {
                let value = v[r * q.cols + c]
                if q.config.transpose { out[c * q.sourceCols + r] = value } else { out[r * q.sourceCols + c] = value }
            }
        }
        return out
    }
}

extension QuantizationConfig {
    /// The same config with another scale layout.
    public func withLayout(_ layout: ScaleLayout) -> QuantizationConfig {
        var copy = self
        copy.scaleLayout = layout
        return copy
    }
}
