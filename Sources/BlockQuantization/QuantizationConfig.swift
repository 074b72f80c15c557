// What to quantize to and how: formats, scale rules, rounding and pre-processing options.
//
// Promises: every combination a `QuantizationConfig` can hold is either valid for the
// quantizers or rejected by `validate()` with a typed error; the constants M, S and M·S of
// each (format, rule) are those of the spec (§3, §4).

import BlockFormats

/// The block-scaled 4-bit formats.
public enum BlockFormat: String, Sendable, Codable, CaseIterable, Hashable {
    /// FP4 E2M1 values, E4M3 scales per 16, one float32 tensor scale.
    case nvfp4
    /// FP4 E2M1 values, UE8M0 power-of-two scales per 32, no tensor scale.
    case mxfp4
    /// INT4 values (−7…7), E4M3 scales per 16, one float32 tensor scale.
    case nvint4
    /// Per-block choice between FP4 and INT4, flagged in the scale byte's sign bit.
    case if4

    /// Values per block along a row (a 2-D tile is `blockSize × blockSize`).
    public var blockSize: Int { self == .mxfp4 ? 32 : 16 }

    /// The scale rules this format supports.
    public var supportedRules: [ScaleRule] {
        switch self {
        case .nvfp4: return ScaleRule.allCases
        case .mxfp4: return [.static6, .static4]
        case .nvint4: return [.static6]
        case .if4: return [.mse, .mae, .absMax]
        }
    }

    /// The rule used when none is given.
    public var defaultRule: ScaleRule {
        switch self {
        case .nvfp4, .if4: return .mse
        case .mxfp4, .nvint4: return .static6
        }
    }
}

/// How a block's scale is chosen.
///
/// | rule       | NVFP4 meaning                                       | M | S   | M·S  |
/// |------------|-----------------------------------------------------|---|-----|------|
/// | `static6`  | block max → 6 (standard NVFP4)                      | 6 | 448 | 2688 |
/// | `static4`  | block max → 4                                       | 4 | 448 | 1792 |
/// | `mse`      | 4/6: keep the candidate with the smaller Σ(d−x)²    | 6 | 256 | 1536 |
/// | `mae`      | 4/6: keep the candidate with the smaller Σ|d−x|     | 6 | 256 | 1536 |
/// | `absMax`   | 4/6: keep the candidate with the smaller max|d−x|   | 6 | 256 | 1536 |
///
/// For IF4 the adaptive rules pick FP4 or INT4 per block instead (scales as `static6`).
public enum ScaleRule: String, Sendable, Codable, CaseIterable, Hashable {
    case static6 = "static_6"
    case static4 = "static_4"
    case mse
    case mae
    case absMax = "abs_max"

    /// True for the rules that compare two candidates per block.
    public var isAdaptive: Bool { self == .mse || self == .mae || self == .absMax }
}

/// Element rounding.
public enum Rounding: Sendable, Hashable, Codable {
    /// Round half to even (weights, forward activations).
    case nearest
    /// Stochastic rounding (gradients); noise is a pure function of the seed and the
    /// element's position, so results are reproducible and independent of threading. The
    /// adaptive rules (4/6, IF4) keep the candidate whose *realized* stochastic error is
    /// smaller, as the published reference does; that choice depends on the noise, so the
    /// rounded values of those rules are biased (tools/sr-bias). Static rules are unbiased.
    case stochastic(seed: UInt64)
    /// Stochastic rounding with an unbiased choice (docs/quantization-spec.md §3): the adaptive rules choose the
    /// candidate from the round-to-nearest errors (no noise involved), then round the chosen
    /// candidate stochastically, so every element is unbiased given the choice. Identical to
    /// `stochastic` for the static rules. Same noise as `stochastic(seed:)`.
    case stochasticUnbiased(seed: UInt64)

    /// The noise seed of both stochastic roundings; nil for `nearest`.
    public var stochasticSeed: UInt64? {
        switch self {
        case .nearest: return nil
        case let .stochastic(seed), let .stochasticUnbiased(seed): return seed
        }
    }

    /// True when an adaptive rule chooses its candidate from round-to-nearest errors.
    public var choosesFromNearest: Bool {
        if case .stochasticUnbiased = self { return true }
        return false
    }
}

/// The constants M (largest value a block max maps to), S (E4M3 bound in the tensor scale)
/// and their product, for a format and rule.
public struct ScaleConstants: Sendable, Hashable {
    public let maxValue: Float  // M
    public let scaleBound: Float  // S (0 for MXFP4, which has no tensor scale)
    public let product: Float  // M·S (exact)

    public init(format: BlockFormat, rule: ScaleRule) {
        switch (format, rule) {
        case (.nvint4, _): (maxValue, scaleBound) = (7, 448)
        case (.if4, _): (maxValue, scaleBound) = (6, 448)
        case (.mxfp4, .static4): (maxValue, scaleBound) = (4, 0)
        case (.mxfp4, _): (maxValue, scaleBound) = (6, 0)
        case (.nvfp4, .static4): (maxValue, scaleBound) = (4, 448)
        case (.nvfp4, .static6): (maxValue, scaleBound) = (6, 448)
        case (.nvfp4, _): (maxValue, scaleBound) = (6, 256)
        }
        product = maxValue * scaleBound
    }

    /// `encodeScale = M·S / amax`: the divisor form (compressed-tensors' `weight_global_scale`).
    /// Infinite when amax is 0; callers treat amax == 0 as "every scale is 0".
    @inlinable
    public func encodeScale(amax: Float) -> Float { product / amax }

    /// `decodeScale = amax / (M·S)`: the multiplier form (ModelOpt's `weight_scale_2`).
    @inlinable
    public func decodeScale(amax: Float) -> Float { amax / product }

    /// `1 / (M·S)` rounded to float32 once: the dequantization factor.
    public var reciprocalProduct: Float { 1 / product }
}

/// Everything that determines how a tensor is quantized.
public struct QuantizationConfig: Sendable, Hashable, Codable {
    public var format: BlockFormat
    public var rule: ScaleRule
    public var rounding: Rounding
    /// Quantize xᵀ instead of x (blocks run down the original columns).
    public var transpose: Bool
    /// 16-point random Hadamard transform of every group of 16 along a row (BF16 output).
    public var rht: Bool
    /// One scale per square tile (16×16; 32×32 for MXFP4) instead of per 1-D block.
    public var blockScale2D: Bool
    /// Layout of the stored block scales.
    public var scaleLayout: ScaleLayout

    public init(
        format: BlockFormat = .nvfp4, rule: ScaleRule? = nil, rounding: Rounding = .nearest,
        transpose: Bool = false, rht: Bool = false, blockScale2D: Bool = false,
        scaleLayout: ScaleLayout = .rowMajor
    ) {
        self.format = format
        self.rule = rule ?? format.defaultRule
        self.rounding = rounding
        self.transpose = transpose
        self.rht = rht
        self.blockScale2D = blockScale2D
        self.scaleLayout = scaleLayout
    }

    public var constants: ScaleConstants { ScaleConstants(format: format, rule: rule) }

    /// Throws when the rule does not exist for the format.
    public func validate() throws(QuantizationError) {
        guard format.supportedRules.contains(rule) else {
            throw .unsupportedRule(format: format, rule: rule)
        }
    }
}
