// A GGUF file as a model: Models/stories260K written as llama.cpp writes it (F32, llama.cpp names,
// q/k rows permuted, tied output, SentencePiece tokenizer in the metadata — the fixture
// tools/gguf-model/make_stories_gguf.py made) loads with the folder's configuration, un-permutes to
// the folder's exact tensors, tokenizes and evaluates bit for bit like the folder, and quantizes
// (through its Hugging Face folder) to a checkpoint that evaluates like on-the-fly quantization.

import CheckpointQuantization
import Foundation
import ModelCore
import ModelFolder
import TestSupport
import Testing
import Transformer

@testable import Evaluation

private let fixtures = FixtureFolder(bundle: .module)
private let storiesGGUF = fixtures.path("stories260K.gguf")

@Suite(.serialized) struct GGUFModelTests {
    @Test func theConfigurationIsTheFoldersOne() throws {
        let gguf = try GGUFModel(path: storiesGGUF)
        let fromGGUF = try ModelConfiguration(config: gguf.config)
        let fromFolder = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        #expect(fromGGUF == fromFolder)
        #expect(gguf.architecture == "llama")
    }

    @Test func everyTensorEqualsTheFoldersUnderItsHuggingFaceName() throws {
        let gguf = try GGUFModel(path: storiesGGUF)
        let folder = try CheckpointWeights(directory: bundledModel)
        #expect(Set(gguf.tensorNames) == Set(folder.tensorNames))
        for name in gguf.tensorNames {
            #expect(gguf.shape(of: name) == folder.shape(of: name), "\(name)")
            #expect(try gguf.floats(name).map(\.bitPattern) == folder.floats(name).map(\.bitPattern), "\(name)")
        }
    }

    @Test func unpermutingRowsInvertsLlamaCppsPermutation() {
        // llama.cpp: w.reshape(heads, 2, d/2, cols).swapaxes(1, 2): row h·d + 2j + t holds HF row h·d + t·d/2 + j.
        let heads = 3, d = 4, cols = 2
        let hf = (0..<(heads * d * cols)).map(Float.init)
        var permuted = [Float](repeating: 0, count: hf.count)
        for h in 0..<heads {
            for t in 0..<2 {
                for j in 0..<(d / 2) {
                    for c in 0..<cols {
                        permuted[(h * d + 2 * j + t) * cols + c] = hf[(h * d + t * d / 2 + j) * cols + c]
                    }
                }
            }
        }
        #expect(permuted != hf)
        #expect(GGUFModel.reversePermutedRows(permuted, rows: heads * d, heads: heads) == hf)
    }

    @Test func itEvaluatesBitForBitLikeTheFolder() throws {
        let fromGGUF = try LoadedModel(directory: storiesGGUF, threads: 2)
        let fromFolder = try LoadedModel(directory: bundledModel, threads: 2)
        #expect(fromGGUF.name == "stories260K")
        #expect(fromGGUF.bosTokenID == 1 && fromFolder.bosTokenID == 1)
        #expect(try fromGGUF.tokens(ofTextFile: bundledText) == fromFolder.tokens(ofTextFile: bundledText))
        let a = try perplexity(fromGGUF, windows: 3), b = try perplexity(fromFolder, windows: 3)
        #expect(a.bitPattern == b.bitPattern)
        let g = try fromGGUF.generateGreedy(prompt: "Once upon a time", maxNewTokens: 12)
        let f = try fromFolder.generateGreedy(prompt: "Once upon a time", maxNewTokens: 12)
        #expect(g.promptIDs == f.promptIDs && g.generatedIDs == f.generatedIDs && g.text == f.text)
    }

    @Test func itQuantizesThroughItsFolderLikeOnTheFlyQuantization() throws {
        let out = temporaryFolder("gguf-quantize")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.rule = .mse
        _ = try GGUFConversion.withModelFolder(storiesGGUF, near: out) { folder in
            #expect(folder != storiesGGUF)
            #expect(FileManager.default.fileExists(atPath: folder + "/tokenizer.json"))
            return try CheckpointQuantizer.run(modelDirectory: folder, outputDirectory: out, options: options)
        }
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(!siblings.contains { $0.contains((out as NSString).lastPathComponent + ".gguf-source") })
        for file in ["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let stored = try LoadedModel(directory: out, threads: 2)
        let onTheFly = try LoadedModel(directory: storiesGGUF, threads: 2)
        var settings = EvaluationSettings()
        settings.weights = .nvfp4
        settings.rule = .mse
        settings.skipRagged = true
        try onTheFly.model.apply(try settings.quantization(for: onTheFly))
        try stored.model.apply(try EvaluationSettings().quantization(for: stored))
        #expect(stored.bosTokenID == 1)
        #expect(try perplexity(stored).bitPattern == perplexity(onTheFly).bitPattern)
    }

    @Test func theBOSPolicyDecidesTheWindows() throws {
        let auto = try LoadedModel(directory: bundledModel, threads: 2)
        #expect(
            auto.bos.description
                == "BOS 1 \"<s>\" (auto: tokenizer_config.json LlamaTokenizer: add_bos_token true, add_eos_token false)"
        )
        let never = try LoadedModel(directory: bundledModel, threads: 2, bos: .never)
        #expect(never.bosTokenID == nil && never.bos.description == "no BOS (never)")
        let tokens = try never.tokens(ofTextFile: bundledText)
        #expect(tokens == Array(try auto.tokens(ofTextFile: bundledText).dropFirst()))
        // Without BOS: windows of `context` tokens, each window's first token context only.
        let r = try Perplexity.evaluate(model: never.model, tokens: tokens, bos: nil, context: 64, windows: 2)
        #expect(r.tokens == 2 * 63)
        #expect(try LoadedModel(directory: storiesGGUF, threads: 2, bos: .always).bosTokenID == 1)
    }
}
