// One batch of training windows: input tokens and the next-token targets.
//
// Promises: `inputs` and `targets` are [batch, sequenceLength] row-major; targets[b, t] is the
// token that follows inputs[b, t] in the source text.

public struct TrainingBatch: Sendable {
    public let batch: Int
    public let sequenceLength: Int
    public let inputs: [Int32]
    public let targets: [Int32]

    public init(batch: Int, sequenceLength: Int, inputs: [Int32], targets: [Int32]) {
        precondition(inputs.count == batch * sequenceLength && targets.count == inputs.count, "batch shape mismatch")
        self.batch = batch
        self.sequenceLength = sequenceLength
        self.inputs = inputs
        self.targets = targets
    }

    public var rows: Int { batch * sequenceLength }
}
