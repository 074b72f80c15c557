// Perplexity of a token stream with the project's documented windowing.
//
// Promises — the windowing (used by `fouroversix eval` and matching the reference figures):
// tokenize the whole text once with BOS first and no EOS; cut the tokens after BOS into
// consecutive chunks of `context − 1` (the last may be shorter); each window is
// `[BOS] + chunk`; every chunk token counts, predicted from its left context inside its window.
// Perplexity = exp(total NLL / counted tokens). Without a BOS token the windows are chunks of
// `context` tokens and each window's first token is context only. `windows` limits the count
// (the first N). NLL is accumulated in double precision; each window is one forward pass, so
// the result does not depend on batching or thread count.

import Foundation
import ModelCore

public struct PerplexityResult: Sendable, Equatable {
    /// Σ −log p(token | left context), natural log.
    public var negativeLogLikelihood: Double
    /// Tokens predicted (counted).
    public var tokens: Int
    public var windows: Int

    public init(negativeLogLikelihood: Double = 0, tokens: Int = 0, windows: Int = 0) {
        self.negativeLogLikelihood = negativeLogLikelihood
        self.tokens = tokens
        self.windows = windows
    }

    /// exp(NLL / tokens); NaN with no tokens.
    public var perplexity: Double { tokens == 0 ? .nan : Foundation.exp(negativeLogLikelihood / Double(tokens)) }
}

public enum Perplexity {
    /// The evaluation windows of `tokens` (which start with `bos` when it is not nil).
    /// - Returns: each window's token ids and the index from which its tokens are counted.
    public static func windows(of tokens: [Int], bos: Int?, context: Int, limit: Int? = nil) throws -> [(
        ids: [Int], firstCounted: Int
    )] {
        guard context >= 2 else {
            throw TransformerError.invalidOption("--context must be at least 2 (got \(context))")
        }
        if let limit, limit < 1 { throw TransformerError.invalidOption("--windows must be at least 1 (got \(limit))") }
        var out: [(ids: [Int], firstCounted: Int)] = []
        if let bos {
            guard tokens.first == bos else {
                throw TransformerError.invalidOption("the token stream must start with BOS (\(bos))")
            }
            var start = 1
            while start < tokens.count && out.count < (limit ?? .max) {
                let end = min(tokens.count, start + context - 1)
                out.append(([bos] + tokens[start..<end], 1))
                start = end
            }
        } else {
            var start = 0
            while start + 1 < tokens.count && out.count < (limit ?? .max) {
                let end = min(tokens.count, start + context)
                out.append((Array(tokens[start..<end]), 1))
                start = end
            }
        }
        return out
    }

    /// NLL of one window's tokens from index `firstCounted` on.
    public static func windowNLL(model: TransformerModel, ids: [Int], firstCounted: Int) throws -> (
        nll: Double, tokens: Int
    ) {
        let hidden = try model.hiddenStates(tokens: ids)
        let d = model.configuration.hiddenSize, vocab = model.configuration.vocabularySize
        var nll = 0.0
        let chunk = 128
        try hidden.withUnsafeBufferPointer { h in
            var r0 = firstCounted - 1
            while r0 < ids.count - 1 {
                let r1 = min(ids.count - 1, r0 + chunk)
                let rows = r1 - r0
                let logits = model.logits(hidden: UnsafeBufferPointer(rebasing: h[(r0 * d)..<(r1 * d)]), rows: rows)
                try logits.withUnsafeBufferPointer { l in
                    for i in 0..<rows {
                        let row = l.baseAddress! + i * vocab
                        let target = ids[r0 + i + 1]
                        let value = VectorMath.logSumExp(row, count: vocab) - Double(row[target])
                        guard value.isFinite else {
                            throw TransformerError.invalidOption(
                                "non-finite log-likelihood at window position \(r0 + i + 1) (the model diverged)")
                        }
                        nll += value
                    }
                }
                r0 = r1
            }
        }
        return (nll, ids.count - firstCounted)
    }

    /// Perplexity of `tokens` (the whole text, BOS first when the tokenizer has one).
    /// `progress(done, total)` is called after each window.
    public static func evaluate(
        model: TransformerModel, tokens: [Int], bos: Int?, context: Int, windows limit: Int? = nil,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> PerplexityResult {
        let windows = try windows(of: tokens, bos: bos, context: context, limit: limit)
        var result = PerplexityResult()
        for (i, w) in windows.enumerated() {
            let (nll, n) = try windowNLL(model: model, ids: w.ids, firstCounted: w.firstCounted)
            result.negativeLogLikelihood += nll
            result.tokens += n
            result.windows += 1
            progress?(i + 1, windows.count)
        }
        return result
    }
}
