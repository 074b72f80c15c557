// Softmax cross-entropy over the vocabulary, mean over rows, with its gradient.
//
// Promises: loss = mean_i (logsumexp(z_i) − z_i[target_i]), each row's terms in float32 with
// the max subtracted, the mean summed in float64 over a fixed row partition (independent of
// the thread count). `lossAndGradient` overwrites the logits with d loss / d logits =
// (softmax(z_i) − onehot(target_i)) / rows.

import BlockFormats
import CPUKernels
import Foundation

enum CrossEntropy {
    static let partitions = 16

    /// Mean loss; when `gradient` is true the logits [rows, vocab] become their gradient.
    static func lossAndGradient(
        _ logits: UnsafeMutableBufferPointer<Float>, targets: [Int32], vocabulary v: Int,
        gradient: Bool, threads: Int
    ) -> Double {
        let rows = targets.count
        precondition(logits.count == rows * v)
        let parts = min(partitions, max(rows, 1))
        var partial = [Double](repeating: 0, count: parts)
        let lp = SendablePointer(logits.baseAddress!)
        let scale = 1 / Float(rows)
        targets.withUnsafeBufferPointer { tb in
            partial.withUnsafeMutableBufferPointer { pb in
                let tp = SendablePointer(tb.baseAddress!), pp = SendablePointer(pb.baseAddress!)
                CPUParallel.parallelFor(parts, threads: rowThreads(rows * v, threads)) { partRange in
                    for part in partRange {
                        var acc: Double = 0
                        for i in CPUParallel.range(part, of: parts, count: rows) {
                            let z = lp.p + i * v
                            var m = -Float.infinity
                            for j in 0..<v { m = max(m, z[j]) }
                            var sum: Float = 0
                            for j in 0..<v { sum += Foundation.exp(z[j] - m) }
                            let target = Int(tp.p[i])
                            let logSum = Foundation.log(sum) + m
                            acc += Double(logSum - z[target])
                            if gradient {
                                let inv = 1 / sum
                                for j in 0..<v { z[j] = Foundation.exp(z[j] - m) * inv * scale }
                                z[target] -= scale
                            }
                        }
                        pp.p[part] = acc
                    }
                }
            }
        }
        return partial.reduce(0, +) / Double(rows)
    }
}
