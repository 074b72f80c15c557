// `quantize --convention gguf|mlx` on the bundled stories260K: the GGUF file holds exactly the
// ModelOpt checkpoint's codes and block scales (q/k rows permuted as llama.cpp), the multiplier
// `amax/(M·S)` as `<name>.scale`, F32 norms, llama.cpp names, metadata and tokenizer; the MLX
// folder has mlx-lm's names, dtypes, shapes and config, with the fold's error as reported.

import BlockFormats
import BlockQuantization
import Foundation
import GGUF
import ModelFolder
import SafeTensors
import TestSupport
import Testing

@testable import CheckpointQuantization

@Suite struct ExportTests {
    func export(_ format: ExportFormat, _ dir: String) throws -> (
        output: String, reference: QuantizedCheckpoint, MLXFoldStatistics?
    ) {
        let options = CheckpointQuantizationOptions(selection: try LayerSelection())
        var modelopt = options
        modelopt.convention = .modelopt
        _ = try CheckpointQuantizer.run(modelDirectory: bundledModel, outputDirectory: dir + "/mo", options: modelopt)
        let output = dir + (format == .gguf ? "/model.gguf" : "/mlx")
        let (report, fold) = try CheckpointExport.run(
            format: format, modelDirectory: bundledModel, output: output, options: options)
        #expect(report.convention == format.rawValue && report.layers.count == 30)
        return (output, try QuantizedCheckpoint.open(dir + "/mo"), fold)
    }

    @Test func ggufCarriesTheCheckpointsNumbersExactly() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, q, _) = try export(.gguf, dir)
        let file = try GGUFFile(path: path)
        #expect(file.metadata["general.architecture"]?.string == "llama")
        #expect(file.metadata["llama.block_count"]?.integer == 5)
        #expect(file.metadata["llama.attention.head_count_kv"]?.integer == 4)
        #expect(file.metadata["tokenizer.ggml.model"]?.string == "llama")
        #expect(file.metadata["tokenizer.ggml.tokens"]?.array?.count == 512)
        #expect(file.metadata["tokenizer.ggml.bos_token_id"]?.integer == 1)
        #expect(file.metadata["tokenizer.ggml.add_bos_token"]?.bool == true)
        let constants = ScaleConstants(format: .nvfp4, rule: .mse)
        for m in q.modules {
            let name = try GGUFExport.ggufName(m.module + ".weight", path: "")
            let info = try #require(file.info(name))
            #expect(info.type == .NVFP4 && info.shape == [m.rows, m.cols])
            var (codes, scales) = NVFP4Blocks.unpack(try file.bytes(name), rows: m.rows, cols: m.cols)
            let heads = m.module.hasSuffix("q_proj") ? 8 : m.module.hasSuffix("k_proj") ? 4 : nil
            if let heads {
                codes = GGUFExport.unpermuteRows(codes, rows: m.rows, heads: heads)
                scales = GGUFExport.unpermuteRows(scales, rows: m.rows, heads: heads)
            }
            #expect(codes == Array(try m.packed.shard.bytes(m.packed.name)), "\(name) codes")
            #expect(scales == Array(try m.blockScales.shard.bytes(m.blockScales.name)), "\(name) scales")
            let scale = try file.dequantize(name.replacingOccurrences(of: ".weight", with: ".scale"))
            #expect(scale == [constants.decodeScale(amax: q.exactAmax[m.module]!)])
            #expect(scale == [try q.storedTensorScale(m)])
        }
        // The down projections (input 172) stay F32, byte for byte; norms are F32.
        let source = try ModelCheckpoint.open(bundledModel)
        let down = try #require(file.info("blk.0.ffn_down.weight"))
        #expect(down.type == .F32 && down.shape == [64, 172])
        #expect(
            Array(try file.bytes("blk.0.ffn_down.weight"))
                == Array(
                    try source.tensor("model.layers.0.mlp.down_proj.weight")!.shard.bytes(
                        "model.layers.0.mlp.down_proj.weight")))
        #expect(file.info("blk.0.attn_norm.weight")?.type == .F32 && file.info("output_norm.weight")?.type == .F32)
        #expect(file.info("token_embd.weight")?.shape == [512, 64] && file.info("output.weight") == nil)
    }

    @Test func permutationIsLlamaCppsAndInvertible() {
        // 2 heads of 4 rows: new row 2i+j of a head is old row j·2+i.
        let rows = (0..<8).map { [$0] }.flatMap { $0 }
        #expect(GGUFExport.permuteRows(rows, rows: 8, heads: 2) == [0, 2, 1, 3, 4, 6, 5, 7])
        let x = (0..<24).map(Float.init)
        #expect(GGUFExport.unpermuteRows(GGUFExport.permuteRows(x, rows: 12, heads: 3), rows: 12, heads: 3) == x)
    }

    @Test func mlxFolderHasMLXLayoutAndTheReportedFoldError() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (folder, q, fold) = try export(.mlx, dir)
        let config = try readJSONObject(folder + "/config.json")
        let quantization = try #require(config["quantization"] as? [String: Any])
        #expect(
            quantization["mode"] as? String == "nvfp4" && quantization["group_size"] as? Int == 16
                && quantization["bits"] as? Int == 4)
        #expect(FileManager.default.fileExists(atPath: folder + "/tokenizer.json"))
        let file = try SafeTensorsFile(path: folder + "/model.safetensors")
        var squaredError = 0.0, energy = 0.0
        for m in q.modules {
            let w = try #require(file.info(m.module + ".weight")), s = try #require(file.info(m.module + ".scales"))
            #expect(
                w.dtype == .U32 && w.shape == [m.rows, m.cols / 8] && s.dtype == .U8
                    && s.shape == [m.rows, m.cols / 16])
            let codes = try file.bytes(m.module + ".weight"), scales = try file.bytes(m.module + ".scales")
            let ours = try q.dequantizedWeight(m)
            for i in 0..<ours.count {
                let code = i & 1 == 0 ? codes[i >> 1] & 0xF : codes[i >> 1] >> 4
                let v = Double(E2M1.value(ofCode: code) * E4M3.value(ofCode: scales[i / 16])), o = Double(ours[i])
                squaredError += (v - o) * (v - o)
                energy += o * o
            }
        }
        let statistics = try #require(fold)
        #expect(statistics.blocks == 10720)
        #expect(abs(squaredError / energy - statistics.relativeError) < 1e-12)
        #expect(statistics.relativeError > 0 && statistics.relativeError < 1e-3)
        #expect(file.info("model.layers.0.mlp.down_proj.weight")?.dtype == .F32)
    }
}
