// Bit-exact pins of the engine's results on the bundled stories260K model: perplexity NLLs as
// Double bit patterns, logits as a digest of every float32 bit pattern plus a few values, for the
// plain model, the KV-cache path, the configuration variants (GQA is the bundled model's own:
// 8 heads, 4 key/value heads) and each evaluation quantization. Moving or refactoring the
// forward pass must keep every one of these bits; the values were recorded on this project's
// x86-64 machines, whose GEMM kernel is AVX2/FMA (the portable kernel rounds differently, so
// the pins name the kernel they hold for).

import BlockQuantization
import CPUKernels
import CheckpointQuantization
import ModelCore
import TestSupport
import Testing

@testable import Transformer

/// FNV-1a over the bit patterns of `values` (order-sensitive).
func bitDigest(_ values: [Float]) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for v in values {
        var b = v.bitPattern
        for _ in 0..<4 {
            h = (h ^ UInt64(b & 0xFF)) &* 0x100_0000_01B3
            b >>= 8
        }
    }
    return h
}

@Suite struct ExactValuePinTests {
    let fused: @Sendable (String) -> String? = { FusedGroups.key(of: $0) }

    init() {
        #expect(GEMMKernel.selected == .avx2FMA, "the pins below were recorded with the AVX2/FMA GEMM kernel")
    }

    func nll(_ model: TransformerModel, context: Int, windows: Int) throws -> (bits: UInt64, tokens: Int) {
        let r = try Perplexity.evaluate(
            model: model, tokens: try bundledTokens(), bos: 1, context: context, windows: windows)
        return (r.negativeLogLikelihood.bitPattern, r.tokens)
    }

    @Test func plainPerplexityAndLogits() throws {
        let model = try loadBundledModel()
        let a = try nll(model, context: 128, windows: 3)
        #expect(a.tokens == 381 && a.bits == 0x4083_4658_ace7_539e, "NLL bits 0x\(String(a.bits, radix: 16))")
        let b = try nll(model, context: 64, windows: 4)
        #expect(b.tokens == 252 && b.bits == 0x407e_55f1_008d_d890, "NLL bits 0x\(String(b.bits, radix: 16))")
        let r = try Perplexity.evaluate(model: model, tokens: try bundledTokens(), bos: 1, context: 128, windows: 3)
        #expect(
            r.perplexity == 5.047434269106637 && r.perplexity.bitPattern == 0x4014_3092_9bea_1737,
            "perplexity \(r.perplexity) bits 0x\(String(r.perplexity.bitPattern, radix: 16))")

        let tokens = Array(try bundledTokens().prefix(24))
        let logits = try model.logits(tokens: tokens)
        #expect(bitDigest(logits) == 0x3e1c_2ba9_8f17_af32, "digest 0x\(String(bitDigest(logits), radix: 16))")
        let picks = [0, 511, 5_000, logits.count - 1].map { logits[$0].bitPattern }
        #expect(
            picks == [0xc0c7_2219, 0xc08c_fa00, 0x4153_062b, 0xc0f9_640e],
            "\(picks.map { "0x" + String($0, radix: 16) })")

        // The KV-cache path (one token at a time after a 5-token prompt) gives the same bits.
        let cache = KVCache(configuration: model.configuration)
        var stepped: [Float] = try model.logits(tokens: Array(tokens.prefix(5)), cache: cache)
        for t in tokens.dropFirst(5) { stepped += try model.logits(tokens: [t], cache: cache) }
        #expect(bitDigest(stepped) == 0x3e1c_2ba9_8f17_af32, "cached digest 0x\(String(bitDigest(stepped), radix: 16))")
    }

    @Test func configurationVariants() throws {
        let base = try DictionaryWeights(copying: try SafeTensorsWeights(path: bundledModel + "/model.safetensors"))
        let tokens = Array(try bundledTokens().prefix(30))
        let plain = try ModelConfiguration(contentsOf: bundledModel + "/config.json")
        var digests: [UInt64] = []

        var c = plain
        c.slidingWindow = 8
        digests.append(bitDigest(try TransformerModel(configuration: c, weights: base).logits(tokens: tokens)))

        c = plain
        c.ropeScaling = .llama3(factor: 8, lowFrequencyFactor: 1, highFrequencyFactor: 4, originalMaxPositions: 64)
        digests.append(bitDigest(try TransformerModel(configuration: c, weights: base).logits(tokens: tokens)))

        c = plain
        c.ropeScaling = .linear(factor: 4)
        c.ropeTheta = 500_000
        digests.append(bitDigest(try TransformerModel(configuration: c, weights: base).logits(tokens: tokens)))

        // Qwen3-style QK-norm with non-unit gains; Qwen2-style q/k/v biases and a Llama o/MLP bias
        // (values from TestSupport's SplitMix64 through `seededValues`).
        c = plain
        c.qkNorm = true
        c.qkvBias = true
        c.outputBias = true
        c.mlpBias = true
        var t = base.tensors
        for l in 0..<c.layerCount {
            let p = "model.layers.\(l)."
            t[p + "self_attn.q_norm.weight"] = ([8], seededValues(8, seed: UInt64(10 + l)).map { 1 + $0 / 4 })
            t[p + "self_attn.k_norm.weight"] = ([8], seededValues(8, seed: UInt64(20 + l)).map { 1 + $0 / 4 })
            for (m, n) in [
                ("self_attn.q_proj", 64), ("self_attn.k_proj", 32), ("self_attn.v_proj", 32),
                ("self_attn.o_proj", 64), ("mlp.gate_proj", 172), ("mlp.up_proj", 172), ("mlp.down_proj", 64),
            ] {
                t[p + m + ".bias"] = ([n], seededValues(n, seed: UInt64(30 + l * 7 + n)).map { $0 / 10 })
            }
        }
        digests.append(
            bitDigest(try TransformerModel(configuration: c, weights: DictionaryWeights(t)).logits(tokens: tokens)))
        #expect(
            digests == [0x5ed7_1a7b_703c_1bc3, 0x47e4_8085_1f34_cad8, 0xdaae_1d07_a811_c020, 0xbb04_8a2c_4bfb_5818],
            "\(digests.map { "0x" + String($0, radix: 16) })")
    }

    @Test func quantizedEvaluation() throws {
        let model = try loadBundledModel()
        let mse = QuantizationConfig(format: .nvfp4, rule: .mse),
            s6 = QuantizationConfig(format: .nvfp4, rule: .static6)
        var results: [UInt64] = []
        // W4A16 (4/6 and static 6), skip-ragged as `quantize` does, fused groups sharing amax.
        let selection = try LinearSelection(skipRaggedInputs: true, fusedGroup: fused)
        try model.apply(EvaluationQuantization(weights: .block(mse), selection: selection))
        results.append(try nll(model, context: 64, windows: 2).bits)
        try model.apply(EvaluationQuantization(weights: .block(s6), selection: try LinearSelection(fusedGroup: fused)))
        results.append(try nll(model, context: 64, windows: 2).bits)
        // W4A4 with dynamic activation amax.
        try model.apply(EvaluationQuantization(weights: .block(s6), activations: .block(s6), selection: selection))
        results.append(try nll(model, context: 64, windows: 2).bits)
        // BF16 weights and activations.
        try model.apply(EvaluationQuantization(weights: .bfloat16, activations: .bfloat16))
        results.append(try nll(model, context: 64, windows: 2).bits)
        // W4A4 with calibrated activation amax (the calibration itself pinned too).
        try model.apply(.none)
        let table = try ActivationCalibration.inputAmax(
            model: model, tokens: try bundledTokens(), bos: 1, context: 64,
            windows: 3, fusedGroup: fused)
        let amaxDigest = bitDigest(table.keys.sorted().map { table[$0]! })
        try model.apply(
            EvaluationQuantization(
                weights: .block(mse), activations: .block(mse),
                activationScale: .calibrated(table), selection: selection))
        results.append(try nll(model, context: 64, windows: 2).bits)
        #expect(
            results == [
                0x406a_c511_2e72_196b, 0x406b_ef2b_40e5_5c4e, 0x406b_f5f4_1e01_3694, 0x4069_1f33_cb4d_8ad3,
                0x406a_d772_b68c_3b5d,
            ], "\(results.map { "0x" + String($0, radix: 16) })")
        #expect(amaxDigest == 0x7860_ba98_d4d7_ab64, "amax digest 0x\(String(amaxDigest, radix: 16))")
    }
}
