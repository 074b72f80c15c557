// The quantization options of `eval` (and `generate`), spelled for the command line and
// turned into Evaluation's `EvaluationSettings`.
//
// Promises: `--weights`/`--activations` take none, bf16, nvfp4, mxfp4, nvint4 or if4; `--rule`
// applies to both (default: the format's default rule; for a stored checkpoint's activations,
// its recorded rule); a W4A4 checkpoint without `--activations` is evaluated W4A4 at its stored
// input scales (`EvaluationSettings.resolved(for:)`); an invalid (format, rule) pair, a
// calibration window count below 1 or context below 2, `--calibration-text` together with
// `--stored-input-scales`, or either without a block format for activations (except with
// `eval --compare`, which chooses the formats; the commands validate `settings`) is rejected during
// validation; `--allow-long-context` lets --context / --calibration-context exceed the model's
// max_position_embeddings (Evaluation's `LoadedModel.checkContext` refuses it otherwise).

import ArgumentParser
import BlockQuantization
import Evaluation

extension SimulatedFormat: ExpressibleByArgument {}
extension BOSPolicy: ExpressibleByArgument {}

struct EvalQuantizationOptions: ParsableArguments {
    @Option(help: "Weights of the decoder's Linear layers: none, bf16, nvfp4, mxfp4, nvint4 or if4.")
    var weights: SimulatedFormat = .none

    @Option(
        help: """
            Inputs of those layers (1×16 blocks along the hidden dimension; 1×32 for mxfp4): none, bf16, nvfp4, \
            mxfp4, nvint4 or if4. Default: none, or for a W4A4 checkpoint nvfp4 at its stored input scales.
            """
    )
    var activations: SimulatedFormat?

    @Option(help: "Scale rule: static_6 (standard NVFP4), static_4, mse (4/6, default for nvfp4), mae, abs_max.")
    var rule: ScaleRule?

    @Option(help: "Scale rule for activations (default: --rule).")
    var activationRule: ScaleRule?

    @Flag(help: "Leave layers whose input dimension is not a multiple of 16 unquantized (as `quantize` does).")
    var skipRagged = false

    @Option(parsing: .singleValue, help: "Regex of module names to leave unquantized (repeatable).")
    var exclude: [String] = []

    @Option(
        help: """
            Calibrate activation amax on this text (model as loaded, like quantize --calibration-text) instead of \
            taking it per window.
            """
    )
    var calibrationText: String?

    @Option(help: "Windows of the calibration text to use (default 16, as quantize).")
    var calibrationWindows: Int = 16

    @Option(help: "Tokens per calibration window (default 512, as quantize).")
    var calibrationContext: Int = 512

    @Flag(help: "Use the input scales stored in a W4A4 checkpoint as activation amax.")
    var storedInputScales = false

    @Flag(help: "Allow --context / --calibration-context above the model's max_position_embeddings.")
    var allowLongContext = false

    func validate() throws {
        if calibrationText != nil && storedInputScales {
            throw ValidationError("--calibration-text and --stored-input-scales are alternatives")
        }
        guard calibrationWindows >= 1, calibrationContext >= 2 else {
            throw ValidationError("--calibration-windows must be positive and --calibration-context at least 2")
        }
    }

    var settings: EvaluationSettings {
        var s = EvaluationSettings()
        s.weights = weights
        s.activations = activations ?? .none
        s.activationsFromCheckpoint = activations == nil
        s.rule = rule
        s.activationRule = activationRule
        s.skipRagged = skipRagged
        s.exclude = exclude
        s.allowLongContext = allowLongContext
        if storedInputScales {
            s.activationScale = .stored
        } else if let calibrationText {
            s.activationScale = .calibrated(
                text: calibrationText, windows: calibrationWindows,
                context: calibrationContext)
        }
        return s
    }
}
