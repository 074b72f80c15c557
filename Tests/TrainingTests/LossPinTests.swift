// Bit-exact pins of the trainer's losses for a seed: the per-step training losses and the final
// validation loss of a 3-step run on the tiny test configuration, for BF16 and NVFP4 4/6, and the
// float32 loss of one batch. Any change to the forward or backward pass that moves a bit shows
// here. Recorded with the AVX2/FMA GEMM kernel (see TransformerTests/ExactValuePinTests.swift).
// Re-pinned once, when the trainer moved onto ModelCore's forward (RoPE with float32 angles,
// RMSNorm in float32 partial sums, expApprox softmax and SiLU): bf16 steps 2-3 and validation
// were 5.732354126870632, 5.601498946547508, 5.350710558705032; nvfp4-4over6 validation was
// 5.342020572163165; the float32 batch loss was 5.769146904349327.

import CPUKernels
import ModelCore
import Testing

@testable import Training

@Suite(.serialized) struct LossPinTests {
    init() {
        #expect(GEMMKernel.selected == .avx2FMA, "the pins below were recorded with the AVX2/FMA GEMM kernel")
    }

    func run(_ recipe: TrainingRecipe) throws -> [UInt64] {
        let o = TrainingRunTests.options(recipe, steps: 3)
        let summary = try Trainer(options: o, corpus: TrainingRunTests.corpus, outputDirectory: nil).run()
        #expect(summary.divergedAtStep == nil)
        return summary.records.map(\.loss.bitPattern) + [summary.validationLoss.bitPattern]
    }

    func hex(_ bits: [UInt64]) -> String {
        bits.map { "0x" + String($0, radix: 16) + " (\(Double(bitPattern: $0)))" }.joined(separator: ", ")
    }

    @Test func bf16RunLosses() throws {
        let bits = try run(.bf16)
        // 5.7725841999053955, 5.732354562729597, 5.60150770843029; validation 5.350711177103221.
        #expect(
            bits == [0x4017_1720_5000_0000, 0x4016_edee_5ac0_0000, 0x4016_67f1_a300_0000, 0x4015_6720_d4b0_0000],
            "\(hex(bits))")
    }

    @Test func nvfp4FourOverSixRunLosses() throws {
        let bits = try run(.nvfp4FourOverSix)
        // 5.772115919739008, 5.73283077031374, 5.600773740559816; validation 5.342020938172936.
        #expect(
            bits == [0x4017_16a5_8e40_0000, 0x4016_ee6b_3080_0000, 0x4016_6731_3b40_0000, 0x4015_5e3a_bca0_0000],
            "\(hex(bits))")
    }

    @Test func float32LossOfOneBatch() throws {
        let o = TrainingRunTests.options(.bf16, steps: 1)
        let p = ModelParameters.initialized(o.model, seed: 5)
        let batch = TrainingRunTests.corpus.corpus.validationBatches(
            sequenceLength: o.sequenceLength, batch: 2, limit: 1)[0]
        let loss = try DecoderModel(config: o.model, plan: .float32(layers: o.model.layerCount), threads: 2)
            .loss(parameters: p, batch: batch)
        #expect(
            loss.bitPattern == 0x4017_139b_4000_0000,  // 5.769146919250488
            "\(hex([loss.bitPattern]))")
    }
}
