// One decoder block: RMSNorm → attention (q/k/v, optional QK-norm, RoPE, causal GQA, o) →
// residual → RMSNorm → SwiGLU MLP (gate, up, down) → residual.
//
// Promises: the order and precision of Hugging Face's LlamaDecoderLayer (Mistral/Qwen2/Qwen3
// variants by configuration); each Linear's input is simulated in the module's input format
// (quantized once per distinct format and amax when modules share an input, as q/k/v and
// gate/up do) after the observer has seen the unquantized input.

import CPUKernels
import ModelCore

/// Called with each decoder Linear's input `[rows, in]` before any simulated quantization.
public typealias ActivationObserver = (_ module: String, _ input: UnsafeBufferPointer<Float>, _ rows: Int) -> Void

final class DecoderLayer: @unchecked Sendable {
    let index: Int
    let inputNorm: [Float]
    let postAttentionNorm: [Float]
    /// `[head_dim]` each, with QK-norm (Qwen3).
    let queryNorm: [Float]?
    let keyNorm: [Float]?
    let q, k, v, o, gate, up, down: LinearLayer

    var linears: [LinearLayer] { [q, k, v, o, gate, up, down] }

    init(index: Int, inputNorm: [Float], postAttentionNorm: [Float], queryNorm: [Float]?, keyNorm: [Float]?,
         linears l: [LinearLayer]) {
        precondition(l.count == 7)
        self.index = index
        self.inputNorm = inputNorm
        self.postAttentionNorm = postAttentionNorm
        self.queryNorm = queryNorm
        self.keyNorm = keyNorm
        (q, k, v, o, gate, up, down) = (l[0], l[1], l[2], l[3], l[4], l[5], l[6])
    }

    /// x `[rows, hidden]` ← the block applied to x; new tokens at positions past ..< past + rows.
    func forward(_ x: inout [Float], rows t: Int, past: Int, rotary: RotaryEmbedding, cos: [Float], sin: [Float],
                 configuration c: ModelConfiguration, cache: KVCache?, observer: ActivationObserver?,
                 threads: Int) throws {
        let dModel = c.hiddenSize, hd = c.headDimension
        let heads = c.headCount, kvHeads = c.keyValueHeadCount

        // Attention.
        let h = RMSNorm.forward(x, weight: inputNorm, rows: t, width: dModel, epsilon: c.rmsNormEpsilon)
        let qkv = try runLinears([q, k, v], input: h, rows: t, observer: observer, threads: threads)
        var queries = qkv[0], keys = qkv[1]
        let values = qkv[2]
        if let queryNorm, let keyNorm {
            queries = RMSNorm.forward(queries, weight: queryNorm, rows: t * heads, width: hd, epsilon: c.rmsNormEpsilon)
            keys = RMSNorm.forward(keys, weight: keyNorm, rows: t * kvHeads, width: hd, epsilon: c.rmsNormEpsilon)
        }
        queries.withUnsafeMutableBufferPointer { rotary.apply($0.baseAddress!, rows: t, heads: heads, cos: cos, sin: sin) }
        keys.withUnsafeMutableBufferPointer { rotary.apply($0.baseAddress!, rows: t, heads: kvHeads, cos: cos, sin: sin) }

        var attended = [Float](repeating: 0, count: t * heads * hd)
        func attend(_ allKeys: UnsafeBufferPointer<Float>, _ allValues: UnsafeBufferPointer<Float>) {
            queries.withUnsafeBufferPointer { qp in
                attended.withUnsafeMutableBufferPointer { out in
                    Attention.attend(q: qp.baseAddress!, keys: allKeys.baseAddress!, values: allValues.baseAddress!,
                                     rows: t, past: past, heads: heads, keyValueHeads: kvHeads, headDimension: hd,
                                     slidingWindow: c.slidingWindow, into: out.baseAddress!, threads: threads)
                }
            }
        }
        if let cache {
            keys.withUnsafeBufferPointer { kp in values.withUnsafeBufferPointer { vp in
                cache.append(layer: index, keys: kp, values: vp)
            } }
            cache.keys[index].withUnsafeBufferPointer { kp in
                cache.values[index].withUnsafeBufferPointer { vp in attend(kp, vp) }
            }
        } else {
            keys.withUnsafeBufferPointer { kp in values.withUnsafeBufferPointer { vp in attend(kp, vp) } }
        }
        let projected = try runLinears([o], input: attended, rows: t, observer: observer, threads: threads)[0]
        addInPlace(&x, projected)

        // MLP.
        let h2 = RMSNorm.forward(x, weight: postAttentionNorm, rows: t, width: dModel, epsilon: c.rmsNormEpsilon)
        let gu = try runLinears([gate, up], input: h2, rows: t, observer: observer, threads: threads)
        var activated = gu[0]
        activated.withUnsafeMutableBufferPointer { g in
            gu[1].withUnsafeBufferPointer { u in VectorMath.siluTimes(g.baseAddress!, u.baseAddress!, count: g.count) }
        }
        let mlp = try runLinears([down], input: activated, rows: t, observer: observer, threads: threads)[0]
        addInPlace(&x, mlp)
    }

    /// Runs Linear modules that share the input x `[rows, in]`; returns their outputs in order.
    private func runLinears(_ layers: [LinearLayer], input x: [Float], rows: Int, observer: ActivationObserver?,
                            threads: Int) throws -> [[Float]] {
        var simulated: [String: [Float]] = [:]
        var outputs: [[Float]] = []
        for l in layers {
            if let observer { x.withUnsafeBufferPointer { observer(l.module, $0, rows) } }
            var input = x
            if l.inputFormat != .full {
                let key = "\(l.inputFormat)|\(l.inputAmax?.bitPattern ?? 0)|\(l.inputAmax == nil)"
                if let cached = simulated[key] {
                    input = cached
                } else {
                    input = try x.withUnsafeBufferPointer {
                        try QuantizationSimulation.roundTrip($0, rows: rows, cols: l.inFeatures, format: l.inputFormat,
                                                             amax: l.inputAmax, threads: threads)
                    }
                    simulated[key] = input
                }
            }
            var y = [Float](repeating: 0, count: rows * l.outFeatures)
            input.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in l.forward(xp.baseAddress!, rows: rows, into: yp.baseAddress!, threads: threads) }
            }
            outputs.append(y)
        }
        return outputs
    }
}

/// x += y elementwise.
func addInPlace(_ x: inout [Float], _ y: [Float]) {
    precondition(x.count == y.count)
    x.withUnsafeMutableBufferPointer { xp in
        y.withUnsafeBufferPointer { yp in
            for i in 0..<xp.count { xp[i] += yp[i] }
        }
    }
}
