// `quantize`: a Hugging Face checkpoint in, a deployable NVFP4 (4/6) checkpoint out.
//
// Promises:
// - Linear weights chosen by `LayerSelection` are quantized to NVFP4 with the requested
//   rule; fused groups share one amax (the max over the group, across shards); everything
//   else is copied byte for byte in its original dtype — with `linearizeExperts`, gpt-oss's
//   fused 3-D experts are first split into per-expert tensors (`ExpertLinearization`).
// - The output is written in the chosen convention (names, dtypes, shapes, tensor scale as
//   divisor or multiplier, config.json `quantization_config` and dtype bfloat16 — what NVFP4
//   decompression yields —, hf_quant_config.json), sharded by `maxShardBytes` with an index
//   when there is more than one shard, config.json being the original text with
//   `quantization_config` spliced in (numbers keep their form), with the other files of the
//   folder copied (README.md with a note at the top saying what this folder is and how it was
//   made), plus `fouroversix.json` recording the exact amax (and calibrated
//   input amax) of every layer, so that readers can reproduce the core's arithmetic exactly.
// - Memory stays near one tensor: shards are memory-mapped and each tensor's pages are
//   released after use; output is streamed.
// - The output folder appears only when complete (see `OutputFolder`).

import BlockFormats
import BlockQuantization
import CPUKernels
import Foundation
import ModelFolder
import SafeTensors

public struct CheckpointQuantizationOptions: Sendable {
    public var convention: CheckpointConvention = .compressedTensors
    public var rule: ScaleRule = .mse
    public var selection: LayerSelection
    public var maxShardBytes: Int = 5_000_000_000
    public var overwrite = false
    /// Calibrated input amax per module (from a forward pass over calibration text). When set,
    /// the checkpoint is W4A4: every quantized module gets an input scale, in the standard
    /// NVFP4 form (M·S = 2688: engines quantize activations with standard NVFP4), one value
    /// per fused group (the group's maximum).
    public var activationAmax: [String: Float]?
    /// Modules a post-training method already quantized (module → tensor, with the run's rule
    /// and the fused group's amax): written as given instead of round-to-nearest.
    public var precomputed: [String: PrecomputedTensor] = [:]
    /// Float tensors a method replaced (folded norms, …), written in the tensor's own dtype.
    public var replacedTensors: [String: [Float]] = [:]
    /// The method recorded in `fouroversix.json` (nil: round-to-nearest, not recorded).
    public var method: String?
    /// Split fused 3-D expert tensors (gpt-oss) into per-expert Linear modules and quantize
    /// those (`ExpertLinearization`); otherwise they are kept in their dtype.
    public var linearizeExperts = false

    public init(selection: LayerSelection) { self.selection = selection }
}

/// A tensor a post-training method quantized: its header (shape, rule, amax, counts — the codes
/// and scale bytes may be absent) and how to get the whole tensor, which is asked for once, when
/// the tensor is written (so that a method's tensors can wait on disk).
public struct PrecomputedTensor: Sendable {
    public var header: QuantizedTensor
    public var load: @Sendable () throws -> QuantizedTensor
    /// The float weight the tensor approximates when the method changed it (AWQ and SmoothQuant
    /// fold scales in), else nil: the layer report's errors are measured against it.
    public var basis: (@Sendable () throws -> [Float])?

    public init(
        header: QuantizedTensor, load: @escaping @Sendable () throws -> QuantizedTensor,
        basis: (@Sendable () throws -> [Float])? = nil
    ) {
        self.header = header
        self.load = load
        self.basis = basis
    }
}

/// Progress of a run: tensors and input bytes processed so far.
public struct QuantizationProgress: Sendable {
    public var tensorsDone: Int
    public var tensorsTotal: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var tensor: String
}

public enum CheckpointQuantizer {
    public static let producer = ["name": "fouroversix", "version": "0.1.0"]
    /// Name of the file recording exact per-layer amax values and the settings used.
    public static let recordFileName = "fouroversix.json"

    /// Quantizes `modelDirectory` into `outputDirectory`.
    public static func run(
        modelDirectory: String, outputDirectory: String, options: CheckpointQuantizationOptions,
        progress: (QuantizationProgress) -> Void = { _ in }
    ) throws -> QuantizationReport {
        let start = Date()
        let output = try OutputFolder(target: outputDirectory, overwrite: options.overwrite, inputs: [modelDirectory])
        defer { output.discard() }
        let checkpoint = try ModelCheckpoint.open(modelDirectory)
        if isQuantized(checkpoint) {
            throw CheckpointError.inconsistent(
                path: modelDirectory, reason: "the checkpoint is already quantized (use `fouroversix dequantize` first)"
            )
        }
        let config = QuantizationConfig(format: .nvfp4, rule: options.rule)
        let constants = config.constants

        // Plan: the role of every tensor, by the checkpoint's family.
        var selection = options.selection
        selection.family = ModelFamily.identify(config: checkpoint.config)
        if selection.family == nil && selection.include.isEmpty {
            let architecture =
                (checkpoint.config["architectures"] as? [String])?.first
                ?? (checkpoint.config["model_type"] as? String) ?? "(no architectures or model_type in config.json)"
            throw CheckpointError.unknownFamily(
                directory: modelDirectory, architecture: architecture,
                wouldQuantize: foldedModuleNames(
                    checkpoint.tensors.compactMap {
                        if case let .quantize(m, _) = selection.role(of: $0.info) { return m }
                        return nil
                    }))
        }
        // The tensors the passes read: the checkpoint's, with fused expert tensors replaced by
        // their per-expert slices when asked.
        var linearized: [String: [ExpertSlice]] = [:]
        if options.linearizeExperts {
            linearized = try ExpertLinearization.plan(checkpoint, fusedExperts: selection.family?.fusedExperts ?? [])
            if linearized.isEmpty {
                throw CheckpointError.invalidSelection(
                    "--linearize-experts: \(modelDirectory) has no fused 3-D expert tensors (gpt-oss's "
                        + "mlp.experts.gate_up_proj / down_proj); its experts, if any, are Linear modules already")
            }
        }
        let sources = checkpoint.tensors.flatMap { t in
            linearized[t.name].map { $0.map { SourceTensor(tensor: t, slice: $0) } } ?? [SourceTensor(tensor: t)]
        }
        let sourceByName = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0) })
        var roles: [String: TensorRole] = [:]
        for t in sources {
            let role = selection.role(name: t.name, shape: t.shape)
            if case .quantize = role, ![DType.BF16, .F16, .F32].contains(t.dtype) {
                throw CheckpointError.unsupportedDType(
                    path: t.tensor.shard.path, tensor: t.name, dtype: t.dtype.rawValue)
            }
            roles[t.name] = role
        }
        try options.selection.checkPlan(roles)

        let inputAmax = try groupedActivationAmax(options.activationAmax, roles: roles, directory: modelDirectory)
        let activationConstants = ScaleConstants(format: .nvfp4, rule: .static6)

        // Fused groups: one amax over every member, across shards.
        var groupAmax: [String: Float] = [:]
        var memberAmax: [String: Float] = [:]  // each member's own max |x|: the report's baseline amax
        for t in sources {
            guard case let .quantize(module, group?) = roles[t.name] else { continue }
            if let q = options.precomputed[module]?.header {
                groupAmax[group] = max(groupAmax[group] ?? 0, q.amax)
                continue
            }
            let a = try t.amax(config: config)
            t.tensor.shard.releasePages(t.tensor.name)
            groupAmax[group] = max(groupAmax[group] ?? 0, a)
            memberAmax[t.name] = a
        }

        // Output tensors in input order, cut into shards.
        var outputSpecs: [(spec: TensorSpec, source: String)] = []
        for t in sources {
            if case let .quantize(module, _) = roles[t.name] {
                for s in options.convention.tensorSpecs(
                    module: module, rows: t.shape[0], cols: t.shape[1],
                    withInputScale: options.activationAmax != nil)
                {
                    outputSpecs.append((s, t.name))
                }
            } else {
                outputSpecs.append((TensorSpec(name: t.name, dtype: t.dtype, shape: t.shape), t.name))
            }
        }
        let shards = cutIntoShards(outputSpecs, maxBytes: options.maxShardBytes)
        let shardNames =
            shards.count == 1
            ? ["model.safetensors"]
            : (1...shards.count).map { String(format: "model-%05d-of-%05d.safetensors", $0, shards.count) }

        // Read-ahead: each tensor's pages are asked for while the one before it is quantized.
        let readOrder = shards.flatMap { $0.map(\.source) }.reduce(into: [String]()) { order, source in
            if order.last != source { order.append(source) }
        }
        var nextRead = 0
        func prefetch(after source: String) {
            while nextRead < readOrder.count, readOrder[nextRead] != source { nextRead += 1 }
            // (Not for expert slices: the whole fused tensor would be asked for.)
            if nextRead + 1 < readOrder.count, let t = sourceByName[readOrder[nextRead + 1]], t.slice == nil {
                t.tensor.shard.prefetchPages(t.tensor.name)
            }
        }

        // One quantized module: its codes and scales (a method's, or round-to-nearest) and its report.
        func quantizeAndMeasure(_ t: SourceTensor, module: String, group: String?) throws -> (
            QuantizedTensor, LayerReport
        ) {
            let amax = group.flatMap { groupAmax[$0] }
            let precomputed = options.precomputed[module]
            let q: QuantizedTensor
            if let given = precomputed {
                let h = given.header
                guard h.rule == options.rule, h.rows == t.shape[0], h.cols == t.shape[1], amax == nil || amax == h.amax
                else {
                    throw CheckpointError.inconsistent(
                        path: modelDirectory, reason: "the precomputed tensor of '\(module)' does not match its weight")
                }
                q = try given.load()
            } else {
                q = try t.quantize(config: config, amax: amax)
            }
            // The report's baseline needs the weight's own max |x|: known from the group pass, or
            // the unshared amax just used (a method's tensors are measured afresh).
            let ownAmax = precomputed == nil ? memberAmax[t.name] ?? (group == nil ? q.amax : nil) : nil
            let report = try layerReport(
                t, module: module, group: group, quantized: q, basis: try precomputed?.basis?(), ownAmax: ownAmax)
            return (q, report)
        }

        var layers: [LayerReport] = []
        var weightMap: [String: String] = [:]
        var done = 0, bytesDone = 0
        let bytesTotal = sources.reduce(0) { $0 + $1.byteCount }
        for (shardIndex, shard) in shards.enumerated() {
            let writer = try SafeTensorsWriter(
                path: output.path(shardNames[shardIndex]), tensors: shard.map(\.spec),
                metadata: ["format": "pt"])
            do {
                var written = Set<String>()
                for (spec, source) in shard {
                    weightMap[spec.name] = shardNames[shardIndex]
                    guard written.insert(source).inserted else { continue }
                    let t = sourceByName[source]!
                    prefetch(after: source)
                    defer {
                        t.tensor.shard.releasePages(t.tensor.name)
                        done += 1
                        bytesDone += t.byteCount
                        progress(
                            QuantizationProgress(
                                tensorsDone: done, tensorsTotal: sources.count,
                                bytesDone: bytesDone, bytesTotal: bytesTotal, tensor: source))
                    }
                    guard case let .quantize(module, group) = roles[source]! else {
                        if let values = options.replacedTensors[source] {
                            try writer.write(try encode(values, like: t.tensor))
                        } else {
                            try t.writeBytes(to: writer)
                        }
                        continue
                    }
                    let (q, report) = try quantizeAndMeasure(t, module: module, group: group)
                    try writer.write(q.codes)
                    try writer.write(q.scales)
                    let stored = options.convention.storedTensorScale(amax: q.amax, constants: constants)
                    try withUnsafeBytes(of: stored) { try writer.write($0) }
                    if let a = inputAmax[module] {
                        let input = options.convention.storedTensorScale(amax: a, constants: activationConstants)
                        try withUnsafeBytes(of: input) { try writer.write($0) }
                    }
                    layers.append(report)
                }
                try writer.finish()
            } catch {
                writer.abort()
                throw error
            }
        }

        // Skipped Linear-like modules go into the ignore list (lm_head always: tied heads too).
        var skipped: [SkippedModule] = []
        var listed = Set<String>()
        for t in sources {
            if case let .skip(module, reason) = roles[t.name], listed.insert(module).inserted {
                skipped.append(SkippedModule(module: module, reason: reason.description))
            }
        }
        var ignored = skipped.map(\.module)
        let architectures = (checkpoint.config["architectures"] as? [String]) ?? []
        // A config without `architectures` (transformers' save of a GGUF-loaded model writes none)
        // still loads as a causal LM by its model_type; with tied embeddings its head has no
        // tensor of its own, so only the tie says it exists.
        let tied = checkpoint.config["tie_word_embeddings"] as? Bool == true
        let hasHead =
            architectures.contains { $0.contains("CausalLM") || $0.contains("LMHead") }
            || (architectures.isEmpty && tied)
        if hasHead && !ignored.contains(where: { $0.split(separator: ".").last == "lm_head" }) {
            ignored.insert("lm_head", at: 0)
        }
        // The family's kept modules, a head under a prefix and kept fused experts also in the
        // convention's pattern form (after the exact names): loaders match the ignore list against
        // their own module names.
        var keptByRule: [(rule: ModelFamily.Kept, modules: [String])] = []
        for t in sources {
            guard case let .skip(module, .keptByFamily(_, _, pattern)) = roles[t.name],
                let rule = selection.family?.kept.first(where: { $0.pattern == pattern })
            else { continue }
            if let i = keptByRule.firstIndex(where: { $0.rule == rule }) {
                keptByRule[i].modules.append(module)
            } else {
                keptByRule.append((rule, [module]))
            }
        }
        let prefixedHeads = ignored.filter { $0.hasSuffix(".lm_head") }
        if !prefixedHeads.isEmpty { keptByRule.append((ModelFamily.prefixedHead, prefixedHeads)) }
        var keptExperts: [String] = []
        for t in sources {
            if case let .skip(module, .fusedExpertTensor) = roles[t.name], !keptExperts.contains(module) {
                keptExperts.append(module)
            }
        }
        if !keptExperts.isEmpty { keptByRule.append((ModelFamily.keptFusedExperts, keptExperts)) }
        for (rule, modules) in keptByRule {
            for form in ModelFamily.ignoreForms(rule, modules: modules, convention: options.convention)
            where !ignored.contains(form) {
                ignored.append(form)
            }
        }

        try writeIndexAndConfigs(
            checkpoint: checkpoint, output: output, shardNames: shardNames, shards: shards,
            weightMap: weightMap, ignored: ignored, options: options, layers: layers,
            inputAmax: inputAmax)
        try copyOtherFiles(
            from: checkpoint.directory, to: output,
            modelCardNote: modelCardNote(options: options, source: modelDirectory))
        try output.commit()

        let after = shards.reduce(0) { $0 + $1.reduce(0) { $0 + $1.spec.byteCount } }
        let totals = QuantizationReport.totals(
            layers: layers, before: bytesTotal, after: after,
            seconds: Date().timeIntervalSince(start))
        return QuantizationReport(
            model: modelDirectory, output: output.target, convention: options.convention.rawValue,
            rule: options.rule.rawValue, layers: layers, skipped: skipped, totals: totals)
    }

    /// Calibrated input amax per quantized module, each fused group sharing its maximum.
    /// Empty for weight-only checkpoints; a quantized module without a calibrated amax is an error.
    static func groupedActivationAmax(
        _ amax: [String: Float]?, roles: [String: TensorRole],
        directory: String
    ) throws -> [String: Float] {
        guard let amax else { return [:] }
        var modules: [(module: String, group: String?)] = []
        for case let .quantize(module, group) in roles.values { modules.append((module, group)) }
        var groupMax: [String: Float] = [:]
        for (module, group) in modules {
            guard let a = amax[module], a.isFinite, a > 0 else {
                throw CheckpointError.inconsistent(
                    path: directory, reason: "no calibrated input amax for module '\(module)'")
            }
            if let group { groupMax[group] = max(groupMax[group] ?? 0, a) }
        }
        var out: [String: Float] = [:]
        for (module, group) in modules { out[module] = group.flatMap { groupMax[$0] } ?? amax[module]! }
        return out
    }

    /// Module names with every number component folded to N, each with its count
    /// (`model.layers.N.mlp.experts.N.w1 (×64)`), in first-seen order.
    static func foldedModuleNames(_ modules: [String]) -> [String] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for m in modules {
            let folded = m.split(separator: ".", omittingEmptySubsequences: false)
                .map { $0.allSatisfy(\.isNumber) && !$0.isEmpty ? "N" : String($0) }.joined(separator: ".")
            if counts[folded] == nil { order.append(folded) }
            counts[folded, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) (×\(counts[$0]!))" : $0 }
    }

    /// True when the checkpoint already holds NVFP4 tensors of either convention.
    static func isQuantized(_ checkpoint: ModelCheckpoint) -> Bool {
        checkpoint.configFile?["quantization_config"] != nil || checkpoint.quantizedConvention != nil
    }

    /// Greedy cut of the ordered specs into shards of at most `maxBytes` (a tensor larger than
    /// that gets a shard of its own); the tensors of one quantized module stay together.
    static func cutIntoShards(_ specs: [(spec: TensorSpec, source: String)], maxBytes: Int) -> [[(
        spec: TensorSpec, source: String
    )]] {
        var shards: [[(spec: TensorSpec, source: String)]] = [[]]
        var size = 0
        var i = 0
        while i < specs.count {
            var j = i
            var unit = 0
            while j < specs.count && specs[j].source == specs[i].source { unit += specs[j].spec.byteCount; j += 1 }
            if size > 0 && size + unit > maxBytes {
                shards.append([])
                size = 0
            }
            shards[shards.count - 1].append(contentsOf: specs[i..<j])
            size += unit
            i = j
        }
        return shards
    }

    static func layerReport(
        _ t: SourceTensor, module: String, group: String?, quantized q: QuantizedTensor,
        basis: [Float]? = nil, ownAmax: Float? = nil
    ) throws -> LayerReport {
        let (rows, cols) = (t.shape[0], t.shape[1])
        func sums(_ x: TensorElements) throws -> (
            (squaredError: Double, energy: Double), (squaredError: Double, energy: Double)?
        ) {
            // The baseline is standard NVFP4 round-to-nearest of the same float weight, at its own amax.
            let chosen = TensorQuantization.errorSums(original: x, quantized: q)
            guard q.rule != .static6 || basis != nil else { return (chosen, nil) }
            let static6 = QuantizationConfig(format: .nvfp4, rule: .static6)
            let amax =
                try (basis == nil ? ownAmax : nil) ?? CPUQuantizer.amax(x, rows: rows, cols: cols, config: static6)
            return (chosen, try TensorQuantization.baselineErrorSums(original: x, rows: rows, cols: cols, amax: amax))
        }
        let (chosen, baseline) =
            try basis.map { b in try b.withTensorElements { try sums($0) } }
            ?? t.withElements { try sums($0) }
        let baselineError = baseline?.squaredError ?? chosen.squaredError
        let after = q.codes.count + q.scales.count + 4
        return LayerReport(
            module: module, shape: [rows, cols], dtype: t.dtype.rawValue, fusedGroup: group, amax: q.amax,
            baselineRelativeError: chosen.energy == 0 ? 0 : baselineError / chosen.energy,
            relativeError: chosen.energy == 0 ? 0 : chosen.squaredError / chosen.energy,
            shareOfBlocksChoosing4: q.alternativeBlockShare, bytesBefore: t.byteCount, bytesAfter: after,
            energy: chosen.energy, baselineSquaredError: baselineError, squaredError: chosen.squaredError,
            blocks: q.blockCount, blocksChoosing4: q.alternativeBlockCount)
    }

    static func writeIndexAndConfigs(
        checkpoint: ModelCheckpoint, output: OutputFolder, shardNames: [String],
        shards: [[(spec: TensorSpec, source: String)]], weightMap: [String: String],
        ignored: [String], options: CheckpointQuantizationOptions,
        layers: [LayerReport], inputAmax: [String: Float]
    ) throws {
        if shards.count > 1 {
            let total = shards.reduce(0) { $0 + $1.reduce(0) { $0 + $1.spec.byteCount } }
            try writeJSON(
                ["metadata": ["total_size": total], "weight_map": weightMap],
                to: output.path("model.safetensors.index.json"))
        }
        let activations = options.activationAmax != nil
        let quantizationConfig = options.convention.quantizationConfig(
            ignored: ignored, activations: activations,
            producer: producer)
        // dtype bfloat16: what NVFP4 decompression yields (transformers loads it by default).
        try writeConfig(
            original: checkpoint.directory + "/config.json", adding: quantizationConfig,
            dtype: "bfloat16", to: output.path("config.json"))
        if let hf = options.convention.hfQuantConfig(ignored: ignored, activations: activations, producer: producer) {
            try writeJSON(hf, to: output.path("hf_quant_config.json"))
        }
        var record: [String: Any] = [
            "producer": producer, "convention": options.convention.rawValue, "format": "nvfp4",
            "rule": options.rule.rawValue,
            "layers": Dictionary(
                uniqueKeysWithValues: layers.map { layer in
                    var entry: [String: Any] = ["amax": Double(layer.amax), "amax_bits": Int(layer.amax.bitPattern)]
                    if let a = inputAmax[layer.module] {
                        entry["input_amax"] = Double(a)
                        entry["input_amax_bits"] = Int(a.bitPattern)
                    }
                    return (layer.module, entry)
                }),
        ]
        if let method = options.method { record["method"] = method }
        try writeJSON(record, to: output.path(recordFileName))
    }

    /// Float values in the dtype of the tensor they replace (F32, BF16 or F16, round to nearest even).
    static func encode(_ values: [Float], like t: CheckpointTensor) throws -> [UInt8] {
        guard values.count == t.info.elementCount else {
            throw CheckpointError.inconsistent(
                path: t.shard.path, reason: "replacement of '\(t.name)' has the wrong size")
        }
        var out: [UInt8] = []
        out.reserveCapacity(t.info.byteCount)
        switch t.info.dtype {
        case .F32: values.withUnsafeBytes { out.append(contentsOf: $0) }
        case .BF16:
            for v in values { withUnsafeBytes(of: BFloat16.bits(from: v).littleEndian) { out.append(contentsOf: $0) } }
        case .F16:
            for v in values {
                withUnsafeBytes(of: Float16Bits.bits(from: v).littleEndian) { out.append(contentsOf: $0) }
            }
        default:
            throw CheckpointError.unsupportedDType(path: t.shard.path, tensor: t.name, dtype: t.info.dtype.rawValue)
        }
        return out
    }

    /// Sets the model dtype of a config.json: `torch_dtype` (read by transformers 4 and 5) and
    /// `dtype` (transformers 5's name) where the config has it. A quantized checkpoint says
    /// bfloat16, the dtype compressed-tensors' NVFP4 decompression yields and engines run NVFP4
    /// with, so that `from_pretrained(folder)` without a dtype gives a model whose layers agree.
    static func setDType(_ config: inout [String: Any], _ dtype: String) {
        config["torch_dtype"] = dtype
        if config["dtype"] != nil { config["dtype"] = dtype }
    }

    /// The note put at the top of the copied model card: what this folder is and how it was made.
    static func modelCardNote(options: CheckpointQuantizationOptions, source: String) -> String {
        let name = URL(fileURLWithPath: source).standardizedFileURL.lastPathComponent
        let activations = options.activationAmax == nil ? "W4A16 (weights only)" : "W4A4 (calibrated input scales)"
        return "> **NVFP4 version.** This folder is an NVFP4 quantization of `\(name)`, made with "
            + "\(producer["name"]!) \(producer["version"]!) (`fouroversix quantize`): Linear-layer weights in NVFP4 "
            + "with the \(options.rule.rawValue) scale rule (Four Over Six), \(options.convention.rawValue) format, "
            + "\(activations); other tensors as in the original. The original model card follows.\n\n"
    }

    /// `card` with `note` inserted at the top, after any YAML front matter (`---` … `---`), which
    /// must stay first for the Hugging Face Hub to read it.
    static func annotatedModelCard(_ card: String, note: String) -> String {
        if card.hasPrefix("---\n") || card.hasPrefix("---\r\n"),
            let close = card.range(of: "\n---", range: card.index(card.startIndex, offsetBy: 3)..<card.endIndex)
        {
            let end = card[close.upperBound...].firstIndex(of: "\n").map { card.index(after: $0) } ?? card.endIndex
            return String(card[..<end]) + "\n" + note + String(card[end...])
        }
        return note + card
    }

    /// Copies every other top-level file (tokenizer, generation config, README, …); with
    /// `modelCardNote`, README.md gets that note at the top.
    static func copyOtherFiles(from directory: String, to output: OutputFolder, modelCardNote: String? = nil) throws {
        let fm = FileManager.default
        let skip: Set<String> = ["config.json", "model.safetensors.index.json", "hf_quant_config.json", recordFileName]
        for name in try fm.contentsOfDirectory(atPath: directory).sorted()
        where !name.hasPrefix(".") && !name.hasSuffix(".safetensors") && !skip.contains(name) {
            let source = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            do {
                if let modelCardNote, name.lowercased() == "readme.md", let data = fm.contents(atPath: source),
                    let card = String(data: data, encoding: .utf8)
                {
                    let annotated = Data(annotatedModelCard(card, note: modelCardNote).utf8)
                    try annotated.write(to: URL(fileURLWithPath: output.path(name)))
                } else {
                    try fm.copyItem(atPath: source, toPath: output.path(name))
                }
            } catch {
                throw CheckpointError.cannotWrite(path: output.path(name), reason: error.localizedDescription)
            }
        }
    }
}

/// config.json with `quantization_config` added and every other byte as it was: the original
/// text with the new key spliced in before its closing brace, so that numbers keep their form
/// (`0.0` stays a float: transformers 5's strict config classes reject `0` for a float field).
func writeConfig(
    original path: String, adding quantizationConfig: [String: Any], dtype: String,
    to target: String
) throws {
    guard var text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
        throw CheckpointError.notFound(path: path)
    }
    // Every `torch_dtype` / `dtype` string value (top level and sub-configs) becomes `dtype`;
    // a config without `torch_dtype` gets one (read by transformers 4 and 5).
    var hasTorchDType = false
    for key in ["torch_dtype", "dtype"] {
        let pattern = try! NSRegularExpression(pattern: "\"\(key)\"(\\s*):(\\s*)\"[^\"]*\"")
        let range = NSRange(text.startIndex..., in: text)
        if key == "torch_dtype" { hasTorchDType = pattern.firstMatch(in: text, range: range) != nil }
        text = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "\"\(key)\"$1:$2\"\(dtype)\"")
    }
    guard let close = text.lastIndex(of: "}") else { throw CheckpointError.notFound(path: path) }
    let value: String
    do {
        let data = try JSONSerialization.data(
            withJSONObject: quantizationConfig,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        value = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n  ")
    } catch {
        throw CheckpointError.cannotWrite(path: target, reason: error.localizedDescription)
    }
    let head = text[..<close]
    let isEmpty = head.drop { $0 != "{" }.dropFirst().allSatisfy(\.isWhitespace)
    let trimmed = head.reversed().drop(while: \.isWhitespace).reversed()
    let dtypeMember = hasTorchDType ? "" : "\n  \"torch_dtype\": \"\(dtype)\","
    let spliced =
        String(trimmed) + (isEmpty ? "" : ",") + dtypeMember + "\n  \"quantization_config\": " + value + "\n}\n"
    do {
        try Data(spliced.utf8).write(to: URL(fileURLWithPath: target))
    } catch {
        throw CheckpointError.cannotWrite(path: target, reason: error.localizedDescription)
    }
}

/// Writes pretty, key-sorted JSON.
func writeJSON(_ object: Any, to path: String) throws {
    do {
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
    } catch {
        throw CheckpointError.cannotWrite(path: path, reason: error.localizedDescription)
    }
}
