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
        precondition(plan.layers.count == config.layerCount, "precision plan has \(plan.layers.count) layers, model \(config.layerCount)")
        self.config = config
        self.plan = plan
        self.threads = threads
    }

    /// Activations one decoder block keeps for its backward pass.
    struct BlockCache {
        var input: [Float] = []          // h   [N, d]
        var attentionRMS: [Float] = []   // [N]
        var attentionInput: [Float] = [] // a = RMSNorm(h) [N, d]
        var castQ: [Float] = [], castK: [Float] = [], castV: [Float] = [], castO: [Float] = []
        var q: [Float] = [], k: [Float] = [], v: [Float] = []   // after RoPE (q, k)
        var probabilities: [Float] = []  // [B, H, T, T]
        var attentionOutput: [Float] = [] // o [N, d]
        var middle: [Float] = []         // h1 [N, d]
        var mlpRMS: [Float] = []
        var mlpInput: [Float] = []       // m [N, d]
        var castGate: [Float] = [], castUp: [Float] = [], castDown: [Float] = []
        var gate: [Float] = [], up: [Float] = []   // [N, f]
        var activation: [Float] = []     // s [N, f]
    }

    /// Mean cross-entropy of the batch (forward only).
    public func loss(parameters p: ModelParameters, batch: TrainingBatch) throws(TrainingError) -> Double {
        var stats = QuantizationStatistics()
        var none = ModelParameters(config: config, tensors: [])
        return try run(parameters: p, batch: batch, step: 0, runSeed: 0, training: false, gradients: &none,
                       statistics: &stats)
    }

    /// Mean cross-entropy of the batch; adds its gradient into `gradients`.
    public func lossAndGradients(parameters p: ModelParameters, batch: TrainingBatch, step: Int, runSeed: UInt64,
                                 gradients: inout ModelParameters,
                                 statistics: inout QuantizationStatistics) throws(TrainingError) -> Double {
        precondition(gradients.tensors.count == p.tensors.count, "gradients do not match the parameters")
        return try run(parameters: p, batch: batch, step: step, runSeed: runSeed, training: true, gradients: &gradients,
                       statistics: &statistics)
    }

    private func run(parameters p: ModelParameters, batch: TrainingBatch, step: Int, runSeed: UInt64,
                     training: Bool, gradients grads: inout ModelParameters,
                     statistics: inout QuantizationStatistics) throws(TrainingError) -> Double {
        let c = config, d = c.hiddenSize, f = c.intermediateSize, v = c.vocabularySize
        let n = batch.rows, t = batch.sequenceLength
        precondition(t <= c.contextLength, "sequence length \(t) exceeds the model's context \(c.contextLength)")
        let shape = AttentionShape(batch: batch.batch, sequenceLength: t, heads: c.headCount, headDimension: c.headDimension)
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

        // Decoder blocks.
        var caches: [BlockCache] = []
        for l in 0..<c.layerCount {
            let precision = plan.layers[l]
            var cache = BlockCache()
            func weight(_ slot: LayerTensor) -> Int { ModelParameters.index(layer: l, slot) }
            func cast(_ slot: LayerTensor, out: Int, in k: Int) throws(TrainingError) -> [Float] {
                try p.tensors[weight(slot)].values.withUnsafeBufferPointer { (w) throws(TrainingError) in
                    try LinearLayer.castWeight(w, out: out, in: k, precision: precision, threads: threads, statistics: &statistics)
                }
            }
            // Attention.
            let (a, ar) = h.withUnsafeBufferPointer { hb in
                p.tensors[weight(.inputNorm)].values.withUnsafeBufferPointer { g in
                    NormLayer.forward(hb, rows: n, width: d, gain: g, epsilon: c.rmsNormEpsilon, threads: threads)
                }
            }
            let aCast = try a.withUnsafeBufferPointer { (ab) throws(TrainingError) in
                try LinearLayer.castInput(ab, rows: n, cols: d, precision: precision, threads: threads, statistics: &statistics)
            }
            let wq = try cast(.q, out: d, in: d), wk = try cast(.k, out: d, in: d), wv = try cast(.v, out: d, in: d)
            var q = LinearLayer.forward(castInput: aCast, rows: n, in: d, castWeight: wq, out: d, threads: threads)
            var k = LinearLayer.forward(castInput: aCast, rows: n, in: d, castWeight: wk, out: d, threads: threads)
            let vv = LinearLayer.forward(castInput: aCast, rows: n, in: d, castWeight: wv, out: d, threads: threads)
            rope.apply(&q, threads: threads)
            rope.apply(&k, threads: threads)
            let (o, probs) = CausalAttention.forward(q: q, k: k, v: vv, shape: shape, threads: threads)
            let oCast = try o.withUnsafeBufferPointer { (ob) throws(TrainingError) in
                try LinearLayer.castInput(ob, rows: n, cols: d, precision: precision, threads: threads, statistics: &statistics)
            }
            let wo = try cast(.o, out: d, in: d)
            let attn = LinearLayer.forward(castInput: oCast, rows: n, in: d, castWeight: wo, out: d, threads: threads)
            var h1 = h
            add(&h1, attn)
            // MLP.
            let (m, mr) = h1.withUnsafeBufferPointer { hb in
                p.tensors[weight(.postAttentionNorm)].values.withUnsafeBufferPointer { g in
                    NormLayer.forward(hb, rows: n, width: d, gain: g, epsilon: c.rmsNormEpsilon, threads: threads)
                }
            }
            let mCast = try m.withUnsafeBufferPointer { (mb) throws(TrainingError) in
                try LinearLayer.castInput(mb, rows: n, cols: d, precision: precision, threads: threads, statistics: &statistics)
            }
            let wg = try cast(.gate, out: f, in: d), wu = try cast(.up, out: f, in: d)
            let gate = LinearLayer.forward(castInput: mCast, rows: n, in: d, castWeight: wg, out: f, threads: threads)
            let up = LinearLayer.forward(castInput: mCast, rows: n, in: d, castWeight: wu, out: f, threads: threads)
            let s = gate.withUnsafeBufferPointer { gb in
                up.withUnsafeBufferPointer { ub in SwiGLU.forward(gate: gb, up: ub, threads: threads) }
            }
            let sCast = try s.withUnsafeBufferPointer { (sb) throws(TrainingError) in
                try LinearLayer.castInput(sb, rows: n, cols: f, precision: precision, threads: threads, statistics: &statistics)
            }
            let wd = try cast(.down, out: d, in: f)
            let down = LinearLayer.forward(castInput: sCast, rows: n, in: f, castWeight: wd, out: d, threads: threads)
            var h2 = h1
            add(&h2, down)
            if training {
                cache.input = h
                cache.attentionRMS = ar
                cache.attentionInput = a
                cache.castQ = wq; cache.castK = wk; cache.castV = wv; cache.castO = wo
                cache.q = q; cache.k = k; cache.v = vv
                cache.probabilities = probs
                cache.attentionOutput = o
                cache.middle = h1
                cache.mlpRMS = mr
                cache.mlpInput = m
                cache.castGate = wg; cache.castUp = wu; cache.castDown = wd
                cache.gate = gate; cache.up = up
                cache.activation = s
                caches.append(cache)
            }
            h = h2
        }

        // Final norm, head, loss.
        let finalNorm = p.finalNormIndex, head = p.headIndex
        let (fOut, fr) = h.withUnsafeBufferPointer { hb in
            p.tensors[finalNorm].values.withUnsafeBufferPointer { g in
                NormLayer.forward(hb, rows: n, width: d, gain: g, epsilon: c.rmsNormEpsilon, threads: threads)
            }
        }
        let fCast = try fOut.withUnsafeBufferPointer { (fb) throws(TrainingError) in
            try LinearLayer.castInput(fb, rows: n, cols: d, precision: plan.head, threads: threads, statistics: &statistics)
        }
        let wHead = try p.tensors[head].values.withUnsafeBufferPointer { (w) throws(TrainingError) in
            try LinearLayer.castWeight(w, out: v, in: d, precision: plan.head, threads: threads, statistics: &statistics)
        }
        var logits = LinearLayer.forward(castInput: fCast, rows: n, in: d, castWeight: wHead, out: v, threads: threads)
        let loss = logits.withUnsafeMutableBufferPointer {
            CrossEntropy.lossAndGradient($0, targets: batch.targets, vocabulary: v, gradient: training, threads: threads)
        }
        guard loss.isFinite else { throw .nonFinite("loss (\(loss))") }
        guard training else { return loss }

        // ---- Backward ----
        let headID = PrecisionPlan.headID(layers: c.layerCount)
        var dh = [Float](repeating: 0, count: n * d)
        let fWG = try fOut.withUnsafeBufferPointer { (fb) throws(TrainingError) in
            try LinearLayer.castWeightGradientInput(fb, rows: n, cols: d, precision: plan.head, threads: threads,
                                                    statistics: &statistics)
        }
        var dF = [Float](repeating: 0, count: n * d)
        try backwardLinear(logits, rows: n, out: v, in: d, castWeight: wHead, input: fWG, precision: plan.head,
                           linear: headID, step: step, runSeed: runSeed, gradient: &grads.tensors[head].values,
                           dx: &dF, accumulate: false, statistics: &statistics)
        logits = []
        dh = normBackward(dF, x: h, rms: fr, gainIndex: finalNorm, p: p, grads: &grads, rows: n, width: d)

        for l in stride(from: c.layerCount - 1, through: 0, by: -1) {
            let cache = caches[l]
            caches[l] = BlockCache()
            let precision = plan.layers[l]
            func gi(_ slot: LayerTensor) -> Int { ModelParameters.index(layer: l, slot) }
            func id(_ slot: PrecisionPlan.Slot) -> Int { PrecisionPlan.linearID(layer: l, slot) }
            // MLP backward: dh is the gradient of h2 = h1 + down.
            let sWG = try cache.activation.withUnsafeBufferPointer { (sb) throws(TrainingError) in
                try LinearLayer.castWeightGradientInput(sb, rows: n, cols: f, precision: precision, threads: threads,
                                                        statistics: &statistics)
            }
            var dS = [Float](repeating: 0, count: n * f)
            try backwardLinear(dh, rows: n, out: d, in: f, castWeight: cache.castDown, input: sWG, precision: precision,
                               linear: id(.down), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.down)].values,
                               dx: &dS, accumulate: false, statistics: &statistics)
            let (dGate, dUp) = dS.withUnsafeBufferPointer { dsb in
                cache.gate.withUnsafeBufferPointer { gb in
                    cache.up.withUnsafeBufferPointer { ub in SwiGLU.backward(dsb, gate: gb, up: ub, threads: threads) }
                }
            }
            dS = []
            let mWG = try cache.mlpInput.withUnsafeBufferPointer { (mb) throws(TrainingError) in
                try LinearLayer.castWeightGradientInput(mb, rows: n, cols: d, precision: precision, threads: threads,
                                                        statistics: &statistics)
            }
            var dM = [Float](repeating: 0, count: n * d)
            try backwardLinear(dGate, rows: n, out: f, in: d, castWeight: cache.castGate, input: mWG, precision: precision,
                               linear: id(.gate), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.gate)].values,
                               dx: &dM, accumulate: false, statistics: &statistics)
            try backwardLinear(dUp, rows: n, out: f, in: d, castWeight: cache.castUp, input: mWG, precision: precision,
                               linear: id(.up), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.up)].values,
                               dx: &dM, accumulate: true, statistics: &statistics)
            var dh1 = normBackward(dM, x: cache.middle, rms: cache.mlpRMS, gainIndex: gi(.postAttentionNorm), p: p,
                                   grads: &grads, rows: n, width: d)
            add(&dh1, dh)
            // Attention backward: dh1 is the gradient of h1 = h + o_proj(o).
            let oWG = try cache.attentionOutput.withUnsafeBufferPointer { (ob) throws(TrainingError) in
                try LinearLayer.castWeightGradientInput(ob, rows: n, cols: d, precision: precision, threads: threads,
                                                        statistics: &statistics)
            }
            var dO = [Float](repeating: 0, count: n * d)
            try backwardLinear(dh1, rows: n, out: d, in: d, castWeight: cache.castO, input: oWG, precision: precision,
                               linear: id(.o), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.o)].values,
                               dx: &dO, accumulate: false, statistics: &statistics)
            var (dq, dk, dv) = dO.withUnsafeBufferPointer { dob in
                cache.q.withUnsafeBufferPointer { qb in
                    cache.k.withUnsafeBufferPointer { kb in
                        cache.v.withUnsafeBufferPointer { vb in
                            cache.probabilities.withUnsafeBufferPointer { pb in
                                CausalAttention.backward(dOutput: dob, q: qb, k: kb, v: vb, probabilities: pb, shape: shape,
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
                try LinearLayer.castWeightGradientInput(ab, rows: n, cols: d, precision: precision, threads: threads,
                                                        statistics: &statistics)
            }
            var dA = [Float](repeating: 0, count: n * d)
            try backwardLinear(dq, rows: n, out: d, in: d, castWeight: cache.castQ, input: aWG, precision: precision,
                               linear: id(.q), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.q)].values,
                               dx: &dA, accumulate: false, statistics: &statistics)
            try backwardLinear(dk, rows: n, out: d, in: d, castWeight: cache.castK, input: aWG, precision: precision,
                               linear: id(.k), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.k)].values,
                               dx: &dA, accumulate: true, statistics: &statistics)
            try backwardLinear(dv, rows: n, out: d, in: d, castWeight: cache.castV, input: aWG, precision: precision,
                               linear: id(.v), step: step, runSeed: runSeed, gradient: &grads.tensors[gi(.v)].values,
                               dx: &dA, accumulate: true, statistics: &statistics)
            dq = []; dk = []; dv = []
            var dIn = normBackward(dA, x: cache.input, rms: cache.attentionRMS, gainIndex: gi(.inputNorm), p: p,
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

    private func backwardLinear(_ dy: [Float], rows: Int, out: Int, in k: Int, castWeight: [Float], input: WeightGradientInput,
                                precision: GEMMPrecision, linear: Int, step: Int, runSeed: UInt64, gradient: inout [Float],
                                dx: inout [Float], accumulate: Bool,
                                statistics: inout QuantizationStatistics) throws(TrainingError) {
        let seeds = (StochasticSeeds.seed(run: runSeed, step: step, linear: linear, operand: .dataGradientOutput),
                     StochasticSeeds.seed(run: runSeed, step: step, linear: linear, operand: .weightGradientOutput))
        try dy.withUnsafeBufferPointer { (dyb) throws(TrainingError) in
            try gradient.withUnsafeMutableBufferPointer { (gb) throws(TrainingError) in
                try dx.withUnsafeMutableBufferPointer { (dxb) throws(TrainingError) in
                    try LinearLayer.backward(dy: dyb, rows: rows, out: out, in: k, castWeight: castWeight, input: input,
                                             precision: precision, seeds: seeds, weightGradient: gb.baseAddress!,
                                             dx: dxb.baseAddress!, accumulateDX: accumulate, threads: threads,
                                             statistics: &statistics)
                }
            }
        }
    }

    private func normBackward(_ dy: [Float], x: [Float], rms: [Float], gainIndex: Int, p: ModelParameters,
                              grads: inout ModelParameters, rows: Int, width: Int) -> [Float] {
        dy.withUnsafeBufferPointer { dyb in
            x.withUnsafeBufferPointer { xb in
                rms.withUnsafeBufferPointer { rb in
                    p.tensors[gainIndex].values.withUnsafeBufferPointer { g in
                        grads.tensors[gainIndex].values.withUnsafeMutableBufferPointer { gg in
                            NormLayer.backward(dyb, x: xb, inverseRMS: rb, rows: rows, width: width, gain: g,
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
