// The command-line interface: help, the quantize-tensors output contract, the error
// command's JSON, and bad input (one clear line naming the file/tensor, a non-zero exit,
// no partial output).

import BlockQuantization
import CheckpointQuantization
import Foundation
import SafeTensors
import TestSupport
import Testing

@Suite(.serialized) struct CLITests {
    @Test func helpListsCommands() throws {
        let r = try runCLI(["--help"])
        #expect(r.status == 0)
        for command in ["quantize", "dequantize", "inspect", "quantize-tensors", "error"] {
            #expect(r.stdout.contains(command), "\(command) missing from --help")
        }
        let sub = try runCLI(["quantize-tensors", "--help"])
        #expect(sub.status == 0 && sub.stdout.contains("--block-2d") && sub.stdout.contains("--rule"))
    }

    /// A small input: a ragged 2-D BF16 tensor, an F32 matrix, a 1-D tensor and an I32 tensor.
    func writeInput(_ path: String, poison: Bool = false) throws -> [Float] {
        var w: [Float] = (0..<(20 * 40)).map { (i: Int) -> Float in
            let wave = Float(sin(Double(i) * 0.37))
            return wave * Float(1 + i % 7)
        }
        if poison { w[13] = .infinity }
        let m: [Float] = (0..<(32 * 32)).map { (i: Int) -> Float in Float(i % 17) - 8 }
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "w", dtype: .F32, shape: [20, 40]), try bytes(of: w, as: .F32)),
                (TensorSpec(name: "m", dtype: .BF16, shape: [32, 32]), try bytes(of: m, as: .BF16)),
                (
                    TensorSpec(name: "bias", dtype: .F32, shape: [40]),
                    try bytes(of: [Float](repeating: 1, count: 40), as: .F32)
                ),
                (TensorSpec(name: "ids", dtype: .I32, shape: [2, 2]), [UInt8](repeating: 7, count: 16)),
            ], metadata: ["source": "test"])
        return w
    }

    @Test(arguments: ["nvfp4:mse", "nvfp4:static_6", "mxfp4:static_6", "nvint4:static_6", "if4:abs_max"])
    func quantizeTensorsMatchesTheCore(_ variant: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let w = try writeInput(dir + "/in.safetensors")
        let parts = variant.split(separator: ":").map(String.init)
        let r = try runCLI([
            "quantize-tensors", dir + "/in.safetensors", "-o", dir + "/out.safetensors",
            "--format", parts[0], "--rule", parts[1], "--transpose",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try SafeTensorsFile(path: dir + "/out.safetensors")
        let config = QuantizationConfig(
            format: BlockFormat(rawValue: parts[0])!, rule: ScaleRule(rawValue: parts[1])!, transpose: true)
        let q = try ReferenceQuantizer.quantize(w, rows: 20, cols: 40, config: config)
        let block = config.format.blockSize
        #expect(out.info("w.qdata")?.shape == [40, 32 / 2] && out.info("w.qdata")?.dtype == .U8)
        #expect(out.info("w.scales")?.shape == [40, 32 / block])
        #expect(out.info("w.scales")?.dtype == (parts[0] == "mxfp4" ? .U8 : .F8_E4M3))
        #expect(Array(try out.bytes("w.qdata")) == q.codes)
        #expect(Array(try out.bytes("w.scales")) == q.scales)
        #expect(try out.floats("w.amax") == [q.amax])
        #expect(Array(try out.bytes("ids")) == [UInt8](repeating: 7, count: 16))
        #expect(out.info("bias")?.shape == [40])
        #expect(out.metadata["source"] == "test")

        let d = try runCLI([
            "quantize-tensors", dir + "/in.safetensors", "-o", dir + "/deq.safetensors",
            "--format", parts[0], "--rule", parts[1], "--transpose", "--dequantize",
        ])
        #expect(d.status == 0)
        let deq = try SafeTensorsFile(path: dir + "/deq.safetensors")
        #expect(deq.info("w")?.shape == [40, 20] && deq.info("w")?.dtype == .F32)
        #expect(try deq.floats("w").map(\.bitPattern) == ReferenceQuantizer.dequantize(q).map(\.bitPattern))
    }

    /// README's example; the file is the library's `TensorFileQuantizer` output byte for byte.
    @Test func quantizeTensorsOnTheReferenceVectors() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = repositoryRoot + "/Tests/BlockQuantizationTests/Fixtures/reference-vectors.safetensors"
        let r = try runCLI(["quantize-tensors", input, "-o", dir + "/rv.safetensors", "--rule", "mse"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(dir)/rv.safetensors: 93 tensors quantized to nvfp4 (mse), 270 copied\n")
        _ = try TensorFileQuantizer(config: QuantizationConfig(format: .nvfp4, rule: .mse))
            .run(input: input, output: dir + "/library.safetensors")
        let (cli, library) = (dir + "/rv.safetensors", dir + "/library.safetensors")
        #expect(FileManager.default.contents(atPath: cli) == FileManager.default.contents(atPath: library))
    }

    @Test func badInputFailsCleanly() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func expectFailure(_ args: [String], mentions: [String]) throws {
            let r = try runCLI(args)
            #expect(r.status != 0, "\(args) should fail")
            let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            for m in mentions { #expect(message.contains(m), "'\(message)' should mention \(m)") }
            #expect(!FileManager.default.fileExists(atPath: dir + "/out.safetensors"))
            #expect((try FileManager.default.contentsOfDirectory(atPath: dir)).allSatisfy { !$0.contains("partial") })
        }
        try expectFailure(
            ["quantize-tensors", dir + "/missing.safetensors", "-o", dir + "/out.safetensors"],
            mentions: ["missing.safetensors"])
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/bad.safetensors"))
        try expectFailure(
            ["quantize-tensors", dir + "/bad.safetensors", "-o", dir + "/out.safetensors"],
            mentions: ["bad.safetensors", "truncated"])
        _ = try writeInput(dir + "/inf.safetensors", poison: true)
        try expectFailure(
            ["quantize-tensors", dir + "/inf.safetensors", "-o", dir + "/out.safetensors"],
            mentions: ["inf.safetensors", "'w'", "inf"])
        _ = try writeInput(dir + "/in.safetensors")
        try expectFailure(
            [
                "quantize-tensors", dir + "/in.safetensors", "-o", dir + "/out.safetensors",
                "--format", "mxfp4", "--rule", "mse",
            ], mentions: ["mse", "mxfp4"])
        try expectFailure(
            ["quantize-tensors", dir + "/in.safetensors", "-o", "/proc/no/out.safetensors"],
            mentions: ["/proc/no/out.safetensors"])
        try writeSafeTensors(
            path: dir + "/empty.safetensors",
            tensors: [(TensorSpec(name: "e", dtype: .F32, shape: [3, 0]), [])])
        try expectFailure(
            ["quantize-tensors", dir + "/empty.safetensors", "-o", dir + "/out.safetensors"],
            mentions: ["'e'", "empty"])
    }

    @Test func errorCommandJSON() throws {
        let r = try runCLI(["error", "--json", "--formats", "nvfp4:static_6", "nvfp4:mse"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let summary = object["summary"] as! [String: Any]
        let errors = summary["relative_mse"] as! [String: Double]
        #expect(errors["nvfp4:mse"]! < errors["nvfp4:static_6"]!)
        #expect((object["tensors"] as! [Any]).count == 36)
        // README: the table names the bundled model relative to the checkout.
        let table = try runCLI(["error", "--formats", "nvfp4:static_6"], in: repositoryRoot)
        #expect(table.stdout.hasPrefix("Relative MSE Σ(x̂−x)²/Σx² per tensor — ./Models/stories260K\n"))
    }

    @Test func quantizeTheBundledModelAndRefuseToOverwrite() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try runCLI(["quantize"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("total (30 layers)"))
        #expect(FileManager.default.fileExists(atPath: dir + "/stories260K-nvfp4/model.safetensors"))
        let second = try runCLI(["quantize"], in: dir)
        #expect(second.status != 0 && second.stderr.contains("already exists"))
        let inspect = try runCLI(["inspect", dir + "/stories260K-nvfp4"])
        #expect(inspect.status == 0 && inspect.stdout.contains("compressed-tensors"))
    }
}
