// `fouroversix quantize`: the main job — a Hugging Face checkpoint to a deployable NVFP4
// (4/6) checkpoint, with a per-layer report.
//
// Promises: with no model argument it quantizes the bundled stories260K into
// ./stories260K-nvfp4; the report lists every quantized layer (standard NVFP4 vs the chosen
// rule, share of blocks that chose 4, sizes) and every skipped module with its reason;
// `--report FILE.json` saves it; progress shows on a TTY; every output path is checked before
// any work (OutputSafety); the output folder appears only when complete, and an interrupted run
// (Ctrl-C, SIGTERM, SIGHUP) removes its temporary folder. A GGUF file is quantized through its
// Hugging Face folder (Evaluation's `GGUFConversion`, a scratch folder beside the output), so the
// output has config.json and the tokenizer files.

import ArgumentParser
import BlockQuantization
import CPUKernels
import CheckpointQuantization
import Evaluation
import Foundation
import OutputSafety
import PostTrainingQuantization
import ReportText

extension CheckpointConvention: ExpressibleByArgument {}
extension PTQMethod: ExpressibleByArgument {}
extension PTQScheme: ExpressibleByArgument {}
extension BlockSelection: ExpressibleByArgument {}
extension GPTQScales: ExpressibleByArgument {}

/// The scale rules a checkpoint can be written with — exactly the values `--rule` lists in its
/// help (static_4, which the other commands take, is not one of them).
enum CheckpointRule: String, ExpressibleByArgument, CaseIterable {
    case mse, mae
    case absMax = "abs_max"
    case static6 = "static_6"
    var scaleRule: ScaleRule { ScaleRule(rawValue: rawValue)! }
}

/// `--convention`: the two checkpoint conventions, or an export format for llama.cpp / MLX.
enum OutputConvention: String, ExpressibleByArgument, CaseIterable {
    case compressedTensors = "compressed-tensors"
    case modelopt
    case gguf
    case mlx

    var checkpointConvention: CheckpointConvention? { CheckpointConvention(rawValue: rawValue) }
    var exportFormat: ExportFormat? { ExportFormat(rawValue: rawValue) }
}

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

    @Option(
        help:
            "Checkpoint convention: compressed-tensors, modelopt, gguf (one llama.cpp file) or mlx (an mlx-lm folder).")
    var convention: OutputConvention = .compressedTensors

    @Option(help: "Scale rule: mse (4/6, default), mae, abs_max, or static_6 (standard NVFP4).")
    var rule: CheckpointRule = .mse

    @Option(parsing: .singleValue, help: "Regex of module names to leave unquantized (repeatable).")
    var exclude: [String] = []

    @Option(parsing: .singleValue, help: "Regex of module names to quantize; when given, only these (repeatable).")
    var include: [String] = []

    @Flag(
        help: """
            gpt-oss: split the fused 3-D experts into per-expert gate_proj/up_proj/down_proj Linear modules and \
            quantize them (llm-compressor's layout; transformers cannot load it). Default: experts kept in BF16.
            """)
    var linearizeExperts = false

    @Option(help: "Largest output shard, e.g. 5GB, 500MB.")
    var maxShardSize: String = "5GB"

    @Flag(help: "Replace an existing output folder (and --report file).")
    var overwrite = false

    @Option(help: "Also save the report as JSON to this file.")
    var report: String?

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Option(
        help: """
            Post-training method: rtn (default), gptq, awq, or smoothquant (W4A4 only); all but plain rtn need \
            --calibration-text.
            """
    )
    var method: PTQMethod = .rtn

    @Option(
        help: """
            w4a16 (weights only) or w4a4 (also input scales). Default: w4a4 for rtn with --calibration-text (as \
            before), else w4a16.
            """
    )
    var scheme: PTQScheme?

    @Option(
        help: """
            4-vs-6 choice per block: plain (the rule's own error, default) or output (weighted by the input's second \
            moment; rtn/gptq).
            """
    )
    var selection: BlockSelection = .plain

    @Option(help: "GPTQ dampening, as a fraction of the mean diagonal of XᵀX.")
    var gptqDamp: Double = 0.01

    @Option(
        help: "GPTQ block scales: sweep (chosen on the updated weights, default) or frozen (on the original weights).")
    var gptqScales: GPTQScales = .sweep

    @Flag(help: "GPTQ: quantize columns by decreasing input second moment (activation order); same scale layout.")
    var gptqActOrder = false

    @Flag(help: "AWQ: also search each block's clipping ratio (1 … 0.55) by its output error.")
    var awqClip = false

    @Option(
        help: """
            SmoothQuant migration strength: α in [0, 1], or search (per q/k/v and gate/up group, the α of 0, 0.05, …, \
            1 with the smallest W4A4 output error on the calibration sample).
            """)
    var smoothquantAlpha = "0.5"

    @Option(help: "Calibration text: W4A4 input scales, and what gptq/awq/smoothquant/--selection output calibrate on.")
    var calibrationText: String?

    @Option(
        help: """
            Windows of the calibration text (of --calibration-context tokens each); default 128 (16 for rtn W4A4, as \
            before).
            """
    )
    var calibrationWindows: Int?

    @Option(help: "Tokens per calibration window.")
    var calibrationContext: Int = 512

    /// True when a post-training method runs (anything but plain RTN).
    /// The layer-by-layer flow: every method but plain RTN, and RTN with an explicit `--scheme w4a4`
    /// (input amax calibrated sequentially, as `experiment ptq` does); RTN with `--calibration-text`
    /// and no `--scheme` keeps the one-shot calibration of the unquantized model.
    var runsMethod: Bool { method != .rtn || selection != .plain || scheme == .w4a4 }

    var effectiveScheme: PTQScheme { scheme ?? (method == .rtn && calibrationText != nil ? .w4a4 : .w4a16) }

    @Flag(help: "Allow --calibration-context above the model's max_position_embeddings.")
    var allowLongContext = false

    func validate() throws {
        if smoothquantAlpha != "search" && Double(smoothquantAlpha) == nil {
            throw ValidationError("--smoothquant-alpha takes a number in [0, 1] or search")
        }
        if let calibrationWindows, calibrationWindows < 1 {
            throw ValidationError("--calibration-windows must be positive and --calibration-context at least 2")
        }
        if effectiveScheme == .w4a4 && calibrationText == nil {
            throw ValidationError("--scheme w4a4 needs --calibration-text (the input scales are calibrated on it)")
        }
        if runsMethod && calibrationText == nil {
            throw ValidationError(
                "--method \(method.rawValue)\(selection == .output ? " --selection output" : "") "
                    + "needs --calibration-text"
            )
        }
        guard calibrationContext > 1 else {
            throw ValidationError("--calibration-windows must be positive and --calibration-context at least 2")
        }
        guard parseByteSize(maxShardSize) != nil else {
            throw ValidationError("--max-shard-size '\(maxShardSize)' is not a size like 5GB or 500MB")
        }
        guard !linearizeExperts || convention.checkpointConvention != nil else {
            throw ValidationError(
                "--linearize-experts writes compressed-tensors or ModelOpt checkpoints, "
                    + "not --convention \(convention.rawValue)"
            )
        }
        guard convention != .mlx || effectiveScheme != .w4a4 else {
            throw ValidationError("--convention mlx has no activation scales (W4A4); use --scheme w4a16")
        }
    }

    func run() throws {
        let modelDirectory = try model ?? BundledModel.directory()
        var url = URL(fileURLWithPath: modelDirectory).standardizedFileURL
        if url.pathExtension == "gguf" { url = url.deletingPathExtension() }
        let name = url.lastPathComponent
        let suffix = [OutputConvention.gguf: ".gguf", .mlx: "-mlx"][convention] ?? ""
        let outputDirectory = output ?? "./\(name)-nvfp4\(suffix)"
        var options = CheckpointQuantizationOptions(selection: try LayerSelection(include: include, exclude: exclude))
        options.convention = convention.checkpointConvention ?? .modelopt
        options.rule = rule.scaleRule
        options.maxShardBytes = parseByteSize(maxShardSize)!
        options.overwrite = overwrite
        options.linearizeExperts = linearizeExperts
        let inputs = [modelDirectory] + (calibrationText.map { [$0] } ?? [])
        let existing: ExistingOutput = overwrite ? .replace : .refuse
        let reportFile = report.map {
            OutputRequest($0, .file, inputs: inputs, existing: existing, role: "report file")
        }
        try prepareOutputs(
            [OutputRequest(outputDirectory, convention == .gguf ? .file : .folder, inputs: inputs, existing: existing)]
                + (reportFile.map { [$0] } ?? []))

        var ptq: PTQResult?
        var bar: ProgressBar?
        let advance = { (p: QuantizationProgress) in
            if bar == nil { bar = ProgressBar(total: p.tensorsTotal, unit: "tensors", totalBytes: p.bytesTotal) }
            bar?.advance(bytes: p.bytesDone - (bar?.bytesDone ?? 0), label: p.tensor)
        }
        var fold: MLXFoldStatistics?
        // A GGUF file is read through its Hugging Face folder (a scratch folder beside the output),
        // by the post-training methods as well as by the quantizer.
        var result = try GGUFConversion.withModelFolder(modelDirectory, near: outputDirectory) { folder in
            var options = options
            if runsMethod, let calibrationText {
                let result = try runMethod(
                    modelDirectory: folder, calibrationText: calibrationText,
                    selection: options.selection,
                    spillDirectory: URL(fileURLWithPath: outputDirectory).deletingLastPathComponent().path)
                options = PostTrainingFlow.checkpointOptions(options, result: result)
                ptq = result
            } else if effectiveScheme == .w4a4, let calibrationText {
                options.activationAmax = try calibrate(modelDirectory: modelDirectory, text: calibrationText)
            }
            if let format = convention.exportFormat {
                let exported = try CheckpointExport.run(
                    format: format, modelDirectory: folder,
                    output: outputDirectory, options: options, progress: advance)
                fold = exported.1
                return exported.0
            }
            return try CheckpointQuantizer.run(
                modelDirectory: folder, outputDirectory: outputDirectory,
                options: options, progress: advance)
        }
        result.model = modelDirectory
        bar?.finish()
        if let report {
            do {
                try PostTrainingFlow.jsonData(report: result, result: ptq).write(
                    to: URL(fileURLWithPath: report),
                    options: .atomic)
            } catch {
                throw CheckpointError.cannotWrite(path: report, reason: error.localizedDescription)
            }
        }
        if json {
            print(String(decoding: try PostTrainingFlow.jsonData(report: result, result: ptq), as: UTF8.self))
        } else {
            print(
                result.text(
                    model: displayPath(result.model), output: displayPath(result.output),
                    calibratedActivations: effectiveScheme == .w4a4))
            if let ptq { print(ptq.text(peakResidentBytes: PostTrainingFlow.peakResidentBytes())) }
            if let fold { print(fold.summary) }
        }
    }

    /// The post-training method (PostTrainingFlow) on a model folder, with a progress bar.
    private func runMethod(
        modelDirectory: String, calibrationText: String, selection: LayerSelection, spillDirectory: String
    ) throws -> PTQResult {
        var settings = PTQSettings()
        settings.method = method
        settings.scheme = effectiveScheme
        settings.rule = rule.scaleRule
        settings.selection = self.selection
        settings.gptqDamp = gptqDamp
        settings.gptqScales = gptqScales
        settings.gptqActOrder = gptqActOrder
        settings.awqClip = awqClip
        settings.smoothQuantAlpha = Double(smoothquantAlpha)  // nil: search (checked in validate())
        try settings.validate()
        var bar: ProgressBar?
        return try finishing({ bar?.finish() }) {
            try PostTrainingFlow.run(
                modelDirectory: modelDirectory,
                calibration: CalibrationText(
                    path: calibrationText, windows: calibrationWindows ?? 128, context: calibrationContext),
                selection: selection, settings: settings,
                spillDirectory: spillDirectory
            ) { p in
                if bar == nil { bar = ProgressBar(total: p.layers, unit: "layers") }
                if p.stage == "propagating" { bar?.advance(label: "layer \(p.layer)") }
            }
        }
    }

    /// Per-module input amax of the full-precision model over the calibration text (Evaluation's
    /// `Calibration`, the flow `eval --calibration-text` uses).
    private func calibrate(modelDirectory: String, text: String) throws -> [String: Float] {
        var bar: ProgressBar?
        return try finishing({ bar?.finish() }) {
            try Calibration.activationAmax(
                modelDirectory: modelDirectory, textFile: text, windows: calibrationWindows ?? 16,
                context: calibrationContext, threads: CPUParallel.defaultThreadCount,
                allowLongContext: allowLongContext
            ) { _, total in
                if bar == nil { bar = ProgressBar(total: total, unit: "calibration windows") }
                bar?.advance()
            }
        }
    }
}
