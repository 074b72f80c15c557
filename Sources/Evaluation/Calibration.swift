// Calibration of activation scales on a text — the one flow behind `quantize
// --calibration-text` (a W4A4 checkpoint's input scales) and `eval --calibration-text`.
//
// Promises: the per-module input amax of the model as loaded (full precision: any quantization
// setting is reset first) over the first `windows` windows of `context` tokens of the text
// (the perplexity windowing), with fused layers (CheckpointQuantization's `FusedGroups.key`)
// sharing their group's maximum — so a checkpoint calibrated by `quantize` and an evaluation
// calibrated on the fly use the same numbers, bit for bit.

import CheckpointQuantization
import Transformer

public enum Calibration {
    /// Per-module input amax of `loaded`'s model over the text file.
    public static func activationAmax(
        of loaded: LoadedModel, textFile: String, windows: Int, context: Int,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> [String: Float] {
        try loaded.model.apply(.none)
        let tokens = try loaded.tokens(ofTextFile: textFile, purpose: "calibration")
        return try ActivationCalibration.inputAmax(
            model: loaded.model, tokens: tokens, bos: loaded.bosTokenID,
            context: context, windows: windows,
            fusedGroup: { FusedGroups.key(of: $0) }, progress: progress)
    }

    /// Loads the model folder (or GGUF file) and calibrates it (for `quantize --calibration-text`);
    /// the windows start with the BOS `bos` chooses (the tokenizer's rule by default).
    public static func activationAmax(
        modelDirectory: String, textFile: String, windows: Int, context: Int,
        threads: Int, bos: BOSPolicy = .auto, allowLongContext: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> [String: Float] {
        let loaded = try LoadedModel(directory: modelDirectory, threads: threads, bos: bos)
        try loaded.checkContext(context, option: "--calibration-context", allowLong: allowLongContext)
        return try activationAmax(
            of: loaded, textFile: textFile, windows: windows, context: context,
            progress: progress)
    }
}
