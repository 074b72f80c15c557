// Inputs that cannot give a meaningful result are refused with one clear line and a non-zero exit
// (issue 12, items 4, 5, 6 and 10): NaN/Inf weights named by file, tensor and element; damaged
// NVFP4 scales and a fouroversix.json that disagrees with the stored scales; selections that split
// a fused group or match nothing; texts too short and contexts too long; and the small wording
// fixes (missing config.json, JSON line and column, not a safetensors file, --seed -5, --version,
// the quantized model card's note, the config dtype transformers loads by default).

import Foundation
import SafeTensors
import TestSupport
import Testing

@Suite(.serialized) struct InputCheckCLITests {
    /// A copy of the bundled stories260K in a fresh folder.
    func copyOfBundledModel(_ dir: String, name: String = "model") throws -> String {
        let target = dir + "/" + name
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Models/stories260K", toPath: target)
        return target
    }

    /// Rewrites `path` with `change` applied to the raw bytes of tensor `name`.
    func rewrite(_ path: String, tensor name: String, _ change: (inout [UInt8]) throws -> Void) throws {
        let file = try SafeTensorsFile(path: path)
        var tensors: [(TensorSpec, [UInt8])] = []
        for info in file.tensors {
            var bytes = Array(try file.bytes(info.name))
            if info.name == name { try change(&bytes) }
            tensors.append((TensorSpec(name: info.name, dtype: info.dtype, shape: info.shape), bytes))
        }
        let metadata = file.metadata
        try FileManager.default.removeItem(atPath: path)
        try writeSafeTensors(path: path + ".new", tensors: tensors, metadata: metadata)
        try FileManager.default.moveItem(atPath: path + ".new", toPath: path)
    }

    func setFloat(_ bytes: inout [UInt8], at element: Int, _ value: Float) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { for k in 0..<4 { bytes[4 * element + k] = $0[k] } }
    }

    func expectFailure(_ args: [String], mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try runCLI(args)
        #expect(r.status != 0, "\(args) should fail", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "\(args) printed \(r.stdout)", sourceLocation: sourceLocation)
        for m in mentions {
            #expect(r.stderr.contains(m), "'\(r.stderr)' should mention \(m)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Item 4 — numbers that are not numbers

    @Test func aNaNWeightIsNamedByFileTensorAndElement() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = try copyOfBundledModel(dir)
        let tensor = "model.layers.1.mlp.up_proj.weight"  // [172, 64]
        try rewrite(model + "/model.safetensors", tensor: tensor) { setFloat(&$0, at: 197, .nan) }
        let text = repositoryRoot + "/Data/tinystories-sample.txt"
        let mentions = [
            model + "/model.safetensors", "'\(tensor)'", "non-finite value nan at element 197 (row 3, column 5)",
        ]
        try expectFailure(["generate", model, "--prompt", "Zoo", "--tokens", "3"], mentions: mentions)
        try expectFailure(["eval", model, "--windows", "1"], mentions: mentions)
        try expectFailure(["eval", model, "--windows", "1", "--weights", "nvfp4"], mentions: mentions)
        try expectFailure(
            ["quantize", model, "-o", dir + "/q", "--calibration-text", text, "--calibration-windows", "1"],
            mentions: mentions)
        #expect(!FileManager.default.fileExists(atPath: dir + "/q"))
    }

    @Test func damagedScalesAreRefusedByDequantizeAndEval() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = try runCLI(["quantize", "-o", dir + "/q"])
        #expect(q.status == 0, "\(q.stderr)")
        let module = "model.layers.2.self_attn.o_proj"
        func damaged(
            _ name: String, tensor: String, keepRecord: Bool = false,
            _ change: @escaping (inout [UInt8]) -> Void
        ) throws -> String {
            let copy = dir + "/" + name
            try FileManager.default.copyItem(atPath: dir + "/q", toPath: copy)
            if !keepRecord { try FileManager.default.removeItem(atPath: copy + "/fouroversix.json") }
            try rewrite(copy + "/model.safetensors", tensor: tensor, change)
            return copy
        }
        for byte: UInt8 in [0x7F, 0xFF] {
            let copy = try damaged("scale-\(byte)", tensor: module + ".weight_scale", keepRecord: byte == 0x7F) {
                $0[5] = byte
            }
            let hex = String(byte, radix: 16, uppercase: true)
            try expectFailure(
                ["dequantize", copy, "-o", dir + "/d"],
                mentions: ["'\(module).weight_scale'", "0x\(hex) at element 5", "NaN"])
            try expectFailure(["eval", copy, "--windows", "1"], mentions: ["'\(module).weight_scale'", "NaN"])
        }
        for (label, value) in [("zero", Float(0)), ("nan", .nan), ("inf", .infinity), ("negative", -2)] {
            let copy = try damaged("global-\(label)", tensor: module + ".weight_global_scale") {
                setFloat(&$0, at: 0, value)
            }
            try expectFailure(
                ["dequantize", copy, "-o", dir + "/d"],
                mentions: ["'\(module).weight_global_scale'", "tensor scale \(value) is not a positive finite number"])
        }
        // With fouroversix.json present, a stored tensor scale that the recorded amax does not give
        // is refused, by dequantize and by eval (which used the record's amax before).
        let edited = try damaged("edited", tensor: module + ".weight_global_scale", keepRecord: true) { bytes in
            let stored = bytes.withUnsafeBytes { $0.loadUnaligned(as: Float.self) }
            self.setFloat(&bytes, at: 0, stored * 2)
        }
        let disagree = ["fouroversix.json", "module '\(module)'", "the tensors are the checkpoint"]
        try expectFailure(["dequantize", edited, "-o", dir + "/d"], mentions: disagree)
        try expectFailure(["eval", edited, "--windows", "1"], mentions: disagree)
        #expect(!FileManager.default.fileExists(atPath: dir + "/d"))
        // Without the record the stored scale is the checkpoint: it dequantizes.
        try FileManager.default.removeItem(atPath: edited + "/fouroversix.json")
        let ok = try runCLI(["dequantize", edited, "-o", dir + "/d"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    // MARK: Item 5 — risky selections

    @Test func selectionsThatSplitAFusedGroupOrMatchNothingAreRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectFailure(
            ["quantize", "-o", dir + "/q", "--exclude", #"layers\.0\.self_attn\.q_proj"#],
            mentions: [
                #"--exclude 'layers\.0\.self_attn\.q_proj' splits the fused group "#
                    + "model.layers.0.self_attn.{k_proj,q_proj,v_proj}",
                #"--exclude 'model\.layers\.0\.self_attn\.(k_proj|q_proj|v_proj)$'"#,
            ])
        try expectFailure(
            ["quantize", "-o", dir + "/q", "--include", "up_proj"],
            mentions: ["--include splits the fused group", "gate_proj"])
        try expectFailure(
            ["quantize", "-o", dir + "/q", "--include", "nomatch"],
            mentions: ["--include 'nomatch' matches no Linear module"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/q"))
        // Whole groups are fine, and the exclusion the message suggests works.
        let whole = try runCLI([
            "quantize", "-o", dir + "/q", "--exclude", #"model\.layers\.0\.self_attn\.(k_proj|q_proj|v_proj)$"#,
            "--include", "self_attn",
        ])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("total (17 layers)"))
    }

    // MARK: Item 6 — inputs that cannot give a meaningful result

    @Test func tooShortTextsAndTooLongContextsAreRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.txt"))
        try expectFailure(
            ["eval", "--text", dir + "/empty.txt"],
            mentions: [dir + "/empty.txt: the text gives 0 tokens but perplexity needs at least 1"])
        try expectFailure(
            ["quantize", "-o", dir + "/q", "--calibration-text", dir + "/empty.txt"],
            mentions: ["the text gives 0 tokens but calibration needs at least 1"])
        try expectFailure(
            ["eval", "--weights", "nvfp4", "--activations", "nvfp4", "--calibration-text", dir + "/empty.txt"],
            mentions: ["calibration needs at least 1"])
        try expectFailure(
            ["eval", "--context", "100000"],
            mentions: [
                "--context 100000 is longer than the model's max_position_embeddings (512)",
                "--allow-long-context",
            ])
        try expectFailure(
            [
                "quantize", "-o", dir + "/q", "--calibration-text", repositoryRoot + "/Data/tinystories-sample.txt",
                "--calibration-context", "600",
            ], mentions: ["--calibration-context 600", "(512)"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/q"))
        let allowed = try runCLI(["eval", "--context", "600", "--windows", "1", "--allow-long-context", "--json"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(allowed.stdout.utf8)) as! [String: Any]
        #expect(o["tokens"] as? Int == 599)
    }

    // MARK: Item 10 — smaller ones

    @Test func clearWordingForBadFilesAndOptions() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A folder without config.json is worded as every command words it.
        let noConfig = try copyOfBundledModel(dir, name: "noconfig")
        try FileManager.default.removeItem(atPath: noConfig + "/config.json")
        let missing = "\(noConfig): config.json is missing (is this a Hugging Face model folder?)"
        try expectFailure(["eval", noConfig], mentions: [missing])
        try expectFailure(["generate", noConfig, "--prompt", "Zoo"], mentions: [missing])
        try expectFailure(["inspect", noConfig], mentions: [missing])
        // Invalid JSON says where.
        let badJSON = try copyOfBundledModel(dir, name: "badjson")
        let config = try String(contentsOfFile: badJSON + "/config.json", encoding: .utf8)
        try config.replacingOccurrences(of: "\"num_hidden_layers\": 5,", with: "\"num_hidden_layers\": 5,,")
            .write(toFile: badJSON + "/config.json", atomically: true, encoding: .utf8)
        try expectFailure(["eval", badJSON], mentions: ["config.json", "line 8, column 26"])
        try expectFailure(["quantize", badJSON, "-o", dir + "/q"], mentions: ["line 8, column 26"])
        // Another format is "not a safetensors file".
        try Data("GGUF\u{3}\0\0\0 and then some more bytes".utf8).write(
            to: URL(fileURLWithPath: dir + "/m.safetensors"))
        try expectFailure(
            ["quantize-tensors", dir + "/m.safetensors", "-o", dir + "/o.safetensors"],
            mentions: [dir + "/m.safetensors: not a safetensors file"])
        // A negative seed gets a real message.
        let input = repositoryRoot + "/Tests/BlockQuantizationTests/Fixtures/reference-vectors.safetensors"
        try expectFailure(
            ["quantize-tensors", input, "-o", dir + "/o.safetensors", "--rounding", "stochastic", "--seed", "-5"],
            mentions: ["a seed is a whole number from 0 to 18446744073709551615, not '-5'"])
        try expectFailure(["train", "--seed", "-5"], mentions: ["not '-5'"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.safetensors"))
    }

    @Test func versionAndHelp() throws {
        let version = try runCLI(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        for command in ["eval", "generate"] {
            let help = try runCLI([command, "--help"]).stdout.replacingOccurrences(
                of: "\n {6,}", with: " ",
                options: .regularExpression)
            let line = help.split(separator: "\n").first { $0.contains("--threads") } ?? ""
            #expect(line.components(separatedBy: "default").count == 2, "\(command): \(line)")
        }
        let quantize = try runCLI(["quantize", "--help"]).stdout.replacingOccurrences(
            of: "\n {6,}", with: " ",
            options: .regularExpression)
        let rule = quantize.split(separator: "\n").first { $0.contains("--rule") } ?? ""
        // The values --rule lists are the ones it takes (it listed static_4, then refused it).
        #expect(rule.contains("(values: mse, mae, abs_max, static_6; default: mse)"), "\(rule)")
        #expect(!rule.contains("static_4"), "\(rule)")
    }

    @Test func theQuantizedFolderSaysWhatItIsAndLoadsAsBFloat16() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = try runCLI(["quantize", "-o", dir + "/q"])
        #expect(q.status == 0, "\(q.stderr)")
        let original = try String(contentsOfFile: repositoryRoot + "/Models/stories260K/README.md", encoding: .utf8)
        let card = try String(contentsOfFile: dir + "/q/README.md", encoding: .utf8)
        #expect(
            card.hasPrefix(
                "> **NVFP4 version.** This folder is an NVFP4 quantization of `stories260K`, "
                    + "made with fouroversix 0.1.0"
            ))
        #expect(card.contains("mse scale rule (Four Over Six), compressed-tensors format, W4A16 (weights only)"))
        #expect(card.hasSuffix("The original model card follows.\n\n" + original))
        let config =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/q/config.json")))
            as! [String: Any]
        #expect(config["torch_dtype"] as? String == "bfloat16")
        let d = try runCLI(["dequantize", dir + "/q", "-o", dir + "/d", "--dtype", "f32"])
        #expect(d.status == 0, "\(d.stderr)")
        let dequantized =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/d/config.json")))
            as! [String: Any]
        #expect(dequantized["torch_dtype"] as? String == "float32")
    }
}
