// `fouroversix quantize`: the main job — a Hugging Face checkpoint to a deployable NVFP4
// (4/6) checkpoint, with a per-layer report.
//
// Promises: with no model argument it quantizes the bundled stories260K into
// ./stories260K-nvfp4; the report lists every quantized layer (standard NVFP4 vs the chosen
// rule, share of blocks that chose 4, sizes) and every skipped module with its reason;
// `--report FILE.json` saves it; progress shows on a TTY; the output folder appears only
// when complete, and an interrupted run (Ctrl-C) removes its temporary folder. A GGUF file is
// quantized through its Hugging Face folder (Evaluation's `GGUFConversion`, a scratch folder
// beside the output), so the output has config.json and the tokenizer files.

import ArgumentParser
import BlockQuantization
import CheckpointQuantization
import CPUKernels
import Evaluation
import Foundation

extension CheckpointConvention: ExpressibleByArgument {}

struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Quantize a Hugging Face checkpoint to NVFP4 with 4/6 (compressed-tensors or ModelOpt).",
        discussion: """
        Linear-layer weights (2-D *.weight of Linear modules with an input dimension divisible by 16) \
        are quantized; embeddings, norms, biases and lm_head keep their dtype and skipped Linear \
        modules are listed in the config's ignore list. q/k/v and gate/up share one tensor scale. \
        The output loads in vLLM, SGLang and TensorRT-LLM.
        """
    )

    @Argument(help: "Model folder (config.json + safetensors) or a GGUF file. Default: the bundled stories260K.")
    var model: String?

    @Option(name: .shortAndLong, help: "Output folder (default: ./<model>-nvfp4).")
    var output: String?

    @Option(help: "Checkpoint convention: compressed-tensors or modelopt.")
    var convention: CheckpointConvention = .compressedTensors

    @Option(help: "Scale rule: mse (4/6, default), mae, abs_max, or static_6 (standard NVFP4).")
    var rule: ScaleRule = .mse

    @Option(parsing: .singleValue, help: "Regex of module names to leave unquantized (repeatable).")
    var exclude: [String] = []

    @Option(parsing: .singleValue, help: "Regex of module names to quantize; when given, only these (repeatable).")
    var include: [String] = []

    @Option(help: "Largest output shard, e.g. 5GB, 500MB.")
    var maxShardSize: String = "5GB"

    @Flag(help: "Replace an existing output folder.")
    var overwrite = false

    @Option(help: "Also save the report as JSON to this file.")
    var report: String?

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Option(help: "Text to calibrate activation scales on (writes a W4A4 checkpoint with input scales).")
    var calibrationText: String?

    @Option(help: "Windows of the calibration text to run (of --calibration-context tokens each).")
    var calibrationWindows: Int = 16

    @Option(help: "Tokens per calibration window.")
    var calibrationContext: Int = 512

    func validate() throws {
        guard calibrationWindows > 0, calibrationContext > 1 else {
            throw ValidationError("--calibration-windows must be positive and --calibration-context at least 2")
        }
        guard [.mse, .mae, .absMax, .static6].contains(rule) else {
            throw ValidationError("rule \(rule.rawValue) cannot be written as an NVFP4 checkpoint (use mse, mae, abs_max or static_6)")
        }
        guard parseByteSize(maxShardSize) != nil else {
            throw ValidationError("--max-shard-size '\(maxShardSize)' is not a size like 5GB or 500MB")
        }
    }

    func run() throws {
        let modelDirectory = try model ?? BundledModel.directory()
        var url = URL(fileURLWithPath: modelDirectory).standardizedFileURL
        if url.pathExtension == "gguf" { url = url.deletingPathExtension() }
        let name = url.lastPathComponent
        let outputDirectory = output ?? "./\(name)-nvfp4"
        var options = CheckpointQuantizationOptions(selection: try LayerSelection(include: include, exclude: exclude))
        options.convention = convention
        options.rule = rule
        options.maxShardBytes = parseByteSize(maxShardSize)!
        options.overwrite = overwrite

        if let calibrationText {
            options.activationAmax = try calibrate(modelDirectory: modelDirectory, text: calibrationText)
        }
        installInterruptCleanup()
        var bar: ProgressBar?
        var result = try GGUFConversion.withModelFolder(modelDirectory, near: outputDirectory) { folder in
            try CheckpointQuantizer.run(modelDirectory: folder, outputDirectory: outputDirectory,
                                        options: options) { p in
                if bar == nil { bar = ProgressBar(total: p.tensorsTotal, unit: "tensors", totalBytes: p.bytesTotal) }
                bar?.advance(bytes: p.bytesDone - (bar?.bytesDone ?? 0), label: p.tensor)
            }
        }
        result.model = modelDirectory
        bar?.finish()
        if let report {
            do {
                try result.jsonData().write(to: URL(fileURLWithPath: report), options: .atomic)
            } catch {
                throw CheckpointError.cannotWrite(path: report, reason: error.localizedDescription)
            }
        }
        if json {
            print(String(decoding: try result.jsonData(), as: UTF8.self))
        } else {
            printReport(result)
        }
    }

    /// Per-module input amax of the full-precision model over the calibration text (Evaluation's
    /// `Calibration`, the flow `eval --calibration-text` uses).
    private func calibrate(modelDirectory: String, text: String) throws -> [String: Float] {
        var bar: ProgressBar?
        return try finishing({ bar?.finish() }) {
            try Calibration.activationAmax(modelDirectory: modelDirectory, textFile: text, windows: calibrationWindows,
                                           context: calibrationContext,
                                           threads: CPUParallel.defaultThreadCount) { _, total in
                if bar == nil { bar = ProgressBar(total: total, unit: "calibration windows") }
                bar?.advance()
            }
        }
    }

    private func printReport(_ r: QuantizationReport) {
        let header = ["layer", "shape", "NVFP4 rel. err", "\(r.rule) rel. err", "change", "→4", "bytes before", "after"]
        var rows: [[String]] = r.layers.map { l in
            [l.module, l.shape.map(String.init).joined(separator: "×"),
             String(format: "%.5f", l.baselineRelativeError), String(format: "%.5f", l.relativeError),
             change(l.relativeError, l.baselineRelativeError),
             String(format: "%.1f%%", 100 * l.shareOfBlocksChoosing4), formatBytes(l.bytesBefore), formatBytes(l.bytesAfter)]
        }
        let t = r.totals
        let layerBytesBefore = r.layers.reduce(0) { $0 + $1.bytesBefore }
        let layerBytesAfter = r.layers.reduce(0) { $0 + $1.bytesAfter }
        rows.append(["total (\(t.quantizedLayers) layers)", "\(t.quantizedElements) el",
                     String(format: "%.5f", t.baselineRelativeError), String(format: "%.5f", t.relativeError),
                     change(t.relativeError, t.baselineRelativeError), String(format: "%.1f%%", 100 * t.shareOfBlocksChoosing4),
                     formatBytes(layerBytesBefore), formatBytes(layerBytesAfter)])
        let w4a4 = calibrationText == nil ? "W4A16" : "W4A4, activation scales calibrated"
        print("Quantized \(displayPath(r.model)) → \(displayPath(r.output)) (NVFP4, rule \(r.rule), \(r.convention), \(w4a4))")
        print(renderTable(header: header, rows: rows, separatorBeforeLast: true))
        if !r.skipped.isEmpty {
            print("\nKept in original precision (\(r.skipped.count)):")
            for s in r.skipped { print("  \(s.module): \(s.reason)") }
        }
        print(String(format: "\nCheckpoint %@ → %@ in %.2f s (%.3f G quantized elements/s).",
                     formatBytes(t.checkpointBytesBefore), formatBytes(t.checkpointBytesAfter), t.seconds,
                     t.quantizedElementsPerSecond / 1e9))
    }

    private func change(_ value: Double, _ baseline: Double) -> String {
        baseline == 0 ? "-" : String(format: "%+.1f%%", (value / baseline - 1) * 100)
    }
}

/// "5GB", "500MB", "1.5GiB", "123" (bytes) → bytes.
func parseByteSize(_ text: String) -> Int? {
    let units: [(String, Double)] = [("GiB", 1_073_741_824), ("MiB", 1_048_576), ("KiB", 1024),
                                     ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1)]
    let t = text.trimmingCharacters(in: .whitespaces)
    for (suffix, factor) in units where t.uppercased().hasSuffix(suffix.uppercased()) {
        guard let v = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), v > 0 else { return nil }
        return Int(v * factor)
    }
    guard let v = Int(t), v > 0 else { return nil }
    return v
}
