// Shared helpers of the Transformer tests: loading the repository's bundled model and text, and
// seeded values.

import Foundation
import ModelCore
import TestSupport
import Tokenizers

@testable import Transformer

/// The bundled model, loaded from its safetensors file.
func loadBundledModel(threads: Int = 2) throws -> TransformerModel {
    let configuration = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
    return try TransformerModel(
        configuration: configuration,
        weights: try SafeTensorsWeights(path: bundledModel + "/model.safetensors"),
        threads: threads)
}

/// The bundled model's tokenizer.
func loadBundledTokenizer() throws -> Tokenizer {
    try Tokenizer(contentsOf: bundledModel + "/tokenizer.json")
}

/// The bundled text's tokens, BOS first (the evaluation stream), tokenized once per process.
func bundledTokens() throws -> [Int] { try bundledTokenStream.get() }

private let bundledTokenStream: Result<[Int], Error> = Result {
    let text = try String(contentsOfFile: bundledText, encoding: .utf8)
    return try loadBundledTokenizer().encode(text, addBOS: true)
}

/// Seeded values in [-1, 1).
func seededValues(_ count: Int, seed: UInt64) -> [Float] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in rng.signedUniform() }
}

/// Relative difference |a − b| / |b|.
func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }
