// The layer report's error sums: the standard-NVFP4 baseline measured chunk by chunk gives the
// same sums, bit for bit, as quantizing the whole tensor and measuring it; and the report's
// baseline is standard NVFP4 of the weight at the weight's own amax, also in a fused group.

import BlockFormats
import BlockQuantization
import CPUKernels
import Foundation
import ModelFolder
import TestSupport
import Testing

@testable import CheckpointQuantization

@Suite struct ErrorSumsTests {
    /// Shapes with one chunk, several chunks and a ragged last chunk (chunks hold 65,536 elements).
    @Test(arguments: [(8, 64), (96, 2048), (101, 1024), (3, 40_000)])
    func chunkedBaselineEqualsWholeTensorBaseline(_ rows: Int, _ cols: Int) throws {
        let values = syntheticWeights(rows * cols, seed: UInt64(rows * 31 + cols))
        let bf16 = values.map(BFloat16.bits(from:))
        let static6 = QuantizationConfig(format: .nvfp4, rule: .static6)
        try values.withTensorElements { f32 in
            try bf16.withTensorElements(as: .bf16) { b in
                for x in [f32, b] {
                    let own = try CPUQuantizer.amax(x, rows: rows, cols: cols, config: static6)
                    // Its own amax, and a larger one shared with other members of a fused group.
                    for amax in [own, own * 1.75] {
                        let whole = TensorQuantization.errorSums(
                            original: x,
                            quantized: try CPUQuantizer.quantize(x, rows: rows, cols: cols, config: static6, amax: amax)
                        )
                        let chunked = try TensorQuantization.baselineErrorSums(
                            original: x, rows: rows, cols: cols, amax: amax)
                        #expect(chunked.squaredError.bitPattern == whole.squaredError.bitPattern, "\(rows)×\(cols)")
                        #expect(chunked.energy.bitPattern == whole.energy.bitPattern)
                        #expect(chunked.squaredError > 0)
                    }
                }
            }
        }
    }

    /// The bundled model's report: each layer's baseline is standard NVFP4 of its weight at the
    /// weight's own max |x| (not the fused group's), measured like the chosen quantization.
    @Test func reportBaselineIsStandardNVFP4AtTheWeightsOwnAmax() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try CheckpointQuantizer.run(
            modelDirectory: bundledModel, outputDirectory: dir + "/q",
            options: CheckpointQuantizationOptions(selection: try LayerSelection()))
        let original = try ModelCheckpoint.open(bundledModel)
        #expect(report.layers.contains { $0.fusedGroup != nil })
        for layer in report.layers {
            let source = original.tensor(layer.module + ".weight")!
            let (rows, cols) = (layer.shape[0], layer.shape[1])
            let expected = try source.shard.withElements(source.name) { x in
                TensorQuantization.errorSums(
                    original: x,
                    quantized: try CPUQuantizer.quantize(
                        x, rows: rows, cols: cols, config: QuantizationConfig(format: .nvfp4, rule: .static6)))
            }
            #expect(layer.baselineSquaredError.bitPattern == expected.squaredError.bitPattern, "\(layer.module)")
            #expect(layer.energy.bitPattern == expected.energy.bitPattern)
        }
    }
}
