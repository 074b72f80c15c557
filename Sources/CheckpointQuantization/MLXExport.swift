// NVFP4 checkpoint → an MLX folder that mlx-lm loads (`mode: "nvfp4"`, group size 16).
//
// Promises (docs/formats.md):
// - each quantized module becomes `<module>.weight` U32 `[rows, cols/8]` (E2M1 codes; MLX packs
//   element 0 in the lowest nibble of a little-endian uint32, as compressed-tensors and ModelOpt do)
//   and `<module>.scales` U8 `[rows, cols/16]` E4M3;
// - mlx-lm's dense `QuantizedLinear` has no tensor scale, so it is folded into the block scales:
//   per block the best of the three E4M3 scales around `scale · amax/(M·S)`, with our 4/6 values
//   re-rounded to E2M1 (`foldedBlocks`). This is the one lossy step: `MLXFoldStatistics` counts the
//   blocks whose folded scale is exact and the squared error against our 4/6 weights;
// - every other tensor is copied byte for byte; config.json gets `quantization` and
//   `quantization_config` = {group_size 16, bits 4, mode nvfp4}; the other files (tokenizer, …) are
//   copied; the folder appears only when complete.

import BlockFormats
import BlockQuantization
import Foundation
import ModelFolder
import OutputSafety
import SafeTensors

/// What folding the tensor scale into E4M3 block scales cost.
public struct MLXFoldStatistics: Sendable, Codable {
    public var blocks = 0
    /// Blocks whose folded scale equals scale · amax/(M·S) exactly.
    public var exactBlocks = 0
    /// Σ (folded − ours)² and Σ ours² over all quantized weights.
    public var squaredError = 0.0
    public var energy = 0.0
    public var relativeError: Double { energy == 0 ? 0 : squaredError / energy }
}

public enum MLXExport {
    public static var quantization: [String: Any] { ["group_size": 16, "bits": 4, "mode": "nvfp4"] }

    @discardableResult
    public static func write(quantizedDirectory: String, to outputDirectory: String, overwrite: Bool) throws
        -> MLXFoldStatistics
    {
        let output = try OutputFolder(target: outputDirectory, overwrite: overwrite)
        defer { output.discard() }
        let q = try QuantizedCheckpoint.open(quantizedDirectory)
        let modules = Dictionary(uniqueKeysWithValues: q.modules.map { ($0.packed.name, $0) })
        let moduleTensors = Set(q.modules.flatMap(\.tensorNames))
        var specs: [TensorSpec] = []
        for t in q.checkpoint.tensors {
            if let m = modules[t.name] {
                specs.append(TensorSpec(name: m.module + ".weight", dtype: .U32, shape: [m.rows, m.cols / 8]))
                specs.append(TensorSpec(name: m.module + ".scales", dtype: .U8, shape: [m.rows, m.cols / 16]))
            } else if !moduleTensors.contains(t.name) {
                specs.append(TensorSpec(name: t.name, dtype: t.info.dtype, shape: t.info.shape))
            }
        }
        var statistics = MLXFoldStatistics()
        let writer = try SafeTensorsWriter(
            path: output.path("model.safetensors"), tensors: specs, metadata: ["format": "mlx"])
        do {
            for t in q.checkpoint.tensors {
                if let m = modules[t.name] {
                    let (codes, scales, s) = try foldedBlocks(q, m)
                    try writer.write(codes)
                    try writer.write(scales)
                    statistics.blocks += s.blocks
                    statistics.exactBlocks += s.exactBlocks
                    statistics.squaredError += s.squaredError
                    statistics.energy += s.energy
                } else if !moduleTensors.contains(t.name) {
                    try writer.write(try t.shard.bytes(t.name))
                }
                t.shard.releasePages(t.name)
            }
            try writer.finish()
        } catch {
            writer.abort()
            throw error
        }
        var config = q.checkpoint.config
        config["quantization"] = quantization
        config["quantization_config"] = quantization
        try writeJSON(config, to: output.path("config.json"))
        try CheckpointQuantizer.copyOtherFiles(from: q.checkpoint.directory, to: output)
        try output.commit()
        return statistics
    }

    /// The codes and block scales of `m` on MLX's grid (no tensor scale), and what it cost. Per
    /// block: the scale · amax/(M·S) rounded to E4M3 and its two E4M3 neighbours are tried, each
    /// with our 4/6 values re-rounded to E2M1 (nearest, ties to even); the candidate with the
    /// smallest squared error against our values wins (the first on ties).
    static func foldedBlocks(_ q: QuantizedCheckpoint, _ m: QuantizedModule) throws -> (
        codes: [UInt8], scales: [UInt8], MLXFoldStatistics
    ) {
        let multiplier = try GGUFExport.multiplierScale(q, m)
        let scales = Array(try m.blockScales.shard.bytes(m.blockScales.name))
        let ours = try q.dequantizedWeight(m)
        var s = MLXFoldStatistics()
        var folded = [UInt8](repeating: 0, count: scales.count)
        var codes = [UInt8](repeating: 0, count: ours.count / 2)
        for b in 0..<scales.count {
            let exact = E4M3.value(ofCode: scales[b]) * multiplier
            let rounded = E4M3.code(for: exact) & 0x7F
            s.blocks += 1
            if E4M3.value(ofCode: rounded) == exact { s.exactBlocks += 1 }
            var best: (error: Double, scale: UInt8, codes: [UInt8]) = (.infinity, 0, [])
            for candidate in [Int(rounded), Int(rounded) - 1, Int(rounded) + 1] where (0...0x7E).contains(candidate) {
                let c = UInt8(candidate), f = E4M3.value(ofCode: c)
                var error = 0.0
                var blockCodes = [UInt8](repeating: 0, count: 16)
                for k in 0..<16 {
                    let o = ours[b * 16 + k]
                    blockCodes[k] = f == 0 ? (o < 0 ? 8 : 0) : E2M1.code(forScaled: o / f)
                    let d = Double(E2M1.value(ofCode: blockCodes[k]) * f) - Double(o)
                    error += d * d
                }
                if error < best.error { best = (error, c, blockCodes) }
            }
            folded[b] = best.scale
            for k in stride(from: 0, to: 16, by: 2) { codes[(b * 16 + k) / 2] = best.codes[k] | best.codes[k + 1] << 4 }
            s.squaredError += best.error
            for k in 0..<16 { s.energy += Double(ours[b * 16 + k]) * Double(ours[b * 16 + k]) }
        }
        return (codes, folded, s)
    }
}

/// Output formats for runtimes outside the NVFP4 GPU engines.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One GGUF file for llama.cpp (NVFP4 type 40 + `.scale` tensors).
    case gguf
    /// A folder for mlx-lm (`mode: "nvfp4"`).
    case mlx
}

public enum CheckpointExport {
    /// Quantizes `modelDirectory` exactly as `CheckpointQuantizer.run` does (ModelOpt layout, in a
    /// scratch folder beside `output`) and writes it as `format` to `output` (a file for GGUF, a
    /// folder for MLX). A model GGUF cannot hold is refused before any work.
    public static func run(
        format: ExportFormat, modelDirectory: String, output: String,
        options: CheckpointQuantizationOptions,
        progress: (QuantizationProgress) -> Void = { _ in }
    ) throws -> (QuantizationReport, MLXFoldStatistics?) {
        try OutputPolicy.prepare(
            OutputRequest(
                output, format == .gguf ? .file : .folder, inputs: [modelDirectory],
                existing: options.overwrite ? .replace : .refuse))
        if format == .gguf { try GGUFExport.checkExportable(modelDirectory: modelDirectory) }
        // The ModelOpt checkpoint goes to a scratch folder beside the output: a hidden partial
        // (OutputFolder), so that an interrupt, or the next run after a crash, removes it too.
        let scratch = try OutputFolder(target: output + ".modelopt", overwrite: true, inputs: [modelDirectory])
        defer { scratch.discard() }
        let temporary = scratch.path("checkpoint")
        var o = options
        o.convention = .modelopt
        o.maxShardBytes = Int.max
        o.overwrite = false
        var report = try CheckpointQuantizer.run(
            modelDirectory: modelDirectory, outputDirectory: temporary, options: o,
            progress: progress)
        var statistics: MLXFoldStatistics?
        switch format {
        case .gguf: try GGUFExport.write(quantizedDirectory: temporary, to: output, overwrite: options.overwrite)
        case .mlx:
            statistics = try MLXExport.write(quantizedDirectory: temporary, to: output, overwrite: options.overwrite)
        }
        report.output = output
        report.convention = format.rawValue
        return (report, statistics)
    }
}
