// What the writing commands write, checked value by value: quantize-tensors' BF16 input, copied
// bias bytes, and the --rht / --block-2d / --rounding stochastic --seed options against the
// scalar reference and byte for byte against the library; `quantize` of the bundled model
// against the library's CheckpointQuantizer (every file) and its tensors and config against the
// scalar reference and the convention's formulas.

import BlockFormats
import BlockQuantization
import CheckpointQuantization
import Foundation
import SafeTensors
import TestSupport
import Testing

@Suite(.serialized) struct QuantizeOutputTests {
    /// A ragged F32 tensor, a BF16 matrix (exact BF16 values), an F32 bias and an I32 tensor.
    func writeInput(_ path: String) throws -> (w: [Float], m: [Float], bias: [UInt8]) {
        var rng = SplitMix64(seed: 19)
        let w: [Float] = (0..<(24 * 48)).map { _ in rng.normal() * 0.3 }
        let m: [Float] = (0..<(32 * 64)).map { _ in BFloat16.rounded(rng.normal() * 2) }
        let biasValues: [Float] = (0..<48).map { Float($0) * 0.125 - 3 }
        let bias = try bytes(of: biasValues, as: .F32)
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "w", dtype: .F32, shape: [24, 48]), try bytes(of: w, as: .F32)),
                (TensorSpec(name: "m", dtype: .BF16, shape: [32, 64]), try bytes(of: m, as: .BF16)),
                (TensorSpec(name: "bias", dtype: .F32, shape: [48]), bias),
                (TensorSpec(name: "ids", dtype: .I32, shape: [3]), [UInt8](repeating: 9, count: 12)),
            ], metadata: ["source": "options-test"])
        return (w, m, bias)
    }

    static let optionSets: [[String]] = [
        ["--rht"], ["--block-2d"], ["--rounding", "stochastic", "--seed", "7"], ["--transpose", "--rht"],
        ["--block-2d", "--rounding", "stochastic", "--seed", "123", "--rule", "static_6"],
    ]

    @Test(arguments: optionSets)
    func quantizeTensorsOptionsEqualTheReferenceAndTheLibrary(_ options: [String]) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (w, m, bias) = try writeInput(dir + "/in.safetensors")
        let r = try runCLI(["quantize-tensors", dir + "/in.safetensors", "-o", dir + "/cli.safetensors"] + options)
        #expect(r.status == 0, "\(r.stderr)")

        // The configuration the options mean, written out here rather than parsed by the CLI.
        let seed = options.firstIndex(of: "--seed").map { UInt64(options[$0 + 1])! }
        let rule: ScaleRule = options.contains("static_6") ? .static6 : .mse
        let config = QuantizationConfig(
            format: .nvfp4, rule: rule,
            rounding: seed.map { .stochastic(seed: $0) } ?? .nearest,
            transpose: options.contains("--transpose"), rht: options.contains("--rht"),
            blockScale2D: options.contains("--block-2d"))
        let out = try SafeTensorsFile(path: dir + "/cli.safetensors")
        for (name, values, rows, cols) in [("w", w, 24, 48), ("m", m, 32, 64)] {
            let q = try ReferenceQuantizer.quantize(values, rows: rows, cols: cols, config: config)
            #expect(Array(try out.bytes(name + ".qdata")) == q.codes, "\(name) codes, \(options)")
            #expect(Array(try out.bytes(name + ".scales")) == q.scales, "\(name) scales, \(options)")
            #expect(try out.floats(name + ".amax").map(\.bitPattern) == [q.amax.bitPattern], "\(name) amax, \(options)")
        }
        #expect(Array(try out.bytes("bias")) == bias)
        #expect(out.info("bias")?.dtype == .F32)
        #expect(Array(try out.bytes("ids")) == [UInt8](repeating: 9, count: 12))
        #expect(out.metadata["source"] == "options-test")

        _ = try TensorFileQuantizer(config: config).run(
            input: dir + "/in.safetensors", output: dir + "/lib.safetensors")
        #expect(
            FileManager.default.contents(atPath: dir + "/cli.safetensors")
                == FileManager.default.contents(atPath: dir + "/lib.safetensors"), "\(options)")
    }

    @Test func quantizeWritesWhatTheLibraryAndTheReferenceWrite() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(["quantize", bundledModel, "-o", dir + "/cli"])
        #expect(r.status == 0, "\(r.stderr)")
        var options = CheckpointQuantizationOptions(selection: try LayerSelection())
        options.rule = .mse
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir + "/lib", options: options)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/cli").sorted()
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: dir + "/lib").sorted()))
        for f in files {
            #expect(
                FileManager.default.contents(atPath: dir + "/cli/" + f)
                    == FileManager.default.contents(atPath: dir + "/lib/" + f), "\(f) differs")
        }

        // Values: layer 0's q_proj against the scalar reference with the q/k/v group's amax.
        let source = try SafeTensorsFile(path: bundledModel + "/model.safetensors")
        let out = try SafeTensorsFile(path: dir + "/cli/model.safetensors")
        let p = "model.layers.0.self_attn."
        var group: Float = 0
        for m in ["q_proj", "k_proj", "v_proj"] {
            group = max(group, try source.floats(p + m + ".weight").map(abs).max()!)
        }
        let q = try source.floats(p + "q_proj.weight")
        let shape = source.info(p + "q_proj.weight")!.shape
        let expected = try ReferenceQuantizer.quantize(
            q, rows: shape[0], cols: shape[1],
            config: QuantizationConfig(format: .nvfp4, rule: .mse),
            amax: group)
        #expect(Array(try out.bytes(p + "q_proj.weight_packed")) == expected.codes)
        #expect(Array(try out.bytes(p + "q_proj.weight_scale")) == expected.scales)
        #expect(out.info(p + "q_proj.weight_scale")?.dtype == .F8_E4M3)
        // compressed-tensors stores the divisor M·S/amax with M·S = 6·256 for 4/6.
        #expect(try out.floats(p + "q_proj.weight_global_scale") == [1536 / group])
        #expect(try out.floats(p + "k_proj.weight_global_scale") == [1536 / group])
        // Kept tensors: the down projection (input 172, not a multiple of 16) and the norms, as stored.
        for kept in [
            "model.layers.0.mlp.down_proj.weight", "model.layers.0.input_layernorm.weight", "model.norm.weight",
        ] {
            #expect(out.info(kept)?.dtype == source.info(kept)?.dtype, "\(kept)")
            #expect(Array(try out.bytes(kept)) == Array(try source.bytes(kept)), "\(kept)")
        }

        // The config: compressed-tensors NVFP4, the ignore list naming every kept Linear.
        let config =
            try JSONSerialization.jsonObject(
                with: FileManager.default.contents(atPath: dir + "/cli/config.json")!) as! [String: Any]
        let quantization = config["quantization_config"] as! [String: Any]
        #expect(quantization["quant_method"] as? String == "compressed-tensors")
        #expect(quantization["format"] as? String == "nvfp4-pack-quantized")
        let ignore = Set(quantization["ignore"] as! [String])
        #expect(ignore == Set(["lm_head"] + (0..<5).map { "model.layers.\($0).mlp.down_proj" }))
    }
}
