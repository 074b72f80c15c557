// AdamW with decoupled weight decay, and global-norm gradient clipping.
//
// Promises: `step` applies, for every tensor and element, in this order:
// θ ← θ − lr·λ·θ (only tensors that decay), m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
// θ ← θ − lr · (m / (1−β1^t)) / (√(v / (1−β2^t)) + ε), with t the 1-based update count kept
// in the state (so a resumed run continues exactly). `clipGlobalNorm` returns the L2 norm of
// all gradients (summed in float64 in storage order) and scales them by maxNorm/norm when the
// norm exceeds maxNorm.

import Foundation
import ModelCore

public struct AdamWSettings: Sendable, Hashable, Codable {
    public var beta1: Float = 0.9
    public var beta2: Float = 0.95
    public var epsilon: Float = 1e-8
    public var weightDecay: Float = 0.1

    public init(beta1: Float = 0.9, beta2: Float = 0.95, epsilon: Float = 1e-8, weightDecay: Float = 0.1) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }
}

public struct AdamWState: Sendable {
    public var firstMoment: ModelParameters
    public var secondMoment: ModelParameters
    /// Updates applied so far.
    public var updates: Int

    public init(zerosFor config: ModelConfiguration) {
        firstMoment = .zeros(config)
        secondMoment = .zeros(config)
        updates = 0
    }

    public init(firstMoment: ModelParameters, secondMoment: ModelParameters, updates: Int) {
        self.firstMoment = firstMoment
        self.secondMoment = secondMoment
        self.updates = updates
    }
}

public enum AdamW {
    public static func step(
        parameters p: inout ModelParameters, gradients g: ModelParameters, state s: inout AdamWState,
        learningRate lr: Float, settings: AdamWSettings
    ) {
        s.updates += 1
        let t = Double(s.updates)
        let b1 = settings.beta1, b2 = settings.beta2
        let c1 = Float(1 - Foundation.pow(Double(b1), t)), c2 = Float(1 - Foundation.pow(Double(b2), t))
        for i in p.tensors.indices {
            let decay: Float = p.tensors[i].decays ? 1 - lr * settings.weightDecay : 1
            p.tensors[i].values.withUnsafeMutableBufferPointer { w in
                g.tensors[i].values.withUnsafeBufferPointer { gr in
                    s.firstMoment.tensors[i].values.withUnsafeMutableBufferPointer { m in
                        s.secondMoment.tensors[i].values.withUnsafeMutableBufferPointer { v in
                            for j in 0..<w.count {
                                let gj = gr[j]
                                m[j] = b1 * m[j] + (1 - b1) * gj
                                v[j] = b2 * v[j] + (1 - b2) * gj * gj
                                let update = (m[j] / c1) / ((v[j] / c2).squareRoot() + settings.epsilon)
                                w[j] = w[j] * decay - lr * update
                            }
                        }
                    }
                }
            }
        }
    }

    /// The global L2 norm before clipping.
    @discardableResult
    public static func clipGlobalNorm(_ g: inout ModelParameters, maxNorm: Float) -> Float {
        var sum: Double = 0
        for t in g.tensors {
            t.values.withUnsafeBufferPointer { b in
                var s: Double = 0
                for x in b { s += Double(x) * Double(x) }
                sum += s
            }
        }
        let norm = Float(sum.squareRoot())
        if maxNorm > 0 && norm > maxNorm {
            let scale = maxNorm / norm
            for i in g.tensors.indices {
                g.tensors[i].values.withUnsafeMutableBufferPointer { b in
                    for j in 0..<b.count { b[j] *= scale }
                }
            }
        }
        return norm
    }
}
