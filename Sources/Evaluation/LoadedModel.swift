// Loading a model folder for evaluation: its configuration, its weights (through
// `CheckpointWeights`, so a quantized checkpoint of either convention loads too) and its
// tokenizer, and reading a text as the model's token stream.
//
// Promises: a missing folder or text is `CheckpointError.notFound` naming the path; a folder
// without tokenizer.json is an error saying the tokenizer is needed; `tokens(ofTextFile:)` is
// the text tokenized once with BOS (the config's, else the tokenizer's) first and no EOS.

import CheckpointQuantization
import Foundation
import ModelCore
import Tokenizers
import Transformer

/// A model folder loaded for evaluation.
public struct LoadedModel {
    public let directory: String
    public let name: String
    public let weights: CheckpointWeights
    public let model: TransformerModel
    public let tokenizer: Tokenizer

    public init(directory: String, threads: Int) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CheckpointError.notFound(path: directory)
        }
        self.directory = directory
        name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let configuration = try ModelConfiguration(contentsOf: directory + "/config.json")
        weights = try CheckpointWeights(directory: directory)
        model = try TransformerModel(configuration: configuration, weights: weights, threads: threads)
        let tokenizerPath = directory + "/tokenizer.json"
        guard FileManager.default.fileExists(atPath: tokenizerPath) else {
            throw TransformerError.invalidOption(
                "\(directory): no tokenizer.json (the tokenizer is needed to read text)")
        }
        tokenizer = try Tokenizer(contentsOf: tokenizerPath)
    }

    /// The token stream of a text file: BOS (config's, else the tokenizer's) first, no EOS.
    public func tokens(ofTextFile path: String) throws -> [Int] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckpointError.notFound(path: path)
        }
        let text = String(decoding: data, as: UTF8.self)
        var ids = tokenizer.encode(text)
        if let bos = bosTokenID { ids.insert(bos, at: 0) }
        return ids
    }

    public var bosTokenID: Int? { model.configuration.bosTokenID ?? tokenizer.bosTokenID }
}
