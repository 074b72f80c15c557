// The layer-by-layer flow on a small random Llama model: RTN equals the checkpoint quantizer's
// arithmetic (fused amax), AWQ with α = 0 equals RTN, folding scales (o's into v included)
// leaves the float model's logits unchanged (within 1e-4 relative), GPTQ (in activation order
// too) and AWQ lower the layers' output error, and bad input is one clear error.

import BlockQuantization
import CPUKernels
import Foundation
import ModelCore
import TestSupport
import Testing
import Transformer

@testable import PostTrainingQuantization

@Suite struct SequentialQuantizationTests {
    static let configuration = ModelConfiguration(
        hiddenSize: 32, intermediateSize: 48, layerCount: 2, headCount: 4,
        keyValueHeadCount: 2, vocabularySize: 64)

    static func model(seed: UInt64 = 7) -> DictionaryWeights {
        let c = configuration
        var rng = SplitMix64(seed: seed)
        var t: [String: (shape: [Int], values: [Float])] = [:]
        t["model.embed_tokens.weight"] = (
            [c.vocabularySize, c.hiddenSize], rng.normals(c.vocabularySize * c.hiddenSize)
        )
        for i in 0..<c.layerCount {
            let p = "model.layers.\(i)."
            t[p + "input_layernorm.weight"] = ([c.hiddenSize], (0..<c.hiddenSize).map { _ in 0.5 + rng.uniform() })
            t[p + "post_attention_layernorm.weight"] = (
                [c.hiddenSize], (0..<c.hiddenSize).map { _ in 0.5 + rng.uniform() }
            )
            for slot in LinearSlot.allCases {
                let s = c.linearShape(slot)
                t[p + slot.moduleSuffix + ".weight"] = (s, rng.normals(s[0] * s[1], scale: 0.2))
            }
        }
        t["model.norm.weight"] = ([c.hiddenSize], [Float](repeating: 1, count: c.hiddenSize))
        t["lm_head.weight"] = (
            [c.vocabularySize, c.hiddenSize], rng.normals(c.vocabularySize * c.hiddenSize, scale: 0.2)
        )
        return DictionaryWeights(t)
    }

    static func windows(_ count: Int, length: Int = 24, seed: UInt64 = 8) -> [[Int]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in [1] + (1..<length).map { _ in rng.below(64) } }
    }

    static func fused(_ m: String) -> String? {
        if m.hasSuffix("_proj") && ["q_proj", "k_proj", "v_proj"].contains(where: m.hasSuffix) {
            return m.replacingOccurrences(of: m.split(separator: ".").last!, with: "{qkv}")
        }
        if m.hasSuffix("gate_proj") || m.hasSuffix("up_proj") {
            return m.replacingOccurrences(of: m.split(separator: ".").last!, with: "{gate,up}")
        }
        return nil
    }

    static func run(_ settings: PTQSettings, weights: DictionaryWeights = model(), windows: [[Int]] = windows(6)) throws
        -> PTQResult
    {
        try SequentialQuantization.run(
            configuration: configuration, weights: weights, windows: windows,
            quantize: { _, inFeatures in inFeatures % 16 == 0 }, fusedGroup: fused,
            settings: settings, threads: 2)
    }

    @Test func rtnIsTheCheckpointQuantizersArithmetic() throws {
        let weights = Self.model()
        var settings = PTQSettings()
        settings.rule = .mse
        let result = try Self.run(settings, weights: weights)
        #expect(result.modules.count == 14 && result.replacedTensors.isEmpty)
        for i in 0..<2 {
            let p = "model.layers.\(i)."
            for group in [
                ["q_proj", "k_proj", "v_proj"].map { "self_attn." + $0 }, ["self_attn.o_proj"],
                ["mlp.gate_proj", "mlp.up_proj"], ["mlp.down_proj"],
            ] {
                let amax = try group.map {
                    try weights.floats(p + $0 + ".weight").reduce(Float(0)) { max($0, abs($1)) }
                }.max()!
                for m in group {
                    let shape = weights.shape(of: p + m + ".weight")!
                    let expected = try ReferenceQuantizer.quantize(
                        try weights.floats(p + m + ".weight"), rows: shape[0],
                        cols: shape[1], config: settings.config, amax: amax)
                    #expect(try result.modules[p + m]!.quantized() == expected, "\(p + m)")
                }
            }
        }
        #expect(result.reports.allSatisfy { $0.outputErrorVsRTN == 1 })
    }

    /// With a spill file the finished modules keep only their headers in memory and read back
    /// the same tensors (and AWQ's changed weights), bit for bit; the file is unlinked at once
    /// (nothing in the folder).
    @Test(arguments: [PTQMethod.gptq, .awq])
    func spilledModulesReadBackTheSameTensors(_ method: PTQMethod) throws {
        let dir = NSTemporaryDirectory() + "fouroversix-spill-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var settings = PTQSettings()
        settings.method = method
        settings.rule = .mse
        let inMemory = try Self.run(settings)
        let spill = try QuantizedTensorSpill(directory: dir)
        let spilled = try SequentialQuantization.run(
            configuration: Self.configuration, weights: Self.model(), windows: Self.windows(6),
            quantize: { _, inFeatures in inFeatures % 16 == 0 }, fusedGroup: Self.fused, settings: settings,
            threads: 2, spill: spill)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        #expect(spilled.modules.count == inMemory.modules.count && !spilled.modules.isEmpty)
        for (m, module) in spilled.modules {
            #expect(module.header.codes.isEmpty && module.header.scales.isEmpty)
            let expected = inMemory.modules[m]!
            #expect(try module.quantized() == expected.quantized(), "\(m)")
            #expect(try !expected.quantized().codes.isEmpty)
            #expect(module.hasBasis == (method == .awq) && expected.hasBasis == module.hasBasis)
            #expect(try module.basis() == expected.basis(), "\(m)")
        }
    }

    @Test func awqWithAlphaZeroIsRTN() throws {
        var awq = PTQSettings()
        awq.method = .awq
        awq.awqGrid = [0]
        let a = try Self.run(awq), r = try Self.run(PTQSettings())
        #expect(a.replacedTensors.isEmpty)
        for (m, q) in r.modules { #expect(try a.modules[m]!.quantized() == q.quantized(), "\(m)") }
    }

    @Test func methodsLowerTheOutputErrorAndGPTQSweepIsAtLeastFrozen() throws {
        var gptq = PTQSettings()
        gptq.method = .gptq
        let g = try Self.run(gptq)
        let gMean = g.reports.map(\.outputErrorVsRTN).reduce(0, +) / Double(g.reports.count)
        #expect(gMean < 1, "GPTQ mean output error vs RTN \(gMean)")
        gptq.gptqActOrder = true
        let ordered = try Self.run(gptq)
        let oMean = ordered.reports.map(\.outputErrorVsRTN).reduce(0, +) / Double(ordered.reports.count)
        #expect(oMean < 1, "GPTQ in activation order: mean output error vs RTN \(oMean)")
        #expect(ordered.modules.contains { g.modules[$0.key]!.header != $0.value.header })
        var awq = PTQSettings()
        awq.method = .awq
        let a = try Self.run(awq)
        // AWQ never does worse than α = 0 (RTN) on the sample it searches on: down and o are
        // groups of one.
        for r in a.reports where r.module.hasSuffix("down_proj") || r.module.hasSuffix("o_proj") {
            #expect(r.outputErrorVsRTN <= 1 + 1e-9, "\(r.module)")
            #expect(r.alpha != nil, "\(r.module) was not searched")
        }
        let aMean = a.reports.map(\.outputErrorVsRTN).reduce(0, +) / Double(a.reports.count)
        #expect(aMean < 1, "AWQ mean output error vs RTN \(aMean)")
        #expect(!a.replacedTensors.isEmpty)
        awq.awqClip = true
        let clipped = try Self.run(awq)
        let cMean = clipped.reports.map(\.outputErrorVsRTN).reduce(0, +) / Double(clipped.reports.count)
        #expect(cMean < aMean, "AWQ with clipping \(cMean) vs without \(aMean)")
    }

    /// SmoothQuant's α search keeps the α with the smallest W4A4 output error of the group: on
    /// inputs with outlier channels it does no worse than the fixed α = 0.5 (on the grid) and
    /// strictly better than α = 0 (weights' range alone).
    @Test func smoothQuantSearchKeepsTheSmallestW4A4Error() throws {
        let c = Self.configuration
        let layer = try LayerWeights(provider: Self.model(), layer: 0, configuration: c)
        var rng = SplitMix64(seed: 11)
        let (rows, width) = (256, c.hiddenSize)
        var x = rng.normals(rows * width)
        for r in 0..<rows { for ch in [3, 17] { x[r * width + ch] *= 40 } }  // outlier channels
        var stats = InputStatistics(width: width, collectGram: false, sampleEvery: 1)
        stats.add(x, rows: rows, threads: 1)
        var settings = PTQSettings()
        settings.method = .smoothquant
        settings.scheme = .w4a4
        func chosen(_ alpha: Double?) throws -> (scales: [Float], alpha: Double) {
            var l = layer
            settings.smoothQuantAlpha = alpha
            return try #require(
                try ScaleFolding.transform(
                    group: .mlp, selected: [.gate, .up], layer: &l, statistics: stats, settings: settings,
                    prefix: "model.layers.0.", fusedGroup: Self.fused, threads: 1))
        }
        func error(_ s: [Float]) throws -> Double {
            let targets = Dictionary(
                uniqueKeysWithValues: [LinearSlot.gate, .up].map {
                    ($0, ScaleFolding.floatOutput($0, layer: layer, stats))
                })
            return try ScaleFolding.w4a4Error(
                s, selected: [.gate, .up], layer: layer, statistics: stats, targets: targets, settings: settings,
                prefix: "model.layers.0.", fusedGroup: Self.fused, threads: 1)
        }
        let searched = try chosen(nil), half = try chosen(0.5), zero = try chosen(0)
        #expect((0...20).map { Double($0) / 20 }.contains(searched.alpha))
        #expect(try error(searched.scales) <= error(half.scales))
        #expect(try error(searched.scales) < error(zero.scales), "searched α \(searched.alpha)")
    }

    @Test func foldedFloatModelGivesTheSameLogits() throws {
        let c = Self.configuration
        let weights = Self.model()
        let tokens = Self.windows(1)[0]
        let before = try TransformerModel(configuration: c, weights: weights, threads: 1).logits(tokens: tokens)
        var changed = weights.tensors
        var rng = SplitMix64(seed: 9)
        for i in 0..<c.layerCount {
            var layer = try LayerWeights(provider: weights, layer: i, configuration: c)
            for group in [InputGroup.down, .output, .attention, .mlp] {
                let width = c.linearShape(group.slots[0])[1]
                var s = (0..<width).map { _ in 0.25 + 4 * rng.uniform() }
                // o's scales: one per v row, shared by the query heads reading it.
                if group == .output { s = s.indices.map { s[layer.valueRow(ofOutputColumn: $0)] } }
                ScaleFolding.fold(s, group: group, layer: &layer)
            }
            let p = "model.layers.\(i)."
            for slot in LinearSlot.allCases {
                changed[p + slot.moduleSuffix + ".weight"]!.values = layer.weights[slot.rawValue]
            }
            changed[p + "input_layernorm.weight"]!.values = layer.norms.input
            changed[p + "post_attention_layernorm.weight"]!.values = layer.norms.postAttention
        }
        let after = try TransformerModel(configuration: c, weights: DictionaryWeights(changed), threads: 1).logits(
            tokens: tokens)
        var worst: Float = 0, scale: Float = 0
        for (x, y) in zip(before, after) { worst = max(worst, abs(x - y)); scale = max(scale, abs(x)) }
        #expect(worst <= 1e-4 * scale, "max |Δlogit| \(worst), max |logit| \(scale)")
        #expect(worst > 0 || before == after)
    }

    @Test func badInputIsOneClearError() throws {
        var sq = PTQSettings()
        sq.method = .smoothquant
        #expect(
            throws: PTQError.invalidOption(
                "--method smoothquant only applies to --scheme w4a4 (it moves activation outliers into the weights)")
        ) {
            try Self.run(sq)
        }
        var output = PTQSettings()
        output.rule = .static6
        output.selection = .output
        #expect(throws: PTQError.self) { try Self.run(output) }
        var clip = PTQSettings()
        clip.awqClip = true
        #expect(throws: PTQError.invalidOption("--awq-clip applies to --method awq")) { try Self.run(clip) }
        var ordered = PTQSettings()
        ordered.gptqActOrder = true
        #expect(throws: PTQError.invalidOption("--gptq-act-order applies to --method gptq")) { try Self.run(ordered) }
        var broken = Self.model()
        broken.tensors["model.layers.1.input_layernorm.weight"]!.values[3] = .nan
        #expect(throws: PTQError.nonFiniteActivations(module: "model.layers.1.self_attn.q_proj")) {
            try Self.run(PTQSettings(), weights: broken)
        }
        #expect(throws: PTQError.calibrationTooShort(tokens: 10, context: 512)) {
            _ = try CalibrationWindows.windows(of: Array(repeating: 5, count: 10), bos: 1, context: 512, limit: 128)
        }
    }
}
