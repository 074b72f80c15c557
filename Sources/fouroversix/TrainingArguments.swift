// The options `train` and `experiment pretrain` share: model preset, schedule, data, seeds.
//
// Promises: every default is the one docs/training.md lists; `options(recipe:corpus:)` turns
// them into `TrainingOptions` (warmup defaults to 5% of the steps, the sequence length to the
// preset's context); `prepareCorpus()` trains the BPE (or loads --tokenizer) and tokenizes
// --text (default Data/austen.txt).

import ArgumentParser
import BlockQuantization
import Foundation
import ModelCore
import Training

extension TrainingRecipe: ExpressibleByArgument {}
extension QuantizedGEMMs: ExpressibleByArgument {}

struct TrainingArguments: ParsableArguments {
    @Option(
        name: .customLong("config"), help: "Model preset: \(ModelConfiguration.presetNames.joined(separator: ", ")).")
    var preset = "small"

    @Option(help: "Training steps.")
    var steps = 1000

    @Option(help: "Sequences per step.")
    var batch = 16

    @Option(name: .customLong("sequence-length"), help: "Tokens per sequence (default: the preset's context).")
    var sequenceLength: Int?

    @Option(help: "Peak learning rate.")
    var lr: Float = 3e-3

    @Option(help: "Warmup steps (default: 5% of --steps).")
    var warmup: Int?

    @Option(name: .customLong("min-lr-ratio"), help: "Final learning rate as a fraction of the peak (cosine floor).")
    var minimumLearningRateRatio: Float = 0.1

    @Option(name: .customLong("weight-decay"), help: "AdamW weight decay (matrices only).")
    var weightDecay: Float = 0.1

    @Option(help: "Global gradient-norm clip (0: off).")
    var clip: Float = 1.0

    @Option(parsing: .unconditional, help: "Seed of initialization and stochastic rounding.", transform: parseSeed)
    var seed: UInt64 = 1234

    @Option(
        name: .customLong("data-seed"), parsing: .unconditional, help: "Seed of the batch order (default: --seed).",
        transform: parseSeed)
    var dataSeed: UInt64?

    @Option(name: .customLong("bf16-last-layers"), help: "Decoder blocks at the end kept in BF16 by the NVFP4 recipes.")
    var highPrecisionLastLayers = 1

    @Option(
        name: .customLong("quantized-gemms"),
        help: "Ablation of the NVFP4 recipes: all (the recipe), forward, or backward GEMMs in NVFP4, the rest in BF16.")
    var quantizedGEMMs: QuantizedGEMMs = .all

    @Option(
        name: .customLong("gradient-rule"),
        help: """
            Ablation of the NVFP4 recipes: scale rule of the two stochastically rounded gradient operands (default: \
            the recipe's rule); mse-unbiased, mae-unbiased, abs_max-unbiased choose 4 or 6 from the round-to-nearest \
            errors, then round stochastically.
            """
    )
    var gradientRule: GradientRuleArgument?

    @Flag(help: "Separate output head instead of the tied embedding.")
    var untied = false

    @Option(help: "Training text (default: the bundled Data/austen.txt).")
    var text: String?

    @Option(help: "Size of the byte-level BPE trained on the text (256 bytes + merges + 1 special token).")
    var vocab = 1024

    @Option(help: "Use this tokenizer.json instead of training a BPE.")
    var tokenizer: String?

    @Option(name: .customLong("eval-every"), help: "Validation every N steps (0: only at the end).")
    var evaluationEvery = 100

    @Option(name: .customLong("eval-windows"), help: "Validation windows used during training.")
    var evaluationWindows = 64

    @Option(name: .customLong("final-eval-windows"), help: "Validation windows of the final loss (default: all).")
    var finalEvaluationWindows: Int?

    @Option(name: .customLong("checkpoint-every"), help: "Checkpoint every N steps (0: only at the end).")
    var checkpointEvery = 0

    @Option(help: "Threads (default: all cores).")
    var threads: Int?

    /// `--gradient-rule`: a scale rule, or an adaptive one with `-unbiased`.
    struct GradientRuleArgument: ExpressibleByArgument {
        var rule: ScaleRule
        var unbiased: Bool

        init?(argument: String) {
            let unbiased = argument.hasSuffix("-unbiased")
            guard let rule = ScaleRule(rawValue: unbiased ? String(argument.dropLast("-unbiased".count)) : argument),
                !unbiased || rule.isAdaptive
            else { return nil }
            (self.rule, self.unbiased) = (rule, unbiased)
        }
    }

    func validate() throws {
        guard ModelConfiguration.presetNames.contains(preset) else {
            throw ValidationError(
                "unknown --config '\(preset)' (use \(ModelConfiguration.presetNames.joined(separator: ", ")))")
        }
        guard steps > 0, batch > 0 else { throw ValidationError("--steps and --batch must be positive") }
        guard vocab >= 257 || tokenizer != nil else {
            throw ValidationError("--vocab must be at least 257 (256 bytes + BOS)")
        }
    }

    var textPath: String {
        get throws { try text ?? BundledModel.dataFile("austen.txt") }
    }

    func prepareCorpus() throws -> PreparedCorpus {
        try CorpusPreparation.prepare(textPath: try textPath, vocabularySize: vocab, tokenizerPath: tokenizer)
    }

    func options(recipe: TrainingRecipe, corpus: PreparedCorpus) throws -> TrainingOptions {
        guard var model = ModelConfiguration.preset(preset, vocabularySize: corpus.vocabularySize) else {
            throw ValidationError("unknown --config '\(preset)'")
        }
        model.tieWordEmbeddings = !untied
        var o = TrainingOptions(model: model)
        o.recipe = recipe
        o.preset = preset
        o.steps = steps
        o.batchSize = batch
        o.sequenceLength = sequenceLength ?? model.contextLength
        o.learningRate = lr
        o.warmupSteps = warmup ?? max(1, steps / 20)
        o.minimumLearningRateRatio = minimumLearningRateRatio
        o.adamW.weightDecay = weightDecay
        o.gradientClip = clip
        o.seed = seed
        o.dataSeed = dataSeed ?? seed
        o.highPrecisionLastLayers = highPrecisionLastLayers
        o.quantizedGEMMs = quantizedGEMMs == .all ? nil : quantizedGEMMs
        o.gradientRule = gradientRule?.rule
        if gradientRule?.unbiased == true { o.unbiasedGradientChoice = true }
        o.evaluationEvery = evaluationEvery
        o.evaluationWindows = evaluationWindows
        o.finalEvaluationWindows = finalEvaluationWindows
        o.checkpointEvery = checkpointEvery
        o.threads = threads ?? 0
        try o.validate()
        return o
    }
}
