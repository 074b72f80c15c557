// The tensor-file quantizer (the quantize-tensors pipeline) and the per-tensor error report:
// the output schema, codes/scales/amax equal to the scalar reference, the dequantized form,
// copied tensors and metadata, errors naming the tensor, and the energy-weighted summary.

import BlockQuantization
import CheckpointQuantization
import Foundation
import SafeTensors
import Testing

@Suite struct TensorFileQuantizerTests {
    /// A ragged 2-D F32 tensor, a BF16 matrix, a 1-D tensor and an I32 tensor.
    func writeInput(_ path: String) throws -> (w: [Float], m: [Float]) {
        let w: [Float] = (0..<(20 * 40)).map { (i: Int) -> Float in Float(sin(Double(i) * 0.37)) * Float(1 + i % 7) }
        let m: [Float] = (0..<(32 * 32)).map { (i: Int) -> Float in Float(i % 17) - 8 }
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "w", dtype: .F32, shape: [20, 40]), try bytes(of: w, as: .F32)),
                (TensorSpec(name: "m", dtype: .BF16, shape: [32, 32]), try bytes(of: m, as: .BF16)),
                (
                    TensorSpec(name: "bias", dtype: .F32, shape: [40]),
                    try bytes(of: [Float](repeating: 1, count: 40), as: .F32)
                ),
                (TensorSpec(name: "ids", dtype: .I32, shape: [2, 2]), [UInt8](repeating: 7, count: 16)),
            ], metadata: ["source": "test"])
        return (w, m)
    }

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "fouroversix-tensorfile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [
        QuantizationConfig(format: .nvfp4, rule: .mse, transpose: true),
        QuantizationConfig(format: .mxfp4, rule: .static6),
        QuantizationConfig(format: .nvfp4, rule: .static6, rounding: .stochastic(seed: 3), rht: true),
    ])
    func codesScalesAndAmaxAreTheReferences(config: QuantizationConfig) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (w, m) = try writeInput(dir + "/in.safetensors")
        let quantizer = TensorFileQuantizer(config: config)
        var reported: [String] = []
        let result = try quantizer.run(input: dir + "/in.safetensors", output: dir + "/out.safetensors") {
            reported.append($0.tensor)
        }
        #expect(result.quantized == 2 && result.copied == 2)
        #expect(reported == ["w", "m", "bias", "ids"])
        let out = try SafeTensorsFile(path: dir + "/out.safetensors")
        #expect(
            out.tensors.map(\.name)
                == ["w.qdata", "w.scales", "w.amax", "m.qdata", "m.scales", "m.amax", "bias", "ids"])
        for (name, values, rows, cols) in [("w", w, 20, 40), ("m", m, 32, 32)] {
            let q = try ReferenceQuantizer.quantize(values, rows: rows, cols: cols, config: config)
            let layout = config.quantizedShape(rows: rows, cols: cols)
            #expect(out.info("\(name).qdata")?.shape == [layout.rows, layout.paddedCols / 2])
            #expect(out.info("\(name).scales")?.shape == [layout.rows, layout.paddedCols / config.format.blockSize])
            #expect(out.info("\(name).scales")?.dtype == (config.format == .mxfp4 ? .U8 : .F8_E4M3))
            #expect(Array(try out.bytes("\(name).qdata")) == q.codes, "\(name)")
            #expect(Array(try out.bytes("\(name).scales")) == q.scales, "\(name)")
            #expect(try out.floats("\(name).amax") == [q.amax])
        }
        #expect(Array(try out.bytes("ids")) == [UInt8](repeating: 7, count: 16))
        #expect(out.metadata["source"] == "test" && out.metadata["fouroversix.format"] == config.format.rawValue)
        #expect(out.metadata["fouroversix.rule"] == config.rule.rawValue)
        #expect(out.metadata["fouroversix.options"] == quantizer.optionSummary)

        let deq = TensorFileQuantizer(config: config, dequantize: true)
        _ = try deq.run(input: dir + "/in.safetensors", output: dir + "/deq.safetensors")
        let d = try SafeTensorsFile(path: dir + "/deq.safetensors")
        let q = try ReferenceQuantizer.quantize(w, rows: 20, cols: 40, config: config)
        #expect(d.info("w")?.dtype == .F32 && d.info("w")?.shape == [q.rows, q.cols])
        #expect(try d.floats("w").map(\.bitPattern) == ReferenceQuantizer.dequantize(q).map(\.bitPattern))
    }

    @Test func optionSummaryNamesTheOptions() {
        #expect(TensorFileQuantizer(config: QuantizationConfig()).optionSummary == "")
        let all = QuantizationConfig(
            format: .nvfp4, rule: .mse, rounding: .stochastic(seed: 9), transpose: true,
            rht: true,
            blockScale2D: true)
        #expect(TensorFileQuantizer(config: all).optionSummary == "transpose,rht,block-2d,stochastic(seed=9)")
    }

    @Test func errorsNameTheTensorAndLeaveNoOutput() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeSafeTensors(
            path: dir + "/empty.safetensors",
            tensors: [(TensorSpec(name: "e", dtype: .F32, shape: [3, 0]), [])])
        #expect(throws: CheckpointError.self) {
            try TensorFileQuantizer(config: QuantizationConfig())
                .run(input: dir + "/empty.safetensors", output: dir + "/o.safetensors")
        }
        var w: [Float] = (0..<64).map(Float.init)
        w[5] = .nan
        try writeSafeTensors(
            path: dir + "/nan.safetensors",
            tensors: [
                (
                    TensorSpec(name: "x", dtype: .F32, shape: [2, 32]),
                    try bytes(of: w, as: .F32)
                )
            ])
        do {
            _ = try TensorFileQuantizer(config: QuantizationConfig())
                .run(input: dir + "/nan.safetensors", output: dir + "/o.safetensors")
            Issue.record("a NaN must fail")
        } catch {
            #expect("\(error)".contains("nan.safetensors") && "\(error)".contains("'x'"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.safetensors"))
    }

    @Test func theErrorSummaryWeighsTensorsByEnergy() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try writeInput(dir + "/in.safetensors")
        let variants = [QuantizationVariant(.nvfp4, .static6), QuantizationVariant(.nvfp4, .mse)]
        var progress: [Int] = []
        let report = try ModelErrorReport.measure(dir + "/in.safetensors", variants: variants) { done, total, _ in
            progress.append(done * 10 + total)
        }
        #expect(report.reports.map(\.name) == ["w", "m"] && progress == [12, 22])
        let s = report.summary
        for i in 0..<2 {
            let errors = report.reports.map { $0.squaredErrors[i] }.reduce(0, +)
            let energy = report.reports.map(\.energy).reduce(0, +)
            #expect(s.relativeErrors[i] == errors / energy)
            #expect(s.blocks[i] == report.reports.map { $0.blocks[i] }.reduce(0, +))
        }
        #expect(s.elements == 20 * 40 + 32 * 32)
    }
}
