// The quantize-tensors pipeline: every 2-D floating tensor of a safetensors file quantized,
// on the CPU or a CUDA GPU, into a new safetensors file (`fouroversix quantize-tensors`).
//
// Promises: for each 2-D BF16/F16/F32/F64 tensor T the output holds `T.qdata` (U8
// [rows, paddedCols/2], packed codes of the quantized orientation), `T.scales` (F8_E4M3, or
// U8 holding UE8M0 for MXFP4; row-major [rows, paddedCols/block]; 2-D tiles repeat their
// byte on each row) and `T.amax` (F32 [1]); with `dequantize`, `T` as F32 [rows, cols] in the
// quantized orientation instead. Every other tensor is copied byte for byte; the metadata is
// the input's plus `fouroversix.format`, `.rule` and `.options`. The GPU gives the same bytes
// as the CPU. The output appears only when complete, is never the input and replaces an existing
// file only with `overwrite`; errors name the file and tensor.

import BlockQuantization
import CPUKernels
import CUDABackend
import Foundation
import OutputSafety
import SafeTensors

public struct TensorFileQuantizer {
    public var config: QuantizationConfig
    /// Write each quantized tensor back as F32 (dequantized) instead of codes and scales.
    public var dequantize = false
    /// The CPU kernels, or the first CUDA GPU (opened when the input has been read; unusable
    /// GPU: `CUDAUnavailable`).
    public var device: ComputeDevice
    /// Replace an existing output file (otherwise refused).
    public var overwrite = false

    public init(
        config: QuantizationConfig, dequantize: Bool = false, device: ComputeDevice = .cpu,
        overwrite: Bool = false
    ) {
        self.config = config
        self.dequantize = dequantize
        self.device = device
        self.overwrite = overwrite
    }

    /// The output as OutputSafety checks it: a file, never the input, existing only with `overwrite`.
    public func outputRequest(input: String, output: String) -> OutputRequest {
        OutputRequest(output, .file, inputs: [input], existing: overwrite ? .replace : .refuse)
    }

    /// After each tensor: its name and byte size, with the file's totals.
    public struct Progress: Sendable {
        public var tensor: String
        public var bytes: Int
        public var tensorsTotal: Int
        public var bytesTotal: Int
    }

    public struct Result: Sendable {
        public var quantized: Int
        public var copied: Int
    }

    /// Whether a tensor is quantized (2-D floating point) rather than copied.
    public static func isQuantized(_ info: TensorInfo) -> Bool { info.dtype.isFloatingPoint && info.shape.count == 2 }

    /// The output's tensors, in the input's order (the schema above).
    public func outputSpecs(of file: SafeTensorsFile) throws -> [TensorSpec] {
        var specs: [TensorSpec] = []
        for info in file.tensors {
            guard Self.isQuantized(info) else {
                specs.append(TensorSpec(name: info.name, dtype: info.dtype, shape: info.shape))
                continue
            }
            let layout = config.quantizedShape(rows: info.shape[0], cols: info.shape[1])
            if layout.cols == 0 {
                throw CheckpointError.inconsistent(
                    path: file.path,
                    reason: "tensor '\(info.name)': the quantization axis is empty (shape \(info.shape))")
            }
            if dequantize {
                specs.append(TensorSpec(name: info.name, dtype: .F32, shape: [layout.rows, layout.cols]))
            } else {
                specs.append(
                    TensorSpec(
                        name: "\(info.name).qdata", dtype: .U8,
                        shape: [layout.rows, layout.paddedCols / 2]))
                specs.append(
                    TensorSpec(
                        name: "\(info.name).scales", dtype: config.format == .mxfp4 ? .U8 : .F8_E4M3,
                        shape: [layout.rows, layout.paddedCols / config.format.blockSize]))
                specs.append(TensorSpec(name: "\(info.name).amax", dtype: .F32, shape: [1]))
            }
        }
        return specs
    }

    /// "transpose,rht,block-2d,stochastic(seed=N)" — the options beyond format and rule.
    public var optionSummary: String {
        var parts: [String] = []
        if config.transpose { parts.append("transpose") }
        if config.rht { parts.append("rht") }
        if config.blockScale2D { parts.append("block-2d") }
        if case let .stochastic(seed) = config.rounding { parts.append("stochastic(seed=\(seed))") }
        if case let .stochasticUnbiased(seed) = config.rounding { parts.append("stochastic-unbiased(seed=\(seed))") }
        return parts.joined(separator: ",")
    }

    /// Quantizes `input` into `output`, after checking the output path (`outputRequest`).
    public func run(input: String, output: String, progress: ((Progress) -> Void)? = nil) throws -> Result {
        try OutputPolicy.prepare(outputRequest(input: input, output: output))
        let file = try SafeTensorsFile(path: input)
        let specs = try outputSpecs(of: file)
        var metadata = file.metadata
        metadata["fouroversix.format"] = config.format.rawValue
        metadata["fouroversix.rule"] = config.rule.rawValue
        metadata["fouroversix.options"] = optionSummary
        let gpu = try device.openGPU()
        let writer = try SafeTensorsWriter(path: output, tensors: specs, metadata: metadata)
        var quantizedCount = 0
        do {
            for info in file.tensors {
                defer {
                    file.releasePages(info.name)
                    progress?(
                        Progress(
                            tensor: info.name, bytes: info.byteCount, tensorsTotal: file.tensors.count,
                            bytesTotal: file.dataSectionSize))
                }
                guard Self.isQuantized(info) else {
                    try writer.write(try file.bytes(info.name))
                    continue
                }
                let q =
                    try gpu.map { try quantizeOnGPU($0, file, info) }
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
            try writer.finish()
        } catch {
            writer.abort()
            throw error
        }
        return Result(quantized: quantizedCount, copied: file.tensors.count - quantizedCount)
    }

    /// Quantizes one tensor on the GPU (errors name the file and tensor).
    private func quantizeOnGPU(
        _ gpu: CUDAQuantizer, _ file: SafeTensorsFile,
        _ info: TensorInfo
    ) throws -> QuantizedTensor {
        do {
            return try file.withElements(info.name) { x in
                try gpu.quantize(x, rows: info.shape[0], cols: info.shape[1], config: config)
            }
        } catch let error as QuantizationError {
            throw TensorQuantizationError(path: file.path, tensor: info.name, underlying: error)
        }
    }
}
