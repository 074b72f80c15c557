// What `eval` and `generate` quantize: weight and activation formats, rules, layer selection
// and the source of activation scales, turned into the Transformer module's
// `EvaluationQuantization` for a loaded model.
//
// Promises: formats are none, bf16, nvfp4, mxfp4, nvint4 or if4; `rule` applies to both
// (default: the format's default rule, mse for NVFP4) and `validate()` rejects an invalid
// (format, rule) pair; fused groups share one weight amax by CheckpointQuantization's
// `FusedGroups.key`, the rule `quantize` uses, so on-the-fly quantization with `skipRagged`
// mirrors a checkpoint `quantize` wrote. On a quantized checkpoint without weight
// quantization, only the modules it stores quantized take part (its own layer selection).

import BlockQuantization
import CheckpointQuantization
import Foundation
import Transformer

/// `none`, `bf16` or a block format.
public enum SimulatedFormat: String, CaseIterable, Sendable {
    case none, bf16, nvfp4, mxfp4, nvint4, if4

    public var blockFormat: BlockFormat? { BlockFormat(rawValue: rawValue) }

    public func tensorFormat(rule: ScaleRule?) -> TensorFormat {
        switch self {
        case .none: return .full
        case .bf16: return .bfloat16
        default: return .block(QuantizationConfig(format: blockFormat!, rule: rule))
        }
    }
}

/// Where activation amax comes from when activations are quantized.
public enum ActivationScaleSource: Equatable, Sendable {
    /// The layer input's max |x|, per window.
    case dynamic
    /// Calibrated on a text with the model as loaded (as `quantize --calibration-text`).
    case calibrated(text: String, windows: Int, context: Int)
    /// The input scales a W4A4 checkpoint stores.
    case stored
    /// Per-module amax computed already (`calibratedOnce(for:)`: one calibration for several
    /// evaluations); `source` says where it came from, in words.
    case amax([String: Float], source: String)
}

public struct EvaluationSettings: Sendable {
    public var weights: SimulatedFormat = .none
    public var activations: SimulatedFormat = .none
    public var rule: ScaleRule?
    /// Rule of the activations (default: `rule`).
    public var activationRule: ScaleRule?
    /// Leave layers whose input dimension is not a multiple of 16 unquantized (as `quantize` does).
    public var skipRagged = false
    /// Regexes of module names to leave unquantized.
    public var exclude: [String] = []
    public var activationScale: ActivationScaleSource = .dynamic
    /// Allow a calibration context longer than the model's max_position_embeddings.
    public var allowLongContext = false
    /// `activations` was not chosen: a checkpoint that stores input scales (W4A4) is evaluated
    /// as written — NVFP4 inputs at its stored amax (see `resolved(for:)`).
    public var activationsFromCheckpoint = false

    public init() {}

    /// These settings with what a stored checkpoint implies where nothing was chosen: W4A4
    /// inputs at the stored input scales (`activationsFromCheckpoint`, dynamic scale, the
    /// checkpoint stores input scales), and the checkpoint's recorded rule for the activations
    /// when no `rule` / `activationRule` is given (a `static_6` W4A4 checkpoint's inputs are
    /// rounded with `static_6`, not the format's default rule).
    public func resolved(for loaded: LoadedModel) -> EvaluationSettings {
        var s = self
        guard loaded.weights.hasStoredQuantization else { return s }
        let storesInputScales = loaded.model.linearLayers.contains {
            loaded.weights.storedInputAmax(module: $0.module) != nil
        }
        if activationsFromCheckpoint && activations == .none && activationScale == .dynamic && storesInputScales {
            s.activations = .nvfp4
            s.activationScale = .stored
        }
        if rule == nil && activationRule == nil, let stored = loaded.weights.storedRule,
            let f = s.activations.blockFormat, f.supportedRules.contains(stored)
        {
            s.activationRule = stored
        }
        return s
    }

    /// `comparing`: the formats are chosen per evaluation (`eval --compare`), so a calibrated
    /// activation scale needs no `--activations` here.
    public func validate(comparing: Bool = false) throws {
        let pairs = [("--weights", weights, rule), ("--activations", activations, activationRule ?? rule)]
        for (name, format, r) in pairs {
            guard let f = format.blockFormat, let r else { continue }
            guard f.supportedRules.contains(r) else {
                throw EvaluationError.invalidOption(
                    "\(name) \(f.rawValue) has no rule \(r.rawValue) "
                        + "(use \(f.supportedRules.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if case let .calibrated(_, windows, context) = activationScale, windows < 1 || context < 2 {
            throw EvaluationError.invalidOption(
                "--calibration-windows must be positive and --calibration-context at least 2")
        }
        if activationScale != .dynamic && activations.blockFormat == nil && !comparing {
            throw EvaluationError.invalidOption("calibrated activation scales need --activations with a block format")
        }
    }

    /// The rule a format uses here (nil for none/bf16).
    public func effectiveRule(for format: SimulatedFormat, activations: Bool = false) -> ScaleRule? {
        guard let f = format.blockFormat else { return nil }
        let requested = activations ? (activationRule ?? rule) : rule
        return requested.flatMap { f.supportedRules.contains($0) ? $0 : nil } ?? f.defaultRule
    }

    /// The layer selection on `loaded` when its weights are simulated in `w`.
    public func selection(for loaded: LoadedModel, weights w: SimulatedFormat) throws -> LinearSelection {
        try LinearSelection(
            skipRaggedInputs: skipRagged, excludePatterns: exclude,
            storedQuantizedOnly: loaded.weights.hasStoredQuantization && w == .none,
            fusedGroup: { FusedGroups.key(of: $0) })
    }

    /// The setting for a model (calibrating when asked); `w`, `a` and `r` override the
    /// formats and the rule (as `eval --compare` does for each of its variants).
    public func quantization(
        for loaded: LoadedModel, weights w: SimulatedFormat? = nil,
        activations a: SimulatedFormat? = nil,
        rule r: ScaleRule? = nil
    ) throws -> EvaluationQuantization {
        let wf = w ?? weights, af = a ?? activations
        let wRule = r ?? effectiveRule(for: wf), aRule = r ?? effectiveRule(for: af, activations: true)
        var q = EvaluationQuantization(
            weights: wf.tensorFormat(rule: wRule), activations: af.tensorFormat(rule: aRule),
            selection: try selection(for: loaded, weights: wf))
        switch activationScale {
        case .dynamic:
            break
        case .stored:
            var table: [String: Float] = [:]
            for l in loaded.model.linearLayers {
                if let amax = loaded.weights.storedInputAmax(module: l.module) { table[l.module] = amax }
            }
            guard !table.isEmpty else { throw EvaluationError.noStoredInputScales(directory: loaded.directory) }
            q.activationScale = .calibrated(table)
        case let .amax(table, _):
            if af.blockFormat != nil { q.activationScale = .calibrated(table) }
        case let .calibrated(text, windows, context):
            if af.blockFormat != nil {
                try loaded.checkContext(context, option: "--calibration-context", allowLong: allowLongContext)
                q.activationScale = .calibrated(
                    try Calibration.activationAmax(
                        of: loaded, textFile: text,
                        windows: windows, context: context))
            }
        }
        return q
    }

    /// These settings with a `.calibrated` activation scale replaced by its result (`.amax`), so that
    /// several evaluations of `loaded` share one calibration; other settings are returned as they are.
    public func calibratedOnce(for loaded: LoadedModel) throws -> EvaluationSettings {
        guard case let .calibrated(text, windows, context) = activationScale else { return self }
        try loaded.checkContext(context, option: "--calibration-context", allowLong: allowLongContext)
        var s = self
        s.activationScale = .amax(
            try Calibration.activationAmax(
                of: loaded, textFile: text, windows: windows,
                context: context),
            source: activationScaleDescription)
        return s
    }

    /// "all decoder Linear layers", "… with input dim % 16 == 0", "… excluding …".
    public var selectionDescription: String {
        var parts = ["all decoder Linear layers"]
        if skipRagged { parts = ["decoder Linear layers with input dim % 16 == 0"] }
        if !exclude.isEmpty { parts.append("excluding \(exclude.joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }

    /// Where the activation amax comes from, in words.
    public var activationScaleDescription: String {
        switch activationScale {
        case .stored: return "from the checkpoint's input scales"
        case let .calibrated(text, _, _): return "calibrated on \(URL(fileURLWithPath: text).lastPathComponent)"
        case let .amax(_, source): return source
        case .dynamic: return "dynamic (per layer input, per window)"
        }
    }

    /// What a run with `q` on `loaded` quantizes, in the words of `eval --json`.
    public func describe(_ q: EvaluationQuantization, loaded: LoadedModel)
        -> (weights: String, activations: String, rule: String?, activationScale: String)
    {
        var weights = q.weights.config?.format.rawValue ?? q.weights.description
        var rule = q.weights.config?.rule.rawValue ?? q.activations.config?.rule.rawValue
        if loaded.weights.hasStoredQuantization {
            weights = "checkpoint:nvfp4" + (q.weights == .full ? "" : "+\(weights)")
            rule = rule ?? loaded.weights.storedRule?.rawValue
        }
        let activations = q.activations.config?.format.rawValue ?? q.activations.description
        let scale: String
        switch q.activationScale {
        case .dynamic: scale = "dynamic"
        case .calibrated: scale = activationScale == .stored ? "stored" : "calibrated"
        }
        return (weights, activations, rule, scale)
    }
}
