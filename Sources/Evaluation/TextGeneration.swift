// Greedy text from a prompt on a loaded model (`fouroversix generate`).
//
// Promises: the prompt is tokenized with the loaded model's BOS choice (`LoadedModel.bos`) first; up to
// `maxNewTokens` tokens are chosen greedily with a key/value cache, stopping after an EOS token
// (the config's or the tokenizer's); `text` is the decoded prompt and continuation, special
// tokens skipped. The model runs with whatever quantization setting it has.

import Transformer

public struct GeneratedText: Sendable {
    public var promptIDs: [Int]
    public var generatedIDs: [Int]
    public var text: String
}

extension LoadedModel {
    public func generateGreedy(prompt: String, maxNewTokens: Int) throws -> GeneratedText {
        var promptIDs = tokenizer.encode(prompt)
        if let bos = bosTokenID { promptIDs.insert(bos, at: 0) }
        let stop = Set(model.configuration.eosTokenIDs + (tokenizer.eosTokenID.map { [$0] } ?? []))
        let generated = try Generation.greedy(
            model: model, prompt: promptIDs, maxNewTokens: maxNewTokens,
            stopTokens: stop)
        return GeneratedText(
            promptIDs: promptIDs, generatedIDs: generated,
            text: tokenizer.decode(promptIDs + generated))
    }
}
