// The forward pass against independent references: perplexities computed with a NumPy
// implementation (tools/llama-reference/llama_numpy.py, float64) and the greedy text the
// issue's Hugging Face transformers run produced; plus KV-cache and threading invariants.

import ModelCore
import Testing

@testable import Transformer

@Suite struct ForwardPassTests {
    /// llama_numpy.py Models/stories260K Data/tinystories-sample.txt --context 128 --windows 3.
    @Test func perplexityOfThreeShortWindowsMatchesTheReference() throws {
        let model = try loadBundledModel()
        let r = try Perplexity.evaluate(model: model, tokens: try bundledTokens(), bos: 1, context: 128, windows: 3)
        #expect(r.tokens == 381)
        #expect(r.windows == 3)
        #expect(relativeDifference(r.perplexity, 5.047435134277823) < 1e-5)
    }

    /// llama_numpy.py … --context 64 --windows 4.
    @Test func perplexityOfFourTinyWindowsMatchesTheReference() throws {
        let model = try loadBundledModel()
        let r = try Perplexity.evaluate(model: model, tokens: try bundledTokens(), bos: 1, context: 64, windows: 4)
        #expect(r.tokens == 252)
        #expect(relativeDifference(r.perplexity, 6.862533640441515) < 1e-5)
    }

    /// The reference: greedy from "Zoo" (ids [1, 410, 469, 347]), 60 tokens.
    @Test func greedyGenerationFromZooMatchesTheReference() throws {
        let model = try loadBundledModel()
        let tokenizer = try loadBundledTokenizer()
        let prompt = tokenizer.encode("Zoo", addBOS: true)
        #expect(prompt == [1, 410, 469, 347])
        let generated = try Generation.greedy(model: model, prompt: prompt, maxNewTokens: 60, stopTokens: [2])
        #expect(generated.count == 60)
        #expect(
            tokenizer.decode(prompt + generated) == """
                Zoo was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, \
                red ball. She wanted to play with it, but she didn't want to play with it.\n
                """)
    }

    @Test func windowsFollowTheDocumentedRule() throws {
        let tokens = [1] + Array(10..<20)  // BOS + 10 tokens
        let w = try Perplexity.windows(of: tokens, bos: 1, context: 4)
        #expect(w.map(\.ids) == [[1, 10, 11, 12], [1, 13, 14, 15], [1, 16, 17, 18], [1, 19]])
        #expect(try Perplexity.windows(of: tokens, bos: 1, context: 4, limit: 2).count == 2)
        #expect(throws: TransformerError.self) { try Perplexity.windows(of: tokens, bos: 1, context: 1) }
        #expect(throws: TransformerError.self) { try Perplexity.windows(of: [5, 6], bos: 1, context: 4) }
    }

    /// Feeding tokens one at a time through the cache gives the logits of the batched pass.
    @Test func cachedStepsMatchTheBatchedPass() throws {
        let model = try loadBundledModel()
        let tokens = Array(try bundledTokens().prefix(24))
        let batched = try model.logits(tokens: tokens)
        let cache = KVCache(configuration: model.configuration)
        var stepped: [Float] = try model.logits(tokens: Array(tokens.prefix(5)), cache: cache)
        for t in tokens.dropFirst(5) { stepped += try model.logits(tokens: [t], cache: cache) }
        #expect(cache.count == tokens.count)
        var worst: Float = 0
        for i in 0..<batched.count { worst = max(worst, abs(batched[i] - stepped[i])) }
        #expect(worst < 1e-4)
    }

    /// Heads, rows and GEMM tiles are split between threads without changing any result.
    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let tokens = Array(try bundledTokens().prefix(100))
        let one = try loadBundledModel(threads: 1).logits(tokens: tokens)
        let three = try loadBundledModel(threads: 3).logits(tokens: tokens)
        #expect(one == three)
    }
}
