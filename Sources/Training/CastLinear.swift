// The trainer's linear layer Y = X·Wᵀ (no bias) with its operands cast to a precision, and its
// two backward GEMMs. (The forward runs inside ModelCore's block through `TrainingLinears`.)
//
// Promises, for X [rows, in], W [out, in], dY [rows, out]:
// - forward:  Y  = cast(X)·cast(W)ᵀ
// - data:     dX = cast_dgrad(dY)·cast(W)     (the forward's cast W is reused: with 16×16
//             tiles NVFP4(W)ᵀ = NVFP4(Wᵀ), so this is the quantized Wᵀ of the recipe)
// - weight:   dW += cast_wgrad(dYᵀ)·cast_wgrad(Xᵀ)ᵀ, summing over tokens (for NVFP4 both
//             operands are quantized along tokens, RHT-rotated alike, multiplied in the
//             rotated basis: (dYᵀR)(XᵀR)ᵀ = dYᵀX up to quantization)
// where cast is identity (float32), BF16 rounding, or NVFP4 quantize → dequantize with the
// configs of `NVFP4Operands`. All products are float32 GEMMs (`Matmul`). Inputs shared by
// several layers (q/k/v, gate/up) are cast once by the caller.

import BlockQuantization
import ModelCore

/// A cast operand ready for a GEMM: `values` with row stride `ld`.
struct CastOperand {
    var values: [Float]
    var ld: Int
}

/// The weight-gradient form of X: op = [in, k] (NVFP4: stored [in, k], k tokens padded to 16),
/// or X [rows, in] used transposed.
struct WeightGradientInput {
    var values: [Float]
    var ld: Int
    /// Reduction length (tokens, padded for RHT).
    var k: Int
    /// `values` holds X [k, in] (op(A) = Xᵀ needs transposing) rather than Xᵀ [in, k].
    var tokenMajor: Bool
}

enum CastLinear {
    /// The forward cast of an input X [rows, in].
    static func castInput(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int, precision: GEMMPrecision, threads: Int,
        statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> [Float] {
        try forwardCast(
            x, rows: rows, cols: cols, precision: precision, config: \.forwardInput, kind: .activation,
            threads: threads, statistics: &statistics)
    }

    /// The cast of a weight W [out, in] used by the forward and data-gradient GEMMs.
    static func castWeight(
        _ w: UnsafeBufferPointer<Float>, out: Int, in inFeatures: Int, precision: GEMMPrecision,
        threads: Int, statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> [Float] {
        try forwardCast(
            w, rows: out, cols: inFeatures, precision: precision, config: \.weight, kind: .weight,
            threads: threads, statistics: &statistics)
    }

    /// A forward-GEMM operand [rows, cols] as the precision casts it (NVFP4 with `config`).
    private static func forwardCast(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int, precision: GEMMPrecision,
        config: (NVFP4Operands) -> QuantizationConfig, kind: OperandKind, threads: Int,
        statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> [Float] {
        switch precision {
        case .float32: return Array(x)
        case .bf16: return OperandCast.bf16(x, threads: threads, statistics: &statistics)
        case .nvfp4(let o) where !o.quantizeForward:
            return OperandCast.bf16(x, threads: threads, statistics: &statistics)
        case .nvfp4(let o):
            return try OperandCast.nvfp4(
                x, rows: rows, cols: cols, config: config(o), kind: kind, threads: threads,
                statistics: &statistics
            ).values
        }
    }

    /// Y [rows, out] = castX · castWᵀ (ModelCore's `LinearGEMM`, the evaluation's product).
    static func forward(
        castInput x: [Float], rows: Int, in inFeatures: Int, castWeight w: [Float], out: Int,
        threads: Int
    ) -> [Float] {
        LinearGEMM.forward(x, rows: rows, weight: w, out: out, in: inFeatures, threads: threads)
    }

    /// The weight-gradient cast of X [rows, in].
    static func castWeightGradientInput(
        _ x: UnsafeBufferPointer<Float>, rows: Int, cols: Int, precision: GEMMPrecision,
        threads: Int, statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> WeightGradientInput {
        switch precision {
        case .float32:
            return WeightGradientInput(values: Array(x), ld: cols, k: rows, tokenMajor: true)
        case .bf16:
            return WeightGradientInput(
                values: OperandCast.bf16(x, threads: threads, statistics: &statistics), ld: cols, k: rows,
                tokenMajor: true)
        case .nvfp4(let o) where !o.quantizeBackward:
            return WeightGradientInput(
                values: OperandCast.bf16(x, threads: threads, statistics: &statistics), ld: cols, k: rows,
                tokenMajor: true)
        case .nvfp4(let o):
            let c = try OperandCast.nvfp4(
                x, rows: rows, cols: cols, config: o.weightGradientInput, kind: .weightGradientInput,
                threads: threads, statistics: &statistics)
            return WeightGradientInput(values: c.values, ld: c.cols, k: c.cols, tokenMajor: false)
        }
    }

    /// Backward of one layer: dW += …, and dX (+)= … when `dx` is given.
    /// - Parameters:
    ///   - dy: [rows, out]
    ///   - castWeight: the forward's cast W [out, in]
    ///   - input: X in its weight-gradient cast
    ///   - seeds: stochastic-rounding seeds of the data- and weight-gradient dY
    static func backward(
        dy: UnsafeBufferPointer<Float>, rows: Int, out: Int, in inFeatures: Int, castWeight: [Float],
        input: WeightGradientInput, precision: GEMMPrecision, seeds: (data: UInt64, weight: UInt64),
        weightGradient: UnsafeMutablePointer<Float>, dx: UnsafeMutablePointer<Float>?, accumulateDX: Bool,
        threads: Int, statistics: inout QuantizationStatistics
    ) throws(TrainingError) {
        // Data gradient.
        if let dx {
            let g: [Float]
            switch precision {
            case .float32: g = Array(dy)
            case .bf16: g = OperandCast.bf16(dy, threads: threads, statistics: &statistics)
            case .nvfp4(let o) where !o.quantizeBackward:
                g = OperandCast.bf16(dy, threads: threads, statistics: &statistics)
            case .nvfp4(let o):
                g = try OperandCast.nvfp4(
                    dy, rows: rows, cols: out, config: o.dataGradientOutput(seed: seeds.data),
                    kind: .dataGradientOutput, threads: threads, statistics: &statistics
                ).values
            }
            g.withUnsafeBufferPointer { gb in
                castWeight.withUnsafeBufferPointer { wb in
                    Matmul.gemm(
                        m: rows, n: inFeatures, k: out, a: MatrixOperand(gb.baseAddress!, ld: out),
                        b: MatrixOperand(wb.baseAddress!, ld: inFeatures), c: dx, ldc: inFeatures,
                        accumulate: accumulateDX, threads: threads)
                }
            }
        }
        // Weight gradient.
        let a: CastOperand
        let aTokenMajor: Bool
        switch precision {
        case .float32:
            a = CastOperand(values: Array(dy), ld: out)
            aTokenMajor = true
        case .bf16:
            a = CastOperand(values: OperandCast.bf16(dy, threads: threads, statistics: &statistics), ld: out)
            aTokenMajor = true
        case .nvfp4(let o) where !o.quantizeBackward:
            a = CastOperand(values: OperandCast.bf16(dy, threads: threads, statistics: &statistics), ld: out)
            aTokenMajor = true
        case .nvfp4(let o):
            let c = try OperandCast.nvfp4(
                dy, rows: rows, cols: out, config: o.weightGradientOutput(seed: seeds.weight),
                kind: .weightGradientOutput, threads: threads, statistics: &statistics)
            precondition(c.cols == input.k, "weight-gradient operands disagree on the token axis")
            a = CastOperand(values: c.values, ld: c.cols)
            aTokenMajor = false
        }
        a.values.withUnsafeBufferPointer { ab in
            input.values.withUnsafeBufferPointer { xb in
                Matmul.gemm(
                    m: out, n: inFeatures, k: input.k,
                    a: MatrixOperand(ab.baseAddress!, ld: a.ld, transposed: aTokenMajor),
                    b: MatrixOperand(xb.baseAddress!, ld: input.ld, transposed: !input.tokenMajor),
                    c: weightGradient, ldc: inFeatures, accumulate: true, threads: threads)
            }
        }
    }
}
