// `quantize` on tiny random checkpoints of each family, made by transformers' own classes
// (Tests/Fixtures/families, tools/moe-fixtures/make_fixtures.py): exactly the expected modules are
// quantized, every router / vision module / fused 3-D expert tensor is kept in its dtype and named
// in the ignore list, fused groups share one tensor scale per expert (not across experts), and a
// family we do not know is refused with the list of weights we would quantize.

import BlockFormats
import BlockQuantization
import CPUKernels
import Foundation
import ModelFolder
import SafeTensors
import TestSupport
import Testing

@testable import CheckpointQuantization

let familyFixtures = repositoryRoot + "/Tests/Fixtures/families"

/// What each fixture must come out as: module-name patterns of the quantized Linear weights and
/// of the modules kept and listed in the ignore list (both full matches over 2-D `.weight`
/// modules, or modules of 3-D tensors), plus the fused groups expected per expert.
struct FamilyExpectation: Sendable, CustomStringConvertible {
    var fixture: String
    var quantized: String
    var kept: String
    var description: String { fixture }
}

let familyExpectations: [FamilyExpectation] = [
    .init(
        fixture: "mixtral",
        quantized: #"model\.layers\.\d\.(self_attn\.[qkvo]_proj|block_sparse_moe\.experts\.\d\.w[123])"#,
        kept: #"model\.layers\.\d\.block_sparse_moe\.gate|lm_head"#),
    .init(
        fixture: "qwen2-moe",
        quantized:
            #"model\.layers\.\d\.(self_attn\.[qkvo]_proj|mlp\.(experts\.\d|shared_expert)\.(gate|up|down)_proj)"#,
        kept: #"model\.layers\.\d\.mlp\.(gate|shared_expert_gate)|lm_head"#),
    .init(
        fixture: "qwen3-moe",
        quantized: #"model\.layers\.\d\.(self_attn\.[qkvo]_proj|mlp\.experts\.\d\.(gate|up|down)_proj)"#,
        kept: #"model\.layers\.\d\.mlp\.gate|lm_head"#),
    .init(
        fixture: "deepseek-v3",
        quantized:
            #"model\.layers\.\d\.(self_attn\.(q_a_proj|q_b_proj|kv_a_proj_with_mqa|kv_b_proj|o_proj)"#
            + #"|mlp\.((experts\.\d|shared_experts)\.)?(gate|up|down)_proj)"#,
        kept: #"model\.layers\.1\.mlp\.gate|lm_head"#),
    .init(
        fixture: "gpt-oss", quantized: #"model\.layers\.\d\.self_attn\.[qkvo]_proj"#,
        kept: #"model\.layers\.\d\.mlp\.(router|experts)|lm_head"#),
    .init(
        fixture: "nemotron-h",
        quantized:
            #"backbone\.layers\.\d\.mixer\.(in_proj|out_proj|[qkvo]_proj|"#
            + #"(experts\.\d\.|shared_experts\.)(up|down)_proj)"#,
        kept: #"backbone\.layers\.3\.mixer\.gate|lm_head"#),
    .init(
        fixture: "gemma3-text", quantized: #"model\.layers\.\d\.(self_attn\.[qkvo]_proj|mlp\.(gate|up|down)_proj)"#,
        kept: "lm_head"),
    .init(
        fixture: "phi3", quantized: #"model\.layers\.\d\.(self_attn\.(qkv|o)_proj|mlp\.(gate_up|down)_proj)"#,
        kept: "lm_head"),
    .init(
        fixture: "llava",
        quantized: #"language_model\.model\.layers\.\d\.(self_attn\.[qkvo]_proj|mlp\.(gate|up|down)_proj)"#,
        kept: #"vision_tower\.encoder\..*|multi_modal_projector\.linear_[12]|language_model\.lm_head"#),
]

func fullMatch(_ pattern: String, _ s: String) -> Bool { s.wholeMatch(of: try! Regex(pattern)) != nil }

@Suite struct ModelFamilyTests {
    @Test(arguments: familyExpectations, CheckpointConvention.allCases)
    func quantizesExactlyTheFamilysLinearWeights(_ e: FamilyExpectation, _ convention: CheckpointConvention) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = familyFixtures + "/" + e.fixture
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.convention = convention
        let report = try CheckpointQuantizer.run(modelDirectory: model, outputDirectory: dir + "/q", options: options)

        let original = try ModelCheckpoint.open(model)
        let linear = original.tensors.filter { $0.info.shape.count == 2 && $0.name.hasSuffix(".weight") }
            .map { String($0.name.dropLast(7)) }
        let expected = Set(linear.filter { fullMatch(e.quantized, $0) })
        #expect(!expected.isEmpty)
        #expect(Set(report.layers.map(\.module)) == expected)

        // Everything kept is in the ignore list, in its original dtype and bytes.
        let out = try ModelCheckpoint.open(dir + "/q")
        let qc = out.config["quantization_config"] as! [String: Any]
        let ignore = Set((qc["ignore"] as? [String]) ?? [])
        let keptModules = Set(
            original.tensors.compactMap { t -> String? in
                if t.info.shape.count == 3 { return String(t.name[..<t.name.lastIndex(of: ".")!]) }
                return t.info.shape.count == 2 && t.name.hasSuffix(".weight") ? String(t.name.dropLast(7)) : nil
            }.filter { fullMatch(e.kept, $0) })
        #expect(!keptModules.isEmpty)
        #expect(keptModules.isSubset(of: ignore), "not ignored: \(keptModules.subtracting(ignore).sorted())")
        #expect(ignore.isDisjoint(with: expected))
        for t in original.tensors where !expected.contains(String(t.name.dropLast(7))) || !t.name.hasSuffix(".weight") {
            let copy = try #require(out.tensor(t.name), "\(t.name) missing")
            #expect(copy.info.dtype == t.info.dtype && copy.info.shape == t.info.shape)
            #expect(Array(try copy.shard.bytes(t.name)) == Array(try t.shard.bytes(t.name)), "\(t.name) changed")
        }

        // Fused groups: one tensor scale per group, the max of its members' own amax; groups are
        // per expert (two members each), never across experts.
        var scaleByGroup: [String: Set<UInt32>] = [:]
        var ownMax: [String: Float] = [:]
        var members: [String: Int] = [:]
        for layer in report.layers {
            guard let group = layer.fusedGroup else { continue }
            let s = out.tensor(convention.tensorScaleName(layer.module))!
            scaleByGroup[group, default: []].insert(try s.shard.bytes(s.name).loadUnaligned(as: Float.self).bitPattern)
            let w = original.tensor(layer.module + ".weight")!
            ownMax[group] = max(ownMax[group] ?? 0, try w.shard.floats(w.name).reduce(Float(0)) { max($0, abs($1)) })
            members[group, default: 0] += 1
        }
        #expect(scaleByGroup.values.allSatisfy { $0.count == 1 })
        for layer in report.layers { if let g = layer.fusedGroup { #expect(layer.amax == ownMax[g]) } }
        let expertGroups = scaleByGroup.keys.filter { $0.contains(".experts.") }
        if e.fixture == "mixtral" || e.fixture.hasSuffix("moe") || e.fixture == "deepseek-v3" {
            #expect(expertGroups.count == 4 * (e.fixture == "deepseek-v3" ? 1 : 2))
            #expect(expertGroups.allSatisfy { members[$0] == 2 })
        }
        if e.fixture == "deepseek-v3" {
            #expect(scaleByGroup.keys.contains("model.layers.0.self_attn.{kv_a_proj_with_mqa,q_a_proj}"))
        }
    }

    @Test(arguments: CheckpointConvention.allCases)
    func ignoreListsCarryTheConventionsPatternForms(_ convention: CheckpointConvention) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var forms: [String: [String]] = [:]
        for fixture in ["mixtral", "qwen2-moe", "llava", "phi3", "gpt-oss"] {
            var options = CheckpointQuantizationOptions(selection: try LayerSelection())
            options.convention = convention
            _ = try CheckpointQuantizer.run(
                modelDirectory: familyFixtures + "/" + fixture,
                outputDirectory: dir + "/" + fixture, options: options)
            let qc = try readJSONObject(dir + "/" + fixture + "/config.json")["quantization_config"] as! [String: Any]
            let ignore = (qc["ignore"] as? [String]) ?? []
            forms[fixture] = ignore.filter { $0.hasPrefix("re:") || $0.contains("*") }
            if convention == .modelopt { #expect(qc["exclude_modules"] as? [String] == ignore) }
        }
        switch convention {
        case .compressedTensors:
            #expect(forms["mixtral"] == [#"re:.*(^|\.)(block_sparse_moe|mlp|mixer|feed_forward)\.(gate|router)$"#])
            #expect(forms["qwen2-moe"]?.count == 2 && forms["qwen2-moe"]?.last == #"re:.*(^|\.)shared_expert_gate$"#)
            #expect(forms["llava"]?.count == 2 && forms["llava"]![0].hasPrefix("re:.*(^|\\.)(vision_tower|"))
            #expect(forms["llava"]?.last == #"re:.*(^|\.)lm_head$"#)
            // Kept fused experts: engines ask about `….experts.0.gate_proj`, which only the pattern covers.
            #expect(forms["gpt-oss"]?.last == #"re:.*(^|\.)mlp\.experts(\.|$)"#)
        case .modelopt:
            #expect(forms["mixtral"] == ["*block_sparse_moe.gate"])
            #expect(forms["qwen2-moe"] == ["*mlp.gate", "*shared_expert_gate"])
            #expect(forms["llava"] == ["*vision_tower*", "*multi_modal_projector*", "*lm_head"])
            #expect(forms["gpt-oss"] == ["*mlp.router", "*mlp.experts*"])
        }
        #expect(forms["phi3"] == [])
    }

    @Test func inspectGroupsExpertsOneLinePerLayer() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = CheckpointQuantizationOptions(selection: try LayerSelection())
        _ = try CheckpointQuantizer.run(
            modelDirectory: familyFixtures + "/mixtral", outputDirectory: dir + "/q",
            options: options)
        let s = try CheckpointSummary.inspect(dir + "/q")
        #expect(
            s.expertGroups
                == (0..<2).map { layer in
                    ExpertGroupSummary(
                        parent: "model.layers.\(layer).block_sparse_moe.experts", experts: 4,
                        shapes: ["w1 32×64", "w2 64×32", "w3 32×64"], fusedGroups: 4, fusedGroupsSharingOneScale: 4,
                        modulesWithInputScale: 0, modules: 12)
                })
        #expect(s.modules.count == 32)
    }

    @Test func configKeepsEveryOriginalByteAndAddsTheQuantizationConfig() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = CheckpointQuantizationOptions(selection: try LayerSelection())
        _ = try CheckpointQuantizer.run(
            modelDirectory: familyFixtures + "/mixtral", outputDirectory: dir + "/q",
            options: options)
        let original = try String(contentsOfFile: familyFixtures + "/mixtral/config.json", encoding: .utf8)
        let written = try String(contentsOfFile: dir + "/q/config.json", encoding: .utf8)
        let body = original[..<original.lastIndex(of: "}")!].trimmingCharacters(in: .whitespacesAndNewlines)
        // The dtype becomes bfloat16 (what NVFP4 decompression yields; this fixture is bf16 already):
        // `torch_dtype` is added when the original has only transformers 5's `dtype`.
        let dtypeMember = original.contains("\"torch_dtype\"") ? "" : "\n  \"torch_dtype\": \"bfloat16\","
        #expect(written.hasPrefix(body + "," + dtypeMember + "\n  \"quantization_config\": {"))
        #expect(written.contains("\"router_jitter_noise\": 0.0"))  // a float stays a float (transformers 5 checks)
        let config = try readJSONObject(dir + "/q/config.json")
        #expect((config["quantization_config"] as? [String: Any])?["format"] as? String == "nvfp4-pack-quantized")
        #expect(config["num_local_experts"] as? Int == 4)
        #expect(config["torch_dtype"] as? String == "bfloat16" && config["dtype"] as? String == "bfloat16")
    }

    @Test func vlmIncludeOverridesTheVisionRule() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = CheckpointQuantizationOptions(
            selection: try LayerSelection(include: [#"multi_modal_projector\.linear_2"#]))
        let report = try CheckpointQuantizer.run(
            modelDirectory: familyFixtures + "/llava", outputDirectory: dir + "/q",
            options: options)
        #expect(report.layers.map(\.module) == ["multi_modal_projector.linear_2"])
    }

    @Test func unknownFamilyIsRefusedWithTheWeightsWeWouldQuantize() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/m"
        try FileManager.default.createDirectory(atPath: model, withIntermediateDirectories: true)
        try writeCheckpoint(
            model,
            shards: [
                [
                    SyntheticTensor(name: "model.layers.0.moe.router.weight", shape: [4, 32]),
                    SyntheticTensor(name: "model.layers.0.moe.experts.0.fc.weight", shape: [32, 32]),
                    SyntheticTensor(name: "model.layers.0.moe.experts.1.fc.weight", shape: [32, 32]),
                ]
            ], architectures: ["SomeNewMoeForCausalLM"])
        let options = CheckpointQuantizationOptions(selection: try LayerSelection())
        do {
            _ = try CheckpointQuantizer.run(modelDirectory: model, outputDirectory: dir + "/q", options: options)
            Issue.record("an unknown family was quantized")
        } catch let error as CheckpointError {
            let text = error.description
            #expect(text.contains("'SomeNewMoeForCausalLM' is not one fouroversix knows"))
            #expect(text.contains("  model.layers.N.moe.router\n"))
            #expect(text.contains("  model.layers.N.moe.experts.N.fc (×2)"))
            #expect(text.contains("--include") && text.contains("--exclude"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/q"))
        // With --include the user names the modules: the router stays.
        let chosen = CheckpointQuantizationOptions(selection: try LayerSelection(include: [#"experts\.\d+\.fc"#]))
        let report = try CheckpointQuantizer.run(modelDirectory: model, outputDirectory: dir + "/q", options: chosen)
        #expect(report.layers.count == 2 && report.skipped.map(\.module) == ["model.layers.0.moe.router"])
    }

    /// gpt-oss's fused experts, one expert's Linear weight gathered here by the layout's
    /// definition: gate = gate_up_proj[e][:, 0::2]ᵀ, up = [:, 1::2]ᵀ, down = down_proj[e]ᵀ.
    static func gptOssExpertWeight(_ original: ModelCheckpoint, layer: Int, expert e: Int, _ part: String) throws
        -> (values: [Float], rows: Int, cols: Int)
    {
        let fused = "model.layers.\(layer).mlp.experts." + (part == "down_proj" ? "down_proj" : "gate_up_proj")
        let t = try #require(original.tensor(fused))
        let all = try t.shard.floats(fused)
        let (inner, width) = (t.info.shape[1], t.info.shape[2])
        let (stride, offset) = part == "down_proj" ? (1, 0) : (2, part == "gate_proj" ? 0 : 1)
        let rows = width / stride
        var w = [Float](repeating: 0, count: rows * inner)
        for r in 0..<rows {
            for c in 0..<inner { w[r * inner + c] = all[(e * inner + c) * width + stride * r + offset] }
        }
        return (w, rows, inner)
    }

    @Test func linearizedGptOssExpertsMoveTheOriginalValues() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = CheckpointQuantizationOptions(selection: try LayerSelection(exclude: [#"experts\."#]))
        options.linearizeExperts = true
        let report = try CheckpointQuantizer.run(
            modelDirectory: familyFixtures + "/gpt-oss", outputDirectory: dir + "/q", options: options)
        let original = try ModelCheckpoint.open(familyFixtures + "/gpt-oss")
        let out = try ModelCheckpoint.open(dir + "/q")
        #expect(!out.tensors.contains { $0.info.shape.count == 3 })
        #expect(report.skipped.filter { $0.module.contains(".experts.") }.count == 2 * 4 * 3)
        for layer in 0..<2 {
            let biases = original.tensor("model.layers.\(layer).mlp.experts.gate_up_proj_bias")!
            let gateUpBias = try biases.shard.floats(biases.name)
            let down = original.tensor("model.layers.\(layer).mlp.experts.down_proj_bias")!
            let downBias = try down.shard.floats(down.name)
            for e in 0..<4 {
                let prefix = "model.layers.\(layer).mlp.experts.\(e)."
                for part in ["gate_proj", "up_proj", "down_proj"] {
                    let expected = try Self.gptOssExpertWeight(original, layer: layer, expert: e, part)
                    let w = try #require(out.tensor(prefix + part + ".weight"))
                    #expect(w.info.dtype == .BF16 && w.info.shape == [expected.rows, expected.cols])
                    #expect(try w.shard.floats(w.name).map(\.bitPattern) == expected.values.map(\.bitPattern))
                    let b = try #require(out.tensor(prefix + part + ".bias"))
                    let want =
                        part == "down_proj"
                        ? Array(downBias[(e * 64)..<((e + 1) * 64)])
                        : stride(from: e * 64 + (part == "gate_proj" ? 0 : 1), to: (e + 1) * 64, by: 2)
                            .map { gateUpBias[$0] }
                    #expect(try b.shard.floats(b.name) == want, "\(b.name)")
                }
            }
        }
    }

    @Test func linearizedGptOssExpertsAreQuantizedPerExpert() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.linearizeExperts = true
        let report = try CheckpointQuantizer.run(
            modelDirectory: familyFixtures + "/gpt-oss", outputDirectory: dir + "/q", options: options)
        let original = try ModelCheckpoint.open(familyFixtures + "/gpt-oss")
        let out = try ModelCheckpoint.open(dir + "/q")
        #expect(report.layers.count == 2 * (4 + 4 * 3))
        let config = QuantizationConfig(format: .nvfp4, rule: options.rule)
        for layer in 0..<2 {
            for e in 0..<4 {
                let prefix = "model.layers.\(layer).mlp.experts.\(e)."
                let weights = try ["gate_proj", "up_proj", "down_proj"].map {
                    try Self.gptOssExpertWeight(original, layer: layer, expert: e, $0)
                }
                // gate and up share one amax (a fused group per expert), down has its own.
                let gateUpAmax = weights[0...1].flatMap(\.values).reduce(Float(0)) { max($0, abs($1)) }
                for (i, part) in ["gate_proj", "up_proj", "down_proj"].enumerated() {
                    let w = weights[i]
                    let q = try w.values.withTensorElements {
                        try CPUQuantizer.quantize(
                            $0, rows: w.rows, cols: w.cols, config: config, amax: i < 2 ? gateUpAmax : nil)
                    }
                    let specs = options.convention.tensorSpecs(
                        module: prefix + part, rows: w.rows, cols: w.cols, withInputScale: false)
                    let codes = try #require(out.tensor(specs[0].name)),
                        scales = try #require(out.tensor(specs[1].name))
                    #expect(Array(try codes.shard.bytes(codes.name)) == q.codes, "\(prefix + part)")
                    #expect(Array(try scales.shard.bytes(scales.name)) == q.scales, "\(prefix + part)")
                    #expect(
                        report.layers.first { $0.module == prefix + part }?.fusedGroup
                            == (i < 2 ? prefix + "{gate_proj,up_proj}" : nil))
                }
            }
        }
        // A checkpoint without fused expert tensors is refused, nothing written.
        do {
            _ = try CheckpointQuantizer.run(
                modelDirectory: familyFixtures + "/mixtral", outputDirectory: dir + "/m", options: options)
            Issue.record("--linearize-experts accepted a checkpoint without fused experts")
        } catch let error as CheckpointError {
            #expect(error.description.contains("no fused 3-D expert tensors"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/m"))
    }

    @Test func everyFamilyIsIdentifiedFromItsConfig() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: familyFixtures).sorted()
        #expect(names.count == familyExpectations.count)
        for name in names {
            let config = try readJSONObject(familyFixtures + "/" + name + "/config.json")
            #expect(ModelFamily.identify(config: config) != nil, "\(name)")
        }
    }
}
