// Loading a model for evaluation — a model folder or a GGUF file: its configuration, its weights
// (through `CheckpointWeights`, so a quantized checkpoint of either convention and a GGUF file
// load too) and its tokenizer, and reading a text as the model's token stream.
//
// Promises: a missing folder or text is `CheckpointError.notFound` naming the path; a folder
// without tokenizer.json is an error saying the tokenizer is needed; a GGUF file (recognized by
// its magic) is read through ModelFolder's `GGUFModel` (config from its metadata, tensors under
// Hugging Face names, memory-mapped) with the tokenizer its metadata describes; `bos` is decided
// once by `BOSChoice` (the tokenizer's rule unless forced); `tokens(ofTextFile:)` is the text
// tokenized once with that BOS (if any) first and no EOS, and refuses a text too short for one
// window; `checkContext` refuses windows longer than the model's max_position_embeddings unless
// allowed.

import CheckpointQuantization
import Foundation
import GGUF
import ModelCore
import ModelFolder
import Tokenizers
import Transformer

/// A model folder or GGUF file loaded for evaluation.
public struct LoadedModel {
    /// The path as given (a folder or a .gguf file).
    public let directory: String
    public let name: String
    public let weights: CheckpointWeights
    public let model: TransformerModel
    public let tokenizer: Tokenizer
    /// The BOS token runs put first, and why.
    public let bos: BOSChoice

    public init(directory: String, threads: Int, bos policy: BOSPolicy = .auto) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw CheckpointError.notFound(path: directory)
        }
        self.directory = directory
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let configuration: ModelConfiguration
        if !isDirectory.boolValue && GGUFModel.isGGUF(directory) {
            name = url.deletingPathExtension().lastPathComponent
            let gguf = try GGUFModel(path: directory)
            configuration = try ModelConfiguration(config: gguf.config)
            weights = CheckpointWeights(gguf: gguf)
            tokenizer = try Tokenizer(gguf: gguf.file)
        } else {
            guard isDirectory.boolValue else { throw CheckpointError.notFound(path: directory) }
            name = url.lastPathComponent
            guard FileManager.default.fileExists(atPath: directory + "/config.json") else {
                throw ModelFolderError.missingConfig(directory: directory)  // worded as every command words it
            }
            configuration = try ModelConfiguration(contentsOf: directory + "/config.json")
            weights = try CheckpointWeights(directory: directory)
            let tokenizerPath = directory + "/tokenizer.json"
            guard FileManager.default.fileExists(atPath: tokenizerPath) else {
                throw TransformerError.invalidOption(
                    "\(directory): no tokenizer.json (the tokenizer is needed to read text)")
            }
            tokenizer = try Tokenizer(contentsOf: tokenizerPath)
        }
        model = try TransformerModel(configuration: configuration, weights: weights, threads: threads)
        bos = try BOSChoice(policy: policy, tokenizer: tokenizer, configuration: configuration)
    }

    /// The token stream of a text file: the chosen BOS (if any) first, no EOS.
    /// A text too short for one window with a predicted token (one token after BOS, two without
    /// BOS) is an error saying how many tokens `purpose` ("perplexity", "calibration") needs.
    public func tokens(ofTextFile path: String, purpose: String = "perplexity") throws -> [Int] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckpointError.notFound(path: path)
        }
        let text = String(decoding: data, as: UTF8.self)
        var ids = tokenizer.encode(text)
        let needed = bosTokenID == nil ? 2 : 1
        guard ids.count >= needed else {
            throw EvaluationError.textTooShort(path: path, tokens: ids.count, needed: needed, purpose: purpose)
        }
        if let bos = bosTokenID { ids.insert(bos, at: 0) }
        return ids
    }

    /// Refuses windows longer than the model's `max_position_embeddings` (positions it was never
    /// trained on give meaningless numbers, slowly) unless `allowLong`; `option` names the option.
    public func checkContext(_ context: Int, option: String, allowLong: Bool) throws {
        guard !allowLong, let limit = model.configuration.maxPositionEmbeddings, context > limit else { return }
        throw EvaluationError.invalidOption(
            "\(option) \(context) is longer than the model's max_position_embeddings (\(limit)); "
                + "pass --allow-long-context to run it anyway")
    }

    /// The BOS id runs put first (nil: none).
    public var bosTokenID: Int? { bos.id }
}
