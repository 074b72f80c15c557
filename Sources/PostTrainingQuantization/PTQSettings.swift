// What a post-training quantization run does: the method (RTN, GPTQ, AWQ, SmoothQuant), the
// scheme (W4A16 or W4A4), the scale rule, how each block chooses between 6 and 4, and the
// methods' parameters — and which combinations make sense.
//
// Promises: `validate()` rejects, with one line naming the options, every combination that
// does not apply (SmoothQuant without W4A4, output-aware selection with a rule that has no
// 4-vs-6 choice or with AWQ/SmoothQuant, activation order without GPTQ, the clipping search
// without AWQ, a non-positive damping, an α outside [0, 1], a rule an NVFP4 checkpoint cannot
// hold). RTN with plain selection is bit-identical with
// `fouroversix quantize` without calibration.

import BlockQuantization

/// The weight quantization method.
public enum PTQMethod: String, CaseIterable, Sendable {
    /// Round to nearest (each block quantized alone).
    case rtn
    /// GPTQ: column sweep with error feedback through the inverse Hessian of the layer input.
    case gptq
    /// AWQ: per-input-channel scales mean|x|^α, searched, folded into the preceding norm/linear.
    case awq
    /// SmoothQuant (W4A4): s = max|x|^α / max|w|^(1−α), folded into the preceding norm.
    case smoothquant
}

/// Which tensors are 4-bit: the weights only, or the weights and the Linear inputs.
public enum PTQScheme: String, CaseIterable, Sendable {
    case w4a16, w4a4
}

/// How each 16-value block chooses between the 6 and the 4 candidate (4/6 rules only).
public enum BlockSelection: String, CaseIterable, Sendable {
    /// The rule's own error on the weights (mse/mae/abs_max): the reference.
    case plain
    /// Σ_j h_jj (ŵ_j − w_j)², h_jj the input's second moment of channel j (diag of XᵀX).
    case output
}

/// When GPTQ chooses block scales (and 6 vs 4).
public enum GPTQScales: String, CaseIterable, Sendable {
    /// At each 16-column block, on the weights as updated by the sweep so far (ours).
    case sweep
    /// All from the original weights before the sweep (llm-compressor, ModelOpt).
    case frozen
}

public struct PTQSettings: Sendable {
    public var method: PTQMethod = .rtn
    public var scheme: PTQScheme = .w4a16
    public var rule: ScaleRule = .mse
    public var selection: BlockSelection = .plain
    /// GPTQ dampening as a fraction of the mean diagonal of H.
    public var gptqDamp: Double = 0.01
    public var gptqScales: GPTQScales = .sweep
    /// GPTQ visits the columns by decreasing h_jj (activation order); blocks stay 16 consecutive
    /// input channels, each block's scale chosen when the sweep first reaches one of its columns.
    public var gptqActOrder = false
    /// GPTQ columns per lazy batch update.
    public var gptqBlockSize = 128
    /// AWQ: after the scales, search each block's clipping ratio (`ColumnSweep.clipRatios`) by
    /// the output error over the block's input second moments.
    public var awqClip = false
    /// AWQ: the α grid (default 0, 1/20, …, 19/20).
    public var awqGrid: [Double] = (0..<20).map { Double($0) / 20 }
    /// SmoothQuant's migration strength; nil: searched per group (0, 0.05, …, 1) by the W4A4
    /// output error on the calibration sample.
    public var smoothQuantAlpha: Double? = 0.5
    /// Calibration rows kept per Linear input for AWQ's search and the error report.
    public var sampleRows = 1024

    public init() {}

    public var config: QuantizationConfig { QuantizationConfig(format: .nvfp4, rule: rule) }

    public func validate() throws(PTQError) {
        guard [.mse, .mae, .absMax, .static6].contains(rule) else {
            throw .invalidOption(
                "rule \(rule.rawValue) cannot be written as an NVFP4 checkpoint (use mse, mae, abs_max or static_6)")
        }
        if method == .smoothquant && scheme != .w4a4 {
            throw .invalidOption(
                "--method smoothquant only applies to --scheme w4a4 (it moves activation outliers into the weights)")
        }
        if selection == .output {
            guard rule.isAdaptive else {
                throw .invalidOption(
                    "--selection output chooses between 6 and 4 per block: "
                        + "use a 4/6 rule (mse, mae or abs_max), not \(rule.rawValue)"
                )
            }
            guard method == .rtn || method == .gptq else {
                throw .invalidOption("--selection output applies to --method rtn and gptq")
            }
        }
        if awqClip && method != .awq { throw .invalidOption("--awq-clip applies to --method awq") }
        if gptqActOrder && method != .gptq {
            throw .invalidOption("--gptq-act-order applies to --method gptq")
        }
        guard gptqDamp > 0, gptqDamp.isFinite else { throw .invalidOption("--gptq-damp must be positive") }
        guard gptqBlockSize >= 16, gptqBlockSize % 16 == 0 else {
            throw .invalidOption("the GPTQ block size must be a positive multiple of 16")
        }
        if let a = smoothQuantAlpha, !(0...1).contains(a) {
            throw .invalidOption("--smoothquant-alpha must be in [0, 1] or search")
        }
        guard !awqGrid.isEmpty, awqGrid.allSatisfy({ (0...1).contains($0) }) else {
            throw .invalidOption("the AWQ α grid must hold values in [0, 1]")
        }
    }

    /// "GPTQ (scales in the sweep), mse, output selection, W4A16" and the like.
    public var summary: String {
        var parts = [method.rawValue.uppercased()]
        if method == .gptq {
            parts[0] += gptqScales == .sweep ? " (scales in the sweep" : " (frozen scales"
            parts[0] += gptqActOrder ? ", activation order)" : ")"
        }
        parts.append(rule.rawValue)
        if selection == .output { parts.append("output-aware selection") }
        if awqClip { parts[0] += " (clipping searched)" }
        parts.append(scheme.rawValue.uppercased())
        return parts.joined(separator: ", ")
    }
}

/// A PTQ failure, one line.
public enum PTQError: Error, CustomStringConvertible, Equatable {
    case invalidOption(String)
    case calibrationTooShort(tokens: Int, context: Int)
    case nonFiniteActivations(module: String)
    case cannotFold(String)

    public var description: String {
        switch self {
        case let .invalidOption(s): return s
        case let .calibrationTooShort(tokens, context):
            return
                "the calibration text has \(tokens) tokens, fewer than one window of --calibration-context \(context)"
        case let .nonFiniteActivations(module):
            return "calibration activations at the input of \(module) are not finite (NaN or infinity)"
        case let .cannotFold(s): return s
        }
    }
}
