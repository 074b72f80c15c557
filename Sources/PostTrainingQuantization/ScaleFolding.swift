// AWQ's and SmoothQuant's per-input-channel scales, and their folding into the model: a group
// of Linears sharing an input x gets W ← W·diag(s) while the module producing x divides by s —
// the preceding RMSNorm's weight (q/k/v, gate/up) or, for down, up's output rows (and bias), as
// SiLU(gate)·up is linear in up; for o (AWQ only), v's output rows, each scale shared by the
// query heads that read the same key/value head. The checkpoint stays a standard one, with no
// extra tensors.
//
// Promises: AWQ searches s = mean|x|^α / √(max·min) over the α grid, scoring each α by the
// group's output error on the calibration sample under the quantizer actually written (the
// run's rule and 4/6 choice, the fused group's shared amax over the scaled weights); ties keep
// the earlier α, so α = 0 (s = 1, nothing changes) is RTN exactly. SmoothQuant uses
// s = max|x|^α / max|w|^(1−α) (1 where either is 0) for q/k/v and gate/up, α given or searched
// on the grid 0, 0.05, …, 1 by the group's W4A4 output error on the calibration sample (inputs
// and weights through NVFP4 as the written model computes them; ties keep the smaller α). For
// o, AWQ's mean |x| is first averaged over the query heads sharing a key/value head (with
// grouped-query attention one v row feeds all their columns of o, so they need one scale).
// Unfolded in exact arithmetic the model computes the same function; in float32 the logits move
// by rounding only.

import BlockQuantization
import CPUKernels
import Foundation
import ModelCore

enum ScaleFolding {
    /// Chooses and folds the group's scales; nil when the method does not transform this group.
    static func transform(
        group: InputGroup, selected: [LinearSlot], layer: inout LayerWeights,
        statistics stats: InputStatistics, settings: PTQSettings, prefix: String,
        fusedGroup: (String) -> String?, threads: Int
    ) throws -> (scales: [Float], alpha: Double)? {
        let width = stats.width
        let chosen: (scales: [Float], alpha: Double)
        switch settings.method {
        case .rtn, .gptq:
            return nil
        case .smoothquant:
            guard group != .down && group != .output else { return nil }
            var wmax = [Float](repeating: 0, count: width)
            for slot in group.slots {
                let w = layer.weights[slot.rawValue]
                for (i, v) in w.enumerated() { wmax[i % width] = max(wmax[i % width], abs(v)) }
            }
            let candidates = settings.smoothQuantAlpha.map { [$0] } ?? (0...20).map { Double($0) / 20 }
            var best: (scales: [Float], alpha: Double, error: Double)?
            // The float outputs X·Wᵀ on the sample rows, the same for every α.
            let targets =
                candidates.count == 1
                ? [:]
                : Dictionary(
                    uniqueKeysWithValues: selected.map { ($0, floatOutput($0, layer: layer, stats, threads: threads)) })
            for a in candidates {
                let s = smoothQuantScales(stats.absoluteMax, wmax, alpha: a)
                let error =
                    candidates.count == 1
                    ? 0
                    : try w4a4Error(
                        s, selected: selected, layer: layer, statistics: stats, targets: targets, settings: settings,
                        prefix: prefix, fusedGroup: fusedGroup, threads: threads)
                if best == nil || error < best!.error { best = (s, a, error) }
            }
            chosen = (best!.scales, best!.alpha)
        case .awq:
            let mean = group == .output ? tiedAcrossQueryHeads(stats.meanAbsolute, layer: layer) : stats.meanAbsolute
            var best: (scales: [Float], alpha: Double, error: Double)?
            for a in settings.awqGrid {
                let s = awqScales(mean, alpha: a)
                var error = 0.0
                var scaled: [LinearSlot: [Float]] = [:]
                for slot in selected { scaled[slot] = scaleColumns(layer.weights[slot.rawValue], s) }
                for slot in selected {
                    let (rows, cols) = (layer.shapes[slot.rawValue][0], layer.shapes[slot.rawValue][1])
                    let amax = sharedAmax(
                        slot, selected: selected, weights: scaled, prefix: prefix, fusedGroup: fusedGroup)
                    let q = try SequentialQuantization.quantizeWeight(
                        scaled[slot]!, rows: rows, cols: cols, config: settings.config, amax: amax, factor: nil,
                        channelWeights: nil, settings: settings, threads: threads)
                    var effective = ReferenceQuantizer.dequantize(q)
                    for r in 0..<rows { for j in 0..<cols { effective[r * cols + j] /= s[j] } }
                    error += SequentialQuantization.sampleError(
                        stats, effective, layer.weights[slot.rawValue],
                        rows: rows, cols: cols, threads: threads)
                }
                if best == nil || error < best!.error { best = (s, a, error) }
            }
            chosen = (best!.scales, best!.alpha)
        }
        fold(chosen.scales, group: group, layer: &layer)
        return chosen
    }

    /// s_c = max|x_c|^α / max|w_c|^(1−α), 1 where either maximum is 0.
    static func smoothQuantScales(_ xmax: [Float], _ wmax: [Float], alpha a: Double) -> [Float] {
        zip(xmax, wmax).map { x, w -> Float in
            guard x > 0, w > 0 else { return 1 }
            let v = Float(pow(Double(x), a) / pow(Double(w), 1 - a))
            return v.isFinite && v > 0 ? v : 1
        }
    }

    /// Σ over the group's Linears of ‖Q(X/s)·Q(W·s)ᵀ − X·Wᵀ‖² on the sample rows: the input
    /// rounded through NVFP4 at its calibrated amax (max |x/s|) with the run's rule, the weight
    /// quantized as it would be written (the fused group's shared amax over the scaled weights).
    /// `targets`: each Linear's `floatOutput`.
    static func w4a4Error(
        _ s: [Float], selected: [LinearSlot], layer: LayerWeights, statistics stats: InputStatistics,
        targets: [LinearSlot: [Float]], settings: PTQSettings, prefix: String, fusedGroup: (String) -> String?,
        threads: Int
    ) throws -> Double {
        let m = stats.sampleRows, width = stats.width
        guard m > 0 else { return 0 }
        let scaledStats = stats.scaled(by: s)
        let inputAmax = scaledStats.absoluteMax.max() ?? 0
        let input = try scaledStats.sample.withTensorElements { e throws(QuantizationError) in
            try CPUQuantizer.roundTrip(
                e, rows: m, cols: width, config: settings.config, amax: inputAmax, basis: .source, threads: threads
            ).values
        }
        var scaled: [LinearSlot: [Float]] = [:]
        for slot in selected { scaled[slot] = scaleColumns(layer.weights[slot.rawValue], s) }
        var error = 0.0
        for slot in selected {
            let rows = layer.shapes[slot.rawValue][0]
            let amax = sharedAmax(slot, selected: selected, weights: scaled, prefix: prefix, fusedGroup: fusedGroup)
            let q = try SequentialQuantization.quantizeWeight(
                scaled[slot]!, rows: rows, cols: width, config: settings.config, amax: amax, factor: nil,
                channelWeights: nil, settings: settings, threads: threads)
            let y = GEMM.multiply(
                input, ReferenceQuantizer.dequantize(q), m: m, n: rows, k: width, transposeB: true, threads: threads)
            for (a, b) in zip(y, targets[slot]!) { error += Double(a - b) * Double(a - b) }
        }
        return error
    }

    /// X·Wᵀ of one Linear on the sample rows, unquantized.
    static func floatOutput(_ slot: LinearSlot, layer: LayerWeights, _ stats: InputStatistics, threads: Int = 1)
        -> [Float]
    {
        GEMM.multiply(
            stats.sample, layer.weights[slot.rawValue], m: stats.sampleRows, n: layer.shapes[slot.rawValue][0],
            k: stats.width, transposeB: true, threads: threads)
    }

    /// W ← W·diag(s) for every Linear of the group; the module producing the input divides by s.
    static func fold(_ s: [Float], group: InputGroup, layer: inout LayerWeights) {
        let width = s.count
        for slot in group.slots { layer.weights[slot.rawValue] = scaleColumns(layer.weights[slot.rawValue], s) }
        switch group {
        case .attention: for c in 0..<width { layer.norms.input[c] /= s[c] }
        case .mlp: for c in 0..<width { layer.norms.postAttention[c] /= s[c] }
        case .down:
            let up = LinearSlot.up.rawValue, cols = layer.shapes[up][1]
            for r in 0..<width {
                for j in 0..<cols { layer.weights[up][r * cols + j] /= s[r] }
                if layer.biases[up] != nil { layer.biases[up]![r] /= s[r] }
            }
        case .output:
            let v = LinearSlot.v.rawValue, cols = layer.shapes[v][1]
            var used = [Float?](repeating: nil, count: layer.shapes[v][0])
            for c in 0..<width {
                let r = layer.valueRow(ofOutputColumn: c)
                if let u = used[r] {
                    precondition(u == s[c], "o's scales differ between query heads that share a key/value head")
                    continue
                }
                used[r] = s[c]
                for j in 0..<cols { layer.weights[v][r * cols + j] /= s[c] }
                if layer.biases[v] != nil { layer.biases[v]![r] /= s[c] }
            }
        }
    }

    /// o's per-column values averaged over the query heads that read the same v row (so that
    /// the scales made from them can be folded into v).
    static func tiedAcrossQueryHeads(_ x: [Float], layer: LayerWeights) -> [Float] {
        var sum = [Double](repeating: 0, count: layer.shapes[LinearSlot.v.rawValue][0])
        for (c, value) in x.enumerated() { sum[layer.valueRow(ofOutputColumn: c)] += Double(value) }
        return x.indices.map { Float(sum[layer.valueRow(ofOutputColumn: $0)] / Double(layer.queriesPerKeyValue)) }
    }

    /// mean|x|^α (clamped below at 1e-4), normalized by √(max·min); all ones at α = 0.
    static func awqScales(_ mean: [Float], alpha: Double) -> [Float] {
        guard alpha != 0 else { return [Float](repeating: 1, count: mean.count) }
        let s = mean.map { Float(pow(Double(max($0, 1e-4)), alpha)) }
        let norm = (s.max()! * s.min()!).squareRoot()
        return s.map { $0 / norm }
    }

    static func scaleColumns(_ w: [Float], _ s: [Float]) -> [Float] {
        let cols = s.count
        var out = w
        for i in 0..<out.count { out[i] *= s[i % cols] }
        return out
    }

    static func sharedAmax(
        _ slot: LinearSlot, selected: [LinearSlot], weights: [LinearSlot: [Float]], prefix: String,
        fusedGroup: (String) -> String?
    ) -> Float {
        let key = fusedGroup(prefix + slot.moduleSuffix)
        var a: Float = 0
        for s in selected where s == slot || (key != nil && fusedGroup(prefix + s.moduleSuffix) == key) {
            a = weights[s]!.reduce(a) { max($0, abs($1)) }
        }
        return a
    }
}
