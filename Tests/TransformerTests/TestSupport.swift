// Shared helpers of the Transformer tests: the repository's bundled model and text, loading,
// and a seeded generator.

import Foundation
import ModelCore
import Tokenizers
@testable import Transformer

/// The repository root (three levels above this file).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The bundled stories260K model folder.
let bundledModel = repositoryRoot + "/Models/stories260K"
/// The bundled evaluation text.
let bundledText = repositoryRoot + "/Data/tinystories-sample.txt"

/// The bundled model, loaded from its safetensors file.
func loadBundledModel(threads: Int = 2) throws -> TransformerModel {
    let configuration = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
    return try TransformerModel(configuration: configuration,
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
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}

/// Relative difference |a − b| / |b|.
func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }
