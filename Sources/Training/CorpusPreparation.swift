// From a plain-text file to a tokenized, split corpus: train a byte-level BPE on the text
// (or load a given tokenizer.json), tokenize the whole text once, split it.
//
// Promises: the tokenizer files are kept as bytes (`tokenizerFiles`, written into every
// checkpoint) and the tokens come from this project's `Tokenizer` loading exactly those
// bytes, so training and `fouroversix eval` tokenize alike. With a trained BPE the special
// token `<|endoftext|>` is BOS; a loaded tokenizer must define a BOS token. The split uses
// blocks of 4096 tokens unless the text is too short for 4 validation blocks of that size;
// then blocks shrink (to no fewer than 256 tokens) so that there are.

import Foundation
import Tokenizers

public struct PreparedCorpus: Sendable {
    public let textPath: String
    public let corpus: TokenCorpus
    public let vocabularySize: Int
    public let bosID: Int
    public let eosID: Int?
    /// File name → contents (tokenizer.json, tokenizer_config.json).
    public let tokenizerFiles: [String: Data]
    public let textBytes: Int
    public let preparationSeconds: Double

    /// "austen.txt (4.0 MB, 2778511 tokens; blocks of 4096 tokens, every 20th held out: …
    /// training and … validation tokens)", as `train` and `experiment pretrain` print it.
    public var summary: String {
        let name = (textPath as NSString).lastPathComponent
        let c = corpus
        return "\(name) (\(String(format: "%.1f", Double(textBytes) / 1e6)) MB, \(c.tokens.count) tokens; "
            + "blocks of \(c.blockTokens) tokens, every \(c.validationEvery)th held out: "
            + "\(c.trainingTokenCount) training and \(c.validationTokenCount) validation tokens)"
    }
}

public enum CorpusPreparation {
    /// - Parameters:
    ///   - vocabularySize: BPE size to train (ignored with `tokenizerPath`).
    ///   - tokenizerPath: an existing tokenizer.json to use instead of training one.
    public static func prepare(
        textPath: String, vocabularySize: Int, tokenizerPath: String? = nil,
        blockTokens: Int? = nil, validationEvery: Int = 20
    ) throws -> PreparedCorpus {
        let start = Date()
        guard let data = FileManager.default.contents(atPath: textPath) else {
            throw TrainingError.corpus(path: textPath, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TrainingError.corpus(path: textPath, reason: "not UTF-8 text")
        }
        var files: [String: Data] = [:]
        if let tokenizerPath {
            guard let json = FileManager.default.contents(atPath: tokenizerPath) else {
                throw TrainingError.corpus(path: tokenizerPath, reason: "cannot read the tokenizer")
            }
            files["tokenizer.json"] = json
            let dir = (tokenizerPath as NSString).deletingLastPathComponent
            for extra in ["tokenizer_config.json", "special_tokens_map.json"] {
                if let d = FileManager.default.contents(atPath: "\(dir)/\(extra)") { files[extra] = d }
            }
        } else {
            let bpe = BPETrainer.train(text: text, vocabularySize: vocabularySize)
            files["tokenizer.json"] = try JSONSerialization.data(
                withJSONObject: bpe.tokenizerJSON(), options: [.sortedKeys])
            files["tokenizer_config.json"] = try JSONSerialization.data(
                withJSONObject: bpe.tokenizerConfigJSON(),
                options: [.prettyPrinted, .sortedKeys])
        }
        // Load through the project's Tokenizer from a scratch folder holding exactly these files.
        let scratch =
            NSTemporaryDirectory()
            + "fouroversix-tokenizer-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for (name, d) in files { try d.write(to: URL(fileURLWithPath: "\(scratch)/\(name)")) }
        let tokenizer = try Tokenizer(contentsOf: "\(scratch)/tokenizer.json")
        guard let bos = tokenizer.bosTokenID else {
            throw TrainingError.corpus(path: tokenizerPath ?? textPath, reason: "the tokenizer defines no BOS token")
        }
        let ids = tokenizer.encode(text)
        let tokens = ids.map { Int32($0) }
        let block = blockTokens ?? min(4096, max(256, tokens.count / (4 * validationEvery)))
        let corpus = TokenCorpus(
            tokens: tokens, bosID: Int32(bos), blockTokens: block, validationEvery: validationEvery)
        guard corpus.trainingTokenCount > 0, corpus.validationTokenCount > 0 else {
            throw TrainingError.corpus(
                path: textPath,
                reason:
                    "too short: \(tokens.count) tokens do not make both a training and a validation part "
                    + "(blocks of \(block), every \(validationEvery)th for validation)"
            )
        }
        return PreparedCorpus(
            textPath: textPath, corpus: corpus, vocabularySize: tokenizer.vocabularySize, bosID: bos,
            eosID: tokenizer.eosTokenID, tokenizerFiles: files, textBytes: data.count,
            preparationSeconds: Date().timeIntervalSince(start))
    }
}
