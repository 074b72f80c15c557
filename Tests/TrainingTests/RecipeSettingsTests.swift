// What each recipe and gradient ablation hands the quantizer: rules and rounding of the
// forward and gradient operands.

import BlockQuantization
import Testing

@testable import Training

@Suite struct RecipeSettingsTests {
    static func operands(_ settings: RecipeSettings) throws -> NVFP4Operands {
        guard case let .nvfp4(o) = settings.precision(layer: 0, of: 2) else {
            Issue.record("\(settings.recipe.rawValue) gives no NVFP4 layer")
            throw CancellationError()
        }
        return o
    }

    @Test func gradientOperandsOfEachRecipe() throws {
        let cases: [(TrainingRecipe, ScaleRule, ScaleRule, Bool)] = [
            (.nvfp4, .static6, .static6, false),
            (.nvfp4FourOverSix, .mse, .mse, false),
            (.nvfp4FourOverSixStatic6Gradients, .mse, .static6, false),
            (.nvfp4FourOverSixUnbiasedSR, .mse, .mse, true),
        ]
        for (recipe, rule, gradientRule, unbiased) in cases {
            let o = try Self.operands(RecipeSettings(recipe: recipe, highPrecisionLastLayers: 0))
            #expect(
                o.rule == rule && o.gradientRule == gradientRule && o.unbiasedGradientChoice == unbiased, "\(recipe)")
            #expect(o.forwardInput.rounding == .nearest && o.weight.rule == rule)
            let expected: Rounding = unbiased ? .stochasticUnbiased(seed: 9) : .stochastic(seed: 9)
            #expect(
                o.dataGradientOutput(seed: 9)
                    == QuantizationConfig(format: .nvfp4, rule: gradientRule, rounding: expected))
            #expect(o.weightGradientOutput(seed: 9).rounding == expected && o.weightGradientOutput(seed: 9).rht)
        }
        #expect(RecipeSettings(recipe: .bf16).precision(layer: 0, of: 2) == .bf16)
    }

    @Test func ablationsOverrideTheRecipe() throws {
        // --gradient-rule mae-unbiased on nvfp4-4over6; --gradient-rule mse on the static_6-gradient recipe.
        let a = try Self.operands(
            RecipeSettings(
                recipe: .nvfp4FourOverSix, highPrecisionLastLayers: 0, gradientRule: .mae,
                unbiasedGradientChoice: true))
        #expect(a.gradientRule == .mae && a.dataGradientOutput(seed: 1).rounding == .stochasticUnbiased(seed: 1))
        let b = try Self.operands(
            RecipeSettings(
                recipe: .nvfp4FourOverSixStatic6Gradients, highPrecisionLastLayers: 0,
                gradientRule: .mse))
        #expect(b.gradientRule == .mse && !b.unbiasedGradientChoice)
        // Without stochastic gradients the unbiased choice has nothing to do.
        var c = try Self.operands(RecipeSettings(recipe: .nvfp4FourOverSixUnbiasedSR, highPrecisionLastLayers: 0))
        c.stochasticGradients = false
        #expect(c.dataGradientOutput(seed: 1).rounding == .nearest)
        var options = TrainingOptions(
            model: .llama(
                vocabularySize: 300, hiddenSize: 32, intermediateSize: 64, layers: 2,
                heads: 2, contextLength: 32))
        options.recipe = .nvfp4
        options.unbiasedGradientChoice = true
        #expect(options.recipeSettings.unbiasedGradientChoice)
        #expect(TrainingRecipe.nvfp4FourOverSixUnbiasedSR.usesFourOverSix && !TrainingRecipe.nvfp4.usesFourOverSix)
    }
}
