// `fouroversix quantize-tensors`: quantize every 2-D floating tensor of a safetensors file
// (CheckpointQuantization's `TensorFileQuantizer`, which defines the output's tensors).
//
// Promises: the output is checked before any work (never the input; an existing file only with
// --overwrite); progress on a TTY; one line naming the output, the count of quantized tensors with
// format, rule and options, and the count copied. `--device cuda` fails with one line when no
// GPU is usable.

import ArgumentParser
import CUDABackend
import CheckpointQuantization
import OutputSafety

extension ComputeDevice: ExpressibleByArgument {}

struct QuantizeTensorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize-tensors",
        abstract: "Quantize every 2-D floating tensor of a safetensors file.",
        discussion: """
            Writes T.qdata (packed 4-bit codes, low nibble = even column), T.scales (block scales) and \
            T.amax for each 2-D floating tensor T, or T dequantized to F32 with --dequantize. Other \
            tensors are copied unchanged. NaN or infinite values are an error naming the tensor.
            """
    )

    @Argument(help: "Input .safetensors file.")
    var input: String

    @Option(name: .shortAndLong, help: "Output .safetensors file.")
    var output: String

    @OptionGroup var options: QuantizationOptions

    @Flag(help: "Write each quantized tensor back as F32 (dequantized) instead of codes and scales.")
    var dequantize = false

    @Flag(help: "Replace an existing output file.")
    var overwrite = false

    @Option(help: "Where to quantize: cpu, or cuda (an NVIDIA GPU, loaded at run time; same results bit for bit).")
    var device: ComputeDevice = .cpu

    func run() throws {
        let quantizer = TensorFileQuantizer(
            config: options.config, dequantize: dequantize, device: device,
            overwrite: overwrite)
        try prepareOutputs([quantizer.outputRequest(input: input, output: output)])
        var bar: ProgressBar?
        let result = try finishing({ bar?.finish() }) {
            try cudaOption {
                try quantizer.run(input: input, output: output) { p in
                    if bar == nil {
                        bar = ProgressBar(total: p.tensorsTotal, unit: "tensors", totalBytes: p.bytesTotal)
                    }
                    bar?.advance(bytes: p.bytes, label: p.tensor)
                }
            }
        }
        let config = quantizer.config, summary = quantizer.optionSummary
        print(
            "\(output): \(result.quantized) tensors quantized to \(config.format.rawValue) (\(config.rule.rawValue)"
                + (summary.isEmpty ? "" : ", " + summary) + ")"
                + (dequantize ? ", written dequantized as F32" : "") + ", \(result.copied) copied")
    }
}

/// `body`, with an unusable GPU reported as a one-line error of `--device cuda`.
func cudaOption<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as CUDAUnavailable { throw CLIError("--device cuda: \(error)") }
}
