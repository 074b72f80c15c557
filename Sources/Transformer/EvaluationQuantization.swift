// What is quantized during evaluation: the weight and activation formats, which Linear
// modules take part, which share a tensor amax, and where activation amax values come from.
//
// Promises: only the decoder's Linear modules (q/k/v/o, gate/up/down) ever take part —
// embeddings, norms and the LM head stay as loaded. A module's weight is quantized unless it
// is stored quantized already (its checkpoint weight is used as is), matches an exclude
// pattern, has an input dimension that is not a multiple of 16 while `skipRaggedInputs` is set
// (ModelCore's `LayerSelectionRule`, the rule `fouroversix quantize` applies), or is not stored quantized while
// `storedQuantizedOnly` is set (a checkpoint's own selection). Activations are quantized for
// those modules and the ones stored quantized. Weight amax is shared by the modules `fusedGroup` maps to
// one key (taking part or not is decided first); activation amax is dynamic (max |x| of the
// layer input of one forward call — one window — so results do not depend on batching) or
// calibrated (per module, given).

import ModelCore

/// Where the tensor amax of a quantized activation comes from.
public enum ActivationScale: Sendable, Equatable {
    /// max |x| over the layer's input in the current forward call (one window).
    case dynamic
    /// A fixed amax per module (from `ActivationCalibration` or a W4A4 checkpoint).
    case calibrated([String: Float])
}

/// Which decoder Linear modules are quantized and which share a weight amax.
public struct LinearSelection: @unchecked Sendable {
    /// Leave modules whose input dimension is not a multiple of 16 unquantized.
    public var skipRaggedInputs: Bool
    /// Regular expressions over module names (e.g. `down_proj`); a match stays unquantized.
    public var excludePatterns: [String]
    /// Only modules stored quantized take part (a quantized checkpoint evaluated with its own
    /// layer selection: what it kept in high precision stays so, also for activations).
    public var storedQuantizedOnly: Bool
    /// The fused-group key of a module, or nil: modules with the same key share one weight amax.
    /// (The CLI passes CheckpointQuantization's `FusedGroups.key`, the rule `quantize` uses.)
    public var fusedGroup: @Sendable (String) -> String?
    private let patterns: ModulePatterns

    public init(
        skipRaggedInputs: Bool = false, excludePatterns: [String] = [], storedQuantizedOnly: Bool = false,
        fusedGroup: @escaping @Sendable (String) -> String? = { _ in nil }
    ) throws {
        self.skipRaggedInputs = skipRaggedInputs
        self.storedQuantizedOnly = storedQuantizedOnly
        self.excludePatterns = excludePatterns
        self.fusedGroup = fusedGroup
        do { patterns = try ModulePatterns(excludePatterns) } catch {
            throw TransformerError.invalidOption("--exclude: invalid regular expression '\(error.pattern)'")
        }
    }

    /// Why a module stays unquantized, or nil when it takes part.
    public func reasonToSkip(module: String, inFeatures: Int, storedQuantized: Bool) -> String? {
        if storedQuantized { return "stored quantized in the checkpoint" }
        if storedQuantizedOnly { return "kept in high precision by the checkpoint" }
        if let pattern = patterns.firstMatch(in: module) { return "excluded by \(pattern)" }
        if skipRaggedInputs && LayerSelectionRule.hasRaggedInput(inFeatures: inFeatures) {
            return "input dimension \(inFeatures) is not a multiple of 16"
        }
        return nil
    }
}

/// Quantization applied while evaluating.
public struct EvaluationQuantization: Sendable {
    /// Format of the selected modules' weights (`.full`: as loaded).
    public var weights: TensorFormat
    /// Format of the selected modules' inputs (`.full`: as computed). Modules stored quantized
    /// in the checkpoint count as selected here.
    public var activations: TensorFormat
    public var activationScale: ActivationScale
    public var selection: LinearSelection

    public init(
        weights: TensorFormat = .full, activations: TensorFormat = .full,
        activationScale: ActivationScale = .dynamic, selection: LinearSelection? = nil
    ) {
        self.weights = weights
        self.activations = activations
        self.activationScale = activationScale
        self.selection = selection ?? (try! LinearSelection())
    }

    /// No quantization at all.
    public static let none = EvaluationQuantization()
}
