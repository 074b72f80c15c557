// The quantization options of `eval` (and `generate`): weight and activation formats, rules,
// layer selection and the source of activation scales, turned into the Transformer module's
// `EvaluationQuantization`.
//
// Promises: `--weights`/`--activations` take none, bf16, nvfp4, mxfp4, nvint4 or if4; `--rule`
// applies to both (default: the format's default rule, mse for NVFP4) and an invalid
// (format, rule) pair is rejected during validation; fused groups share one weight amax by
// CheckpointQuantization's `FusedGroups.key`, the rule `quantize` uses, so on-the-fly
// quantization with `--skip-ragged` mirrors a checkpoint `quantize` wrote.

import ArgumentParser
import BlockQuantization
import CheckpointQuantization
import Transformer

/// `none`, `bf16` or a block format.
enum SimulatedFormat: String, ExpressibleByArgument, CaseIterable {
    case none, bf16, nvfp4, mxfp4, nvint4, if4

    var blockFormat: BlockFormat? { BlockFormat(rawValue: rawValue) }

    func tensorFormat(rule: ScaleRule?) -> TensorFormat {
        switch self {
        case .none: return .full
        case .bf16: return .bfloat16
        default: return .block(QuantizationConfig(format: blockFormat!, rule: rule))
        }
    }
}

struct EvalQuantizationOptions: ParsableArguments {
    @Option(help: "Weights of the decoder's Linear layers: none, bf16, nvfp4, mxfp4, nvint4 or if4.")
    var weights: SimulatedFormat = .none

    @Option(help: "Inputs of those layers (1×16 blocks along the hidden dimension; 1×32 for mxfp4): none, bf16, nvfp4, mxfp4, nvint4 or if4.")
    var activations: SimulatedFormat = .none

    @Option(help: "Scale rule: static_6 (standard NVFP4), static_4, mse (4/6, default for nvfp4), mae, abs_max.")
    var rule: ScaleRule?

    @Option(help: "Scale rule for activations (default: --rule).")
    var activationRule: ScaleRule?

    @Flag(help: "Leave layers whose input dimension is not a multiple of 16 unquantized (as `quantize` does).")
    var skipRagged = false

    @Option(parsing: .singleValue, help: "Regex of module names to leave unquantized (repeatable).")
    var exclude: [String] = []

    @Option(help: "Calibrate activation amax on this text (model as loaded, like quantize --calibration-text) instead of taking it per window.")
    var calibrationText: String?

    @Option(help: "Windows of the calibration text to use (default 16, as quantize).")
    var calibrationWindows: Int = 16

    @Option(help: "Tokens per calibration window (default 512, as quantize).")
    var calibrationContext: Int = 512

    @Flag(help: "Use the input scales stored in a W4A4 checkpoint as activation amax.")
    var storedInputScales = false

    func validate() throws {
        for (name, format, r) in [("--weights", weights, rule), ("--activations", activations, activationRule ?? rule)] {
            guard let f = format.blockFormat, let r else { continue }
            guard f.supportedRules.contains(r) else {
                throw ValidationError("\(name) \(f.rawValue) has no rule \(r.rawValue) (use \(f.supportedRules.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        guard calibrationWindows >= 1, calibrationContext >= 2 else {
            throw ValidationError("--calibration-windows must be positive and --calibration-context at least 2")
        }
        if calibrationText != nil && storedInputScales {
            throw ValidationError("--calibration-text and --stored-input-scales are alternatives")
        }
        if (calibrationText != nil || storedInputScales) && activations.blockFormat == nil {
            throw ValidationError("calibrated activation scales need --activations with a block format")
        }
    }

    /// The rule a format uses here (nil for none/bf16).
    func effectiveRule(for format: SimulatedFormat, activations: Bool = false) -> ScaleRule? {
        guard let f = format.blockFormat else { return nil }
        let requested = activations ? (activationRule ?? rule) : rule
        return requested.flatMap { f.supportedRules.contains($0) ? $0 : nil } ?? f.defaultRule
    }

    /// On a quantized checkpoint without `--weights`, only the modules it stores quantized take
    /// part (its own layer selection), so W4A4 on it mirrors what the checkpoint describes.
    func selection(for loaded: LoadedModel, weights w: SimulatedFormat) throws -> LinearSelection {
        try LinearSelection(skipRaggedInputs: skipRagged, excludePatterns: exclude,
                            storedQuantizedOnly: loaded.weights.quantized != nil && w == .none,
                            fusedGroup: { FusedGroups.key(of: $0) })
    }

    /// The setting for a model (calibrating on `calibrationText` when asked).
    func quantization(for loaded: LoadedModel, context: Int, weights w: SimulatedFormat? = nil,
                      activations a: SimulatedFormat? = nil, rule r: ScaleRule? = nil) throws -> EvaluationQuantization {
        let wf = w ?? weights, af = a ?? activations
        let wRule = r ?? effectiveRule(for: wf), aRule = r ?? effectiveRule(for: af, activations: true)
        var q = EvaluationQuantization(weights: wf.tensorFormat(rule: wRule), activations: af.tensorFormat(rule: aRule),
                                       selection: try selection(for: loaded, weights: wf))
        if storedInputScales {
            var table: [String: Float] = [:]
            for l in loaded.model.linearLayers {
                if let amax = loaded.weights.storedInputAmax(module: l.module) { table[l.module] = amax }
            }
            guard !table.isEmpty else {
                throw ValidationError("\(loaded.directory): no input scales stored (not a W4A4 checkpoint)")
            }
            q.activationScale = .calibrated(table)
        } else if let calibrationText, af.blockFormat != nil {
            // Calibrated on the model as loaded (full precision), as `quantize --calibration-text` does.
            try loaded.model.apply(.none)
            let tokens = try loaded.tokens(ofTextFile: calibrationText)
            let table = try ActivationCalibration.inputAmax(model: loaded.model, tokens: tokens, bos: loaded.bosTokenID,
                                                            context: calibrationContext, windows: calibrationWindows,
                                                            fusedGroup: { FusedGroups.key(of: $0) })
            q.activationScale = .calibrated(table)
        }
        return q
    }
}
