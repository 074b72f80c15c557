// `quantize --method`: a model folder calibrated layer by layer on a text and quantized with a
// post-training method (PostTrainingQuantization's `SequentialQuantization`), written as a
// standard NVFP4 checkpoint by `CheckpointQuantizer` — and the same run in memory, as a
// `TransformerModel`, for `experiment ptq`.
//
// Promises: the calibration text is tokenized as `eval` does (the BOS the tokenizer adds first, no EOS) and cut into
// the perplexity windows; the layer selection is `quantize`'s (`LayerSelection.role`, fused
// groups by `FusedGroups.key`); the checkpoint's modules are exactly the method's tensors
// (`fouroversix.json` records the method), folded norms are written in their dtype, and a
// W4A4 run stores the input amax the sequential pass calibrated. Nothing is written when the
// method fails (the output folder appears only when complete). `model(of:)` builds the model
// `eval` loads from that checkpoint (F32 checkpoints: the same weights bit for bit).

import BlockQuantization
import CPUKernels
import CheckpointQuantization
import Foundation
import ModelCore
import ModelFolder
import PostTrainingQuantization
import SafeTensors
import Tokenizers
import Transformer

/// The calibration text and its windowing.
public struct CalibrationText: Sendable {
    public var path: String
    public var windows: Int
    public var context: Int

    public init(path: String, windows: Int = 128, context: Int = 512) {
        self.path = path
        self.windows = windows
        self.context = context
    }
}

public enum PostTrainingFlow {
    /// The model folder's configuration, weights (memory-mapped) and calibration windows.
    public static func prepare(modelDirectory: String, calibration: CalibrationText)
        throws -> (
            configuration: ModelConfiguration, checkpoint: ModelCheckpoint, weights: SafeTensorsWeights,
            windows: [[Int]]
        )
    {
        let checkpoint = try ModelCheckpoint.open(modelDirectory)
        guard let config = checkpoint.configFile else {
            throw ModelFolderError.missingConfig(directory: modelDirectory)
        }
        let configuration = try ModelConfiguration(config: config)
        let tokenizerPath = modelDirectory + "/tokenizer.json"
        guard FileManager.default.fileExists(atPath: tokenizerPath) else {
            throw TransformerError.invalidOption(
                "\(modelDirectory): no tokenizer.json (the tokenizer is needed to read the calibration text)")
        }
        let tokenizer = try Tokenizer(contentsOf: tokenizerPath)
        guard let data = FileManager.default.contents(atPath: calibration.path) else {
            throw CheckpointError.notFound(path: calibration.path)
        }
        var ids = tokenizer.encode(String(decoding: data, as: UTF8.self))
        // The BOS the tokenizer's own rule adds (BOSPolicy `auto`, as eval and calibration use).
        let bos = try BOSChoice(policy: .auto, tokenizer: tokenizer, configuration: configuration).id
        if let bos { ids.insert(bos, at: 0) }
        let windows = try CalibrationWindows.windows(
            of: ids, bos: bos, context: calibration.context,
            limit: calibration.windows)
        return (configuration, checkpoint, try SafeTensorsWeights(checkpoint: checkpoint), windows)
    }

    /// Runs the method on the modules `selection` quantizes; with `spillDirectory` (the output's
    /// folder) each finished module's codes and scales wait in an unlinked scratch file there.
    public static func run(
        modelDirectory: String, calibration: CalibrationText, selection: LayerSelection,
        settings: PTQSettings, threads: Int = CPUParallel.defaultThreadCount, spillDirectory: String? = nil,
        progress: (PTQProgress) -> Void = { _ in }
    ) throws -> PTQResult {
        returnFreedMemoryPromptly()
        let p = try prepare(modelDirectory: modelDirectory, calibration: calibration)
        var selected = Set<String>()
        for t in p.checkpoint.tensors {
            if case let .quantize(module, _) = selection.role(of: t.info) { selected.insert(module) }
        }
        return try SequentialQuantization.run(
            configuration: p.configuration, weights: p.weights, windows: p.windows,
            quantize: { module, _ in selected.contains(module) },
            fusedGroup: { FusedGroups.key(of: $0) }, settings: settings,
            threads: threads, spill: try spillDirectory.map { try QuantizedTensorSpill(directory: $0) },
            progress: progress)
    }

    /// The checkpoint options that write `result` (its rule, tensors, folded tensors, input amax).
    public static func checkpointOptions(_ base: CheckpointQuantizationOptions, result: PTQResult)
        -> CheckpointQuantizationOptions
    {
        var o = base
        o.rule = result.settings.rule
        o.method = result.settings.method.rawValue
        o.precomputed = result.modules.mapValues(precomputed)
        o.replacedTensors = result.replacedTensors
        o.activationAmax = result.settings.scheme == .w4a4 ? result.modules.compactMapValues(\.inputAmax) : nil
        return o
    }

    /// A module of the run as the checkpoint writer takes it (read back from disk when spilled).
    static func precomputed(_ m: PTQModule) -> PrecomputedTensor {
        @Sendable func tensor() throws -> QuantizedTensor { try m.quantized() }
        @Sendable func basis() throws -> [Float] { try m.basis() ?? [] }
        return PrecomputedTensor(header: m.header, load: tensor, basis: m.hasBasis ? basis : nil)
    }

    /// The quantized model in memory, set up as `eval` runs the written checkpoint: quantized
    /// modules hold their dequantized weights; W4A4 quantizes their inputs at the stored amax
    /// with `activationRule` (default: the run's rule).
    public static func model(
        of result: PTQResult, original: DictionaryWeights, configuration: ModelConfiguration,
        activationRule: ScaleRule? = nil, threads: Int
    ) throws -> TransformerModel {
        var tensors = original.tensors
        for (name, values) in result.replacedTensors { tensors[name]!.values = values }
        for (module, m) in result.modules {
            tensors[module + ".weight"]!.values = ReferenceQuantizer.dequantize(try m.quantized())
        }
        let inputAmax = result.modules.compactMapValues(\.inputAmax)
        let weights = DictionaryWeights(tensors, quantizedModules: Set(result.modules.keys), inputAmax: inputAmax)
        let model = try TransformerModel(configuration: configuration, weights: weights, threads: threads)
        if result.settings.scheme == .w4a4 {
            let config = QuantizationConfig(format: .nvfp4, rule: activationRule ?? result.settings.rule)
            var q = EvaluationQuantization(
                weights: .full, activations: .block(config),
                selection: try LinearSelection(storedQuantizedOnly: true))
            q.activationScale = .calibrated(inputAmax)
            try model.apply(q)
        }
        return model
    }
}

extension PostTrainingFlow {
    /// Has glibc's malloc give freed blocks of 128 KB and more back to the system at once (a fixed
    /// mmap threshold; its default one rises to 32 MB after the first large free, and the layer's
    /// many temporary weight-sized arrays then stay on the heap): the sequential run's resident
    /// set follows its live data. A process-wide setting, made by the `quantize --method` flow.
    static func returnFreedMemoryPromptly() {
        #if canImport(Glibc)
        // mallopt(3) is not in Swift's Glibc module: looked up by name. M_TRIM_THRESHOLD is -1 and
        // M_MMAP_THRESHOLD -3 in glibc's <malloc.h>.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 128 * 1024)
        _ = mallopt(-1, 128 * 1024)
        #endif
    }

    /// The process's peak resident set size in bytes (getrusage).
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// The per-layer PTQ report as JSON objects (module, method, output error vs RTN, share of
    /// blocks choosing 4, α, seconds).
    public static func jsonLayers(_ result: PTQResult) -> [[String: Any]] {
        result.reports.map { r in
            var o: [String: Any] = [
                "module": r.module, "method": r.method, "output_error_vs_rtn": r.outputErrorVsRTN,
                "relative_output_error": r.relativeOutputError,
                "share_of_blocks_choosing_4": r.shareChoosing4, "seconds": r.seconds,
            ]
            if let a = r.alpha { o["alpha"] = a }
            return o
        }
    }

    /// `quantize --json`: the checkpoint report with a `ptq` object when a method ran.
    public static func jsonData(report: QuantizationReport, result: PTQResult?) throws -> Data {
        let base = try report.jsonData()
        guard let result, var object = try JSONSerialization.jsonObject(with: base) as? [String: Any] else {
            return base
        }
        object["ptq"] =
            [
                "settings": result.settings.summary, "method": result.settings.method.rawValue,
                "scheme": result.settings.scheme.rawValue, "calibration_tokens": result.calibrationTokens,
                "seconds": result.seconds, "peak_rss_bytes": peakResidentBytes(), "layers": jsonLayers(result),
            ] as [String: Any]
        return try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
