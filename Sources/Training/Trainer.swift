// The training loop: batches, forward/backward, clipping, AdamW, schedule, evaluation,
// logging, checkpoints and resume.
//
// Promises: step s (0-based) trains on `corpus.trainingBatch(step: s)` with learning rate
// `schedule.rate(step: s)` and stochastic-rounding seeds from (seed, s), so a run resumed from
// a checkpoint after step s continues exactly as the uninterrupted run. `initialLoss` is the
// loss of step 0's batch before any update; `trainLoss` is the mean training loss of the last
// max(1, steps/20) steps; `validationLoss` is the mean loss over the validation windows, in
// the recipe's own forward precision (and `validationLossBF16` with every GEMM in BF16). A
// non-finite loss stops the run and is reported as divergence, not thrown.

import CPUKernels
import Foundation

/// One logged step.
public struct StepRecord: Sendable {
    public var step: Int
    public var tokens: Int
    public var learningRate: Float
    public var loss: Double
    public var gradientNorm: Float
    public var validationLoss: Double?
    public var elapsedSeconds: Double
    public var tokensPerSecond: Double
    /// Share of NVFP4 blocks that chose scale-to-4 in this step (0 without 4/6).
    public var fourShare: Double
}

/// What `Trainer.run` returns.
public struct TrainingSummary: Sendable {
    public var recipe: TrainingRecipe
    public var steps: Int
    public var initialLoss: Double
    public var trainLoss: Double
    public var validationLoss: Double
    public var validationLossBF16: Double
    public var tokensPerSecond: Double
    public var trainingSeconds: Double
    /// Seconds spent casting GEMM operands (BF16 rounding / NVFP4 quantize-dequantize).
    public var castSeconds: Double
    public var parameterCount: Int
    public var statistics: QuantizationStatistics
    public var divergedAtStep: Int?
    public var records: [StepRecord]
}

/// Progress reported after every step.
public struct TrainingProgress: Sendable {
    public var step: Int  // completed steps
    public var steps: Int
    public var loss: Double
    public var validationLoss: Double?
    public var tokensPerSecond: Double
    public var elapsedSeconds: Double
    public var etaSeconds: Double
}

public final class Trainer {
    public let options: TrainingOptions
    public let prepared: PreparedCorpus
    public let outputDirectory: String?
    public private(set) var parameters: ModelParameters
    private var optimizer: AdamWState
    private var completedSteps = 0
    private var initialLoss: Double?
    private var priorTrainingSeconds: Double = 0
    private let threads: Int

    /// A new run, or (with `resumeFrom`) the continuation of a saved one.
    public init(options: TrainingOptions, corpus: PreparedCorpus, outputDirectory: String?, resumeFrom: String? = nil)
        throws
    {
        try options.validate()
        guard options.model.vocabularySize == corpus.vocabularySize else {
            throw TrainingError.invalidConfiguration(
                "model vocabulary \(options.model.vocabularySize) ≠ tokenizer's \(corpus.vocabularySize)")
        }
        self.options = options
        self.prepared = corpus
        self.outputDirectory = outputDirectory
        threads = options.threads > 0 ? options.threads : CPUParallel.defaultThreadCount
        if let resumeFrom {
            let (p, opt, state) = try TrainingCheckpoint.loadForResume(from: resumeFrom)
            if let diff = options.resumeDifference(from: state.options) { throw TrainingError.resumeMismatch(diff) }
            guard state.completedSteps <= options.steps else {
                throw TrainingError.resumeMismatch(
                    "the checkpoint has \(state.completedSteps) steps, more than --steps \(options.steps)")
            }
            parameters = p
            optimizer = opt
            completedSteps = state.completedSteps
            initialLoss = state.initialLoss
            priorTrainingSeconds = state.trainingSeconds
        } else {
            parameters = .initialized(options.model, seed: options.seed)
            optimizer = AdamWState(zerosFor: options.model)
        }
    }

    /// Replaces the recipe's precision plan (ablations); nil: the recipe's.
    public var planOverride: PrecisionPlan?

    public var plan: PrecisionPlan {
        planOverride ?? PrecisionPlan(options.recipeSettings, layers: options.model.layerCount)
    }

    public var model: DecoderModel {
        DecoderModel(config: options.model, plan: plan, threads: threads)
    }

    /// Mean loss over validation windows (at most `limit`) with a given precision plan.
    public func validationLoss(plan: PrecisionPlan? = nil, limit: Int?) throws -> Double {
        let m = DecoderModel(config: options.model, plan: plan ?? self.plan, threads: threads)
        let batches = prepared.corpus.validationBatches(
            sequenceLength: options.sequenceLength, batch: options.batchSize,
            limit: limit)
        var total: Double = 0, rows = 0
        for b in batches {
            total += try m.loss(parameters: parameters, batch: b) * Double(b.rows)
            rows += b.rows
        }
        return rows == 0 ? .nan : total / Double(rows)
    }

    /// Runs the remaining steps. `log` receives each step record (for the CSV), `progress` a
    /// summary after each step.
    public func run(log: ((StepRecord) -> Void)? = nil, progress: ((TrainingProgress) -> Void)? = nil) throws
        -> TrainingSummary
    {
        let o = options
        let model = self.model
        let schedule = o.schedule
        var gradients = ModelParameters.zeros(o.model)
        var records: [StepRecord] = []
        var stats = QuantizationStatistics()
        var trainingSeconds = priorTrainingSeconds
        var castSeconds: Double = 0
        var diverged: Int?
        let firstStep = completedSteps
        let runStart = Date()
        var lastValidation: Double?
        while completedSteps < o.steps {
            let s = completedSteps
            let stepStart = Date()
            let batch = try prepared.corpus.trainingBatch(
                step: s, batch: o.batchSize, sequenceLength: o.sequenceLength,
                seed: o.dataSeed)
            for i in gradients.tensors.indices {
                gradients.tensors[i].values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            }
            var stepStats = QuantizationStatistics()
            let loss: Double
            do {
                loss = try model.lossAndGradients(
                    parameters: parameters, batch: batch, step: s, runSeed: o.seed,
                    gradients: &gradients, statistics: &stepStats)
            } catch {
                diverged = s
                break
            }
            if s == 0 { initialLoss = loss }
            let norm = AdamW.clipGlobalNorm(&gradients, maxNorm: o.gradientClip)
            guard norm.isFinite else { diverged = s; break }
            let lr = schedule.rate(step: s)
            AdamW.step(
                parameters: &parameters, gradients: gradients, state: &optimizer, learningRate: lr, settings: o.adamW)
            completedSteps += 1
            let stepSeconds = Date().timeIntervalSince(stepStart)
            trainingSeconds += stepSeconds
            castSeconds += stepStats.castSeconds
            stats.merge(stepStats)

            var validation: Double?
            let last = completedSteps == o.steps
            if !last && o.evaluationEvery > 0 && completedSteps % o.evaluationEvery == 0 {
                validation = try validationLoss(limit: o.evaluationWindows)
                lastValidation = validation
            }
            let stepsDone = completedSteps - firstStep
            let runTraining = trainingSeconds - priorTrainingSeconds
            let record = StepRecord(
                step: completedSteps, tokens: completedSteps * o.tokensPerStep, learningRate: lr, loss: loss,
                gradientNorm: norm, validationLoss: validation,
                elapsedSeconds: Date().timeIntervalSince(runStart),
                tokensPerSecond: Double(stepsDone * o.tokensPerStep) / max(runTraining, 1e-9),
                fourShare: stepStats.totalAlternativeShare)
            records.append(record)
            if !last { log?(record) }
            if let outputDirectory, o.checkpointEvery > 0, completedSteps % o.checkpointEvery == 0, !last {
                try saveCheckpoint(to: outputDirectory, trainingSeconds: trainingSeconds)
            }
            let perStep = Date().timeIntervalSince(runStart) / Double(stepsDone)
            progress?(
                TrainingProgress(
                    step: completedSteps, steps: o.steps, loss: loss, validationLoss: lastValidation,
                    tokensPerSecond: record.tokensPerSecond,
                    elapsedSeconds: Date().timeIntervalSince(runStart),
                    etaSeconds: perStep * Double(o.steps - completedSteps)))
        }

        // Final evaluation.
        var validation = Double.nan, validationBF16 = Double.nan
        if diverged == nil {
            validation = (try? validationLoss(limit: o.finalEvaluationWindows)) ?? .nan
            if o.recipe == .bf16 {
                validationBF16 = validation
            } else {
                let bf16 = PrecisionPlan(
                    layers: [GEMMPrecision](repeating: .bf16, count: o.model.layerCount), head: .bf16)
                validationBF16 = (try? validationLoss(plan: bf16, limit: o.finalEvaluationWindows)) ?? .nan
            }
            if var lastRecord = records.last, lastRecord.step == o.steps {
                lastRecord.validationLoss = validation
                records[records.count - 1] = lastRecord
                log?(lastRecord)
            }
            if let outputDirectory { try saveCheckpoint(to: outputDirectory, trainingSeconds: trainingSeconds) }
        }
        let tail = max(1, o.steps / 20)
        let lastLosses = records.suffix(tail).map(\.loss)
        let stepsRun = completedSteps - firstStep
        return TrainingSummary(
            recipe: o.recipe, steps: completedSteps, initialLoss: initialLoss ?? .nan,
            trainLoss: lastLosses.isEmpty ? .nan : lastLosses.reduce(0, +) / Double(lastLosses.count),
            validationLoss: validation, validationLossBF16: validationBF16,
            tokensPerSecond: Double(stepsRun * o.tokensPerStep) / max(trainingSeconds - priorTrainingSeconds, 1e-9),
            trainingSeconds: trainingSeconds - priorTrainingSeconds, castSeconds: castSeconds,
            parameterCount: o.model.parameterCount, statistics: stats, divergedAtStep: diverged, records: records)
    }

    public func saveCheckpoint(to directory: String, trainingSeconds: Double? = nil) throws {
        let state = TrainerState(
            completedSteps: completedSteps, optimizerUpdates: optimizer.updates, options: options,
            initialLoss: initialLoss, trainingSeconds: trainingSeconds ?? priorTrainingSeconds)
        try TrainingCheckpoint.save(
            to: directory, parameters: parameters, optimizer: optimizer, state: state,
            tokenizerFiles: prepared.tokenizerFiles, bosID: prepared.bosID, eosID: prepared.eosID)
    }
}
