// Calibration of activation scales for W4A4: the input amax of every decoder Linear module
// over a calibration text.
//
// Promises: `inputAmax` runs the model over the windows of the calibration tokens (the
// perplexity windowing) with its current weights and no activation quantization, and returns
// for each decoder Linear module the max |x| of its input over all windows. Modules that read
// the same input (q/k/v; gate/up) get the same value, and modules that `fusedGroup` maps to one
// key share the max over the group, so fused layers get one input scale. The model's
// quantization setting is restored afterwards, also on error.

import ModelCore

public enum ActivationCalibration {
    /// Per-module input amax, keyed by module name (e.g. `model.layers.0.self_attn.q_proj`).
    public static func inputAmax(
        model: TransformerModel, tokens: [Int], bos: Int?, context: Int = 512,
        windows limit: Int? = nil, fusedGroup: ((String) -> String?)? = nil,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> [String: Float] {
        let saved = model.quantization
        var plain = saved
        plain.activations = .full
        try model.apply(plain)
        defer { try? model.apply(saved) }

        var amax: [String: Float] = [:]
        let observer: ActivationObserver = { module, x, _ in
            var m = amax[module] ?? 0
            for v in x { m = max(m, abs(v)) }
            amax[module] = m
        }
        let windows = try Perplexity.windows(of: tokens, bos: bos, context: context, limit: limit)
        for (i, w) in windows.enumerated() {
            _ = try model.hiddenStates(tokens: w.ids, observer: observer)
            progress?(i + 1, windows.count)
        }
        if let fusedGroup {
            var group: [String: Float] = [:]
            for (module, a) in amax { if let key = fusedGroup(module) { group[key] = max(group[key] ?? 0, a) } }
            for module in amax.keys { if let key = fusedGroup(module), let g = group[key] { amax[module] = g } }
        }
        return amax
    }
}
