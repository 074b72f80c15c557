// A Llama-family causal LM (dense, or Mixtral / Qwen3-MoE with sparse MoE blocks) loaded strictly
// from a `WeightProvider`, and its forward pass.
//
// Promises:
// - Loading is strict: every tensor the configuration implies must be present with exactly
//   the implied shape, and every tensor present must be used — otherwise a
//   `TransformerError` names the first offending tensor. Tolerated extras: `lm_head.weight`
//   when embeddings are tied (ignored, as transformers does) and `rotary_emb.inv_freq` buffers.
// - `hiddenStates` runs a whole block of tokens at once (batched over the sequence) and
//   returns the final-norm output `[T, hidden]`; with a `KVCache` the tokens continue the
//   cached sequence. `logits` applies the LM head (tied embedding or lm_head).
// - `apply` switches the evaluation quantization of the decoder Linears; the LM head and
//   embeddings are never quantized. Results do not depend on the thread count.

import BlockFormats
import BlockQuantization
import CPUKernels
import ModelCore
import ModelFolder

public final class TransformerModel: @unchecked Sendable {
    public let configuration: ModelConfiguration
    /// `[vocab, hidden]`.
    let embedding: [Float]
    let layers: [DecoderLayer]
    /// `[hidden]`.
    let finalNorm: [Float]
    let head: LinearLayer
    let rotary: RotaryEmbedding
    /// Worker threads of the GEMMs, attention and quantizers.
    public var threads: Int
    /// The quantization applied now.
    public private(set) var quantization: EvaluationQuantization = .none

    /// The decoder Linear modules, layer by layer (q, k, v, o, gate, up, down; MoE: q, k, v, o, then
    /// each expert's gate, up, down — routers are not among them and are never quantized).
    public var linearLayers: [LinearLayer] { layers.flatMap(\.linears) }

    /// Loads the tensors the configuration implies from `weights` (strictly; see above).
    public init(
        configuration c: ModelConfiguration, weights: WeightProvider,
        threads: Int = CPUParallel.defaultThreadCount
    ) throws {
        configuration = c
        self.threads = threads
        let d = c.hiddenSize, hd = c.headDimension
        var expected: [(name: String, shape: [Int])] = [("model.embed_tokens.weight", [c.vocabularySize, d])]
        for i in 0..<c.layerCount {
            let p = "model.layers.\(i)."
            expected += [(p + "input_layernorm.weight", [d]), (p + "post_attention_layernorm.weight", [d])]
            for slot in LinearSlot.allCases where c.experts == nil || slot.rawValue < LinearSlot.gate.rawValue {
                let m = slot.moduleSuffix, shape = c.linearShape(slot)
                expected.append((p + m + ".weight", shape))
                if c.hasBias(slot) { expected.append((p + m + ".bias", [shape[0]])) }
            }
            if let moe = c.experts {
                expected.append((p + moe.routerSuffix + ".weight", [moe.expertCount, d]))
                for e in 0..<moe.expertCount {
                    for slot in [LinearSlot.gate, .up, .down] {
                        expected.append(
                            (p + moe.expertSuffix(e, slot) + ".weight", moe.expertShape(slot, hiddenSize: d)))
                    }
                }
                if moe.sharedExpertIntermediateSize != nil {
                    expected.append((p + MixtureOfExperts.sharedGateSuffix + ".weight", [1, d]))
                    for slot in [LinearSlot.gate, .up, .down] {
                        expected.append((p + moe.sharedSuffix(slot) + ".weight", moe.sharedShape(slot, hiddenSize: d)))
                    }
                }
            }
            if c.qkNorm { expected += [(p + "self_attn.q_norm.weight", [hd]), (p + "self_attn.k_norm.weight", [hd])] }
        }
        expected.append(("model.norm.weight", [d]))
        if !c.tieWordEmbeddings { expected.append(("lm_head.weight", [c.vocabularySize, d])) }

        for (name, shape) in expected {
            guard let actual = weights.shape(of: name) else { throw TransformerError.missingTensor(name: name) }
            guard actual == shape else {
                throw TransformerError.shapeMismatch(name: name, expected: shape, actual: actual)
            }
        }
        let known = Set(expected.map(\.name))
        for name in weights.tensorNames.sorted() where !known.contains(name) {
            if name.hasSuffix("rotary_emb.inv_freq") { continue }
            if name == "lm_head.weight" && c.tieWordEmbeddings {
                let s = weights.shape(of: name)!
                guard s == [c.vocabularySize, d] else {
                    throw TransformerError.shapeMismatch(name: name, expected: [c.vocabularySize, d], actual: s)
                }
                continue
            }
            throw TransformerError.unexpectedTensor(name: name)
        }

        embedding = try weights.floats("model.embed_tokens.weight")
        var layers: [DecoderLayer] = []
        for i in 0..<c.layerCount {
            let p = "model.layers.\(i)."
            var linears: [LinearLayer] = []
            for slot in LinearSlot.allCases where c.experts == nil || slot.rawValue < LinearSlot.gate.rawValue {
                let module = p + slot.moduleSuffix, (out, inp) = (c.linearShape(slot)[0], c.linearShape(slot)[1])
                linears.append(
                    LinearLayer(
                        module: module, weight: try weights.floats(module + ".weight"), outFeatures: out,
                        inFeatures: inp,
                        bias: c.hasBias(slot) ? try weights.floats(module + ".bias") : nil,
                        storedQuantized: weights.isStoredQuantized(module: module)))
            }
            var router: LinearLayer?, sharedGate: LinearLayer?
            var experts: [[LinearLayer]] = []
            var shared: [LinearLayer] = []
            if let moe = c.experts {
                let r = p + moe.routerSuffix
                router = LinearLayer(
                    module: r, weight: try weights.floats(r + ".weight"), outFeatures: moe.expertCount,
                    inFeatures: d, bias: nil, storedQuantized: weights.isStoredQuantized(module: r))
                for e in 0..<moe.expertCount {
                    experts.append(
                        try [LinearSlot.gate, .up, .down].map { slot in
                            let module = p + moe.expertSuffix(e, slot), shape = moe.expertShape(slot, hiddenSize: d)
                            return LinearLayer(
                                module: module, weight: try weights.floats(module + ".weight"),
                                outFeatures: shape[0], inFeatures: shape[1], bias: nil,
                                storedQuantized: weights.isStoredQuantized(module: module))
                        })
                }
                if moe.sharedExpertIntermediateSize != nil {
                    let g = p + MixtureOfExperts.sharedGateSuffix
                    sharedGate = LinearLayer(
                        module: g, weight: try weights.floats(g + ".weight"), outFeatures: 1,
                        inFeatures: d, bias: nil, storedQuantized: weights.isStoredQuantized(module: g))
                    shared = try [LinearSlot.gate, .up, .down].map { slot in
                        let module = p + moe.sharedSuffix(slot), shape = moe.sharedShape(slot, hiddenSize: d)
                        return LinearLayer(
                            module: module, weight: try weights.floats(module + ".weight"),
                            outFeatures: shape[0], inFeatures: shape[1], bias: nil,
                            storedQuantized: weights.isStoredQuantized(module: module))
                    }
                }
            }
            layers.append(
                DecoderLayer(
                    index: i, inputNorm: try weights.floats(p + "input_layernorm.weight"),
                    postAttentionNorm: try weights.floats(p + "post_attention_layernorm.weight"),
                    queryNorm: c.qkNorm ? try weights.floats(p + "self_attn.q_norm.weight") : nil,
                    keyNorm: c.qkNorm ? try weights.floats(p + "self_attn.k_norm.weight") : nil,
                    linears: linears, router: router, experts: experts, sharedExpert: shared, sharedGate: sharedGate))
        }
        self.layers = layers
        finalNorm = try weights.floats("model.norm.weight")
        let headWeight = c.tieWordEmbeddings ? embedding : try weights.floats("lm_head.weight")
        head = LinearLayer(
            module: "lm_head", weight: headWeight, outFeatures: c.vocabularySize, inFeatures: d,
            bias: nil, storedQuantized: false)
        rotary = RotaryEmbedding(configuration: c)
    }

    /// Opens a model folder (config.json and `model.safetensors` or the shards of its index)
    /// through ModelFolder and loads it strictly.
    public convenience init(directory: String, threads: Int = CPUParallel.defaultThreadCount) throws {
        let folder = try ModelCheckpoint.open(directory)
        guard let config = folder.configFile else { throw ModelFolderError.missingConfig(directory: directory) }
        try self.init(
            configuration: try ModelConfiguration(config: config), weights: try SafeTensorsWeights(checkpoint: folder),
            threads: threads)
    }

    // MARK: - Quantization

    /// Applies `q` to the decoder Linears (replacing any earlier setting).
    public func apply(_ q: EvaluationQuantization) throws {
        for format in [q.weights, q.activations] {
            if let config = format.config {
                do { try config.validate() } catch { throw TransformerError.invalidOption("\(format): \(error)") }
            }
        }
        let linears = linearLayers
        let selected = linears.map {
            q.selection.reasonToSkip(module: $0.module, inFeatures: $0.inFeatures, storedQuantized: $0.storedQuantized)
                == nil
        }
        // Weights.
        switch q.weights {
        case .full:
            for l in linears { l.resetWeight() }
        case .bfloat16:
            for (l, s) in zip(linears, selected) {
                if s {
                    l.setEffectiveWeight(l.original.map(BFloat16.rounded), format: .bfloat16, amax: nil)
                } else {
                    l.resetWeight()
                }
            }
        case let .block(config):
            var amax: [Float?] = []
            var groupAmax: [String: Float] = [:]
            for (l, s) in zip(linears, selected) {
                guard s else { amax.append(nil); continue }
                let a = try l.original.withUnsafeBufferPointer {
                    try QuantizationSimulation.amax(
                        $0, rows: l.outFeatures, cols: l.inFeatures, config: config, threads: threads)
                }
                amax.append(a)
                if let key = q.selection.fusedGroup(l.module) { groupAmax[key] = max(groupAmax[key] ?? 0, a) }
            }
            for (i, l) in linears.enumerated() {
                guard let own = amax[i] else { l.resetWeight(); continue }
                let shared = q.selection.fusedGroup(l.module).flatMap { groupAmax[$0] } ?? own
                let w = try l.original.withUnsafeBufferPointer {
                    try QuantizationSimulation.roundTrip(
                        $0, rows: l.outFeatures, cols: l.inFeatures, format: q.weights,
                        amax: shared, threads: threads)
                }
                l.setEffectiveWeight(w, format: q.weights, amax: shared)
            }
        }
        // Activations.
        for (l, s) in zip(linears, selected) {
            let takesPart = s || l.storedQuantized
            l.inputFormat = takesPart ? q.activations : .full
            l.inputAmax = nil
            if takesPart, q.activations.isQuantized, case let .calibrated(table) = q.activationScale {
                guard let a = table[l.module] else {
                    throw TransformerError.invalidOption("no calibrated input amax for \(l.module)")
                }
                l.inputAmax = a
            }
        }
        quantization = q
    }

    // MARK: - Forward

    /// The final-norm hidden states `[tokens.count, hidden]` of `tokens`; with `cache`, the
    /// tokens continue the cached sequence and are appended to it.
    public func hiddenStates(tokens: [Int], cache: KVCache? = nil, observer: ActivationObserver? = nil) throws
        -> [Float]
    {
        let c = configuration, d = c.hiddenSize, t = tokens.count
        for id in tokens where id < 0 || id >= c.vocabularySize {
            throw TransformerError.tokenOutOfRange(id: id, vocabularySize: c.vocabularySize)
        }
        var x = [Float](repeating: 0, count: t * d)
        x.withUnsafeMutableBufferPointer { xp in
            embedding.withUnsafeBufferPointer { e in
                for (r, id) in tokens.enumerated() {
                    (xp.baseAddress! + r * d).update(from: e.baseAddress! + id * d, count: d)
                }
            }
        }
        let past = cache?.count ?? 0
        let (cos, sin) = rotary.table(positions: past..<(past + t))
        for layer in layers {
            try layer.forward(
                &x, rows: t, past: past, rotary: rotary, cos: cos, sin: sin, configuration: c,
                cache: cache, observer: observer, threads: threads)
        }
        cache?.advance(by: t)
        return RMSNorm.forward(x, weight: finalNorm, rows: t, width: d, epsilon: c.rmsNormEpsilon)
    }

    /// Logits `[rows, vocab]` of hidden states `[rows, hidden]`.
    public func logits(hidden: UnsafeBufferPointer<Float>, rows: Int) -> [Float] {
        precondition(hidden.count >= rows * configuration.hiddenSize)
        var out = [Float](repeating: 0, count: rows * configuration.vocabularySize)
        guard rows > 0 else { return out }
        out.withUnsafeMutableBufferPointer {
            head.forward(hidden.baseAddress!, rows: rows, into: $0.baseAddress!, threads: threads)
        }
        return out
    }

    /// Logits `[tokens.count, vocab]` (convenience; `hiddenStates` then `logits`).
    public func logits(tokens: [Int], cache: KVCache? = nil) throws -> [Float] {
        let h = try hiddenStates(tokens: tokens, cache: cache)
        return h.withUnsafeBufferPointer { logits(hidden: $0, rows: tokens.count) }
    }
}
