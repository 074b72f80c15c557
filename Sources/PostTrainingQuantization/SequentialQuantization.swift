// Sequential, layer-by-layer post-training quantization on the model core (the GPTQ /
// llm-compressor scheme): the calibration windows go through decoder layer i with layers < i
// already quantized; layer i's Linear inputs are observed (`InputStatistics`), each group of
// Linears sharing an input is transformed (AWQ, SmoothQuant: scales folded into the preceding
// norm or Linear), quantized (RTN or GPTQ, plain or output-aware 4/6 selection), and the
// windows are propagated through the quantized layer to become layer i + 1's input.
//
// Promises: memory holds one layer's weights in float32 plus the windows' hidden states and
// that layer's statistics — the provider's other tensors stay where they are (memory-mapped for
// a checkpoint folder), and with `spill` the finished modules' codes and scales go to disk.
// Fused groups (q/k/v, gate/up: `fusedGroup`) share one tensor amax, the maximum over the
// members' weights as they are quantized (the original weights for RTN/GPTQ; the scaled ones
// for AWQ/SmoothQuant). RTN with plain selection gives the modules
// `CheckpointQuantizer` writes, bit for bit. Non-finite calibration activations are an error
// naming the first module whose input they reach.

import BlockFormats
import BlockQuantization
import CPUKernels
import Foundation
import ModelCore
import Transformer

/// One quantized module.
public struct PTQModule: Sendable {
    public var module: String
    /// The quantized tensor; without its codes and scale bytes when they were spilled to disk.
    public private(set) var header: QuantizedTensor
    private var spilled:
        (file: QuantizedTensorSpill, entry: QuantizedTensorSpill.Entry, basis: QuantizedTensorSpill.Entry?)?
    /// The calibrated input amax (W4A4), else nil.
    public var inputAmax: Float?
    private var basisValues: [Float]?
    /// Whether the method changed the weight (see `basis()`).
    public let hasBasis: Bool

    public init(module: String, quantized: QuantizedTensor, inputAmax: Float? = nil, basis: [Float]? = nil) {
        self.module = module
        self.header = quantized
        self.inputAmax = inputAmax
        self.basisValues = basis
        self.hasBasis = basis != nil
    }

    /// The quantized tensor, read back from the spill file when it was spilled.
    public func quantized() throws -> QuantizedTensor {
        guard let spilled else { return header }
        return try spilled.file.load(header, spilled.entry)
    }

    /// The float weight the tensor approximates when the method changed it (AWQ, SmoothQuant fold
    /// scales in), else nil (the weight as loaded).
    public func basis() throws -> [Float]? {
        guard let spilled, let entry = spilled.basis else { return basisValues }
        return try spilled.file.load(entry)
    }

    /// Moves the codes, scale bytes and changed weight to `file`.
    mutating func spill(to file: QuantizedTensorSpill) throws {
        guard spilled == nil else { return }
        let (header, entry) = try file.store(self.header)
        let basis = try basisValues.map { try file.store($0) }
        self.header = header
        basisValues = nil
        spilled = (file, entry, basis)
    }
}

/// One row of the per-layer report.
public struct PTQLayerReport: Sendable {
    public var module: String
    public var method: String
    /// ‖X(Ŵ − W)ᵀ‖² on the calibration sample (W: the weight before the method, Ŵ the
    /// quantized weight in the same input basis), divided by the same for RTN.
    public var outputErrorVsRTN: Double
    /// ‖X(Ŵ − W)ᵀ‖² / ‖XWᵀ‖².
    public var relativeOutputError: Double
    public var blocksChoosing4: Int
    public var blocks: Int
    /// AWQ's / SmoothQuant's α (nil for the others).
    public var alpha: Double?
    /// Seconds of the module's group (shared by its members).
    public var seconds: Double

    public var shareChoosing4: Double { blocks == 0 ? 0 : Double(blocksChoosing4) / Double(blocks) }
}

public struct PTQResult: Sendable {
    public var settings: PTQSettings
    public var modules: [String: PTQModule]
    /// Float tensors the methods changed that are not quantized (folded norms, Linears left unquantized).
    public var replacedTensors: [String: [Float]]
    public var reports: [PTQLayerReport]
    public var calibrationTokens: Int
    public var seconds: Double
}

public struct PTQProgress: Sendable {
    public var layer: Int
    public var layers: Int
    public var stage: String
}

public enum SequentialQuantization {
    /// Quantizes the decoder Linears `quantize` selects, layer by layer, calibrated on `windows`.
    public static func run(
        configuration c: ModelConfiguration, weights provider: WeightProvider, windows: [[Int]],
        quantize: (_ module: String, _ inFeatures: Int) -> Bool,
        fusedGroup: (String) -> String?, settings: PTQSettings,
        threads: Int = CPUParallel.defaultThreadCount, spill: QuantizedTensorSpill? = nil,
        progress: (PTQProgress) -> Void = { _ in }
    ) throws -> PTQResult {
        try settings.validate()
        let start = Date()
        guard !windows.isEmpty else { throw PTQError.invalidOption("no calibration windows") }
        var hidden = try embed(windows, provider: provider, configuration: c)
        let totalRows = windows.reduce(0) { $0 + $1.count }
        let sampleEvery = max(1, totalRows / max(1, settings.sampleRows))
        let rotary = RotaryEmbedding(configuration: c)
        var tables: [Int: (cos: [Float], sin: [Float])] = [:]
        for w in windows where tables[w.count] == nil { tables[w.count] = rotary.table(positions: 0..<w.count) }
        let needsGram = settings.method == .gptq || settings.selection == .output || settings.awqClip
        let config = settings.config

        var modules: [String: PTQModule] = [:]
        var replaced: [String: [Float]] = [:]
        var reports: [PTQLayerReport] = []
        for i in 0..<c.layerCount {
            let prefix = "model.layers.\(i)."
            progress(PTQProgress(layer: i, layers: c.layerCount, stage: "calibrating"))
            var layer = try LayerWeights(provider: provider, layer: i, configuration: c)
            let originalWeights = layer.weights
            let originalNorms = layer.norms

            // Pass 1: statistics of every input with the float weights.
            var collector = StatisticsRunner(
                layer: layer,
                statistics: InputGroup.allCases.map {
                    InputStatistics(
                        width: c.linearShape($0.slots[0])[1], collectGram: needsGram, sampleEvery: sampleEvery)
                },
                threads: threads)
            for (w, ids) in windows.enumerated() {
                var x = hidden[w]
                let (cos, sin) = tables[ids.count]!
                _ = try DecoderBlock.forward(
                    &x, rows: ids.count, past: 0, layer: i, norms: layer.norms, rotary: rotary,
                    cos: cos, sin: sin, configuration: c, cache: nil, linears: &collector,
                    threads: threads)
            }
            for g in InputGroup.allCases where !collector.statistics[g.rawValue].isFinite {
                throw PTQError.nonFiniteActivations(module: prefix + g.slots[0].moduleSuffix)
            }
            progress(PTQProgress(layer: i, layers: c.layerCount, stage: "quantizing"))

            // Quantize group by group (down before gate/up and o before q/k/v: AWQ folds their
            // scales into up and v).
            var effective = [[Float]?](repeating: nil, count: LinearSlot.allCases.count)
            var inputAmax = [Float?](repeating: nil, count: InputGroup.allCases.count)
            for group in [InputGroup.down, .output, .attention, .mlp] {
                let groupStart = Date()
                let selected = group.slots.filter { quantize(prefix + $0.moduleSuffix, c.linearShape($0)[1]) }
                guard !selected.isEmpty else { continue }
                var stats = collector.statistics[group.rawValue]
                let before = layer.weights  // the weights this group's method starts from
                let folded = try ScaleFolding.transform(
                    group: group, selected: selected, layer: &layer, statistics: stats, settings: settings,
                    prefix: prefix, fusedGroup: fusedGroup, threads: threads)
                let scales = folded?.scales
                if let scales { stats = stats.scaled(by: scales) }
                // Shared amax per fused group, over the weights as quantized.
                var groupAmax: [String: Float] = [:]
                var ownAmax: [LinearSlot: Float] = [:]
                for slot in selected {
                    let a = layer.weights[slot.rawValue].reduce(Float(0)) { max($0, abs($1)) }
                    ownAmax[slot] = a
                    if let key = fusedGroup(prefix + slot.moduleSuffix) { groupAmax[key] = max(groupAmax[key] ?? 0, a) }
                }
                let channelWeights = settings.selection == .output ? stats.diagonal : nil
                var factor: [Float]?
                var dead: [Bool] = []
                var order: [Int]?
                if settings.method == .gptq {
                    let n = stats.width
                    if settings.gptqActOrder { order = InverseHessian.activationOrder(stats.gram, size: n) }
                    let gram = order.map { InverseHessian.permuted(stats.gram, size: n, order: $0) } ?? stats.gram
                    // Nothing after the factor reads this group's XᵀX (the clip search is AWQ's): drop
                    // the statistics' references so that the factor works in the gram's own memory.
                    stats.gram = []
                    collector.statistics[group.rawValue].gram = []
                    guard let f = InverseHessian.factor(consume gram, size: n, damp: settings.gptqDamp) else {
                        throw PTQError.invalidOption(
                            "the Hessian of \(prefix + group.slots[0].moduleSuffix) is not positive definite "
                                + "(raise --gptq-damp)"
                        )
                    }
                    factor = f.factor
                    dead = f.dead  // by step of the sweep: back to channels
                    if let order { for (step, j) in order.enumerated() { dead[j] = f.dead[step] } }
                }
                for slot in selected {
                    let module = prefix + slot.moduleSuffix
                    let (rows, cols) = (c.linearShape(slot)[0], c.linearShape(slot)[1])
                    var w = layer.weights[slot.rawValue]
                    for (j, isDead) in dead.enumerated() where isDead { for r in 0..<rows { w[r * cols + j] = 0 } }
                    let amax = fusedGroup(module).flatMap { groupAmax[$0] } ?? ownAmax[slot]!
                    let q = try quantizeWeight(
                        w, rows: rows, cols: cols, config: config, amax: amax, factor: factor, order: order,
                        channelWeights: channelWeights, clipGram: settings.awqClip ? stats.gram : nil,
                        settings: settings, threads: threads)
                    let deq = ReferenceQuantizer.dequantize(q)
                    effective[slot.rawValue] = deq
                    let inAmax: Float? = settings.scheme == .w4a4 ? stats.absoluteMax.max() ?? 0 : nil
                    var done = PTQModule(
                        module: module, quantized: q, inputAmax: inAmax,
                        basis: scales == nil ? nil : layer.weights[slot.rawValue])
                    if let spill { try done.spill(to: spill) }
                    modules[module] = done
                    inputAmax[group.rawValue] = inAmax
                    // Report: output error in the input basis of `before`.
                    let sample = collector.statistics[group.rawValue]
                    var inOriginalBasis = deq
                    if let s = scales {
                        for r in 0..<rows { for j in 0..<cols { inOriginalBasis[r * cols + j] /= s[j] } }
                    }
                    let target = before[slot.rawValue]
                    let rtn = try rtnWeight(
                        target, rows: rows, cols: cols, config: config,
                        amax: rtnAmax(
                            slot: slot, selected: selected, weights: before, prefix: prefix,
                            fusedGroup: fusedGroup))
                    let e = outputError(
                        sample: sample, weight: inOriginalBasis, target: target, rows: rows, cols: cols,
                        threads: threads)
                    let eRTN = outputError(
                        sample: sample, weight: rtn, target: target, rows: rows, cols: cols,
                        threads: threads)
                    reports.append(
                        PTQLayerReport(
                            module: module, method: settings.method.rawValue,
                            outputErrorVsRTN: eRTN.error == 0 ? 1 : e.error / eRTN.error,
                            relativeOutputError: e.energy == 0 ? 0 : e.error / e.energy,
                            blocksChoosing4: q.alternativeBlockCount, blocks: q.blockCount, alpha: folded?.alpha,
                            seconds: Date().timeIntervalSince(groupStart)))
                }
            }
            // Tensors changed by folding that are not written quantized.
            for slot in LinearSlot.allCases
            where layer.weights[slot.rawValue] != originalWeights[slot.rawValue]
                && modules[prefix + slot.moduleSuffix] == nil
            {
                replaced[prefix + slot.moduleSuffix + ".weight"] = layer.weights[slot.rawValue]
            }
            for slot in LinearSlot.allCases {
                if let b = layer.biases[slot.rawValue], try b != provider.floats(prefix + slot.moduleSuffix + ".bias") {
                    replaced[prefix + slot.moduleSuffix + ".bias"] = b
                }
            }
            if layer.norms.input != originalNorms.input {
                replaced[prefix + "input_layernorm.weight"] = layer.norms.input
            }
            if layer.norms.postAttention != originalNorms.postAttention {
                replaced[prefix + "post_attention_layernorm.weight"] = layer.norms.postAttention
            }

            // Pass 2: the windows through the quantized layer.
            progress(PTQProgress(layer: i, layers: c.layerCount, stage: "propagating"))
            var propagate = PropagationRunner(
                layer: layer, effective: effective, inputAmax: inputAmax, config: config,
                threads: threads)
            for (w, ids) in windows.enumerated() {
                let (cos, sin) = tables[ids.count]!
                _ = try DecoderBlock.forward(
                    &hidden[w], rows: ids.count, past: 0, layer: i, norms: layer.norms,
                    rotary: rotary, cos: cos, sin: sin, configuration: c, cache: nil,
                    linears: &propagate, threads: threads)
            }
        }
        return PTQResult(
            settings: settings, modules: modules, replacedTensors: replaced, reports: reports,
            calibrationTokens: totalRows, seconds: Date().timeIntervalSince(start))
    }

    static func rtnAmax(
        slot: LinearSlot, selected: [LinearSlot], weights: [[Float]], prefix: String,
        fusedGroup: (String) -> String?
    ) -> Float {
        let key = fusedGroup(prefix + slot.moduleSuffix)
        var a: Float = 0
        for s in selected where s == slot || (key != nil && fusedGroup(prefix + s.moduleSuffix) == key) {
            a = weights[s.rawValue].reduce(a) { max($0, abs($1)) }
        }
        return a
    }

    static func rtnWeight(_ w: [Float], rows: Int, cols: Int, config: QuantizationConfig, amax: Float) throws -> [Float]
    {
        try w.withTensorElements { e throws(QuantizationError) in
            try CPUQuantizer.roundTrip(
                e, rows: rows, cols: cols, config: config, amax: amax, basis: .source, threads: 1
            ).values
        }
    }

    /// RTN (the CPU kernels, bit-identical with the reference) or the column sweep.
    static func quantizeWeight(
        _ w: [Float], rows: Int, cols: Int, config: QuantizationConfig, amax: Float,
        factor: [Float]?, order: [Int]? = nil, channelWeights: [Float]?, clipGram: [Double]? = nil,
        settings: PTQSettings, threads: Int
    ) throws -> QuantizedTensor {
        let ctx = TensorQuantizationContext(format: .nvfp4, rule: config.rule, amax: amax, rounding: .nearest)
        if (factor == nil && channelWeights == nil && clipGram == nil) || amax == 0 || ctx.needsScalarPath {
            return try w.withTensorElements { e throws(QuantizationError) in
                try CPUQuantizer.quantize(e, rows: rows, cols: cols, config: config, amax: amax, threads: threads)
            }
        }
        return ColumnSweep.quantize(
            w, rows: rows, cols: cols, config: config, amax: amax, factor: factor,
            channelWeights: channelWeights, frozenScales: settings.gptqScales == .frozen, order: order,
            clipGram: clipGram, blockSize: settings.gptqBlockSize, threads: threads)
    }

    /// ‖X(W − T)ᵀ‖² and ‖XTᵀ‖² over the statistics' sample rows.
    static func outputError(
        sample stats: InputStatistics, weight: [Float], target: [Float], rows: Int, cols: Int,
        threads: Int
    ) -> (error: Double, energy: Double) {
        (
            sampleError(stats, weight, target, rows: rows, cols: cols, threads: threads),
            sampleError(stats, target, nil, rows: rows, cols: cols, threads: threads)
        )
    }

    /// ‖X(W − T)ᵀ‖² (‖XWᵀ‖² without T) over the sample rows, in double precision.
    static func sampleError(
        _ stats: InputStatistics, _ weight: [Float], _ target: [Float]?, rows: Int, cols: Int,
        threads: Int
    ) -> Double {
        let m = stats.sampleRows
        guard m > 0 else { return 0 }
        var delta = weight
        if let target { for i in 0..<delta.count { delta[i] -= target[i] } }
        let y = GEMM.multiply(stats.sample, delta, m: m, n: rows, k: cols, transposeB: true, threads: threads)
        return y.reduce(0.0) { $0 + Double($1) * Double($1) }
    }
}

extension SequentialQuantization {
    /// The calibration windows' embeddings (the embedding table is released on return).
    static func embed(_ windows: [[Int]], provider: WeightProvider, configuration c: ModelConfiguration) throws
        -> [[Float]]
    {
        let d = c.hiddenSize
        let embedding = try provider.floats("model.embed_tokens.weight")
        return try windows.map { ids in
            var x = [Float](repeating: 0, count: ids.count * d)
            for (r, id) in ids.enumerated() {
                guard id >= 0 && id < c.vocabularySize else {
                    throw TransformerError.tokenOutOfRange(id: id, vocabularySize: c.vocabularySize)
                }
                for j in 0..<d { x[r * d + j] = embedding[id * d + j] }
            }
            return x
        }
    }
}
