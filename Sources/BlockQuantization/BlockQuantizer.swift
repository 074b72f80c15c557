// The quantizer interface, and the dispatch policy every quantizer follows, written once.
//
// Promises: `quantize` of any `BlockQuantizer` has one contract — that of the scalar
// reference: the same checks in the same order (an unsupported rule, a shape mismatch, an
// empty quantization axis, an invalid supplied amax, then the first NaN/Inf element), the
// same amax (supplied; 1 for MXFP4; else max |x| after pre-processing), and a result
// bit-identical with `ReferenceQuantizer`. The policy decides, once per call, what the
// implementation's fast path never sees: tensors whose amax is 0 or whose tensor scale does
// not fit float32 are zeros; inputs whose RHT could overflow float32 and tensor scales so
// small that a block multiplier could overflow take the scalar reference path, and an input
// whose RHT does overflow is rejected (`rhtOverflow`). Implementations
// supply only the fast steps (a finiteness/magnitude scan, preparing the input, the rotated amax, the
// block pass, dequantization); none is called per block through the protocol. `quantize(…, into:)`
// is `quantize` handing a previous result's arrays to a block pass that can write them again.

import BlockFormats

/// Result of scanning a raw input: its largest magnitude and its first non-finite element.
public struct ElementScan: Sendable {
    /// max |x| over the input (only meaningful when `firstNonFinite` is nil).
    public var maxMagnitude: Float
    /// The first NaN or infinity in row-major order.
    public var firstNonFinite: (index: Int, value: Float)?

    public init(maxMagnitude: Float, firstNonFinite: (index: Int, value: Float)?) {
        self.maxMagnitude = maxMagnitude
        self.firstNonFinite = firstNonFinite
    }

    /// The scalar scan (one pass; the first non-finite element found by a second).
    public init(scalar x: TensorElements) {
        var m: Float = 0, finite = true
        switch x {
        case let .f32(b):
            for v in b { if v.isFinite { m = max(m, Swift.abs(v)) } else { finite = false } }
        case let .bf16(b):
            var bits: UInt16 = 0
            for h in b { bits = max(bits, h & 0x7FFF) }
            finite = bits < 0x7F80
            m = BFloat16.float(fromBits: bits)
        case let .f16(b):
            var bits: UInt16 = 0
            for h in b { bits = max(bits, h & 0x7FFF) }
            finite = bits < 0x7C00
            m = Float16Bits.float(fromBits: bits)
        }
        self.init(maxMagnitude: finite ? m : 0, firstNonFinite: finite ? nil : x.firstNonFinite())
    }
}

/// A block quantizer: the scalar reference, the CPU kernels or a GPU. Implement the fast
/// steps; call `quantize`, `amax` and `dequantize`.
public protocol BlockQuantizer {
    /// What the implementation throws (`QuantizationError`, or any error for a device).
    associatedtype Failure: Error
    /// The input made ready for the block pass (pre-processed, or uploaded to a device).
    associatedtype Prepared

    /// Scans the raw input for its largest magnitude and first non-finite element.
    func scan(_ x: TensorElements) -> ElementScan
    /// Readies a finite input for `rotatedAmax` and `quantizeBlocks`.
    func prepare(_ x: TensorElements, _ g: QuantizationGeometry) throws(Failure) -> Prepared
    /// max |x| after the RHT (asked only for RHT configs of non-MXFP4 formats without a
    /// supplied amax, for inputs below 2^124 in magnitude).
    func rotatedAmax(_ prepared: Prepared, _ g: QuantizationGeometry) throws(Failure) -> Float
    /// Quantizes every block with `context`, whose amax is positive (or MXFP4's 1) and whose
    /// tensor scale and block multipliers fit float32.
    func quantizeBlocks(
        _ prepared: Prepared, _ g: QuantizationGeometry,
        context: TensorQuantizationContext
    ) throws(Failure) -> QuantizedTensor
    /// `quantizeBlocks(_:_:context:)` writing into `storage`'s code and scale arrays where their
    /// sizes fit the result (taking them: `storage` is nil afterwards) instead of new ones. It
    /// must not fail after taking them. The default ignores `storage`.
    func quantizeBlocks(
        _ prepared: Prepared, _ g: QuantizationGeometry,
        context: TensorQuantizationContext, reusing storage: inout QuantizedTensor?
    ) throws(Failure) -> QuantizedTensor
    /// Decodes to float32 `[q.rows, q.cols]` in the quantized orientation, bit-identical with
    /// `ReferenceQuantizer.dequantize`.
    func dequantize(_ q: QuantizedTensor) throws(Failure) -> [Float]
    /// A data error as this implementation's error.
    static func failure(_ error: QuantizationError) -> Failure
}

extension BlockQuantizer {
    public func quantizeBlocks(
        _ prepared: Prepared, _ g: QuantizationGeometry,
        context: TensorQuantizationContext, reusing storage: inout QuantizedTensor?
    ) throws(Failure) -> QuantizedTensor {
        try quantizeBlocks(prepared, g, context: context)
    }
}

extension BlockQuantizer where Failure == QuantizationError {
    public static func failure(_ error: QuantizationError) -> QuantizationError { error }
}

extension BlockQuantizer where Failure == any Error {
    public static func failure(_ error: QuantizationError) -> any Error { error }
}

public enum QuantizationPolicy {
    /// Inputs at least this large could overflow the RHT's float32 sums: the scalar reference
    /// defines their result.
    public static let rhtFallbackMagnitude: Float = 0x1p124

    /// Shape, config and amax checks shared by all quantizers.
    public static func validate(
        count: Int, rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float?
    ) throws(QuantizationError) {
        try config.validate()
        guard rows >= 0, cols >= 0, count == rows * cols else {
            throw .shapeMismatch(expected: max(rows, 0) * max(cols, 0), actual: count)
        }
        let axis = config.transpose ? rows : cols
        guard axis > 0 else { throw .emptyQuantizationAxis(rows: config.transpose ? cols : rows, cols: axis) }
        if let amax, !(amax.isFinite && amax >= 0) { throw .invalidAmax(amax) }
    }

    /// The scalar reference path for an input whose RHT could overflow float32; where it did
    /// (a ±∞ in the pre-processed tensor, which the block arithmetic cannot quantize) the input is
    /// rejected like a ±∞ input, whether or not an amax is supplied.
    static func quantizeLargeRHTInput(
        _ x: TensorElements, _ g: QuantizationGeometry, amax supplied: Float?,
        inputMagnitude: Float
    ) throws(QuantizationError) -> QuantizedTensor {
        let pre = ReferenceQuantizer.preprocess(x, g)
        guard pre.values.allSatisfy(\.isFinite) else { throw .rhtOverflow(maxMagnitude: inputMagnitude) }
        let amax = supplied ?? ReferenceQuantizer.defaultAmax(pre.values, format: g.config.format)
        return ReferenceQuantizer.quantizePreprocessed(
            pre, sourceRows: g.sourceRows, sourceCols: g.sourceCols,
            config: g.config, amax: amax)
    }

    /// The checks, then the raw scan: the input's largest magnitude, or the first NaN/Inf as an error.
    static func checkedMagnitude<Q: BlockQuantizer>(
        _ q: Q, _ x: TensorElements, rows: Int, cols: Int,
        config: QuantizationConfig,
        amax: Float?
    ) throws(QuantizationError) -> Float {
        try validate(count: x.count, rows: rows, cols: cols, config: config, amax: amax)
        let scan = q.scan(x)
        if let bad = scan.firstNonFinite { throw .nonFinite(index: bad.index, value: bad.value) }
        return scan.maxMagnitude
    }
}

extension BlockQuantizer {
    /// Quantizes a row-major `[rows, cols]` tensor.
    /// - Parameter amax: a tensor amax supplied by the caller (calibrated activations, or one
    ///   amax shared by fused layers); by default max |x| of the pre-processed tensor.
    /// - Throws: `QuantizationError` (as `Failure`) for an invalid config, shape or amax, or a
    ///   NaN/infinite input (the first one); device errors of the implementation.
    public func quantize(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        amax supplied: Float? = nil
    ) throws(Failure) -> QuantizedTensor {
        var none: QuantizedTensor? = nil
        return try quantize(x, rows: rows, cols: cols, config: config, amax: supplied, reusing: &none)
    }

    /// `quantize(_:rows:cols:config:amax:)` into `output`, whose code and scale arrays are
    /// written again where the result has the same sizes and nothing else shares them (a
    /// caller quantizing many tensors of one shape allocates, and page-faults, once; dequantize
    /// has `into:` for the same reason). Implementations without reuse allocate. On error
    /// `output` is unchanged.
    public func quantize(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        amax supplied: Float? = nil, into output: inout QuantizedTensor
    ) throws(Failure) {
        var storage: QuantizedTensor? = output
        output.codes = []  // `storage` holds the only references now
        output.scales = []
        do {
            output = try quantize(x, rows: rows, cols: cols, config: config, amax: supplied, reusing: &storage)
        } catch {
            if let storage { output = storage }
            throw error
        }
    }

    private func quantize(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        amax supplied: Float?, reusing storage: inout QuantizedTensor?
    ) throws(Failure) -> QuantizedTensor {
        let raw: Float
        do {
            raw = try QuantizationPolicy.checkedMagnitude(
                self, x, rows: rows, cols: cols, config: config,
                amax: supplied)
        } catch {
            throw Self.failure(error)
        }
        let g = QuantizationGeometry(rows: rows, cols: cols, config: config)
        if config.rht && raw >= QuantizationPolicy.rhtFallbackMagnitude {
            do {
                return try QuantizationPolicy.quantizeLargeRHTInput(x, g, amax: supplied, inputMagnitude: raw)
            } catch {
                throw Self.failure(error)
            }
        }
        let prepared = try prepare(x, g)
        let amax: Float
        if let supplied {
            amax = supplied
        } else if config.format == .mxfp4 {
            amax = 1
        } else {
            amax = config.rht ? try rotatedAmax(prepared, g) : raw
        }
        let context = TensorQuantizationContext(
            format: config.format, rule: config.rule, amax: amax,
            rounding: config.rounding)
        if config.format != .mxfp4 && (amax == 0 || context.isDegenerate) {
            return QuantizedTensor.zeros(g, amax: amax)
        }
        if context.needsScalarPath {
            return ReferenceQuantizer.quantizeScalar(x, g, amax: supplied)
        }
        return try quantizeBlocks(prepared, g, context: context, reusing: &storage)
    }

    /// The amax `quantize` would use without a supplied one: max |x| after the config's
    /// pre-processing (1 for MXFP4). Performs `quantize`'s checks.
    public func amax(_ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig) throws(Failure) -> Float {
        let raw: Float
        do {
            raw = try QuantizationPolicy.checkedMagnitude(self, x, rows: rows, cols: cols, config: config, amax: nil)
        } catch {
            throw Self.failure(error)
        }
        if config.format == .mxfp4 { return 1 }
        guard config.rht else { return raw }
        let g = QuantizationGeometry(rows: rows, cols: cols, config: config)
        if raw >= QuantizationPolicy.rhtFallbackMagnitude {
            let rotated = ReferenceQuantizer.rotatedAmaxScalar(x, g)
            guard rotated.isFinite else { throw Self.failure(.rhtOverflow(maxMagnitude: raw)) }
            return rotated
        }
        return try rotatedAmax(prepare(x, g), g)
    }
}
