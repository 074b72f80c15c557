// The sparse MoE feed-forward of Mixtral, Qwen2-MoE and Qwen3-MoE: a router, softmax over experts,
// top-k, the configuration's normalization, each chosen expert's SwiGLU weighted into the output,
// and Qwen2-MoE's shared expert gated by sigmoid(shared_expert_gate · x).
//
// Promises: Hugging Face's MixtralSparseMoeBlock / Qwen3MoeSparseMoeBlock arithmetic in float32:
// router logits = x · Wrᵀ, probabilities = softmax (max subtracted), the k largest (ties: lower
// expert index first), divided by their sum when `normalizeTopK` (always for Mixtral,
// `norm_topk_prob` for Qwen3-MoE); the output accumulates experts in index order
// (out = Σ_e w_e · down_e(silu(gate_e(x)) ⊙ up_e(x))). Each expert runs on the rows routed to it;
// when the runner `runsEveryExpertOnAllRows` (calibration), every expert runs on every row of the
// layer, so that each expert's input statistics exist even when no token was routed to it, and
// only routed rows reach the output. The shared expert's output, times its sigmoid gate, is added
// after the routed experts (HF's order). Module names are the checkpoint's (`Names`).

import BlockFormats
import CPUKernels
import Foundation

/// The MoE hyper-parameters and tensor names of a configuration.
public struct MixtureOfExperts: Sendable, Hashable {
    public enum Names: String, Sendable, Hashable {
        /// `block_sparse_moe.gate`, `block_sparse_moe.experts.E.w1/w3/w2` (Mixtral).
        case mixtral
        /// `mlp.gate`, `mlp.experts.E.gate_proj/up_proj/down_proj` (Qwen2/3-MoE).
        case qwen
    }

    public var expertCount: Int
    public var expertsPerToken: Int
    /// Each expert's intermediate size.
    public var expertIntermediateSize: Int
    /// Divide the top-k probabilities by their sum.
    public var normalizeTopK: Bool
    public var names: Names
    /// Qwen2-MoE's shared expert (`mlp.shared_expert.*`, gated by `mlp.shared_expert_gate`); nil: none.
    public var sharedExpertIntermediateSize: Int?

    public init(
        expertCount: Int, expertsPerToken: Int, expertIntermediateSize: Int, normalizeTopK: Bool, names: Names,
        sharedExpertIntermediateSize: Int? = nil
    ) {
        self.expertCount = expertCount
        self.expertsPerToken = expertsPerToken
        self.expertIntermediateSize = expertIntermediateSize
        self.normalizeTopK = normalizeTopK
        self.names = names
        self.sharedExpertIntermediateSize = sharedExpertIntermediateSize
    }

    /// The shared expert's module for `.gate`, `.up`, `.down` under `model.layers.N.`.
    public func sharedSuffix(_ slot: LinearSlot) -> String {
        "mlp.shared_expert." + (slot == .gate ? "gate_proj" : slot == .up ? "up_proj" : "down_proj")
    }

    public static let sharedGateSuffix = "mlp.shared_expert_gate"

    /// `[out, in]` of a shared-expert slot.
    public func sharedShape(_ slot: LinearSlot, hiddenSize d: Int) -> [Int] {
        let f = sharedExpertIntermediateSize ?? 0
        return slot == .down ? [d, f] : [f, d]
    }

    /// The router module under `model.layers.N.`.
    public var routerSuffix: String { names == .mixtral ? "block_sparse_moe.gate" : "mlp.gate" }

    /// Expert `e`'s module under `model.layers.N.` for slot `.gate`, `.up` or `.down`.
    public func expertSuffix(_ e: Int, _ slot: LinearSlot) -> String {
        switch names {
        case .mixtral:
            let w = slot == .gate ? "w1" : slot == .up ? "w3" : "w2"
            return "block_sparse_moe.experts.\(e).\(w)"
        case .qwen:
            let p = slot == .gate ? "gate_proj" : slot == .up ? "up_proj" : "down_proj"
            return "mlp.experts.\(e).\(p)"
        }
    }

    /// `[out, in]` of an expert's slot (`.gate`, `.up`: `[f, d]`; `.down`: `[d, f]`).
    public func expertShape(_ slot: LinearSlot, hiddenSize d: Int) -> [Int] {
        slot == .down ? [d, expertIntermediateSize] : [expertIntermediateSize, d]
    }
}

/// A Linear module of an MoE layer.
package enum ExpertModule: Hashable, Sendable {
    case router
    /// Expert `e`'s `.gate`, `.up` or `.down`.
    case expert(Int, LinearSlot)
    /// The shared expert's `.gate`, `.up` or `.down`.
    case shared(LinearSlot)
    /// The shared expert's gate `[1, d]` (never quantized).
    case sharedGate
}

extension LinearRunner {
    /// Dense runners (the trainer's) are never given an MoE configuration: `ModelConfiguration`'s
    /// training presets have no experts.
    package mutating func runExperts(_ modules: [ExpertModule], input x: [Float], rows: Int) throws(Failure)
        -> [[Float]]
    {
        preconditionFailure("this LinearRunner runs dense blocks only")
    }

    package var runsEveryExpertOnAllRows: Bool { false }
}

package enum MixtureOfExpertsBlock {
    /// The top-k experts of each row and their weights, from router logits `[rows, E]`.
    package static func route(_ logits: [Float], rows: Int, _ moe: MixtureOfExperts) -> [[(expert: Int, weight: Float)]]
    {
        let e = moe.expertCount, k = moe.expertsPerToken
        return (0..<rows).map { r in
            let row = logits[(r * e)..<((r + 1) * e)]
            let m = row.max()!
            var p = row.map { exp($0 - m) }
            let s = p.reduce(0, +)
            for i in p.indices { p[i] /= s }
            let top = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }.prefix(k)
            var chosen = top.map { (expert: $0, weight: p[$0]) }
            if moe.normalizeTopK {
                let t = chosen.reduce(Float(0)) { $0 + $1.weight }
                for i in chosen.indices { chosen[i].weight /= t }
            }
            return chosen
        }
    }

    /// The MoE feed-forward of input m `[rows, d]`.
    package static func forward<R: LinearRunner>(
        _ m: [Float], rows n: Int, hiddenSize d: Int, _ moe: MixtureOfExperts,
        linears: inout R, threads: Int
    ) throws(R.Failure) -> [Float] {
        let shared = moe.sharedExpertIntermediateSize != nil
        let first = try linears.runExperts(shared ? [.router, .sharedGate] : [.router], input: m, rows: n)
        let logits = first[0]
        let routes = route(logits, rows: n, moe)
        var assigned = [[(row: Int, weight: Float)]](repeating: [], count: moe.expertCount)
        for (r, chosen) in routes.enumerated() { for c in chosen { assigned[c.expert].append((r, c.weight)) } }
        var out = [Float](repeating: 0, count: n * d)
        let all = linears.runsEveryExpertOnAllRows
        for e in 0..<moe.expertCount where all || !assigned[e].isEmpty {
            let rows = all ? Array(0..<n) : assigned[e].map(\.row)
            var x = [Float](repeating: 0, count: rows.count * d)
            for (i, r) in rows.enumerated() { x[(i * d)..<((i + 1) * d)] = m[(r * d)..<((r + 1) * d)] }
            let y = try swiGLU(
                x, rows: rows.count, gate: .expert(e, .gate), up: .expert(e, .up), down: .expert(e, .down),
                linears: &linears)
            for (i, (row, weight)) in assigned[e].enumerated() {
                let source = all ? row : i
                for j in 0..<d { out[row * d + j] += y[source * d + j] * weight }
            }
        }
        if shared {
            let y = try swiGLU(
                m, rows: n, gate: .shared(.gate), up: .shared(.up), down: .shared(.down), linears: &linears)
            let gate = first[1]
            for r in 0..<n {
                let g = 1 / (1 + exp(-gate[r]))
                for j in 0..<d { out[r * d + j] += g * y[r * d + j] }
            }
        }
        return out
    }

    /// down(silu(gate(x)) ⊙ up(x)) of x `[rows, d]`.
    static func swiGLU<R: LinearRunner>(
        _ x: [Float], rows: Int, gate: ExpertModule, up: ExpertModule, down: ExpertModule,
        linears: inout R
    ) throws(R.Failure) -> [Float] {
        let gu = try linears.runExperts([gate, up], input: x, rows: rows)
        var activated = gu[0]
        activated.withUnsafeMutableBufferPointer { g in
            gu[1].withUnsafeBufferPointer { u in VectorMath.siluTimes(g.baseAddress!, u.baseAddress!, count: g.count) }
        }
        return try linears.runExperts([down], input: activated, rows: rows)[0]
    }
}
