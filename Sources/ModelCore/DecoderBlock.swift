// One Llama-family decoder block — the forward pass that inference, calibration and training all
// run: RMSNorm → q/k/v → (QK-norm) → RoPE → causal GQA attention → o → residual → RMSNorm →
// gate/up → SiLU·up → down → residual, or the sparse MoE feed-forward (MixtureOfExperts.swift)
// when the configuration has experts.
//
// Promises: the order and float32 arithmetic of Hugging Face's LlamaDecoderLayer (Mistral /
// Qwen2 / Qwen3 variants by configuration), each step one of ModelCore's kernels. The Linear
// modules are run by the caller's `LinearRunner` — the hook through which evaluation simulates
// quantized weights and activations, calibration observes inputs, and training casts operands —
// called once per group of modules that read the same input (q/k/v, o, gate/up, down). Rows are
// S sequences of T new tokens at positions past ..< past + T (training: a batch, past = 0;
// inference: one sequence continuing a `KVCache`). With `saving`, the activations a backward
// pass needs are returned.

import BlockFormats
import CPUKernels

/// The seven Linear modules of a decoder block, in forward order.
public enum LinearSlot: Int, CaseIterable, Sendable {
    case q, k, v, o, gate, up, down

    /// The module name under `model.layers.N.`.
    public var moduleSuffix: String {
        switch self {
        case .q: return "self_attn.q_proj"
        case .k: return "self_attn.k_proj"
        case .v: return "self_attn.v_proj"
        case .o: return "self_attn.o_proj"
        case .gate: return "mlp.gate_proj"
        case .up: return "mlp.up_proj"
        case .down: return "mlp.down_proj"
        }
    }
}

extension ModelConfiguration {
    /// `[out, in]` of a block's Linear module (the Llama layout: q `[H·hd, d]`, k/v `[KVH·hd, d]`,
    /// o `[d, H·hd]`, gate/up `[f, d]`, down `[d, f]`).
    public func linearShape(_ slot: LinearSlot) -> [Int] {
        let d = hiddenSize, hd = headDimension, f = intermediateSize
        switch slot {
        case .q: return [headCount * hd, d]
        case .k, .v: return [keyValueHeadCount * hd, d]
        case .o: return [d, headCount * hd]
        case .gate, .up: return [f, d]
        case .down: return [d, f]
        }
    }

    /// True when the module carries a bias (q/k/v: `qkvBias`, o: `outputBias`, MLP: `mlpBias`).
    public func hasBias(_ slot: LinearSlot) -> Bool {
        switch slot {
        case .q, .k, .v: return qkvBias
        case .o: return outputBias
        case .gate, .up, .down: return mlpBias
        }
    }
}

/// Runs the Linear modules of a block: y = x · Wᵀ (+ b) for each of `slots`, which all read the
/// same input x `[rows, in]`, returning the outputs in order. Implementations decide how the
/// weight and the input are represented (as loaded, quantized, cast) and may observe x.
package protocol LinearRunner {
    associatedtype Failure: Error
    mutating func run(_ slots: [LinearSlot], input x: [Float], rows: Int) throws(Failure) -> [[Float]]
    /// Runs MoE modules that all read the same input x `[rows, in]` (MixtureOfExperts.swift).
    mutating func runExperts(_ modules: [ExpertModule], input x: [Float], rows: Int) throws(Failure) -> [[Float]]
    /// Run every expert on every row (calibration observes each expert's input on all tokens).
    var runsEveryExpertOnAllRows: Bool { get }
}

/// The non-Linear weights of a block.
package struct BlockNorms {
    package var input: [Float]
    package var postAttention: [Float]
    /// `[head_dim]` each, with QK-norm (Qwen3).
    package var query: [Float]?
    package var key: [Float]?

    package init(input: [Float], postAttention: [Float], query: [Float]? = nil, key: [Float]? = nil) {
        self.input = input
        self.postAttention = postAttention
        self.query = query
        self.key = key
    }
}

/// What a block keeps for its backward pass (see `DecoderBlock.forward(saving:)`).
package struct BlockActivations {
    package var input: [Float] = []  // h [N, d]
    package var attentionRMS: [Float] = []  // [N]
    package var attentionInput: [Float] = []  // a = RMSNorm(h) [N, d]
    package var q: [Float] = [], k: [Float] = [], v: [Float] = []  // after RoPE (q, k)
    package var probabilities: [Float] = []  // [S, H, T, past + T]
    package var attentionOutput: [Float] = []  // o [N, H·hd]
    package var middle: [Float] = []  // h1 [N, d]
    package var mlpRMS: [Float] = []  // [N]
    package var mlpInput: [Float] = []  // m = RMSNorm(h1) [N, d]
    package var gate: [Float] = [], up: [Float] = []  // [N, f]
    package var activation: [Float] = []  // s = silu(gate) ⊙ up [N, f]

    package init() {}
}

package enum DecoderBlock {
    /// x `[S·T, hidden]` ← the block applied to x. `cache`: keys/values of earlier tokens
    /// (`layer` names this block's entries; S must be 1). RoPE tables `cos`/`sin` have T rows.
    package static func forward<R: LinearRunner>(
        _ x: inout [Float], sequences: Int = 1, rows t: Int, past: Int, layer: Int, norms: BlockNorms,
        rotary: RotaryEmbedding, cos: [Float], sin: [Float], configuration c: ModelConfiguration,
        cache: KVCache?, linears: inout R, saving: Bool = false, threads: Int
    ) throws(R.Failure) -> BlockActivations? {
        precondition(cache == nil || (sequences == 1 && past == cache!.count), "a KV cache holds one sequence")
        let n = sequences * t
        let dModel = c.hiddenSize, hd = c.headDimension
        let heads = c.headCount, kvHeads = c.keyValueHeadCount
        var saved = BlockActivations()

        // Attention.
        let (a, attentionRMS) = RMSNorm.forward(
            x, weight: norms.input, rows: n, width: dModel, epsilon: c.rmsNormEpsilon,
            keepingRMS: saving, threads: threads)
        let qkv = try linears.run([.q, .k, .v], input: a, rows: n)
        var queries = qkv[0], keys = qkv[1]
        let values = qkv[2]
        if let queryNorm = norms.query, let keyNorm = norms.key {
            queries = RMSNorm.forward(
                queries, weight: queryNorm, rows: n * heads, width: hd, epsilon: c.rmsNormEpsilon, threads: threads)
            keys = RMSNorm.forward(
                keys, weight: keyNorm, rows: n * kvHeads, width: hd, epsilon: c.rmsNormEpsilon, threads: threads)
        }
        queries.withUnsafeMutableBufferPointer {
            rotary.apply($0.baseAddress!, rows: n, heads: heads, cos: cos, sin: sin, tableRows: t, threads: threads)
        }
        keys.withUnsafeMutableBufferPointer {
            rotary.apply($0.baseAddress!, rows: n, heads: kvHeads, cos: cos, sin: sin, tableRows: t, threads: threads)
        }

        var attended = [Float](repeating: 0, count: n * heads * hd)
        var probabilities = [Float](repeating: 0, count: saving ? sequences * heads * t * (past + t) : 0)
        func attend(_ allKeys: UnsafeBufferPointer<Float>, _ allValues: UnsafeBufferPointer<Float>) {
            queries.withUnsafeBufferPointer { qp in
                attended.withUnsafeMutableBufferPointer { out in
                    probabilities.withUnsafeMutableBufferPointer { pp in
                        Attention.attend(
                            q: qp.baseAddress!, keys: allKeys.baseAddress!, values: allValues.baseAddress!,
                            sequences: sequences, rows: t, past: past, heads: heads, keyValueHeads: kvHeads,
                            headDimension: hd, slidingWindow: c.slidingWindow, into: out.baseAddress!,
                            probabilities: saving ? pp.baseAddress! : nil, threads: threads)
                    }
                }
            }
        }
        if let cache {
            keys.withUnsafeBufferPointer { kp in
                values.withUnsafeBufferPointer { vp in
                    cache.append(layer: layer, keys: kp, values: vp)
                }
            }
            cache.keys[layer].withUnsafeBufferPointer { kp in
                cache.values[layer].withUnsafeBufferPointer { vp in attend(kp, vp) }
            }
        } else {
            keys.withUnsafeBufferPointer { kp in values.withUnsafeBufferPointer { vp in attend(kp, vp) } }
        }
        let projected = try linears.run([.o], input: attended, rows: n)[0]
        if saving {
            saved.input = x
            saved.attentionRMS = attentionRMS
            saved.attentionInput = a
            saved.q = queries; saved.k = keys; saved.v = values
            saved.probabilities = probabilities
            saved.attentionOutput = attended
        }
        addInPlace(&x, projected)

        // MLP.
        let (m, mlpRMS) = RMSNorm.forward(
            x, weight: norms.postAttention, rows: n, width: dModel,
            epsilon: c.rmsNormEpsilon, keepingRMS: saving, threads: threads)
        if let moe = c.experts {
            precondition(!saving, "MoE blocks are not trained")
            addInPlace(
                &x,
                try MixtureOfExpertsBlock.forward(
                    m, rows: n, hiddenSize: dModel, moe, linears: &linears,
                    threads: threads))
            return nil
        }
        let gu = try linears.run([.gate, .up], input: m, rows: n)
        var activated = gu[0]
        activated.withUnsafeMutableBufferPointer { g in
            gu[1].withUnsafeBufferPointer { u in
                // Elementwise: chunks split between threads give the same bits.
                let shared = SendablePointer((g: g.baseAddress!, u: u.baseAddress!))
                let workers = CPUParallel.effectiveThreads(threads, work: g.count, minimumPerThread: 1 << 14)
                CPUParallel.parallelFor(g.count, threads: workers) { range in
                    VectorMath.siluTimes(
                        shared.p.g + range.lowerBound, shared.p.u + range.lowerBound, count: range.count)
                }
            }
        }
        let mlp = try linears.run([.down], input: activated, rows: n)[0]
        if saving {
            saved.middle = x
            saved.mlpRMS = mlpRMS
            saved.mlpInput = m
            saved.gate = gu[0]; saved.up = gu[1]
            saved.activation = activated
        }
        addInPlace(&x, mlp)
        return saving ? saved : nil
    }
}

/// x += y elementwise.
package func addInPlace(_ x: inout [Float], _ y: [Float]) {
    precondition(x.count == y.count)
    x.withUnsafeMutableBufferPointer { xp in
        y.withUnsafeBufferPointer { yp in
            for i in 0..<xp.count { xp[i] += yp[i] }
        }
    }
}
