// Greedy generation with a key/value cache.
//
// Promises: the prompt runs as one batched forward pass, then one token per step reusing the
// cached keys and values; each new token is the argmax of the last logits (the first index on
// ties), as transformers' greedy search; generation stops after `maxNewTokens` or right after
// a stop token (which is included in the result).

import ModelCore

public enum Generation {
    /// The new token ids after `prompt` (which should start with BOS for Llama-family models).
    public static func greedy(
        model: TransformerModel, prompt: [Int], maxNewTokens: Int, stopTokens: Set<Int> = [],
        onToken: ((Int) -> Void)? = nil
    ) throws -> [Int] {
        guard !prompt.isEmpty else { throw TransformerError.invalidOption("the prompt has no tokens") }
        guard maxNewTokens > 0 else { return [] }
        let cache = KVCache(configuration: model.configuration)
        let d = model.configuration.hiddenSize, vocab = model.configuration.vocabularySize
        var hidden = try model.hiddenStates(tokens: prompt, cache: cache)
        var rows = prompt.count
        var out: [Int] = []
        while true {
            let logits = hidden.withUnsafeBufferPointer {
                model.logits(hidden: UnsafeBufferPointer(rebasing: $0[((rows - 1) * d)..<(rows * d)]), rows: 1)
            }
            let next = logits.withUnsafeBufferPointer { VectorMath.argmax($0.baseAddress!, count: vocab) }
            out.append(next)
            onToken?(next)
            if out.count >= maxNewTokens || stopTokens.contains(next) { return out }
            hidden = try model.hiddenStates(tokens: [next], cache: cache)
            rows = 1
        }
    }
}
