// A Linear module `y = x · Wᵀ + b` as the evaluation runs it (the product is ModelCore's
// `LinearGEMM`, which the trainer's layers use too).
//
// Promises: keeps the weight as loaded (`[out, in]`, float32) so any number of quantization
// settings can be applied to one loaded model; the forward pass multiplies by the effective
// weight (as loaded, or its simulated quantization), packed once per setting for the GEMM.
// The effective weight never aliases the original. `inputFormat`/`inputAmax` say how the
// module's input is simulated (set by `TransformerModel.apply`).

import CPUKernels
import ModelCore

public final class LinearLayer: @unchecked Sendable {
    /// Module name, e.g. `model.layers.0.self_attn.q_proj`.
    public let module: String
    public let inFeatures: Int
    public let outFeatures: Int
    /// The checkpoint stored this module quantized: `original` already carries that error.
    public let storedQuantized: Bool
    /// `[out, in]` as loaded.
    public let original: [Float]
    /// `[out]`, or nil.
    public let bias: [Float]?

    /// The effective weight, packed for `GEMM.multiply`.
    private(set) var packed: PackedMatrix
    /// The format the effective weight simulates.
    public private(set) var weightFormat: TensorFormat = .full
    /// The weight amax used to quantize it (nil when not quantized).
    public private(set) var weightAmax: Float?
    /// How the input is simulated before the GEMM.
    public internal(set) var inputFormat: TensorFormat = .full
    /// A calibrated input amax (nil: dynamic).
    public internal(set) var inputAmax: Float?

    init(module: String, weight: [Float], outFeatures: Int, inFeatures: Int, bias: [Float]?, storedQuantized: Bool) {
        self.module = module
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.storedQuantized = storedQuantized
        self.original = weight
        self.bias = bias
        packed = PackedMatrix(linearWeight: weight, outFeatures: outFeatures, inFeatures: inFeatures)
    }

    /// Uses `weight` (`[out, in]`) from now on.
    func setEffectiveWeight(_ weight: [Float], format: TensorFormat, amax: Float?) {
        precondition(weight.count == outFeatures * inFeatures)
        packed = PackedMatrix(linearWeight: weight, outFeatures: outFeatures, inFeatures: inFeatures)
        weightFormat = format
        weightAmax = amax
    }

    /// Back to the weight as loaded.
    func resetWeight() {
        guard weightFormat != .full else { return }
        setEffectiveWeight(original, format: .full, amax: nil)
    }

    /// The effective weight `[out, in]` (read back from the packed panels; for tests and reports).
    public var effectiveWeight: [Float] {
        let wt = packed.unpacked()  // [in, out]
        var w = [Float](repeating: 0, count: outFeatures * inFeatures)
        for i in 0..<inFeatures { for j in 0..<outFeatures { w[j * inFeatures + i] = wt[i * outFeatures + j] } }
        return w
    }

    /// y[rows, out] = x[rows, in] · Wᵀ (+ b) (ModelCore's `LinearGEMM`).
    func forward(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, threads: Int) {
        LinearGEMM.forward(x, rows: rows, weight: packed, bias: bias, into: y, threads: threads)
    }
}
