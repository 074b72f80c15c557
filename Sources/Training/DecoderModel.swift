// The Llama-style decoder's forward pass, loss and hand-written backward pass.
//
// Promises: `lossAndGradients` computes the mean next-token cross-entropy of a batch and adds
// d loss / d θ into `gradients` (which the caller zeroes), every GEMM in the precision the
// `PrecisionPlan` gives it; `loss` is the same forward pass without gradients. The forward runs
// ModelCore's kernels — RMSNorm, RoPE (Hugging Face's float32 angles), attention, SiLU·up — the
// ones inference runs; this file adds the casts, the saved activations and the backward. The network is
// Hugging Face's LlamaForCausalLM: h = E[x]; per block h += o_proj(attn(RoPE(q), RoPE(k), v))
// on RMSNorm(h), then h += down(silu(gate(m)) ⊙ up(m)) on m = RMSNorm(h); logits =
// head(RMSNorm(h)). Stochastic-rounding seeds come from (run seed, step, linear id, operand).
// Results do not depend on the thread count.

import CPUKernels
import ModelCore

public struct DecoderModel: Sendable {
    public let config: ModelConfiguration
    public let plan: PrecisionPlan
    public let threads: Int

    public init(config: ModelConfiguration, plan: PrecisionPlan, threads: Int = CPUParallel.defaultThreadCount) {
        precondition(
            plan.layers.count == config.layerCount,
            "precision plan has \(plan.layers.count) layers, model \(config.layerCount)")
        self.config = config
        self.plan = plan
        self.threads = threads
    }

    /// What one decoder block keeps for its backward pass: ModelCore's saved activations and
    /// the cast weights its forward multiplied by (the data gradient reuses them).
    struct BlockCache {
        var activations = BlockActivations()
        var castWeights: [LinearSlot: [Float]] = [:]

        var input: [Float] { activations.input }
        var attentionRMS: [Float] { activations.attentionRMS }
        var attentionInput: [Float] { activations.attentionInput }
        var q: [Float] { activations.q }
        var k: [Float] { activations.k }
        var v: [Float] { activations.v }
        var probabilities: [Float] { activations.probabilities }
        var attentionOutput: [Float] { activations.attentionOutput }
        var middle: [Float] { activations.middle }
        var mlpRMS: [Float] { activations.mlpRMS }
        var mlpInput: [Float] { activations.mlpInput }
        var gate: [Float] { activations.gate }
        var up: [Float] { activations.up }
        var activation: [Float] { activations.activation }
        var castQ: [Float] { castWeights[.q]! }
        var castK: [Float] { castWeights[.k]! }
        var castV: [Float] { castWeights[.v]! }
        var castO: [Float] { castWeights[.o]! }
        var castGate: [Float] { castWeights[.gate]! }
        var castUp: [Float] { castWeights[.up]! }
        var castDown: [Float] { castWeights[.down]! }
    }

    /// Mean cross-entropy of the batch (forward only).
    public func loss(parameters p: ModelParameters, batch: TrainingBatch) throws(TrainingError) -> Double {
        var stats = QuantizationStatistics()
        var none = ModelParameters(config: config, tensors: [])
        return try run(
            parameters: p, batch: batch, step: 0, runSeed: 0, training: false, gradients: &none,
            statistics: &stats)
    }

    /// Mean cross-entropy of the batch; adds its gradient into `gradients`.
    public func lossAndGradients(
        parameters p: ModelParameters, batch: TrainingBatch, step: Int, runSeed: UInt64,
        gradients: inout ModelParameters,
        statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> Double {
        precondition(gradients.tensors.count == p.tensors.count, "gradients do not match the parameters")
        return try run(
            parameters: p, batch: batch, step: step, runSeed: runSeed, training: true, gradients: &gradients,
            statistics: &statistics)
    }

    private func run(
        parameters p: ModelParameters, batch: TrainingBatch, step: Int, runSeed: UInt64,
        training: Bool, gradients grads: inout ModelParameters,
        statistics: inout QuantizationStatistics
    ) throws(TrainingError) -> Double {
        let c = config, d = c.hiddenSize, f = c.intermediateSize, v = c.vocabularySize
        let n = batch.rows, t = batch.sequenceLength
        precondition(t <= c.contextLength, "sequence length \(t) exceeds the model's context \(c.contextLength)")
        let shape = AttentionShape(
            batch: batch.batch, sequenceLength: t, heads: c.headCount, headDimension: c.headDimension)
        let rotary = RotaryEmbedding(configuration: c)
        let rope = SequenceRotation(configuration: c, sequenceLength: t, sequences: batch.batch)

        // Embedding.
        var h = [Float](repeating: 0, count: n * d)
        p.tensors[ModelParameters.embeddingIndex].values.withUnsafeBufferPointer { e in
            h.withUnsafeMutableBufferPointer { hb in
                for i in 0..<n {
                    let tok = Int(batch.inputs[i])
                    precondition(tok >= 0 && tok < v, "token id \(tok) outside the vocabulary")
                    (hb.baseAddress! + i * d).update(from: e.baseAddress! + tok * d, count: d)
                }
            }
        }

        // Decoder blocks: ModelCore's forward, the Linear modules cast by the precision plan.
        var caches: [BlockCache] = []
        let (cosines, sines) = rotary.table(positions: 0..<t)
        for l in 0..<c.layerCount {
            let norms = BlockNorms(
                input: p.tensors[ModelParameters.index(layer: l, .inputNorm)].values,
                postAttention: p.tensors[ModelParameters.index(layer: l, .postAttentionNorm)].values)
            var linears = TrainingLinears(parameters: p, layer: l, precision: plan.layers[l], threads: threads)
            let saved = try DecoderBlock.forward(
                &h, sequences: batch.batch, rows: t, past: 0, layer: l, norms: norms,
                rotary: rotary, cos: cosines, sin: sines, configuration: c, cache: nil,
                linears: &linears, saving: training, threads: threads)
            statistics.merge(linears.statistics)
            if let saved { caches.append(BlockCache(activations: saved, castWeights: linears.castWeights)) }
        }

        // Final norm, head, loss.
        let finalNorm = p.finalNormIndex, head = p.headIndex
        let (fOut, fr) = h.withUnsafeBufferPointer { hb in
            p.tensors[finalNorm].values.withUnsafeBufferPointer { g in
                NormLayer.forward(hb, rows: n, width: d, gain: g, epsilon: c.rmsNormEpsilon, threads: threads)
            }
        }
        let fCast = try fOut.withUnsafeBufferPointer { (fb) throws(TrainingError) in
            try CastLinear.castInput(
                fb, rows: n, cols: d, precision: plan.head, threads: threads, statistics: &statistics)
        }
        let wHead = try p.tensors[head].values.withUnsafeBufferPointer { (w) throws(TrainingError) in
            try CastLinear.castWeight(w, out: v, in: d, precision: plan.head, threads: threads, statistics: &statistics)
        }
        var logits = CastLinear.forward(castInput: fCast, rows: n, in: d, castWeight: wHead, out: v, threads: threads)
        let loss = logits.withUnsafeMutableBufferPointer {
            CrossEntropy.lossAndGradient(
                $0, targets: batch.targets, vocabulary: v, gradient: training, threads: threads)
        }
        guard loss.isFinite else { throw .nonFinite("loss (\(loss))") }
        guard training else { return loss }

        // ---- Backward ----
        let headID = PrecisionPlan.headID(layers: c.layerCount)
        var dh = [Float](repeating: 0, count: n * d)
        let fWG = try fOut.withUnsafeBufferPointer { (fb) throws(TrainingError) in
            try CastLinear.castWeightGradientInput(
                fb, rows: n, cols: d, precision: plan.head, threads: threads,
                statistics: &statistics)
        }
        var dF = [Float](repeating: 0, count: n * d)
        try backwardLinear(
            logits, rows: n, out: v, in: d, castWeight: wHead, input: fWG, precision: plan.head,
            linear: headID, step: step, runSeed: runSeed, gradient: &grads.tensors[head].values,
            dx: &dF, accumulate: false, statistics: &statistics)
        logits = []
        dh = normBackward(dF, x: h, rms: fr, gainIndex: finalNorm, p: p, grads: &grads, rows: n, width: d)

        for l in stride(from: c.layerCount - 1, through: 0, by: -1) {
            let cache = caches[l]
            caches[l] = BlockCache()
            let precision = plan.layers[l]
            func gi(_ slot: LayerTensor) -> Int { ModelParameters.index(layer: l, slot) }
            func id(_ slot: LinearSlot) -> Int { PrecisionPlan.linearID(layer: l, slot) }
            // MLP backward: dh is the gradient of h2 = h1 + down.
            let sWG = try cache.activation.withUnsafeBufferPointer { (sb) throws(TrainingError) in
                try CastLinear.castWeightGradientInput(
                    sb, rows: n, cols: f, precision: precision, threads: threads,
                    statistics: &statistics)
            }
            var dS = [Float](repeating: 0, count: n * f)
            try backwardLinear(
                dh, rows: n, out: d, in: f, castWeight: cache.castDown, input: sWG, precision: precision,
                linear: id(.down), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.down)].values,
                dx: &dS, accumulate: false, statistics: &statistics)
            let (dGate, dUp) = dS.withUnsafeBufferPointer { dsb in
                cache.gate.withUnsafeBufferPointer { gb in
                    cache.up.withUnsafeBufferPointer { ub in SwiGLU.backward(dsb, gate: gb, up: ub, threads: threads) }
                }
            }
            dS = []
            let mWG = try cache.mlpInput.withUnsafeBufferPointer { (mb) throws(TrainingError) in
                try CastLinear.castWeightGradientInput(
                    mb, rows: n, cols: d, precision: precision, threads: threads,
                    statistics: &statistics)
            }
            var dM = [Float](repeating: 0, count: n * d)
            try backwardLinear(
                dGate, rows: n, out: f, in: d, castWeight: cache.castGate, input: mWG, precision: precision,
                linear: id(.gate), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.gate)].values,
                dx: &dM, accumulate: false, statistics: &statistics)
            try backwardLinear(
                dUp, rows: n, out: f, in: d, castWeight: cache.castUp, input: mWG, precision: precision,
                linear: id(.up), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.up)].values,
                dx: &dM, accumulate: true, statistics: &statistics)
            var dh1 = normBackward(
                dM, x: cache.middle, rms: cache.mlpRMS, gainIndex: gi(.postAttentionNorm), p: p,
                grads: &grads, rows: n, width: d)
            add(&dh1, dh)
            // Attention backward: dh1 is the gradient of h1 = h + o_proj(o).
            let oWG = try cache.attentionOutput.withUnsafeBufferPointer { (ob) throws(TrainingError) in
                try CastLinear.castWeightGradientInput(
                    ob, rows: n, cols: d, precision: precision, threads: threads,
                    statistics: &statistics)
            }
            var dO = [Float](repeating: 0, count: n * d)
            try backwardLinear(
                dh1, rows: n, out: d, in: d, castWeight: cache.castO, input: oWG, precision: precision,
                linear: id(.o), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.o)].values,
                dx: &dO, accumulate: false, statistics: &statistics)
            var (dq, dk, dv) = dO.withUnsafeBufferPointer { dob in
                cache.q.withUnsafeBufferPointer { qb in
                    cache.k.withUnsafeBufferPointer { kb in
                        cache.v.withUnsafeBufferPointer { vb in
                            cache.probabilities.withUnsafeBufferPointer { pb in
                                CausalAttention.backward(
                                    dOutput: dob, q: qb, k: kb, v: vb, probabilities: pb, shape: shape,
                                    threads: threads)
                            }
                        }
                    }
                }
            }
            dO = []
            rope.apply(&dq, inverse: true, threads: threads)
            rope.apply(&dk, inverse: true, threads: threads)
            let aWG = try cache.attentionInput.withUnsafeBufferPointer { (ab) throws(TrainingError) in
                try CastLinear.castWeightGradientInput(
                    ab, rows: n, cols: d, precision: precision, threads: threads,
                    statistics: &statistics)
            }
            var dA = [Float](repeating: 0, count: n * d)
            try backwardLinear(
                dq, rows: n, out: d, in: d, castWeight: cache.castQ, input: aWG, precision: precision,
                linear: id(.q), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.q)].values,
                dx: &dA, accumulate: false, statistics: &statistics)
            try backwardLinear(
                dk, rows: n, out: d, in: d, castWeight: cache.castK, input: aWG, precision: precision,
                linear: id(.k), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.k)].values,
                dx: &dA, accumulate: true, statistics: &statistics)
            try backwardLinear(
                dv, rows: n, out: d, in: d, castWeight: cache.castV, input: aWG, precision: precision,
                linear: id(.v), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.v)].values,
                dx: &dA, accumulate: true, statistics: &statistics)
            dq = []; dk = []; dv = []
            var dIn = normBackward(
                dA, x: cache.input, rms: cache.attentionRMS, gainIndex: gi(.inputNorm), p: p,
                grads: &grads, rows: n, width: d)
            add(&dIn, dh1)
            dh = dIn
        }

        // Embedding: scatter-add in token order.
        grads.tensors[ModelParameters.embeddingIndex].values.withUnsafeMutableBufferPointer { ge in
            dh.withUnsafeBufferPointer { db in
                for i in 0..<n {
                    let row = ge.baseAddress! + Int(batch.inputs[i]) * d
                    let src = db.baseAddress! + i * d
                    for j in 0..<d { row[j] += src[j] }
                }
            }
        }
        return loss
    }

    private func backwardLinear(
        _ dy: [Float], rows: Int, out: Int, in k: Int, castWeight: [Float], input: WeightGradientInput,
        precision: GEMMPrecision, linear: Int, step: Int, runSeed: UInt64, gradient: inout [Float],
        dx: inout [Float], accumulate: Bool,
        statistics: inout QuantizationStatistics
    ) throws(TrainingError) {
        let seeds = (
            StochasticSeeds.seed(run: runSeed, step: step, linear: linear, operand: .dataGradientOutput),
            StochasticSeeds.seed(run: runSeed, step: step, linear: linear, operand: .weightGradientOutput)
        )
        try dy.withUnsafeBufferPointer { (dyb) throws(TrainingError) in
            try gradient.withUnsafeMutableBufferPointer { (gb) throws(TrainingError) in
                try dx.withUnsafeMutableBufferPointer { (dxb) throws(TrainingError) in
                    try CastLinear.backward(
                        dy: dyb, rows: rows, out: out, in: k, castWeight: castWeight, input: input,
                        precision: precision, seeds: seeds, weightGradient: gb.baseAddress!,
                        dx: dxb.baseAddress!, accumulateDX: accumulate, threads: threads,
                        statistics: &statistics)
                }
            }
        }
    }

    private func normBackward(
        _ dy: [Float], x: [Float], rms: [Float], gainIndex: Int, p: ModelParameters,
        grads: inout ModelParameters, rows: Int, width: Int
    ) -> [Float] {
        dy.withUnsafeBufferPointer { dyb in
            x.withUnsafeBufferPointer { xb in
                rms.withUnsafeBufferPointer { rb in
                    p.tensors[gainIndex].values.withUnsafeBufferPointer { g in
                        grads.tensors[gainIndex].values.withUnsafeMutableBufferPointer { gg in
                            NormLayer.backward(
                                dyb, x: xb, inverseRMS: rb, rows: rows, width: width, gain: g,
                                gainGradient: gg, threads: threads)
                        }
                    }
                }
            }
        }
    }

    /// x += y, elementwise.
    private func add(_ x: inout [Float], _ y: [Float]) {
        precondition(x.count == y.count)
        x.withUnsafeMutableBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                for i in 0..<xb.count { xb[i] += yb[i] }
            }
        }
    }
}

/// The trainer's `LinearRunner`: the input is cast once per group (q/k/v and gate/up share it),
/// each weight cast by the layer's precision and kept for the backward pass; float32 GEMMs.
struct TrainingLinears: LinearRunner {
    let parameters: ModelParameters
    let layer: Int
    let precision: GEMMPrecision
    let threads: Int
    var statistics = QuantizationStatistics()
    var castWeights: [LinearSlot: [Float]] = [:]

    init(parameters: ModelParameters, layer: Int, precision: GEMMPrecision, threads: Int) {
        self.parameters = parameters
        self.layer = layer
        self.precision = precision
        self.threads = threads
    }

    static func tensor(_ slot: LinearSlot) -> LayerTensor {
        LayerTensor.allCases.first { $0.linearSlot == slot }!
    }

    mutating func run(_ slots: [LinearSlot], input x: [Float], rows: Int) throws(TrainingError) -> [[Float]] {
        let cols = x.count / rows
        let xCast = try x.withUnsafeBufferPointer { (xb) throws(TrainingError) in
            try CastLinear.castInput(
                xb, rows: rows, cols: cols, precision: precision, threads: threads,
                statistics: &statistics)
        }
        var outputs: [[Float]] = []
        for slot in slots {
            let w = parameters.tensors[ModelParameters.index(layer: layer, Self.tensor(slot))]
            let out = w.shape[0]
            precondition(w.shape[1] == cols, "\(w.name): input width \(w.shape[1]), got \(cols)")
            let cast = try w.values.withUnsafeBufferPointer { (wb) throws(TrainingError) in
                try CastLinear.castWeight(
                    wb, out: out, in: cols, precision: precision, threads: threads,
                    statistics: &statistics)
            }
            castWeights[slot] = cast
            outputs.append(
                CastLinear.forward(
                    castInput: xCast, rows: rows, in: cols, castWeight: cast, out: out,
                    threads: threads))
        }
        return outputs
    }
}
