// The rule that decides which Linear modules NVFP4 quantization leaves alone, written once for
// `quantize` (CheckpointQuantization) and evaluation (Transformer), so that a checkpoint that
// `quantize` writes evaluates exactly like quantizing on the fly with the same options.
//
// Promises: `ModulePatterns` compiles regular expressions once (NSRegularExpression, unanchored
// search over the whole module name) and `firstMatch` names the first pattern that matches; an
// invalid pattern is `InvalidPattern` naming it, for the caller to report in its own terms.
// `LayerSelectionRule.hasRaggedInput` is the "input dimension not a multiple of 16" rule
// (NVFP4 blocks of 16 along the input; engines cannot load other shapes).

import Foundation

/// Regular expressions over module names (`--exclude`, `--include`).
public struct ModulePatterns: @unchecked Sendable {
    /// A pattern that does not compile.
    public struct InvalidPattern: Error, Equatable, Sendable {
        public let pattern: String
    }

    public let patterns: [String]
    // NSRegularExpression is immutable after creation and safe to share between threads.
    private let regexes: [NSRegularExpression]

    public init(_ patterns: [String]) throws(InvalidPattern) {
        self.patterns = patterns
        var compiled: [NSRegularExpression] = []
        for p in patterns {
            guard let r = try? NSRegularExpression(pattern: p) else { throw InvalidPattern(pattern: p) }
            compiled.append(r)
        }
        regexes = compiled
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The first pattern that matches somewhere in `module`, or nil.
    public func firstMatch(in module: String) -> String? {
        let range = NSRange(module.startIndex..., in: module)
        return regexes.firstIndex { $0.firstMatch(in: module, range: range) != nil }.map { patterns[$0] }
    }
}

public enum LayerSelectionRule {
    /// Input dimensions must be multiples of this (the NVFP4 block length).
    public static let inputMultiple = 16

    /// True when a Linear module with `inFeatures` inputs cannot be stored as NVFP4.
    public static func hasRaggedInput(inFeatures: Int) -> Bool { inFeatures % inputMultiple != 0 }
}
