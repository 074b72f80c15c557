// End-to-end checks of `quantize`, `dequantize` and `inspect` on the bundled model and on
// synthetic checkpoints: both conventions' exact names, dtypes, shapes and tensor-scale
// forms; fused groups sharing one amax across shards; round trips bit-identical with the
// core; and bad input failing cleanly with nothing left behind.

import BlockQuantization
import Foundation
import ModelFolder
import SafeTensors
import TestSupport
import Testing

@testable import CheckpointQuantization

@Suite struct CheckpointQuantizerTests {
    func quantize(
        _ model: String, _ out: String, convention: CheckpointConvention = .compressedTensors,
        rule: ScaleRule = .mse, maxShardBytes: Int = 5_000_000_000, overwrite: Bool = false,
        exclude: [String] = []
    ) throws -> QuantizationReport {
        var options = CheckpointQuantizationOptions(selection: try LayerSelection(exclude: exclude))
        options.convention = convention
        options.rule = rule
        options.maxShardBytes = maxShardBytes
        options.overwrite = overwrite
        return try CheckpointQuantizer.run(modelDirectory: model, outputDirectory: out, options: options)
    }

    /// transformers' save of a GGUF-loaded model has no `architectures`; with tied embeddings (no
    /// lm_head tensor) the head must still be in the ignore list, or compressed-tensors' "Linear"
    /// target takes lm_head and transformers fails to load the checkpoint.
    @Test(arguments: CheckpointConvention.allCases)
    func aTiedHeadWithoutArchitecturesIsIgnored(_ convention: CheckpointConvention) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/model"
        try FileManager.default.copyItem(atPath: bundledModel, toPath: model)
        var config = try readJSONObject(model + "/config.json")
        config["architectures"] = nil
        #expect(config["tie_word_embeddings"] as? Bool == true)
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: model + "/config.json"))
        _ = try quantize(model, dir + "/q", convention: convention)
        let written = try ModelCheckpoint.open(dir + "/q").config["quantization_config"] as! [String: Any]
        let ignored = (written["ignore"] as? [String]) ?? []
        #expect(ignored.first == "lm_head", "\(ignored)")
    }

    @Test(arguments: CheckpointConvention.allCases)
    func bundledModelRoundTripsBitExactly(_ convention: CheckpointConvention) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/q"
        let report = try quantize(bundledModel, out, convention: convention)
        #expect(report.layers.count == 30)
        #expect(report.skipped.map(\.module).allSatisfy { $0.hasSuffix("down_proj") })
        #expect(report.totals.relativeError < report.totals.baselineRelativeError)

        let original = try ModelCheckpoint.open(bundledModel)
        let quantized = try ModelCheckpoint.open(out)
        let config = quantized.config["quantization_config"] as! [String: Any]
        switch convention {
        case .compressedTensors:
            #expect(config["quant_method"] as? String == "compressed-tensors")
            #expect(config["format"] as? String == "nvfp4-pack-quantized")
            #expect((config["ignore"] as? [String])?.first == "lm_head")
            #expect(!FileManager.default.fileExists(atPath: out + "/hf_quant_config.json"))
        case .modelopt:
            #expect(config["quant_method"] as? String == "modelopt")
            #expect(config["quant_algo"] as? String == "W4A16_NVFP4")
            let hf = try readJSONObject(out + "/hf_quant_config.json")
            #expect((hf["quantization"] as? [String: Any])?["quant_algo"] as? String == "W4A16_NVFP4")
            #expect((hf["quantization"] as? [String: Any])?.keys.contains("kv_cache_quant_algo") == true)
        }
        #expect(FileManager.default.fileExists(atPath: out + "/tokenizer.json"))

        let groupAmax = try sharedAmaxByGroup(original)
        for layer in report.layers {
            let m = layer.module
            let packed = quantized.tensor(convention.packedName(m))!.info
            let scales = quantized.tensor(convention.blockScaleName(m))!.info
            let global = quantized.tensor(convention.tensorScaleName(m))!
            #expect(packed.dtype == .U8 && packed.shape == [layer.shape[0], layer.shape[1] / 2])
            #expect(scales.dtype == .F8_E4M3 && scales.shape == [layer.shape[0], layer.shape[1] / 16])
            #expect(global.info.dtype == .F32 && global.info.shape == convention.tensorScaleShape)
            // The core's own quantization with the group's shared amax.
            let source = original.tensor(m + ".weight")!
            let amax = FusedGroups.key(of: m).map { groupAmax[$0]! }
            let expected = try ReferenceQuantizer.quantize(
                try source.shard.floats(source.name), rows: layer.shape[0],
                cols: layer.shape[1], config: QuantizationConfig(rule: .mse), amax: amax)
            #expect(
                Array(try quantized.tensor(convention.packedName(m))!.shard.bytes(convention.packedName(m)))
                    == expected.codes)
            #expect(
                Array(try quantized.tensor(convention.blockScaleName(m))!.shard.bytes(convention.blockScaleName(m)))
                    == expected.scales)
            let stored = try global.shard.bytes(global.name).loadUnaligned(as: Float.self)
            // Divisor vs multiplier: the one bug every NVFP4 engine has shipped. Checked against
            // the amax computed here (the group's, else the tensor's max |x|) and the constant
            // M·S = 6 · 256 of 4/6, both written out.
            let tensorAmax = try amax ?? source.shard.floats(source.name).reduce(Float(0)) { max($0, abs($1)) }
            #expect(expected.amax == tensorAmax)
            #expect(stored == (convention == .compressedTensors ? 1536 / tensorAmax : tensorAmax / 1536))
        }

        // dequantize equals the core's dequantization bit for bit.
        let plain = dir + "/plain"
        try CheckpointDequantizer.run(quantizedDirectory: out, outputDirectory: plain, dtype: .F32, overwrite: false)
        let restored = try ModelCheckpoint.open(plain)
        #expect(restored.config["quantization_config"] == nil)
        #expect(Set(restored.tensors.map(\.name)) == Set(original.tensors.map(\.name)))
        for layer in report.layers {
            let name = layer.module + ".weight"
            let source = original.tensor(name)!
            let amax = FusedGroups.key(of: layer.module).map { groupAmax[$0]! }
            let q = try ReferenceQuantizer.quantize(
                try source.shard.floats(name), rows: layer.shape[0], cols: layer.shape[1],
                config: QuantizationConfig(rule: .mse), amax: amax)
            let got = try restored.tensor(name)!.shard.floats(name)
            #expect(bitDifference(got, ReferenceQuantizer.dequantize(q)) == nil, "\(name)")
        }
        // Untouched tensors are byte-identical.
        let norm = "model.norm.weight"
        #expect(
            Array(try restored.tensor(norm)!.shard.bytes(norm)) == Array(try original.tensor(norm)!.shard.bytes(norm)))
    }

    /// max amax over each fused group of the original checkpoint.
    func sharedAmaxByGroup(_ c: ModelCheckpoint) throws -> [String: Float] {
        var out: [String: Float] = [:]
        for t in c.tensors where t.name.hasSuffix(".weight") && t.info.shape.count == 2 {
            guard let g = FusedGroups.key(of: String(t.name.dropLast(7))) else { continue }
            let a = try t.shard.floats(t.name).reduce(Float(0)) { max($0, abs($1)) }
            out[g] = max(out[g] ?? 0, a)
        }
        return out
    }

    @Test func fusedGroupStraddlingShardsSharesOneScaleAndOutputIsSharded() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/model"
        try FileManager.default.createDirectory(atPath: model, withIntermediateDirectories: true)
        let p = "model.layers.0.self_attn"
        var big = syntheticWeights(64 * 64, seed: 7)
        big[5] = 3  // k_proj holds the group's maximum
        try writeCheckpoint(
            model,
            shards: [
                [
                    SyntheticTensor(name: "model.embed_tokens.weight", shape: [32, 64]),
                    SyntheticTensor(name: "\(p).q_proj.weight", shape: [64, 64]),
                ],
                [
                    SyntheticTensor(name: "\(p).k_proj.weight", shape: [64, 64], values: big),
                    SyntheticTensor(name: "\(p).v_proj.weight", shape: [64, 64]),
                    SyntheticTensor(name: "model.layers.0.input_layernorm.weight", shape: [64], dtype: .F32),
                ],
            ])
        let out = dir + "/out"
        let report = try quantize(model, out, convention: .modelopt, maxShardBytes: 3000)
        #expect(report.layers.count == 3)
        #expect(report.layers.allSatisfy { $0.amax == 3 })
        let q = try QuantizedCheckpoint.open(out)
        #expect(q.checkpoint.shards.count > 1)
        #expect(q.checkpoint.indexPath != nil)
        let scales = try Set(q.modules.map { try q.storedTensorScale($0).bitPattern })
        #expect(scales.count == 1)
        let summary = try CheckpointSummary.inspect(out)
        #expect(summary.convention == "modelopt" && summary.fusedGroupsWithDifferentScales.isEmpty)
        #expect(summary.modules.allSatisfy { $0.amax == 3 })
    }

    @Test func bertNamesAreGroupedAndEmbeddingsKept() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/bert"
        try FileManager.default.createDirectory(atPath: model, withIntermediateDirectories: true)
        let a = "encoder.layer.0.attention"
        try writeCheckpoint(
            model,
            shards: [
                [
                    SyntheticTensor(name: "embeddings.word_embeddings.weight", shape: [100, 32], dtype: .F32),
                    SyntheticTensor(name: "embeddings.LayerNorm.weight", shape: [32], dtype: .F32),
                    SyntheticTensor(name: "\(a).self.query.weight", shape: [32, 32], dtype: .F32),
                    SyntheticTensor(name: "\(a).self.query.bias", shape: [32], dtype: .F32),
                    SyntheticTensor(name: "\(a).self.key.weight", shape: [32, 32], dtype: .F32),
                    SyntheticTensor(name: "\(a).self.value.weight", shape: [32, 32], dtype: .F32),
                    SyntheticTensor(name: "\(a).output.dense.weight", shape: [32, 32], dtype: .F32),
                    SyntheticTensor(name: "pooler.dense.weight", shape: [32, 40], dtype: .F32),
                ]
            ], architectures: ["BertModel"])
        let out = dir + "/out"
        let report = try quantize(model, out)
        #expect(
            Set(report.layers.map(\.module)) == [
                "\(a).self.query", "\(a).self.key", "\(a).self.value", "\(a).output.dense",
            ])
        #expect(report.skipped.map(\.module) == ["pooler.dense"])
        #expect(Set(report.layers.filter { $0.fusedGroup != nil }.map(\.amax)).count == 1)
        let config = try readJSONObject(out + "/config.json")["quantization_config"] as! [String: Any]
        #expect(config["ignore"] as? [String] == ["pooler.dense"])
        let q = try ModelCheckpoint.open(out)
        #expect(q.tensor("embeddings.word_embeddings.weight")?.info.dtype == .F32)
        #expect(q.tensor("\(a).self.query.bias")?.info.dtype == .F32)
    }

    @Test(arguments: CheckpointConvention.allCases)
    func calibratedActivationsMakeAW4A4Checkpoint(_ convention: CheckpointConvention) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try ModelCheckpoint.open(bundledModel)
        var amax: [String: Float] = [:]
        for (i, t) in original.tensors.enumerated() where t.name.hasSuffix("_proj.weight") {
            amax[String(t.name.dropLast(7))] = Float(i + 1) / 8
        }
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.convention = convention
        options.activationAmax = amax
        let report = try CheckpointQuantizer.run(
            modelDirectory: bundledModel, outputDirectory: dir + "/q", options: options)
        let q = try QuantizedCheckpoint.open(dir + "/q")
        let inputScales = try Dictionary(
            uniqueKeysWithValues: q.modules.map { m in
                (m.module, try m.inputScale!.shard.bytes(m.inputScale!.name).loadUnaligned(as: Float.self))
            })
        for layer in report.layers {
            // Fused layers share their group's largest calibrated amax; activations use standard NVFP4 (2688).
            let expected =
                layer.fusedGroup.map { g in
                    report.layers.filter { $0.fusedGroup == g }.map { amax[$0.module]! }.max()!
                } ?? amax[layer.module]!
            let stored = inputScales[layer.module]!
            #expect(stored == (convention == .compressedTensors ? 2688 / expected : expected / 2688), "\(layer.module)")
        }
        let config = q.checkpoint.config["quantization_config"] as! [String: Any]
        if convention == .compressedTensors {
            let group = (config["config_groups"] as! [String: Any])["group_0"] as! [String: Any]
            #expect((group["input_activations"] as? [String: Any])?["dynamic"] as? String == "local")
        } else {
            #expect(config["quant_algo"] as? String == "NVFP4")
        }
        // A module without a calibrated amax is an error, before anything is written.
        amax.removeValue(forKey: "model.layers.2.self_attn.o_proj")
        options.activationAmax = amax
        #expect(throws: CheckpointError.self) {
            try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir + "/q2", options: options)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/q2"))
    }

    @Test func excludeAndDtypeRules() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/m"
        try FileManager.default.createDirectory(atPath: model, withIntermediateDirectories: true)
        try writeCheckpoint(
            model,
            shards: [
                [
                    SyntheticTensor(name: "model.layers.0.mlp.up_proj.weight", shape: [32, 64], dtype: .F16),
                    SyntheticTensor(name: "model.layers.0.mlp.down_proj.weight", shape: [64, 32], dtype: .F32),
                    SyntheticTensor(name: "lm_head.weight", shape: [10, 64]),
                ]
            ])
        let report = try quantize(model, dir + "/out", exclude: ["down_proj$"])
        #expect(report.layers.map(\.module) == ["model.layers.0.mlp.up_proj"])
        #expect(report.skipped.map(\.module).sorted() == ["lm_head", "model.layers.0.mlp.down_proj"])

        // What was written: the excluded and the kept tensors in their own dtype, byte for byte;
        // the F16 layer as compressed-tensors NVFP4 whose codes and scales are the reference's.
        let source = try ModelCheckpoint.open(model), written = try ModelCheckpoint.open(dir + "/out")
        #expect(
            Set(written.tensors.map(\.name)) == [
                "model.layers.0.mlp.up_proj.weight_packed",
                "model.layers.0.mlp.up_proj.weight_scale",
                "model.layers.0.mlp.up_proj.weight_global_scale",
                "model.layers.0.mlp.down_proj.weight", "lm_head.weight",
            ])
        for (name, dtype) in [("model.layers.0.mlp.down_proj.weight", DType.F32), ("lm_head.weight", .BF16)] {
            let got = written.tensor(name)!, original = source.tensor(name)!
            #expect(got.info.dtype == dtype && got.info.shape == original.info.shape, "\(name)")
            #expect(Array(try got.shard.bytes(name)) == Array(try original.shard.bytes(name)), "\(name)")
        }
        let up = "model.layers.0.mlp.up_proj"
        let packed = written.tensor(up + ".weight_packed")!, scales = written.tensor(up + ".weight_scale")!
        #expect(packed.info.dtype == .U8 && packed.info.shape == [32, 32])
        #expect(scales.info.dtype == .F8_E4M3 && scales.info.shape == [32, 4])
        // The values written for it (shard 0, tensor 0), rounded to F16 here, not read back.
        let values = syntheticWeights(32 * 64, seed: 0).map { Float(Float16($0)) }
        let expected = try ReferenceQuantizer.quantize(
            values, rows: 32, cols: 64,
            config: QuantizationConfig(rule: .mse))
        #expect(Array(try packed.shard.bytes(packed.name)) == expected.codes)
        #expect(Array(try scales.shard.bytes(scales.name)) == expected.scales)
    }
}

@Suite struct CheckpointBadInputTests {
    func options() throws -> CheckpointQuantizationOptions {
        CheckpointQuantizationOptions(selection: try LayerSelection())
    }

    /// Runs a quantization expected to fail; returns the error text and checks that the output
    /// folder does not exist and no temporary folder is left behind.
    func failingRun(_ model: String, in dir: String, overwrite: Bool = false) throws -> String {
        let before = directoryEntries(dir)
        var o = try options()
        o.overwrite = overwrite
        do {
            _ = try CheckpointQuantizer.run(modelDirectory: model, outputDirectory: dir + "/out", options: o)
            Issue.record("expected an error")
            return ""
        } catch {
            #expect(directoryEntries(dir) == before, "leftovers: \(directoryEntries(dir))")
            return String(describing: error)
        }
    }

    @Test func missingConfig() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/m", withIntermediateDirectories: true)
        #expect(try failingRun(dir + "/m", in: dir).contains("config.json is missing"))
        #expect(try failingRun(dir + "/nope", in: dir).contains("no such file"))
    }

    @Test func indexPointingAtMissingShard() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let m = dir + "/m"
        try FileManager.default.createDirectory(atPath: m, withIntermediateDirectories: true)
        try writeCheckpoint(
            m,
            shards: [
                [SyntheticTensor(name: "a.weight", shape: [16, 16])],
                [SyntheticTensor(name: "b.weight", shape: [16, 16])],
            ])
        try FileManager.default.removeItem(atPath: m + "/model-00002-of-00002.safetensors")
        #expect(try failingRun(m, in: dir).contains("model-00002-of-00002.safetensors"))
    }

    @Test func nonFiniteWeightNamesTheTensorAndLeavesNothing() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let m = dir + "/m"
        try FileManager.default.createDirectory(atPath: m, withIntermediateDirectories: true)
        var values = syntheticWeights(32 * 32, seed: 1)
        values[40] = .nan
        try writeCheckpoint(
            m,
            shards: [
                [
                    SyntheticTensor(name: "x.q_proj.weight", shape: [32, 32]),
                    SyntheticTensor(name: "x.o_proj.weight", shape: [32, 32], dtype: .F32, values: values),
                ]
            ])
        let message = try failingRun(m, in: dir)
        #expect(message.contains("x.o_proj.weight") && message.contains("nan"))
    }

    @Test func unsupportedDTypeAndAlreadyQuantized() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let m = dir + "/m"
        try FileManager.default.createDirectory(atPath: m, withIntermediateDirectories: true)
        try writeCheckpoint(m, shards: [[SyntheticTensor(name: "x.q_proj.weight", shape: [32, 32], dtype: .I8)]])
        #expect(try failingRun(m, in: dir).contains("dtype I8"))

        let out = dir + "/q"
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: out, options: try options())
        let message = try failingRun(out, in: dir)
        #expect(message.contains("already quantized"))
    }

    @Test func existingOutputIsRefusedWithoutOverwriteAndReplacedWithIt() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "keep".write(toFile: dir + "/out/marker", atomically: true, encoding: .utf8)
        #expect(try failingRun(bundledModel, in: dir).contains("already exists"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/marker"))
        var o = try options()
        o.overwrite = true
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir + "/out", options: o)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/marker"))
        #expect(directoryEntries(dir) == ["out"])
    }

    @Test func unwritableOutput() throws {
        let message: String
        do {
            _ = try CheckpointQuantizer.run(
                modelDirectory: bundledModel, outputDirectory: "/proc/fouroversix-out",
                options: try options())
            message = ""
        } catch {
            message = String(describing: error)
        }
        #expect(message.contains("cannot write"))
    }
}
