// The two NVFP4 checkpoint conventions serving engines load (spec §6).
//
// Promises: tensor names (as ModelFolder's `QuantizedTensorNames` spells them), dtypes and
// shapes of each convention exactly; the tensor scale
// stored as the *divisor* `encodeScale = M·S/amax` (compressed-tensors'
// `weight_global_scale`) or the *multiplier* `decodeScale = amax/(M·S)` (ModelOpt's
// `weight_scale_2`), never mixed up; and the `quantization_config` / `hf_quant_config.json`
// contents with only the keys the spec names.

import BlockQuantization
import Foundation
import ModelFolder
import SafeTensors

public enum CheckpointConvention: String, Sendable, CaseIterable, Codable {
    /// compressed-tensors `nvfp4-pack-quantized` (vLLM, llm-compressor, SGLang).
    case compressedTensors = "compressed-tensors"
    /// NVIDIA ModelOpt NVFP4 (TensorRT-LLM, vLLM, SGLang).
    case modelopt

    /// The tensor names of this convention (ModelFolder's `QuantizedTensorNames` owns them).
    public var names: QuantizedTensorNames {
        switch self {
        case .compressedTensors: return .compressedTensors
        case .modelopt: return .modelopt
        }
    }

    /// The convention whose tensor names these are (nil for MLX's, which we read but write only
    /// through `MLXExport`).
    public init?(_ names: QuantizedTensorNames) {
        switch names {
        case .compressedTensors: self = .compressedTensors
        case .modelopt: self = .modelopt
        case .mlx: return nil
        }
    }

    /// Name of the packed-codes tensor of module `m`.
    public func packedName(_ m: String) -> String { names.packedName(m) }
    public func blockScaleName(_ m: String) -> String { names.blockScaleName(m) }
    // Both conventions store a tensor and an input scale (only MLX's names have none).
    public func tensorScaleName(_ m: String) -> String { names.tensorScaleName(m)! }
    public func inputScaleName(_ m: String) -> String { names.inputScaleName(m)! }
    /// Shape of the stored tensor scale: `[1]` for compressed-tensors, a scalar for ModelOpt.
    public var tensorScaleShape: [Int] { self == .compressedTensors ? [1] : [] }

    /// The stored form of a tensor scale: the divisor M·S/amax or the multiplier amax/(M·S).
    public func storedTensorScale(amax: Float, constants: ScaleConstants) -> Float {
        self == .compressedTensors ? constants.encodeScale(amax: amax) : constants.decodeScale(amax: amax)
    }

    /// amax recovered from a stored tensor scale (exact only when the float32 round trip is;
    /// our own checkpoints also record the exact amax in the shard metadata).
    public func amax(fromStoredTensorScale s: Float, constants: ScaleConstants) -> Float {
        self == .compressedTensors ? constants.product / s : s * constants.product
    }

    /// Output tensors of one quantized Linear module with weight `[rows, cols]`.
    public func tensorSpecs(module m: String, rows: Int, cols: Int, withInputScale: Bool) -> [TensorSpec] {
        var specs = [
            TensorSpec(name: packedName(m), dtype: .U8, shape: [rows, cols / 2]),
            TensorSpec(name: blockScaleName(m), dtype: .F8_E4M3, shape: [rows, cols / 16]),
            TensorSpec(name: tensorScaleName(m), dtype: .F32, shape: tensorScaleShape),
        ]
        if withInputScale { specs.append(TensorSpec(name: inputScaleName(m), dtype: .F32, shape: tensorScaleShape)) }
        return specs
    }

    /// The `quantization_config` entry of config.json.
    public func quantizationConfig(ignored: [String], activations: Bool, producer: [String: String]) -> [String: Any] {
        switch self {
        case .compressedTensors:
            let weights: [String: Any] = [
                "num_bits": 4, "type": "float", "symmetric": true,
                "strategy": "tensor_group", "group_size": 16, "dynamic": false,
            ]
            var inputs = weights
            inputs["dynamic"] = "local"
            return [
                "quant_method": "compressed-tensors",
                "format": "nvfp4-pack-quantized",
                "quantization_status": "compressed",
                "ignore": ignored,
                "config_groups": [
                    "group_0": [
                        "targets": ["Linear"], "weights": weights,
                        "input_activations": activations ? inputs as Any : NSNull(),
                    ] as [String: Any]
                ],
            ]
        case .modelopt:
            // `ignore` too: some vLLM revisions read only that key.
            return [
                "quant_method": "modelopt",
                "quant_algo": modeloptAlgorithm(activations: activations),
                "group_size": 16,
                "exclude_modules": ignored,
                "ignore": ignored,
                "kv_cache_quant_algo": NSNull(),
                "producer": producer,
            ]
        }
    }

    /// `hf_quant_config.json` (ModelOpt only).
    public func hfQuantConfig(ignored: [String], activations: Bool, producer: [String: String]) -> [String: Any]? {
        guard self == .modelopt else { return nil }
        return [
            "producer": producer,
            "quantization": [
                "quant_algo": modeloptAlgorithm(activations: activations), "group_size": 16,
                "exclude_modules": ignored, "kv_cache_quant_algo": NSNull(),
            ] as [String: Any],
        ]
    }

    /// `NVFP4` (weights and activations) or `W4A16_NVFP4` (weight-only), the same in both files.
    func modeloptAlgorithm(activations: Bool) -> String { activations ? "NVFP4" : "W4A16_NVFP4" }
}
