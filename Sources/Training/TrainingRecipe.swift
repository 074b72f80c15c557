// The training recipes: which precision every GEMM operand of every linear layer takes.
//
// Promises: the three named presets are exactly those of docs/training.md:
// - `bf16`: float32 master weights; the inputs of all three GEMMs of every linear layer and of
//   the head are rounded to BF16 (RNE), products summed in float32.
// - `nvfp4`: every linear layer of the decoder blocks, except the last `highPrecisionLastLayers`
//   blocks, takes NVFP4 operands in all three GEMMs (quantize → dequantize, float32 multiply):
//   forward X in 1×16 blocks and W in 16×16 tiles, round-to-nearest; data gradient with dY
//   stochastically rounded (1×16 along the output features); weight gradient with dY and X
//   both transposed (blocks run along tokens), the 16-point RHT on both, dY stochastically
//   rounded. Scale rule `static_6`. The head and the kept blocks use the `bf16` path.
// - `nvfp4-4over6`: the same with the 4/6 `mse` rule for every operand.
// - `nvfp4-4over6-static6-gradients`: `nvfp4-4over6` with `static_6` for the two stochastically
//   rounded gradient operands (the `--gradient-rule static_6` ablation as a recipe).
// - `nvfp4-4over6-unbiased-sr`: `nvfp4-4over6` whose two gradient operands choose 4 or 6 from
//   the round-to-nearest errors and then round stochastically (`Rounding.stochasticUnbiased`).
// `gradientRule` (an ablation, like the reference's `gradient_scale_rule`) replaces the rule of
// the two stochastically rounded gradient operands only; `unbiasedGradientChoice` switches
// them to the unbiased choice.
// The attention core (QKᵀ, softmax, PV), norms, SwiGLU and the loss run in float32 in all.

import BlockQuantization

public enum TrainingRecipe: String, CaseIterable, Sendable, Codable {
    case bf16
    case nvfp4
    case nvfp4FourOverSix = "nvfp4-4over6"
    case nvfp4FourOverSixStatic6Gradients = "nvfp4-4over6-static6-gradients"
    case nvfp4FourOverSixUnbiasedSR = "nvfp4-4over6-unbiased-sr"

    /// The scale rule of the quantized layers (nil for bf16).
    public var rule: ScaleRule? {
        switch self {
        case .bf16: return nil
        case .nvfp4: return .static6
        case .nvfp4FourOverSix, .nvfp4FourOverSixStatic6Gradients, .nvfp4FourOverSixUnbiasedSR: return .mse
        }
    }

    /// The rule of the two gradient operands when it differs from `rule`.
    public var gradientRule: ScaleRule? { self == .nvfp4FourOverSixStatic6Gradients ? .static6 : nil }

    /// True when the gradient operands use the unbiased 4/6 choice.
    public var unbiasedGradientChoice: Bool { self == .nvfp4FourOverSixUnbiasedSR }

    /// True for the recipes whose forward operands use 4/6.
    public var usesFourOverSix: Bool { rule?.isAdaptive ?? false }
}

/// How the three GEMMs of one linear layer treat their operands.
public enum GEMMPrecision: Sendable, Hashable, CustomStringConvertible {
    /// No rounding at all (finite-difference tests).
    case float32
    /// Inputs rounded to BF16.
    case bf16
    /// NVFP4 operands with the given options.
    case nvfp4(NVFP4Operands)

    public var description: String {
        switch self {
        case .float32: return "float32"
        case .bf16: return "bf16"
        case .nvfp4(let o): return "nvfp4(\(o.rule.rawValue))"
        }
    }
}

/// The NVFP4 options of a quantized linear layer (the recipe fixes them; tests may vary them).
public struct NVFP4Operands: Sendable, Hashable {
    public var rule: ScaleRule
    /// The rule of the gradient operands dY (data gradient) and dYᵀ (weight gradient).
    public var gradientRule: ScaleRule
    /// W in 16×16 tiles (so W and Wᵀ quantize alike) instead of 1×16 blocks.
    public var weightTiles: Bool = true
    /// 16-point random Hadamard transform on both weight-gradient operands.
    public var weightGradientRHT: Bool = true
    /// Stochastic rounding of dY in both backward GEMMs.
    public var stochasticGradients: Bool = true
    /// The stochastically rounded dY chooses 4 or 6 from round-to-nearest errors
    /// (`Rounding.stochasticUnbiased`) instead of the realized ones.
    public var unbiasedGradientChoice: Bool = false
    /// Ablations: NVFP4 in the forward GEMM / the two backward GEMMs (BF16 operands otherwise;
    /// the data gradient always multiplies by the forward's cast W).
    public var quantizeForward: Bool = true
    public var quantizeBackward: Bool = true

    public init(
        rule: ScaleRule, gradientRule: ScaleRule? = nil, weightTiles: Bool = true, weightGradientRHT: Bool = true,
        stochasticGradients: Bool = true, quantizeForward: Bool = true, quantizeBackward: Bool = true,
        unbiasedGradientChoice: Bool = false
    ) {
        self.rule = rule
        self.gradientRule = gradientRule ?? rule
        self.unbiasedGradientChoice = unbiasedGradientChoice
        self.weightTiles = weightTiles
        self.weightGradientRHT = weightGradientRHT
        self.stochasticGradients = stochasticGradients
        self.quantizeForward = quantizeForward
        self.quantizeBackward = quantizeBackward
    }

    var forwardInput: QuantizationConfig { QuantizationConfig(format: .nvfp4, rule: rule) }
    var weight: QuantizationConfig { QuantizationConfig(format: .nvfp4, rule: rule, blockScale2D: weightTiles) }
    func gradientRounding(seed: UInt64) -> Rounding {
        guard stochasticGradients else { return .nearest }
        return unbiasedGradientChoice ? .stochasticUnbiased(seed: seed) : .stochastic(seed: seed)
    }
    func dataGradientOutput(seed: UInt64) -> QuantizationConfig {
        QuantizationConfig(format: .nvfp4, rule: gradientRule, rounding: gradientRounding(seed: seed))
    }
    func weightGradientOutput(seed: UInt64) -> QuantizationConfig {
        QuantizationConfig(
            format: .nvfp4, rule: gradientRule, rounding: gradientRounding(seed: seed),
            transpose: true, rht: weightGradientRHT)
    }
    var weightGradientInput: QuantizationConfig {
        QuantizationConfig(format: .nvfp4, rule: rule, transpose: true, rht: weightGradientRHT)
    }
}

/// Which GEMMs of a quantized linear layer take NVFP4 operands (an ablation of the NVFP4
/// recipes; the recipes themselves use `all`). The others take BF16 operands.
public enum QuantizedGEMMs: String, CaseIterable, Sendable, Codable {
    case all
    /// The forward GEMM only.
    case forward
    /// The data- and weight-gradient GEMMs only.
    case backward
}

/// A recipe applied to a model: the precision of each linear layer.
public struct RecipeSettings: Sendable, Hashable {
    public var recipe: TrainingRecipe
    /// Decoder blocks at the end of the stack whose linear layers stay in BF16 (NVFP4 recipes).
    public var highPrecisionLastLayers: Int
    public var quantizedGEMMs: QuantizedGEMMs
    /// Ablation: the scale rule of the gradient operands (nil: the recipe's rule).
    public var gradientRule: ScaleRule?
    /// Ablation: the gradient operands use the unbiased 4/6 choice (also when the recipe does not).
    public var unbiasedGradientChoice: Bool

    public init(
        recipe: TrainingRecipe, highPrecisionLastLayers: Int = 1, quantizedGEMMs: QuantizedGEMMs = .all,
        gradientRule: ScaleRule? = nil, unbiasedGradientChoice: Bool = false
    ) {
        self.recipe = recipe
        self.highPrecisionLastLayers = highPrecisionLastLayers
        self.quantizedGEMMs = quantizedGEMMs
        self.gradientRule = gradientRule
        self.unbiasedGradientChoice = unbiasedGradientChoice
    }

    /// The precision of the linear layers of decoder block `layer` (of `layers`).
    public func precision(layer: Int, of layers: Int) -> GEMMPrecision {
        guard let rule = recipe.rule, layer < layers - highPrecisionLastLayers else { return .bf16 }
        return .nvfp4(
            NVFP4Operands(
                rule: rule, gradientRule: gradientRule ?? recipe.gradientRule,
                quantizeForward: quantizedGEMMs != .backward, quantizeBackward: quantizedGEMMs != .forward,
                unbiasedGradientChoice: unbiasedGradientChoice || recipe.unbiasedGradientChoice))
    }

    /// The head (and anything else kept out of NVFP4) always uses BF16 inputs.
    public var headPrecision: GEMMPrecision { .bf16 }
}

/// Stochastic-rounding seeds: a pure function of (run seed, step, linear layer, operand).
public enum StochasticSeeds {
    public enum Operand: UInt64, Sendable {
        case dataGradientOutput = 1
        case weightGradientOutput = 2
    }

    public static func seed(run: UInt64, step: Int, linear: Int, operand: Operand) -> UInt64 {
        SplitMix64.mix(run, 0x5EED, UInt64(step), UInt64(linear), operand.rawValue)
    }
}
