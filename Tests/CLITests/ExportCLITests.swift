// The round trip of `quantize --convention gguf|mlx` through the CLI (issue 17, item 5): `eval`
// of the GGUF export prints the perplexity of the compressed-tensors checkpoint of the same
// quantization; `inspect` summarizes the GGUF file and the MLX folder as NVFP4; `eval` runs on
// the MLX folder; a GGUF whose recorded amax disagrees with its stored scale and an MLX folder
// whose mode is not NVFP4 are refused with one line and a non-zero exit. A GGUF output is a
// file to the output checks, a model GGUF cannot hold is refused before any work, and the
// export's scratch checkpoint is a partial of the output that a later run removes.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ExportCLITests {
    func perplexity(_ model: String) throws -> String {
        let r = try runCLI(["eval", model, "--windows", "2", "--context", "64", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return "\(json?["perplexity"] ?? "none")"
    }

    func expectOneLineFailure(
        _ args: [String], mentions: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let r = try runCLI(args)
        #expect(r.status != 0 && r.stdout.isEmpty, "\(args)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(mentions), "'\(r.stderr)' should mention \(mentions)", sourceLocation: sourceLocation)
        #expect(
            r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1,
            "'\(r.stderr)' is not one line", sourceLocation: sourceLocation)
    }

    @Test func ggufExportEvaluatesLikeTheCheckpointAndInspects() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (convention, out) in [("gguf", "m.gguf"), ("compressed-tensors", "ct")] {
            let r = try runCLI(["quantize", "--convention", convention, "-o", dir + "/" + out])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let ggufPerplexity = try perplexity(dir + "/m.gguf"), checkpointPerplexity = try perplexity(dir + "/ct")
        #expect(ggufPerplexity != "none" && ggufPerplexity == checkpointPerplexity)
        let inspect = try runCLI(["inspect", dir + "/m.gguf"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("NVFP4, convention gguf") && inspect.stdout.contains("4/6 rule: mse"))
        #expect(inspect.stdout.contains("30 quantized modules"))

        // A recorded amax that does not give the stored `.scale` (the F32 value after the key).
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/m.gguf")))
        let key = Array("fouroversix.amax.blk.0.attn_q.weight".utf8)
        let at = try #require((0...(bytes.count - key.count)).first { bytes[$0..<($0 + key.count)].elementsEqual(key) })
        let value = at + key.count + 4  // after the key, the value type (u32 6 = float32)
        #expect(bytes[(value - 4)..<value].elementsEqual([6, 0, 0, 0]))
        withUnsafeBytes(of: Float(1.5).bitPattern.littleEndian) { for k in 0..<4 { bytes[value + k] = $0[k] } }
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/stale.gguf"))
        for args in [
            ["eval", dir + "/stale.gguf", "--windows", "1"], ["inspect", dir + "/stale.gguf"],
            ["generate", dir + "/stale.gguf", "--prompt", "Once", "--tokens", "2"],
        ] {
            try expectOneLineFailure(args, mentions: "fouroversix.amax.blk.0.attn_q.weight: amax 1.5 with rule mse")
        }
    }

    @Test func mlxExportInspectsAndEvaluatesAndOtherModesAreRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(["quantize", "--convention", "mlx", "-o", dir + "/mlx"])
        #expect(r.status == 0, "\(r.stderr)")
        let inspect = try runCLI(["inspect", dir + "/mlx"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("NVFP4, convention mlx") && inspect.stdout.contains("30 quantized modules"))
        let mlxPerplexity = try perplexity(dir + "/mlx")
        #expect(mlxPerplexity != "none")

        let configPath = dir + "/mlx/config.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: configPath))
        var config = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        config["quantization"] = ["group_size": 32, "bits": 4, "mode": "mxfp4"]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        for args in [
            ["eval", dir + "/mlx", "--windows", "1"],
            ["generate", dir + "/mlx", "--prompt", "Once", "--tokens", "2"],
        ] {
            try expectOneLineFailure(args, mentions: "MLX quantization mode mxfp4, group_size 32, bits 4 is not NVFP4")
        }
    }

    @Test func ggufOutputsAreCheckedAsFilesAndBadModelsRefusedBeforeAnyWork() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("precious".utf8).write(to: URL(fileURLWithPath: dir + "/m.gguf"))
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        try expectOneLineFailure(
            ["quantize", "--convention", "gguf", "-o", dir + "/m.gguf"],
            mentions: "output file \(dir)/m.gguf already exists; pass --overwrite to replace it")
        try expectOneLineFailure(
            ["quantize", "--convention", "gguf", "-o", dir + "/folder"],
            mentions: "output file \(dir)/folder is a folder; give a file path")
        #expect(FileManager.default.contents(atPath: dir + "/m.gguf") == Data("precious".utf8))

        let model = dir + "/model"
        try FileManager.default.copyItem(atPath: bundledModel, toPath: model)
        try FileManager.default.removeItem(atPath: model + "/tokenizer.json")
        try expectOneLineFailure(
            ["quantize", model, "--convention", "gguf", "-o", dir + "/new.gguf"],
            mentions: "\(model)/tokenizer.json: no such file or directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["folder", "m.gguf", "model"])
    }

    @Test func aDeadExportsScratchCheckpointIsRemovedByTheNextRun() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadProcessID()
        let scratch = "\(dir)/.m.gguf.modelopt.partial-\(dead)-7"
        try FileManager.default.createDirectory(atPath: scratch + "/checkpoint", withIntermediateDirectories: true)
        try Data(repeating: 1, count: 4096).write(to: URL(fileURLWithPath: scratch + "/checkpoint/model.safetensors"))
        try Data(repeating: 2, count: 4096).write(to: URL(fileURLWithPath: "\(dir)/.m.gguf.partial-\(dead)-8"))
        let r = try runCLI(["quantize", "--convention", "gguf", "-o", dir + "/m.gguf"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("removed an unfinished output of \(dir)/m.gguf left by an interrupted run"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["m.gguf"])
    }
}
