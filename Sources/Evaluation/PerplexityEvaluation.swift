// One perplexity evaluation of a loaded model with the quantization `EvaluationSettings`
// describe (`fouroversix eval`).
//
// Promises: the settings are applied to the model (calibrating first when asked), then the
// documented windowing runs (Transformer's `Perplexity`: BOS + chunks of context − 1 tokens);
// `progress(done, total)` after each window; the result (with the seconds the windows took)
// comes with what was quantized, in the words of `eval --json` (weights, activations, rule,
// activation scale).

import Foundation
import Transformer

public struct PerplexityEvaluation {
    public var result: PerplexityResult
    /// "none", "bf16", a format, or "checkpoint:nvfp4[+format]" for a quantized checkpoint.
    public var weights: String
    public var activations: String
    public var rule: String?
    /// "dynamic", "calibrated" or "stored".
    public var activationScale: String
    /// Seconds the windows took (applying and calibrating excluded).
    public var seconds: Double

    public static func run(
        loaded: LoadedModel, tokens: [Int], context: Int, windows: Int?,
        settings: EvaluationSettings,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> PerplexityEvaluation {
        let setting = try settings.quantization(for: loaded)
        try loaded.model.apply(setting)
        let start = Date()
        let result = try Perplexity.evaluate(
            model: loaded.model, tokens: tokens, bos: loaded.bosTokenID,
            context: context, windows: windows, progress: progress)
        let seconds = Date().timeIntervalSince(start)
        let d = settings.describe(setting, loaded: loaded)
        return PerplexityEvaluation(
            result: result, weights: d.weights, activations: d.activations, rule: d.rule,
            activationScale: d.activationScale, seconds: seconds)
    }
}
