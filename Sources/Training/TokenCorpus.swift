// A tokenized corpus split into training and validation parts, and the deterministic batches
// drawn from it.
//
// Promises: the token stream is cut into consecutive blocks of `blockTokens`; block i goes to
// validation when i % validationEvery == validationEvery − 1, else to training, so both parts
// sample the whole text. A window of length T is `[BOS] + T−1 tokens` as input and those T
// tokens as targets (the first predicted from BOS alone), never crossing a block boundary.
// `trainingBatch(step:)` draws `batch` window starts uniformly over all valid training starts
// from SplitMix64 seeded by (data seed, step): the same batches for every recipe that shares
// the seed, and again after a resume. Validation windows are the consecutive non-overlapping
// windows of each validation block, in order.

public struct TokenCorpus: Sendable {
    public let tokens: [Int32]
    public let bosID: Int32
    public let blockTokens: Int
    public let validationEvery: Int
    /// Ranges of `tokens`.
    public let trainingBlocks: [Range<Int>]
    public let validationBlocks: [Range<Int>]

    public init(tokens: [Int32], bosID: Int32, blockTokens: Int = 4096, validationEvery: Int = 20) {
        precondition(blockTokens > 0 && validationEvery > 1)
        self.tokens = tokens
        self.bosID = bosID
        self.blockTokens = blockTokens
        self.validationEvery = validationEvery
        var train: [Range<Int>] = [], val: [Range<Int>] = []
        var i = 0, start = 0
        while start < tokens.count {
            let r = start..<min(tokens.count, start + blockTokens)
            if i % validationEvery == validationEvery - 1 { val.append(r) } else { train.append(r) }
            start += blockTokens
            i += 1
        }
        trainingBlocks = train
        validationBlocks = val
    }

    public var trainingTokenCount: Int { trainingBlocks.reduce(0) { $0 + $1.count } }
    public var validationTokenCount: Int { validationBlocks.reduce(0) { $0 + $1.count } }

    /// One window: input [BOS] + tokens[s ..< s+T−1], targets tokens[s ..< s+T].
    func window(start s: Int, length t: Int, inputs: inout [Int32], targets: inout [Int32]) {
        inputs.append(bosID)
        for j in 0..<(t - 1) { inputs.append(tokens[s + j]) }
        for j in 0..<t { targets.append(tokens[s + j]) }
    }

    /// The batch of training step `step`.
    public func trainingBatch(step: Int, batch: Int, sequenceLength t: Int, seed: UInt64) throws(TrainingError)
        -> TrainingBatch
    {
        let starts = trainingBlocks.map { max(0, $0.count - t + 1) }
        let total = starts.reduce(0, +)
        guard total > 0 else {
            throw .invalidConfiguration("no training block holds a window of \(t) tokens (blocks of \(blockTokens))")
        }
        var rng = SplitMix64(seed: SplitMix64.mix(seed, 0xDA7A, UInt64(step)))
        var inputs: [Int32] = [], targets: [Int32] = []
        inputs.reserveCapacity(batch * t)
        targets.reserveCapacity(batch * t)
        for _ in 0..<batch {
            var r = rng.below(total)
            var blk = 0
            while r >= starts[blk] { r -= starts[blk]; blk += 1 }
            window(start: trainingBlocks[blk].lowerBound + r, length: t, inputs: &inputs, targets: &targets)
        }
        return TrainingBatch(batch: batch, sequenceLength: t, inputs: inputs, targets: targets)
    }

    /// All validation windows of length `t`, in order (at most `limit`), as batches of `batch`.
    public func validationBatches(sequenceLength t: Int, batch: Int, limit: Int? = nil) -> [TrainingBatch] {
        var starts: [Int] = []
        for b in validationBlocks {
            var s = b.lowerBound
            while s + t <= b.upperBound { starts.append(s); s += t }
        }
        if let limit { starts = Array(starts.prefix(limit)) }
        var out: [TrainingBatch] = []
        var i = 0
        while i < starts.count {
            let group = starts[i..<min(starts.count, i + batch)]
            var inputs: [Int32] = [], targets: [Int32] = []
            for s in group { window(start: s, length: t, inputs: &inputs, targets: &targets) }
            out.append(TrainingBatch(batch: group.count, sequenceLength: t, inputs: inputs, targets: targets))
            i += batch
        }
        return out
    }
}
