// What quantization costs a whole file or model folder, tensor by tensor (`fouroversix error`).
//
// Promises: every 2-D floating tensor with at least one column is measured under each variant
// (`TensorErrorReport`), in checkpoint order, its pages released afterwards; the summary sums
// errors and energies over tensors before dividing (so large tensors weigh more), and sums
// the blocks that chose the alternative scale and all blocks per variant.

import ModelFolder
import SafeTensors

/// Totals over tensors: errors and energies summed before dividing.
public struct ErrorSummary: Sendable {
    public var relativeErrors: [Double] = []
    public var alternativeBlocks: [Int]
    public var blocks: [Int]
    public var elements = 0

    public init(reports: [TensorErrorReport], variantCount: Int) {
        var errors = [Double](repeating: 0, count: variantCount)
        alternativeBlocks = [Int](repeating: 0, count: variantCount)
        blocks = alternativeBlocks
        var energy = 0.0
        for r in reports {
            for i in 0..<variantCount {
                errors[i] += r.squaredErrors[i]
                alternativeBlocks[i] += r.alternativeBlocks[i]
                blocks[i] += r.blocks[i]
            }
            energy += r.energy
            elements += r.shape.reduce(1, *)
        }
        relativeErrors = errors.map { energy == 0 ? 0 : $0 / energy }
    }
}

/// The per-tensor reports of a file or folder and their summary.
public struct ModelErrorReport: Sendable {
    /// The variants measured, in the order of every per-variant array.
    public var variants: [QuantizationVariant]
    public var reports: [TensorErrorReport]
    public var summary: ErrorSummary

    /// Measures `source` (a .safetensors file or a model folder, config.json optional);
    /// `progress(done, total, tensor)` after each tensor.
    public static func measure(
        _ source: String, variants: [QuantizationVariant],
        progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> ModelErrorReport {
        let checkpoint = try ModelCheckpoint.open(source, requireConfig: false)
        let tensors = checkpoint.tensors.filter {
            $0.info.dtype.isFloatingPoint && $0.info.shape.count == 2 && $0.info.shape[1] > 0
        }
        var reports: [TensorErrorReport] = []
        for t in tensors {
            reports.append(try TensorErrorReport.measure(t.shard, t.name, variants: variants))
            t.shard.releasePages(t.name)
            progress?(reports.count, tensors.count, t.name)
        }
        return ModelErrorReport(
            variants: variants, reports: reports,
            summary: ErrorSummary(reports: reports, variantCount: variants.count))
    }
}
