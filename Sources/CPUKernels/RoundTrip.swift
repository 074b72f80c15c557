// Quantize → dequantize: a tensor as a block format represents it, back in float32. The one
// round trip that evaluation (simulated quantization), training (quantized GEMM operands)
// and checkpoint tools share.
//
// Promises: `roundTrip` is `CPUQuantizer.quantize` followed by `CPUQuantizer.dequantize`,
// both bit-identical with the scalar reference, and returns the quantized tensor with the
// values. In the `.quantized` basis the values are `[q.rows, q.cols]` as quantized
// (transposed and RHT-rotated when the config says so); in the `.source` basis they are the
// input's `[rows, cols]`: the RHT inverted in float32, padding dropped, the transpose undone
// (`ReferenceQuantizer.restoreSourceBasis`; untouched when there is nothing to undo).

import BlockFormats
import BlockQuantization

/// Where round-tripped values are returned.
public enum RoundTripBasis: Sendable, Hashable {
    /// `[q.rows, q.cols]` of the quantized orientation (a caller that multiplies two RHT-rotated
    /// operands together needs no inverse: R·Rᵀ = I).
    case quantized
    /// The input's own `[rows, cols]`.
    case source
}

extension CPUQuantizer {
    /// Quantizes `x` (`[rows, cols]`) with `config` and decodes it back to float32 in `basis`.
    /// - Parameter amax: a supplied tensor amax (shared by a fused group, or calibrated).
    public static func roundTrip(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float? = nil, basis: RoundTripBasis,
        threads: Int = CPUParallel.defaultThreadCount
    )
        throws(QuantizationError) -> (values: [Float], quantized: QuantizedTensor)
    {
        let q = try quantize(x, rows: rows, cols: cols, config: config, amax: amax, threads: threads)
        return (dequantize(q, basis: basis, threads: threads), q)
    }

    /// Decodes `q` to float32 in `basis`.
    public static func dequantize(
        _ q: QuantizedTensor, basis: RoundTripBasis,
        threads: Int = CPUParallel.defaultThreadCount
    ) -> [Float] {
        var values = [Float](repeating: 0, count: q.rows * q.cols)
        values.withUnsafeMutableBufferPointer { dequantize(q, into: $0, threads: threads) }
        guard basis == .source, q.config.rht || q.config.transpose || q.cols != q.sourceCols else { return values }
        return ReferenceQuantizer.restoreSourceBasis(values, of: q)
    }
}
