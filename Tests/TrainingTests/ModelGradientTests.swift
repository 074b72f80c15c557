// Finite-difference check of the whole decoder's backward pass (every parameter tensor,
// tied and untied heads), every GEMM in float32 without rounding; Richardson-extrapolated
// central differences and tolerances as in GradientCheck.swift.

import ModelCore
import TestSupport
import Testing

@testable import Training

@Suite struct ModelGradientTests {
    static func microConfig(tied: Bool) -> ModelConfiguration {
        .llama(
            vocabularySize: 40, hiddenSize: 32, intermediateSize: 48, layers: 2, heads: 2,
            contextLength: 8, tieEmbeddings: tied, initializerRange: 0.1)
    }

    static func batch(seed: UInt64, vocabulary: Int, b: Int = 2, t: Int = 6) -> TrainingBatch {
        var r = SplitMix64(seed: seed)
        let inputs = (0..<(b * t)).map { _ in Int32(r.next() % UInt64(vocabulary)) }
        let targets = (0..<(b * t)).map { _ in Int32(r.next() % UInt64(vocabulary)) }
        return TrainingBatch(batch: b, sequenceLength: t, inputs: inputs, targets: targets)
    }

    @Test(arguments: [false, true])
    func everyParameterTensor(tied: Bool) throws {
        let config = Self.microConfig(tied: tied)
        let model = DecoderModel(config: config, plan: .float32(layers: config.layerCount), threads: 2)
        var params = ModelParameters.initialized(config, seed: 7)
        // Non-trivial gains so their gradients are exercised away from 1.
        var r = SplitMix64(seed: 8)
        for i in params.tensors.indices where params.tensors[i].shape.count == 1 {
            params.tensors[i].values = params.tensors[i].values.map { $0 + 0.3 * r.normal() }
        }
        let batch = Self.batch(seed: 9, vocabulary: config.vocabularySize)
        var grads = ModelParameters.zeros(config)
        var stats = QuantizationStatistics()
        let loss = try model.lossAndGradients(
            parameters: params, batch: batch, step: 0, runSeed: 1, gradients: &grads,
            statistics: &stats)
        #expect(close(loss, try model.loss(parameters: params, batch: batch), rel: 0, abs: 0))
        for i in params.tensors.indices {
            let scale: Float = params.tensors[i].shape.count == 1 ? 1 : 0.1
            let u = r.normals(params.tensors[i].count, scale: scale)
            let fd = richardsonDifference(params.tensors[i].values, u, h: 4e-2) { values in
                var p = params
                p.tensors[i].values = values
                return (try? model.loss(parameters: p, batch: batch)) ?? .nan
            }
            let analytic = dot(grads.tensors[i].values, u)
            #expect(
                close(fd, analytic, rel: 1e-3, abs: 2e-5), "\(params.tensors[i].name): fd \(fd) vs analytic \(analytic)"
            )
        }
    }

    @Test func gradientsDoNotDependOnThreads() throws {
        let config = Self.microConfig(tied: true)
        let params = ModelParameters.initialized(config, seed: 3)
        let batch = Self.batch(seed: 4, vocabulary: config.vocabularySize, b: 4, t: 8)
        let plan = PrecisionPlan(layers: [.nvfp4(NVFP4Operands(rule: .mse)), .bf16], head: .bf16)
        var results: [[Float]] = []
        for threads in [1, 2, 3] {
            var grads = ModelParameters.zeros(config)
            var stats = QuantizationStatistics()
            _ = try DecoderModel(config: config, plan: plan, threads: threads)
                .lossAndGradients(
                    parameters: params, batch: batch, step: 5, runSeed: 11, gradients: &grads, statistics: &stats)
            results.append(grads.tensors.flatMap(\.values))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }
}
