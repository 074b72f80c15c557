// One decoder block of the inference engine: its weights, run through ModelCore's
// `DecoderBlock.forward` (the one forward pass) with the evaluation's Linear hook.
//
// Promises: the order and precision of Hugging Face's LlamaDecoderLayer (Mistral/Qwen2/Qwen3
// variants by configuration) as ModelCore computes it; each Linear's input is simulated in the module's input format
// (quantized once per distinct format and amax when modules share an input, as q/k/v and
// gate/up do) after the observer has seen the unquantized input. In an MoE block the router runs
// unquantized (it is not among `linears`), and with an observer every expert runs on every token
// (so each expert's input amax exists even when no calibration token was routed to it).

import CPUKernels
import ModelCore

/// Called with each decoder Linear's input `[rows, in]` before any simulated quantization.
public typealias ActivationObserver = (_ module: String, _ input: UnsafeBufferPointer<Float>, _ rows: Int) -> Void

final class DecoderLayer: @unchecked Sendable {
    let index: Int
    let norms: BlockNorms
    /// q, k, v, o, then gate, up, down of a dense block (`LinearSlot` order; 4 in an MoE block).
    let slots: [LinearLayer]
    /// An MoE block's router (never quantized: engines run routers in high precision).
    let router: LinearLayer?
    /// An MoE block's experts, each `[gate, up, down]`.
    let experts: [[LinearLayer]]
    /// Qwen2-MoE's shared expert `[gate, up, down]` (empty: none) and its gate (never quantized).
    let sharedExpert: [LinearLayer]
    let sharedGate: LinearLayer?

    /// The quantizable Linear modules: `slots`, the experts in order, the shared expert (routers and
    /// the shared expert's gate are not among them).
    var linears: [LinearLayer] { slots + experts.flatMap { $0 } + sharedExpert }

    init(
        index: Int, inputNorm: [Float], postAttentionNorm: [Float], queryNorm: [Float]?, keyNorm: [Float]?,
        linears l: [LinearLayer], router: LinearLayer? = nil, experts: [[LinearLayer]] = [],
        sharedExpert: [LinearLayer] = [], sharedGate: LinearLayer? = nil
    ) {
        precondition(router == nil ? l.count == 7 : l.count == 4 && experts.allSatisfy { $0.count == 3 })
        self.index = index
        norms = BlockNorms(input: inputNorm, postAttention: postAttentionNorm, query: queryNorm, key: keyNorm)
        slots = l
        self.router = router
        self.experts = experts
        self.sharedExpert = sharedExpert
        self.sharedGate = sharedGate
    }

    /// x `[rows, hidden]` ← the block applied to x; new tokens at positions past ..< past + rows.
    func forward(
        _ x: inout [Float], rows t: Int, past: Int, rotary: RotaryEmbedding, cos: [Float], sin: [Float],
        configuration c: ModelConfiguration, cache: KVCache?, observer: ActivationObserver?,
        threads: Int
    ) throws {
        var runner = EvaluationLinears(layer: self, observer: observer, threads: threads)
        _ = try DecoderBlock.forward(
            &x, rows: t, past: past, layer: index, norms: norms, rotary: rotary, cos: cos, sin: sin,
            configuration: c, cache: cache, linears: &runner, threads: threads)
    }
}

/// The evaluation's `LinearRunner`: the observer sees each input, then the input is simulated in
/// the module's format (once per distinct format and amax) and multiplied by the effective weight.
struct EvaluationLinears: LinearRunner {
    let layer: DecoderLayer
    let observer: ActivationObserver?
    let threads: Int

    mutating func run(_ slots: [LinearSlot], input x: [Float], rows: Int) throws -> [[Float]] {
        try runLinears(
            slots.map { layer.slots[$0.rawValue] }, input: x, rows: rows, observer: observer, threads: threads)
    }

    mutating func runExperts(_ modules: [ExpertModule], input x: [Float], rows: Int) throws -> [[Float]] {
        let layers = modules.map { m -> LinearLayer in
            switch m {
            case .router: return layer.router!
            case let .expert(e, slot): return layer.experts[e][slot.rawValue - LinearSlot.gate.rawValue]
            case let .shared(slot): return layer.sharedExpert[slot.rawValue - LinearSlot.gate.rawValue]
            case .sharedGate: return layer.sharedGate!
            }
        }
        return try runLinears(layers, input: x, rows: rows, observer: observer, threads: threads)
    }

    /// Calibration (an observer) sees every expert's input on every token of the layer.
    var runsEveryExpertOnAllRows: Bool { observer != nil }

    /// Runs Linear modules that share the input x `[rows, in]`; returns their outputs in order.
    private func runLinears(
        _ layers: [LinearLayer], input x: [Float], rows: Int, observer: ActivationObserver?,
        threads: Int
    ) throws -> [[Float]] {
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
                        try QuantizationSimulation.roundTrip(
                            $0, rows: rows, cols: l.inFeatures, format: l.inputFormat,
                            amax: l.inputAmax, threads: threads)
                    }
                    simulated[key] = input
                }
            }
            var y = [Float](repeating: 0, count: rows * l.outFeatures)
            input.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    l.forward(xp.baseAddress!, rows: rows, into: yp.baseAddress!, threads: threads)
                }
            }
            outputs.append(y)
        }
        return outputs
    }
}
