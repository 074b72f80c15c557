// `quantize --convention gguf|mlx` on the bundled stories260K: the GGUF file holds exactly the
// ModelOpt checkpoint's codes and block scales (q/k rows permuted as llama.cpp), the multiplier
// `amax/(M·S)` as `<name>.scale`, F32 norms, llama.cpp names, metadata and tokenizer; the MLX
// folder has mlx-lm's names, dtypes, shapes and config, with the fold's error as reported.
// Read back (the round trip): the GGUF file through `GGUFModel` gives the checkpoint's
// dequantized weights bit for bit (llama.cpp's order within 2 ulp without our keys; a stale amax
// key refused); the MLX folder through `QuantizedCheckpoint` gives E2M1·E4M3 of the folded
// blocks `MLXExport` wrote, bit for bit (a non-NVFP4 mode refused); `inspect` summarizes both.

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

    @Test func ggufReadsBackAsTheCheckpointsDequantizationBitForBit() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, q, _) = try export(.gguf, dir)
        let gguf = try GGUFModel(path: path)
        let source = try ModelCheckpoint.open(bundledModel)
        // The `.scale` companions are no model tensors; every model tensor is there.
        #expect(Set(gguf.tensorNames) == Set(source.tensors.map(\.name)))
        #expect(gguf.nvfp4Weights.count == 30)
        for m in q.modules {
            let w = try #require(gguf.nvfp4Weights[m.module + ".weight"])
            #expect(w.rule == .mse && w.exactAmax == q.exactAmax[m.module] && w.inputScale == nil)
            let ours = try q.dequantizedWeight(m)
            #expect(try gguf.floats(m.module + ".weight").map(\.bitPattern) == ours.map(\.bitPattern), "\(m.module)")
        }
        for t in source.tensors where gguf.nvfp4Weights[t.name] == nil {
            #expect(try gguf.floats(t.name).map(\.bitPattern) == t.shard.floats(t.name).map(\.bitPattern), "\(t.name)")
        }
        let summary = try CheckpointSummary.inspect(path)
        #expect(summary.convention == "gguf" && summary.rule == "mse" && summary.producer == "fouroversix")
        #expect(summary.modules.count == 30 && summary.fusedGroupsWithDifferentScales.isEmpty)
        #expect(summary.tensorsByDType == ["NVFP4": 30, "F32": 47])
        for s in summary.modules { #expect(s.amax == q.exactAmax[s.module] && s.storedTensorScale != nil) }
        #expect(summary.text.contains("NVFP4, convention gguf, quant_method gguf"))
        #expect(summary.text.contains("producer: fouroversix; 4/6 rule: mse"))
    }

    /// `path` rewritten with `edit` applied to its metadata (tensors byte for byte).
    func rewrite(
        _ path: String, to out: String,
        _ edit: ([(key: String, value: GGUFValue)]) -> [(key: String, value: GGUFValue)]
    ) throws {
        let file = try GGUFFile(path: path)
        let metadata = edit(file.metadataKeys.map { ($0, file.metadata[$0]!) })
        let specs = file.tensors.map { GGUFTensorSpec(name: $0.name, type: $0.type, dimensions: $0.dimensions) }
        try GGUFWriter.write(to: out, metadata: metadata, tensors: specs) { i in
            Array(try file.bytes(file.tensors[i].name))
        }
    }

    @Test func ggufWithoutOurKeysReadsAsLlamaCppAndAStaleAmaxIsRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, q, _) = try export(.gguf, dir)
        // Another producer's file: gguf-py's block decoding times the `.scale` multiplier.
        try rewrite(path, to: dir + "/plain.gguf") { $0.filter { !$0.key.hasPrefix("fouroversix.") } }
        let plain = try GGUFModel(path: dir + "/plain.gguf")
        let file = try GGUFFile(path: dir + "/plain.gguf")
        var differing = 0
        for m in q.modules {
            let name = try GGUFExport.ggufName(m.module + ".weight", path: "")
            let w = try #require(plain.nvfp4Weights[m.module + ".weight"])
            let stored = try q.storedTensorScale(m)
            #expect(w.rule == nil && w.exactAmax == nil && w.multiplier == stored)
            let got = try plain.floats(m.module + ".weight"), ours = try q.dequantizedWeight(m)
            let heads = m.module.hasSuffix("q_proj") ? 8 : m.module.hasSuffix("k_proj") ? 4 : nil
            let blocks = try file.dequantize(name).map { $0 * w.multiplier }
            #expect(got == heads.map { GGUFModel.reversePermutedRows(blocks, rows: m.rows, heads: $0) } ?? blocks)
            for (a, b) in zip(got, ours) where a != b {
                differing += 1
                #expect(abs(a - b) <= 2 * b.ulp, "\(m.module): \(a) vs \(b)")
            }
        }
        #expect(differing > 0)  // the float order differs: (q·s)·(amax/1536) vs ((q·s)·amax)·(1/1536)
        #expect(try CheckpointSummary.inspect(dir + "/plain.gguf").rule == nil)

        // A recorded amax that does not give the stored `.scale`: refused, naming the key.
        let key = "fouroversix.amax.blk.0.attn_q.weight"
        try rewrite(path, to: dir + "/stale.gguf") { metadata in
            metadata.map { $0.key == key ? (key, .float32(1.5)) : $0 }
        }
        #expect(throws: ModelFolderError.self) { try GGUFModel(path: dir + "/stale.gguf") }
        do { _ = try GGUFModel(path: dir + "/stale.gguf") } catch {
            #expect("\(error)".contains("\(key): amax 1.5 with rule mse gives the tensor scale"))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func mlxReadsBackTheFoldedBlocksBitForBitAndRefusesOtherModes() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (folder, q, _) = try export(.mlx, dir)
        let mlx = try QuantizedCheckpoint.open(folder)
        #expect(mlx.convention == .mlx && mlx.modules.count == 30 && mlx.rule == nil)
        for m in q.modules {
            let read = try #require(mlx.modules.first { $0.module == m.module })
            #expect(read.rows == m.rows && read.cols == m.cols && read.tensorScale == nil)
            let (codes, scales, _) = try MLXExport.foldedBlocks(q, m)
            let written = (0..<(m.rows * m.cols)).map { i in
                let code = i & 1 == 0 ? codes[i >> 1] & 0xF : codes[i >> 1] >> 4
                return E2M1.value(ofCode: code) * E4M3.value(ofCode: scales[i / 16])
            }
            #expect(try mlx.dequantizedWeight(read).map(\.bitPattern) == written.map(\.bitPattern), "\(m.module)")
        }
        let summary = try CheckpointSummary.inspect(folder)
        #expect(summary.convention == "mlx" && summary.modules.count == 30)
        #expect(summary.modules.allSatisfy { $0.storedTensorScale == nil && $0.amax == nil })
        #expect(summary.text.contains("NVFP4, convention mlx"))
        #expect(summary.text.contains("model.layers.0.self_attn.q_proj"))

        // `dequantize` of the folder: plain F32 weights, no `quantization` left for mlx-lm to trip on.
        try CheckpointDequantizer.run(
            quantizedDirectory: folder, outputDirectory: dir + "/deq", dtype: .F32,
            overwrite: false)
        let config = try readJSONObject(dir + "/deq/config.json")
        #expect(config["quantization"] == nil && config["quantization_config"] == nil)

        // mlx-lm's affine mode (or any other than nvfp4 / 16 / 4) is not NVFP4.
        var edited = try readJSONObject(folder + "/config.json")
        edited["quantization"] = ["group_size": 64, "bits": 4]
        try writeJSON(edited, to: folder + "/config.json")
        #expect(throws: CheckpointError.self) { try QuantizedCheckpoint.open(folder) }
        do { _ = try QuantizedCheckpoint.open(folder) } catch {
            #expect(
                "\(error)".hasSuffix(
                    "config.json: MLX quantization mode affine, group_size 64, bits 4 "
                        + "is not NVFP4 (mode nvfp4, group_size 16, bits 4)"))
        }
    }
}
