// The calibration windows: the evaluation's windowing (Transformer's `Perplexity.windows`:
// BOS + chunks of context − 1 tokens) over the calibration text's token stream, the first
// `limit` of them.
//
// Promises: a token stream shorter than one full window is `PTQError.calibrationTooShort`.

import Transformer

public enum CalibrationWindows {
    public static func windows(of tokens: [Int], bos: Int?, context: Int, limit: Int) throws -> [[Int]] {
        guard context >= 2, limit >= 1 else {
            throw PTQError.invalidOption("--calibration-windows must be positive and --calibration-context at least 2")
        }
        guard tokens.count >= context else {
            throw PTQError.calibrationTooShort(tokens: tokens.count, context: context)
        }
        return try Perplexity.windows(of: tokens, bos: bos, context: context, limit: limit).map(\.ids)
    }
}
