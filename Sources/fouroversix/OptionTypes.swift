// Command-line spellings of the core's enums, and the quantization options several
// commands share.
//
// Promises: the spellings are the spec's (`nvfp4`, `static_6`, `abs_max`, …); an invalid
// (format, rule) pair is rejected during validation with the list of valid rules; a seed that
// is not a whole number from 0 to 2^64 − 1 (e.g. -5) gets a message saying so.

import ArgumentParser
import BlockQuantization

extension BlockFormat: ExpressibleByArgument {}
extension ScaleRule: ExpressibleByArgument {}

enum RoundingName: String, ExpressibleByArgument, CaseIterable {
    case nearest, stochastic
    case stochasticUnbiased = "stochastic-unbiased"

    func rounding(seed: UInt64) -> Rounding {
        switch self {
        case .nearest: return .nearest
        case .stochastic: return .stochastic(seed: seed)
        case .stochasticUnbiased: return .stochasticUnbiased(seed: seed)
        }
    }
}

struct QuantizationOptions: ParsableArguments {
    @Option(help: "Block format: nvfp4, mxfp4, nvint4 or if4.")
    var format: BlockFormat = .nvfp4

    @Option(help: "Scale rule: static_6 (standard NVFP4), static_4, mse (4/6, default), mae, abs_max.")
    var rule: ScaleRule?

    @Option(
        help: """
            Element rounding: nearest, stochastic (4/6 and IF4 choose from the stochastic errors, as the reference \
            does) or stochastic-unbiased (they choose from the round-to-nearest errors, then round stochastically).
            """
    )
    var rounding: RoundingName = .nearest

    @Option(
        parsing: .unconditional, help: "Seed of stochastic rounding (results are reproducible for a seed).",
        transform: parseSeed)
    var seed: UInt64 = 0

    @Flag(help: "Apply the 16-point random Hadamard transform before quantizing.")
    var rht = false

    @Flag(help: "Quantize the transpose (blocks run down the original columns).")
    var transpose = false

    @Flag(name: .customLong("block-2d"), help: "One scale per 16×16 tile (32×32 for MXFP4).")
    var block2D = false

    var config: QuantizationConfig {
        QuantizationConfig(
            format: format, rule: rule,
            rounding: rounding.rounding(seed: seed),
            transpose: transpose, rht: rht, blockScale2D: block2D)
    }

    func validate() throws {
        do {
            try config.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// A seed option's value: a whole number from 0 to 2^64 − 1. Read unconditionally, so that a
/// negative number reaches here (and gets this message) instead of being taken for an option.
func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text) else {
        throw ValidationError("a seed is a whole number from 0 to \(UInt64.max), not '\(text)'")
    }
    return seed
}
