// Everything that determines a training run, saved with every checkpoint so that a resume
// continues the same run.
//
// Promises: two runs with equal options, corpus and tokenizer produce the same weights and
// losses bit for bit, for any thread count. `resumeCompatible` lists the fields a resume may
// not change (all but `steps`, evaluation, checkpointing and threads).

import BlockQuantization
import ModelCore

public struct TrainingOptions: Sendable, Hashable, Codable {
    public var recipe: TrainingRecipe = .bf16
    /// Name of the architecture preset (informational; `model` is authoritative).
    public var preset: String = "small"
    public var model: ModelConfiguration
    public var steps: Int = 1000
    public var batchSize: Int = 16
    public var sequenceLength: Int = 128
    public var learningRate: Float = 3e-3
    public var warmupSteps: Int = 50
    public var minimumLearningRateRatio: Float = 0.1
    public var adamW = AdamWSettings()
    public var gradientClip: Float = 1.0
    /// Seeds initialization and stochastic rounding.
    public var seed: UInt64 = 1234
    /// Seeds the batch order (defaults to `seed`).
    public var dataSeed: UInt64 = 1234
    /// Decoder blocks at the end kept in BF16 by the NVFP4 recipes.
    public var highPrecisionLastLayers: Int = 1
    /// Ablation of the NVFP4 recipes: which GEMMs are quantized (nil: all, the recipe).
    public var quantizedGEMMs: QuantizedGEMMs? = nil
    /// Ablation of the NVFP4 recipes: the scale rule of the two gradient operands (nil: the recipe's).
    public var gradientRule: ScaleRule? = nil
    /// Ablation of the NVFP4 recipes: the gradient operands use the unbiased 4/6 choice
    /// (`Rounding.stochasticUnbiased`); nil or false: the recipe's choice.
    public var unbiasedGradientChoice: Bool? = nil
    /// Validation every N steps (0: only at the end), on the first `evaluationWindows` windows.
    public var evaluationEvery: Int = 100
    public var evaluationWindows: Int = 64
    /// The final validation loss uses at most this many windows (nil: all).
    public var finalEvaluationWindows: Int? = nil
    /// Checkpoint every N steps (0: only at the end).
    public var checkpointEvery: Int = 0
    public var threads: Int = 0

    public init(model: ModelConfiguration) {
        self.model = model
    }

    public var schedule: LearningRateSchedule {
        LearningRateSchedule(
            peak: learningRate, warmupSteps: warmupSteps, totalSteps: steps,
            minimumRatio: minimumLearningRateRatio)
    }

    public var recipeSettings: RecipeSettings {
        RecipeSettings(
            recipe: recipe, highPrecisionLastLayers: highPrecisionLastLayers, quantizedGEMMs: quantizedGEMMs ?? .all,
            gradientRule: gradientRule, unbiasedGradientChoice: unbiasedGradientChoice ?? false)
    }

    public var tokensPerStep: Int { batchSize * sequenceLength }

    public func validate() throws(TrainingError) {
        if let problem = model.trainingProblem { throw .invalidConfiguration(problem) }
        guard steps > 0, batchSize > 0 else { throw .invalidConfiguration("steps and batch size must be positive") }
        guard sequenceLength > 1, sequenceLength <= model.contextLength else {
            throw .invalidConfiguration(
                "sequence length \(sequenceLength) must be in 2…\(model.contextLength) (the model's context)")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw .invalidConfiguration("learning rate must be positive")
        }
        guard warmupSteps >= 0, highPrecisionLastLayers >= 0 else {
            throw .invalidConfiguration("warmup steps and high-precision layers must not be negative")
        }
    }

    /// The fields that must match between a checkpoint and a resumed run: nil, or every
    /// difference named by the `train` option that sets it ("--lr 0.001 ≠ checkpoint's 0.003").
    public func resumeDifference(from saved: TrainingOptions) -> String? {
        var a = self, b = saved
        a.steps = 0; b.steps = 0
        a.evaluationEvery = 0; b.evaluationEvery = 0
        a.evaluationWindows = 0; b.evaluationWindows = 0
        a.finalEvaluationWindows = nil; b.finalEvaluationWindows = nil
        a.checkpointEvery = 0; b.checkpointEvery = 0
        a.threads = 0; b.threads = 0
        a.preset = ""; b.preset = ""
        if a == b { return nil }
        if a.recipe != b.recipe { return "--recipe \(self.recipe.rawValue) ≠ checkpoint's \(saved.recipe.rawValue)" }
        if a.model != b.model {
            return "the model shape (--config \(self.preset), --untied, vocabulary) differs from the checkpoint's"
        }
        // Each remaining field with the option that sets it, in the order `train --help` lists them.
        func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "default" }
        let fields: [(option: String, mine: String, theirs: String)] = [
            ("--batch", "\(a.batchSize)", "\(b.batchSize)"),
            ("--sequence-length", "\(a.sequenceLength)", "\(b.sequenceLength)"),
            ("--lr", "\(a.learningRate)", "\(b.learningRate)"),
            ("--warmup", "\(a.warmupSteps)", "\(b.warmupSteps)"),
            ("--min-lr-ratio", "\(a.minimumLearningRateRatio)", "\(b.minimumLearningRateRatio)"),
            ("--weight-decay", "\(a.adamW.weightDecay)", "\(b.adamW.weightDecay)"),
            (
                "AdamW betas/epsilon", "\(a.adamW.beta1)/\(a.adamW.beta2)/\(a.adamW.epsilon)",
                "\(b.adamW.beta1)/\(b.adamW.beta2)/\(b.adamW.epsilon)"
            ),
            ("--clip", "\(a.gradientClip)", "\(b.gradientClip)"),
            ("--seed", "\(a.seed)", "\(b.seed)"),
            ("--data-seed", "\(a.dataSeed)", "\(b.dataSeed)"),
            ("--bf16-last-layers", "\(a.highPrecisionLastLayers)", "\(b.highPrecisionLastLayers)"),
            ("--quantized-gemms", text(a.quantizedGEMMs.map { "\($0)" }), text(b.quantizedGEMMs.map { "\($0)" })),
            ("--gradient-rule", text(a.gradientRule?.rawValue), text(b.gradientRule?.rawValue)),
        ]
        let differing = fields.filter { $0.mine != $0.theirs }
        guard !differing.isEmpty else {
            return "the settings differ from the checkpoint's; its trainer_state.json lists them"
        }
        return differing.map { "\($0.option) \($0.mine) ≠ checkpoint's \($0.theirs)" }.joined(separator: ", ")
    }
}
