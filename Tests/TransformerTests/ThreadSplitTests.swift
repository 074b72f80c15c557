// ModelCore's row kernels split their rows between threads above a work threshold; the split must
// not move a bit. The bundled model's pins run below the threshold, so these inputs are sized
// to cross it (2+ workers): RMSNorm with and without the kept 1/rms, RoPE over a batch of
// sequences (table rows modulo T) and its inverse, and a whole 512-token forward pass.

import ModelCore
import TestSupport
import Testing

@testable import Transformer

@Suite struct ThreadSplitTests {
    @Test func rmsNormRowsSplitWithoutChangingABit() {
        let rows = 1024, width = 64
        let x = seededValues(rows * width, seed: 1), w = seededValues(width, seed: 2).map { 1 + $0 / 2 }
        let one = RMSNorm.forward(x, weight: w, rows: rows, width: width, epsilon: 1e-5, keepingRMS: true, threads: 1)
        let four = RMSNorm.forward(x, weight: w, rows: rows, width: width, epsilon: 1e-5, keepingRMS: true, threads: 4)
        #expect(bitDifference(four.y, one.y) == nil)
        #expect(bitDifference(four.inverseRMS, one.inverseRMS) == nil)
        #expect(one.inverseRMS.count == rows)
        let plain = RMSNorm.forward(x, weight: w, rows: rows, width: width, epsilon: 1e-5, threads: 3)
        #expect(bitDifference(plain, one.y) == nil)
    }

    @Test func ropeRowsSplitWithoutChangingABit() throws {
        let c = try ModelConfiguration(contentsOf: bundledModel + "/config.json")  // head_dim 8
        let rotary = RotaryEmbedding(configuration: c)
        let t = 256, sequences = 4, heads = 8
        let (cos, sin) = rotary.table(positions: 0..<t)
        let x = seededValues(sequences * t * heads * 8, seed: 3)
        for inverse in [false, true] {
            var one = x, four = x
            one.withUnsafeMutableBufferPointer {
                rotary.apply(
                    $0.baseAddress!, rows: sequences * t, heads: heads, cos: cos, sin: sin, tableRows: t,
                    inverse: inverse, threads: 1)
            }
            four.withUnsafeMutableBufferPointer {
                rotary.apply(
                    $0.baseAddress!, rows: sequences * t, heads: heads, cos: cos, sin: sin, tableRows: t,
                    inverse: inverse, threads: 4)
            }
            #expect(bitDifference(four, one) == nil)
            // Every sequence starts again at position 0 (the identity rotation).
            #expect(
                bitDifference(
                    Array(four[(t * heads * 8)..<(t * heads * 8 + heads * 8)]),
                    Array(x[(t * heads * 8)..<(t * heads * 8 + heads * 8)])) == nil)
        }
    }

    @Test func aLongForwardPassDoesNotDependOnTheThreadCount() throws {
        let tokens = Array(try bundledTokens().prefix(512))
        let one = try loadBundledModel(threads: 1).logits(tokens: tokens)
        let four = try loadBundledModel(threads: 4).logits(tokens: tokens)
        #expect(bitDifference(four, one) == nil)
    }
}
