// The per-step loss log of a run (loss.csv) and the run's summary.json.
//
// Promises: loss.csv has the header `step,tokens,learning_rate,train_loss,val_loss,
// grad_norm,tokens_per_second,elapsed_seconds,four_share` and one line per step (val_loss empty
// where not evaluated), flushed as it is written; opening it for a resumed run first drops
// the lines past the checkpoint's step. summary.json is the `RunSummary` of a finished run.

import Foundation

public final class LossLog {
    public static let header =
        "step,tokens,learning_rate,train_loss,val_loss,grad_norm,tokens_per_second,elapsed_seconds,four_share"
    private let handle: FileHandle
    public let path: String

    /// Opens `path`, keeping existing lines with step ≤ `keepThrough` (0: start fresh).
    public init(path: String, keepThrough: Int = 0) throws {
        self.path = path
        var kept = [Self.header]
        if keepThrough > 0, let old = try? String(contentsOfFile: path, encoding: .utf8) {
            for line in old.split(separator: "\n").dropFirst() {
                if let step = Int(line.prefix { $0 != "," }), step <= keepThrough { kept.append(String(line)) }
            }
        }
        try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw TrainingError.checkpoint(path: path, reason: "cannot open the loss log for writing")
        }
        h.seekToEndOfFile()
        handle = h
    }

    public func append(_ r: StepRecord) {
        let val = r.validationLoss.map { String(format: "%.6f", $0) } ?? ""
        let line =
            "\(r.step),\(r.tokens),\(String(format: "%.6g", r.learningRate)),\(String(format: "%.6f", r.loss)),\(val),"
            + "\(String(format: "%.4f", r.gradientNorm)),\(String(format: "%.1f", r.tokensPerSecond)),"
            + "\(String(format: "%.2f", r.elapsedSeconds)),\(String(format: "%.4f", r.fourShare))\n"
        handle.write(Data(line.utf8))
    }

    deinit { try? handle.close() }

    /// Reads a loss.csv back: (step, train loss, validation loss where logged).
    public static func read(_ path: String) throws -> [(step: Int, loss: Double, validation: Double?)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TrainingError.checkpoint(path: path, reason: "cannot read the loss log")
        }
        var out: [(Int, Double, Double?)] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 5, let step = Int(f[0]), let loss = Double(f[3]) else { continue }
            out.append((step, loss, Double(f[4])))
        }
        return out
    }
}

/// summary.json of a finished run (what the experiment table is built from).
public struct RunSummary: Sendable, Codable {
    public var recipe: String
    public var steps: Int
    public var initialLoss: Double
    public var trainLoss: Double
    public var validationLoss: Double
    public var validationLossBF16Forward: Double
    public var tokensPerSecond: Double
    public var trainingSeconds: Double
    public var castSeconds: Double
    public var parameterCount: Int
    public var tokensPerStep: Int
    public var fourShare: Double
    public var fourShareByOperand: [String: Double]
    public var divergedAtStep: Int?
    public var options: TrainingOptions

    public init(_ s: TrainingSummary, options: TrainingOptions) {
        recipe = s.recipe.rawValue
        steps = s.steps
        initialLoss = s.initialLoss
        trainLoss = s.trainLoss
        validationLoss = s.validationLoss
        validationLossBF16Forward = s.validationLossBF16
        tokensPerSecond = s.tokensPerSecond
        trainingSeconds = s.trainingSeconds
        castSeconds = s.castSeconds
        parameterCount = s.parameterCount
        tokensPerStep = options.tokensPerStep
        fourShare = s.statistics.totalAlternativeShare
        var by: [String: Double] = [:]
        for k in OperandKind.allCases where s.statistics.blocks[k.rawValue] > 0 {
            by[k.name] = s.statistics.alternativeShare(k)
        }
        fourShareByOperand = by
        divergedAtStep = s.divergedAtStep
        self.options = options
    }

    public func write(to path: String) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try e.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public static func read(_ path: String) throws -> RunSummary {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try d.decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
