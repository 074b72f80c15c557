// `fouroversix quantize-tensors`: quantize every 2-D floating tensor of a safetensors file.
//
// Promises: for each 2-D BF16/F16/F32/F64 tensor T the output holds `T.qdata` (U8
// [rows, paddedCols/2], packed codes of the quantized orientation), `T.scales` (F8_E4M3, or
// U8 holding UE8M0 for MXFP4; row-major [rows, paddedCols/block]; 2-D tiles repeat their
// byte on each row) and `T.amax` (F32 [1]); with `--dequantize`, `T` as F32 [rows, cols]
// in the quantized orientation instead. Every other tensor is copied byte for byte. The
// output appears only when complete.

import ArgumentParser
import BlockQuantization
import CheckpointQuantization
import CPUKernels
import CUDABackend
import Foundation
import SafeTensors

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

    @Option(help: "Where to quantize: cpu, or cuda (an NVIDIA GPU, loaded at run time; same results bit for bit).")
    var device: ComputeDevice = .cpu

    func run() throws {
        let file = try SafeTensorsFile(path: input)
        let config = options.config
        let quantizable = file.tensors.filter { $0.dtype.isFloatingPoint && $0.shape.count == 2 }
        let names = Set(quantizable.map(\.name))

        var specs: [TensorSpec] = []
        for info in file.tensors {
            guard names.contains(info.name) else {
                specs.append(TensorSpec(name: info.name, dtype: info.dtype, shape: info.shape))
                continue
            }
            let layout = config.quantizedShape(rows: info.shape[0], cols: info.shape[1])
            if layout.cols == 0 {
                throw ValidationError("\(input): tensor '\(info.name)': the quantization axis is empty (shape \(info.shape))")
            }
            if dequantize {
                specs.append(TensorSpec(name: info.name, dtype: .F32, shape: [layout.rows, layout.cols]))
            } else {
                specs.append(TensorSpec(name: "\(info.name).qdata", dtype: .U8, shape: [layout.rows, layout.paddedCols / 2]))
                specs.append(TensorSpec(name: "\(info.name).scales", dtype: config.format == .mxfp4 ? .U8 : .F8_E4M3,
                                        shape: [layout.rows, layout.paddedCols / config.format.blockSize]))
                specs.append(TensorSpec(name: "\(info.name).amax", dtype: .F32, shape: [1]))
            }
        }

        var metadata = file.metadata
        metadata["fouroversix.format"] = config.format.rawValue
        metadata["fouroversix.rule"] = config.rule.rawValue
        metadata["fouroversix.options"] = optionSummary(config)
        let gpu = device == .cuda ? try openCUDA() : nil
        let writer = try SafeTensorsWriter(path: output, tensors: specs, metadata: metadata)
        let progress = ProgressBar(total: file.tensors.count, unit: "tensors", totalBytes: file.dataSectionSize)
        var quantizedCount = 0
        do {
            for info in file.tensors {
                defer { file.releasePages(info.name); progress.advance(bytes: info.byteCount, label: info.name) }
                guard names.contains(info.name) else {
                    try writer.write(try file.bytes(info.name))
                    continue
                }
                let q = try gpu.map { try quantizeOnGPU($0, file, info, config: config) }
                    ?? TensorQuantization.quantizeTensor(file, info.name, config: config)
                quantizedCount += 1
                if dequantize {
                    var values = [Float](repeating: 0, count: q.rows * q.cols)
                    values.withUnsafeMutableBufferPointer { CPUQuantizer.dequantize(q, into: $0) }
                    try values.withUnsafeBytes { try writer.write($0) }
                } else {
                    try writer.write(q.codes)
                    try writer.write(q.scales)
                    try withUnsafeBytes(of: q.amax) { try writer.write($0) }
                }
            }
            progress.finish()
            try writer.finish()
        } catch {
            progress.finish()
            writer.abort()
            throw error
        }
        print("\(output): \(quantizedCount) tensors quantized to \(config.format.rawValue) (\(config.rule.rawValue)\(optionSuffix(config)))"
              + (dequantize ? ", written dequantized as F32" : "") + ", \(file.tensors.count - quantizedCount) copied")
    }

    /// Quantizes one tensor on the GPU (errors name the file and tensor).
    private func quantizeOnGPU(_ gpu: CUDAQuantizer, _ file: SafeTensorsFile, _ info: TensorInfo,
                               config: QuantizationConfig) throws -> QuantizedTensor {
        do {
            return try file.withElements(info.name) { x in
                try gpu.quantize(x, rows: info.shape[0], cols: info.shape[1], config: config)
            }
        } catch let error as QuantizationError {
            throw TensorQuantizationError(path: file.path, tensor: info.name, underlying: error)
        }
    }

    private func optionSummary(_ c: QuantizationConfig) -> String {
        var parts: [String] = []
        if c.transpose { parts.append("transpose") }
        if c.rht { parts.append("rht") }
        if c.blockScale2D { parts.append("block-2d") }
        if case let .stochastic(seed) = c.rounding { parts.append("stochastic(seed=\(seed))") }
        return parts.joined(separator: ",")
    }

    private func optionSuffix(_ c: QuantizationConfig) -> String {
        let s = optionSummary(c)
        return s.isEmpty ? "" : ", " + s
    }
}

enum ComputeDevice: String, ExpressibleByArgument, CaseIterable {
    case cpu, cuda
}

/// Opens the first CUDA GPU, or fails with the reason (no driver, no GPU, no NVRTC, …).
func openCUDA() throws -> CUDAQuantizer {
    switch CUDAQuantizer.open() {
    case let .success(gpu): return gpu
    case let .failure(reason): throw CLIError("--device cuda: \(reason)")
    }
}
