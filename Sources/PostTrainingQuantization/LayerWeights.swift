// One decoder layer's weights in float32 as PTQ works on them (loaded from a `WeightProvider`,
// possibly folded), and the `LinearRunner`s that calibration and propagation run
// `DecoderBlock.forward` with — the model core's one forward pass, no second model.
//
// Promises: `StatisticsRunner` multiplies by the layer's float weights and adds each group's
// input to its `InputStatistics` (one group per distinct input: q/k/v, o, gate/up, down);
// `PropagationRunner` multiplies by the effective weights (dequantized where quantized) and,
// for W4A4, first rounds the input through NVFP4 at the calibrated amax with the weights' rule
// (as evaluation simulates it), so the next layer sees what the quantized model computes.

import BlockQuantization
import CPUKernels
import ModelCore
import Transformer

/// The four inputs of a block's Linear modules, in forward order.
public enum InputGroup: Int, CaseIterable, Sendable {
    case attention, output, mlp, down

    public var slots: [LinearSlot] {
        switch self {
        case .attention: return [.q, .k, .v]
        case .output: return [.o]
        case .mlp: return [.gate, .up]
        case .down: return [.down]
        }
    }

    public init(_ slot: LinearSlot) {
        switch slot {
        case .q, .k, .v: self = .attention
        case .o: self = .output
        case .gate, .up: self = .mlp
        case .down: self = .down
        }
    }
}

struct LayerWeights {
    var norms: BlockNorms
    /// `[out, in]` per slot (float, possibly folded), in `LinearSlot` order.
    var weights: [[Float]]
    var biases: [[Float]?]
    let shapes: [[Int]]
    /// Query heads per key/value head and the head width: o's input column h·d + j reads v's
    /// output row (h / queriesPerKeyValue)·d + j.
    let queriesPerKeyValue: Int
    let headDimension: Int

    init(provider: WeightProvider, layer i: Int, configuration c: ModelConfiguration) throws {
        let p = "model.layers.\(i)."
        norms = BlockNorms(
            input: try provider.floats(p + "input_layernorm.weight"),
            postAttention: try provider.floats(p + "post_attention_layernorm.weight"),
            query: c.qkNorm ? try provider.floats(p + "self_attn.q_norm.weight") : nil,
            key: c.qkNorm ? try provider.floats(p + "self_attn.k_norm.weight") : nil)
        weights = try LinearSlot.allCases.map { try provider.floats(p + $0.moduleSuffix + ".weight") }
        biases = try LinearSlot.allCases.map {
            c.hasBias($0) ? try provider.floats(p + $0.moduleSuffix + ".bias") : nil
        }
        shapes = LinearSlot.allCases.map { c.linearShape($0) }
        queriesPerKeyValue = c.headCount / c.keyValueHeadCount
        headDimension = c.headDimension
    }

    /// v's output row that o's input column `column` reads.
    func valueRow(ofOutputColumn column: Int) -> Int {
        let (head, j) = column.quotientAndRemainder(dividingBy: headDimension)
        return (head / queriesPerKeyValue) * headDimension + j
    }

    func forward(_ slot: LinearSlot, _ x: [Float], rows: Int, weight: [Float]? = nil, threads: Int) -> [Float] {
        let (out, inp) = (shapes[slot.rawValue][0], shapes[slot.rawValue][1])
        var y = LinearGEMM.forward(
            x, rows: rows, weight: weight ?? weights[slot.rawValue], out: out, in: inp,
            threads: threads)
        if let b = biases[slot.rawValue] { for r in 0..<rows { for j in 0..<out { y[r * out + j] += b[j] } } }
        return y
    }
}

/// Calibration pass: float weights, statistics of every group's input.
struct StatisticsRunner: LinearRunner {
    let layer: LayerWeights
    var statistics: [InputStatistics]
    let threads: Int

    mutating func run(_ slots: [LinearSlot], input x: [Float], rows: Int) throws(PTQError) -> [[Float]] {
        statistics[InputGroup(slots[0]).rawValue].add(x, rows: rows, threads: threads)
        return slots.map { layer.forward($0, x, rows: rows, threads: threads) }
    }
}

/// Propagation pass: effective weights, W4A4 inputs simulated at their calibrated amax.
struct PropagationRunner: LinearRunner {
    let layer: LayerWeights
    /// Per slot: the dequantized weight, or nil (the float weight).
    let effective: [[Float]?]
    /// Per group: the input amax when inputs are quantized.
    let inputAmax: [Float?]
    let config: QuantizationConfig
    let threads: Int

    mutating func run(_ slots: [LinearSlot], input x: [Float], rows: Int) throws(PTQError) -> [[Float]] {
        var input = x
        if let amax = inputAmax[InputGroup(slots[0]).rawValue] {
            let cols = layer.shapes[slots[0].rawValue][1]
            do {
                input = try x.withTensorElements { e throws(QuantizationError) in
                    try CPUQuantizer.roundTrip(
                        e, rows: rows, cols: cols, config: config, amax: amax, basis: .source,
                        threads: threads
                    ).values
                }
            } catch {
                throw .invalidOption("cannot quantize the input of \(slots[0].moduleSuffix): \(error)")
            }
        }
        return slots.map { layer.forward($0, input, rows: rows, weight: effective[$0.rawValue], threads: threads) }
    }
}
