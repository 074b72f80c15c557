// Simulated low-precision GEMM operands: BF16 rounding and NVFP4 quantize → dequantize.
//
// Promises: `bf16` rounds every value to the nearest BF16 (ties to even); `nvfp4` quantizes
// with CPUKernels' `CPUQuantizer` (bit-identical with the scalar reference) and dequantizes
// back to float32 in the quantized orientation ([q.rows, q.cols]: transposed and RHT-rotated
// when the config says so; the caller multiplies rotated operands together, R·Rᵀ = I). Block
// statistics (how many blocks 4/6 scaled to 4) are added to `QuantizationStatistics`.
// A non-finite input becomes `TrainingError` (the run diverged).

import BlockFormats
import BlockQuantization
import CPUKernels
import Dispatch

/// The GEMM operands a recipe quantizes, for statistics.
public enum OperandKind: Int, CaseIterable, Sendable {
    case activation, weight, dataGradientOutput, weightGradientOutput, weightGradientInput

    public var name: String {
        switch self {
        case .activation: return "X"
        case .weight: return "W"
        case .dataGradientOutput: return "dY(dgrad)"
        case .weightGradientOutput: return "dYᵀ(wgrad)"
        case .weightGradientInput: return "Xᵀ(wgrad)"
        }
    }
}

/// Blocks quantized and blocks that chose the scale-to-4 candidate, per operand kind.
public struct QuantizationStatistics: Sendable {
    public var blocks = [Int](repeating: 0, count: OperandKind.allCases.count)
    public var alternativeBlocks = [Int](repeating: 0, count: OperandKind.allCases.count)
    /// Quantized elements (for overhead accounting).
    public var elements = 0
    /// Wall seconds spent casting operands (BF16 rounding, NVFP4 quantize + dequantize).
    public var castSeconds: Double = 0

    public init() {}

    public mutating func add(_ q: QuantizedTensor, kind: OperandKind) {
        blocks[kind.rawValue] += q.blockCount
        alternativeBlocks[kind.rawValue] += q.alternativeBlockCount
        elements += q.rows * q.cols
    }

    public mutating func merge(_ o: QuantizationStatistics) {
        for i in blocks.indices {
            blocks[i] += o.blocks[i]
            alternativeBlocks[i] += o.alternativeBlocks[i]
        }
        elements += o.elements
        castSeconds += o.castSeconds
    }

    /// Share of blocks of `kind` scaled to 4 (0 when none were quantized).
    public func alternativeShare(_ kind: OperandKind) -> Double {
        blocks[kind.rawValue] == 0 ? 0 : Double(alternativeBlocks[kind.rawValue]) / Double(blocks[kind.rawValue])
    }

    public var totalAlternativeShare: Double {
        let b = blocks.reduce(0, +)
        return b == 0 ? 0 : Double(alternativeBlocks.reduce(0, +)) / Double(b)
    }
}

enum OperandCast {
    /// Every value rounded to BF16.
    static func bf16(_ x: UnsafeBufferPointer<Float>, threads: Int, statistics: inout QuantizationStatistics) -> [Float]
    {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { statistics.castSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 }
        var out = [Float](repeating: 0, count: x.count)
        let xp = SendablePointer(x.baseAddress!)
        out.withUnsafeMutableBufferPointer { ob in
            let op = SendablePointer(ob.baseAddress!)
            CPUParallel.parallelFor(x.count, threads: rowThreads(x.count, threads)) { range in
                for i in range { op.p[i] = BFloat16.rounded(xp.p[i]) }
            }
        }
        return out
    }

    /// Quantize → dequantize. Returns the values `[rows, cols]` of the quantized orientation.
    static func nvfp4(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int, config: QuantizationConfig, kind: OperandKind,
        threads: Int, statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> (values: [Float], rows: Int, cols: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { statistics.castSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 }
        let r: (values: [Float], quantized: QuantizedTensor)
        do {
            r = try CPUQuantizer.roundTrip(
                .f32(x), rows: rows, cols: cols, config: config, basis: .quantized,
                threads: threads)
        } catch {
            throw .nonFinite("\(kind.name) operand: \(error)")
        }
        statistics.add(r.quantized, kind: kind)
        return (r.values, r.quantized.rows, r.quantized.cols)
    }
}
