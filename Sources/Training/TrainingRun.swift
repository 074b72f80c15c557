// One training run into a folder, as `train` and each recipe of `experiment pretrain` run it.
//
// Promises: with an output folder (created if needed) the trainer writes its checkpoints
// there, every step is appended to loss.csv (a resumed run keeps the lines through the step it
// resumes from) and summary.json is written when the run ends; without one, nothing is written.
// `started` is called once the trainer is ready, before the first step.

import Foundation

public enum TrainingRun {
    public static func run(
        options: TrainingOptions, corpus: PreparedCorpus, outputDirectory: String?,
        resumeFrom: String? = nil, started: (() -> Void)? = nil,
        progress: ((TrainingProgress) -> Void)? = nil
    ) throws -> TrainingSummary {
        if let out = outputDirectory {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        let trainer = try Trainer(
            options: options, corpus: corpus, outputDirectory: outputDirectory,
            resumeFrom: resumeFrom)
        let startStep = try resumeFrom.map { try TrainingCheckpoint.loadForResume(from: $0).2.completedSteps } ?? 0
        let log = try outputDirectory.map { try LossLog(path: "\($0)/loss.csv", keepThrough: startStep) }
        started?()
        let summary = try trainer.run(log: { log?.append($0) }, progress: progress)
        if let out = outputDirectory { try RunSummary(summary, options: options).write(to: "\(out)/summary.json") }
        return summary
    }
}
