// Simulated low precision for evaluation: a tensor is quantized and dequantized back to
// float32 (or rounded to BF16) before the float32 GEMM uses it.
//
// Promises: `TensorFormat.block` round trips go through the CPUKernels quantizer and
// dequantizer, which are bit-identical with the core's reference (`ReferenceQuantizer`), so a
// weight simulated here equals the dequantization of the checkpoint `quantize` writes with the
// same config and amax. Ragged rows are zero-padded to whole blocks by the core; the result
// has the input's shape (transpose and RHT undone when the config uses them).

import BlockFormats
import BlockQuantization
import CPUKernels

/// How a tensor is represented during evaluation.
public enum TensorFormat: Sendable, Hashable, CustomStringConvertible {
    /// As loaded (float32 values; BF16/F16 checkpoints widened exactly).
    case full
    /// Rounded to BF16 (round half to even).
    case bfloat16
    /// Quantized with a block format and rule of the core, then dequantized.
    case block(QuantizationConfig)

    public var isQuantized: Bool {
        if case .block = self { return true }
        return false
    }

    public var config: QuantizationConfig? {
        if case let .block(c) = self { return c }
        return nil
    }

    /// `none`, `bf16`, or `FORMAT:RULE` (e.g. `nvfp4:mse`).
    public var description: String {
        switch self {
        case .full: return "none"
        case .bfloat16: return "bf16"
        case let .block(c): return "\(c.format.rawValue):\(c.rule.rawValue)"
        }
    }
}

enum QuantizationSimulation {
    /// The amax the core takes for `x` under `config` (max |x| after pre-processing; 1 for MXFP4).
    static func amax(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int, config: QuantizationConfig,
        threads: Int
    ) throws -> Float {
        try CPUQuantizer.amax(.f32(x), rows: rows, cols: cols, config: config, threads: threads)
    }

    /// `x` `[rows, cols]` as `format` represents it, back in float32. `amax` overrides the
    /// tensor amax of block formats (shared by a fused group, or calibrated).
    static func roundTrip(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int, format: TensorFormat,
        amax: Float? = nil, threads: Int
    ) throws -> [Float] {
        switch format {
        case .full:
            return Array(x)
        case .bfloat16:
            return x.map(BFloat16.rounded)
        case let .block(config):
            return try CPUQuantizer.roundTrip(
                .f32(x), rows: rows, cols: cols, config: config, amax: amax,
                basis: .source, threads: threads
            ).values
        }
    }
}
