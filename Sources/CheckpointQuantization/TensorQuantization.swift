// Quantizing one checkpoint tensor, and measuring what quantization costs it.
//
// Promises: `quantizeTensor` reads a 2-D BF16/F16/F32/F64 tensor straight from its
// (memory-mapped) shard and returns the core's `QuantizedTensor`, bit-identical with the
// scalar reference; errors name the file and tensor. `relativeError` is Σ(x̂−x)² / Σx²,
// accumulated in double precision, in the tensor's own basis.

import BlockQuantization
import SafeTensors
import TensorIO

/// A quantization failure with the file and tensor it concerns.
public struct TensorQuantizationError: Error, CustomStringConvertible {
    public let path: String
    public let tensor: String
    public let underlying: QuantizationError
    public var description: String { "\(path): tensor '\(tensor)': \(underlying)" }
}

/// A format and rule pair, written `FORMAT:RULE` (e.g. `nvfp4:mse`) or `FORMAT` for its default rule.
public struct QuantizationVariant: Hashable, Sendable, CustomStringConvertible {
    public let format: BlockFormat
    public let rule: ScaleRule

    public init(_ format: BlockFormat, _ rule: ScaleRule) {
        self.format = format
        self.rule = rule
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let format = BlockFormat(rawValue: parts[0].lowercased()) else { return nil }
        let rule = parts.count == 2 ? ScaleRule(rawValue: parts[1].lowercased()) : format.defaultRule
        guard let rule, format.supportedRules.contains(rule) else { return nil }
        self.init(format, rule)
    }

    public var description: String { "\(format.rawValue):\(rule.rawValue)" }
    public var config: QuantizationConfig { QuantizationConfig(format: format, rule: rule) }

    /// The comparison the `error` command shows by default.
    public static let defaultComparison: [QuantizationVariant] = [
        .init(.nvfp4, .static6), .init(.nvfp4, .mse), .init(.nvfp4, .mae), .init(.nvfp4, .absMax),
        .init(.mxfp4, .static6), .init(.nvint4, .static6),
    ]
}

public enum TensorQuantization {
    /// Quantizes a 2-D floating-point tensor of a shard.
    public static func quantizeTensor(_ file: SafeTensorsFile, _ name: String, config: QuantizationConfig,
                                      amax: Float? = nil) throws -> QuantizedTensor {
        let (rows, cols) = try file.matrixShape(name)
        let values = try file.floats(name)
        do {
            return try ReferenceQuantizer.quantize(values, rows: rows, cols: cols, config: config, amax: amax)
        } catch {
            throw TensorQuantizationError(path: file.path, tensor: name, underlying: error)
        }
    }

    /// The amax `quantizeTensor` would use with `config` (for sharing one amax over a fused group).
    public static func amax(_ file: SafeTensorsFile, _ name: String, config: QuantizationConfig) throws -> Float {
        let (rows, cols) = try file.matrixShape(name)
        let values = try file.floats(name)
        do {
            let pre = try ReferenceQuantizer.validatedPreprocess(values, rows: rows, cols: cols, config: config, amax: nil)
            return ReferenceQuantizer.defaultAmax(pre.values, format: config.format)
        } catch {
            throw TensorQuantizationError(path: file.path, tensor: name, underlying: error)
        }
    }

    /// Decodes to float32 `[rows, cols]` in the source basis (RHT and transpose undone).
    public static func dequantize(_ q: QuantizedTensor) -> [Float] {
        let values = ReferenceQuantizer.dequantize(q)
        if !q.config.rht && !q.config.transpose && q.cols == q.sourceCols { return values }
        return ReferenceQuantizer.restoreSourceBasis(values, of: q)
    }

    /// Σ(x̂−x)² and Σx² in double precision.
    public static func errorSums(original x: [Float], reconstructed y: [Float]) -> (squaredError: Double, energy: Double) {
        precondition(x.count == y.count, "error of tensors with different sizes")
        var err = 0.0, energy = 0.0
        for i in 0..<x.count {
            let d = Double(y[i]) - Double(x[i])
            err += d * d
            energy += Double(x[i]) * Double(x[i])
        }
        return (err, energy)
    }
}

/// Quantization error of one tensor under several variants.
public struct TensorErrorReport: Sendable {
    public let name: String
    public let shape: [Int]
    /// Σ(x̂−x)² per variant, in `variants` order.
    public let squaredErrors: [Double]
    /// Σx².
    public let energy: Double
    /// Blocks that chose the alternative (4, or INT for IF4), and blocks, per variant.
    public let alternativeBlocks: [Int]
    public let blocks: [Int]

    /// Relative MSE Σ(x̂−x)²/Σx² per variant (0 for an all-zero tensor).
    public var relativeErrors: [Double] { squaredErrors.map { energy == 0 ? 0 : $0 / energy } }

    /// Measures every variant on a 2-D floating tensor.
    public static func measure(_ file: SafeTensorsFile, _ name: String,
                               variants: [QuantizationVariant]) throws -> TensorErrorReport {
        let (rows, cols) = try file.matrixShape(name)
        let x = try file.floats(name)
        var errors: [Double] = [], alternatives: [Int] = [], blocks: [Int] = [], energy = 0.0
        for variant in variants {
            let q: QuantizedTensor
            do {
                q = try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: variant.config)
            } catch {
                throw TensorQuantizationError(path: file.path, tensor: name, underlying: error)
            }
            let sums = TensorQuantization.errorSums(original: x, reconstructed: TensorQuantization.dequantize(q))
            errors.append(sums.squaredError)
            energy = sums.energy
            alternatives.append(q.alternativeBlockCount)
            blocks.append(q.blockCount)
        }
        return TensorErrorReport(name: name, shape: [rows, cols], squaredErrors: errors, energy: energy,
                                 alternativeBlocks: alternatives, blocks: blocks)
    }
}
