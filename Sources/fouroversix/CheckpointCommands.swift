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
        try prepareOutputs([OutputRequest(output, .folder, inputs: [quantized],
                                          existing: overwrite ? .replace : .refuse)])
        var bar: ProgressBar?
        try CheckpointDequantizer.run(quantizedDirectory: quantized, outputDirectory: output, dtype: dtype.dtype,
                                      overwrite: overwrite) { p in
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
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(s), as: UTF8.self))
            return
        }
        print("\(s.directory)")
        print("  architectures: \(s.architectures.joined(separator: ", "))")
        print("  \(s.tensors) tensors in \(s.shards) shard(s), \(formatBytes(s.bytes)); by dtype: "
              + s.tensorsByDType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        guard s.convention != "none" else {
            print("  not quantized" + (s.quantMethod.map { " (quantization_config: \($0))" } ?? ""))
            return
        }
        var line = "  NVFP4, convention \(s.convention)"
        if let m = s.quantMethod { line += ", quant_method \(m)" }
        if let a = s.quantAlgo { line += ", quant_algo \(a)" }
        if let f = s.format { line += ", format \(f)" }
        print(line)
        print("  producer: \(s.producer ?? "unknown"); 4/6 rule: \(s.rule ?? "not recorded")")
        print("  \(s.modules.count) quantized modules; ignored: \(s.ignored.isEmpty ? "none" : s.ignored.joined(separator: ", "))")
        let header = ["module", "shape", "tensor scale (stored)", "amax", "fused group", "input scale"]
        let rows = s.modules.filter { m in !s.expertGroups.contains { m.module.hasPrefix($0.parent + ".") } }.map { m in
            [m.module, m.shape.map(String.init).joined(separator: "×"), String(format: "%.6g", m.storedTensorScale),
             String(format: "%.6g", m.amax), m.fusedGroup ?? "-", m.hasInputScale ? "yes" : "no"]
        }
        print(renderTable(header: header, rows: rows))
        for g in s.expertGroups {
            print("  \(g.parent): \(g.experts) experts, \(g.shapes.joined(separator: ", ")); "
                  + "\(g.fusedGroupsSharingOneScale)/\(g.fusedGroups) fused groups share one scale; "
                  + "input scales \(g.modulesWithInputScale)/\(g.modules)")
        }
        if !s.fusedGroupsWithDifferentScales.isEmpty {
            print("  warning: fused groups with different tensor scales: \(s.fusedGroupsWithDifferentScales.joined(separator: ", "))")
        }
    }
}
