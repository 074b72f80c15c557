// The tensor names of the NVFP4 checkpoint conventions, and recognising a quantized checkpoint
// by them.
//
// Promises: the one place that knows the suffixes: compressed-tensors stores module m as
// `m.weight_packed`, `m.weight_scale`, `m.weight_global_scale` (+ `m.input_global_scale`);
// ModelOpt as `m.weight` (U8), `m.weight_scale`, `m.weight_scale_2` (+ `m.input_scale`); MLX
// (mlx-lm) as `m.weight` (U32) and `m.scales`, with no tensor or input scale. A checkpoint is of
// a convention when some tensor carries its marker suffix (`weight_packed`, checked first, then
// `weight_scale_2`, then `scales` next to a `weight` of the same module); `module(marking:)`
// names the module a marker belongs to. (Whether an MLX folder's mode is NVFP4 is its
// config.json's to say; the reader checks it.)

public enum QuantizedTensorNames: String, Sendable, CaseIterable {
    case compressedTensors = "compressed-tensors"
    case modelopt
    case mlx

    /// Name of the packed-codes tensor of module `m`.
    public func packedName(_ m: String) -> String { self == .compressedTensors ? "\(m).weight_packed" : "\(m).weight" }
    public func blockScaleName(_ m: String) -> String { self == .mlx ? "\(m).scales" : "\(m).weight_scale" }
    /// Name of the tensor-scale tensor (nil: MLX stores none).
    public func tensorScaleName(_ m: String) -> String? {
        switch self {
        case .compressedTensors: "\(m).weight_global_scale"
        case .modelopt: "\(m).weight_scale_2"
        case .mlx: nil
        }
    }
    /// Name of the input-scale tensor (nil: MLX stores none).
    public func inputScaleName(_ m: String) -> String? {
        switch self {
        case .compressedTensors: "\(m).input_global_scale"
        case .modelopt: "\(m).input_scale"
        case .mlx: nil
        }
    }

    /// The suffix that only a quantized module of this convention has.
    public var markerSuffix: String {
        switch self {
        case .compressedTensors: ".weight_packed"
        case .modelopt: ".weight_scale_2"
        case .mlx: ".scales"
        }
    }

    /// The module whose marker tensor is `name`, or nil when `name` is not a marker.
    public func module(marking name: String) -> String? {
        name.hasSuffix(markerSuffix) ? String(name.dropLast(markerSuffix.count)) : nil
    }

    /// The convention of a set of tensor names (compressed-tensors first, then ModelOpt, then MLX),
    /// or nil when none is quantized.
    public static func detect<S: Sequence>(in names: S) -> QuantizedTensorNames? where S.Element == String {
        var modelopt = false
        var all = Set<String>(), mlxModules: [String] = []
        for n in names {
            if n.hasSuffix(QuantizedTensorNames.compressedTensors.markerSuffix) { return .compressedTensors }
            if n.hasSuffix(QuantizedTensorNames.modelopt.markerSuffix) { modelopt = true }
            if let m = QuantizedTensorNames.mlx.module(marking: n) { mlxModules.append(m) }
            all.insert(n)
        }
        if modelopt { return .modelopt }
        return mlxModules.contains { all.contains(QuantizedTensorNames.mlx.packedName($0)) } ? .mlx : nil
    }
}
