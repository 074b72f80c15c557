// `fouroversix dequantize` and `fouroversix inspect`: NVFP4 checkpoints of either
// convention, also when produced by other tools.
//
// Promises: `dequantize` writes a plain checkpoint (BF16 or F32 weights, no quantization
// config) that appears only when complete; `inspect` prints what a folder holds — or JSON
// with `--json`.

import ArgumentParser
import CheckpointQuantization
import Foundation
import OutputSafety
import SafeTensors

enum WeightDType: String, ExpressibleByArgument, CaseIterable {
    case bf16, f16, f32
    var dtype: DType { self == .bf16 ? .BF16 : self == .f16 ? .F16 : .F32 }
}

struct DequantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dequantize",
        abstract: "Turn an NVFP4 checkpoint (compressed-tensors or ModelOpt) back into a plain one."
    )

    @Argument(help: "Quantized model folder.")
    var quantized: String

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String

    @Option(help: "Weight dtype: bf16, f16 or f32.")
    var dtype: WeightDType = .bf16

    @Flag(help: "Replace an existing output folder.")
    var overwrite = false

    func run() throws {
        try prepareOutputs([
            OutputRequest(
                output, .folder, inputs: [quantized],
                existing: overwrite ? .replace : .refuse)
        ])
        var bar: ProgressBar?
        try CheckpointDequantizer.run(
            quantizedDirectory: quantized, outputDirectory: output, dtype: dtype.dtype,
            overwrite: overwrite
        ) { p in
            if bar == nil { bar = ProgressBar(total: p.tensorsTotal, unit: "tensors") }
            bar?.advance(label: p.tensor)
        }
        bar?.finish()
        print("\(output): dequantized to \(dtype.rawValue)")
    }
}

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a checkpoint holds and in which NVFP4 convention."
    )

    @Argument(help: "Model folder or GGUF file (default: the bundled stories260K).")
    var directory: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let s = try CheckpointSummary.inspect(try directory ?? BundledModel.directory())
        print(json ? String(decoding: try s.jsonData(), as: UTF8.self) : s.text)
    }
}
