// The tensor names of the two NVFP4 checkpoint conventions, and recognising a quantized
// checkpoint by them.
//
// Promises: the one place that knows the suffixes: compressed-tensors stores module m as
// `m.weight_packed`, `m.weight_scale`, `m.weight_global_scale` (+ `m.input_global_scale`);
// ModelOpt as `m.weight` (U8), `m.weight_scale`, `m.weight_scale_2` (+ `m.input_scale`). A
// checkpoint is of a convention when some tensor carries its marker suffix (`weight_packed`,
// checked first, or `weight_scale_2`); `module(marking:)` names the module a marker belongs to.

public enum QuantizedTensorNames: String, Sendable, CaseIterable {
    case compressedTensors = "compressed-tensors"
    case modelopt

    /// Name of the packed-codes tensor of module `m`.
    public func packedName(_ m: String) -> String { self == .compressedTensors ? "\(m).weight_packed" : "\(m).weight" }
    public func blockScaleName(_ m: String) -> String { "\(m).weight_scale" }
    public func tensorScaleName(_ m: String) -> String {
        self == .compressedTensors ? "\(m).weight_global_scale" : "\(m).weight_scale_2"
    }
    public func inputScaleName(_ m: String) -> String {
        self == .compressedTensors ? "\(m).input_global_scale" : "\(m).input_scale"
    }

    /// The suffix that only a quantized module of this convention has.
    public var markerSuffix: String { self == .compressedTensors ? ".weight_packed" : ".weight_scale_2" }

    /// The module whose marker tensor is `name`, or nil when `name` is not a marker.
    public func module(marking name: String) -> String? {
        name.hasSuffix(markerSuffix) ? String(name.dropLast(markerSuffix.count)) : nil
    }

    /// The convention of a set of tensor names (compressed-tensors first), or nil when none is quantized.
    public static func detect<S: Sequence>(in names: S) -> QuantizedTensorNames? where S.Element == String {
        var modelopt = false
        for n in names {
            if n.hasSuffix(QuantizedTensorNames.compressedTensors.markerSuffix) { return .compressedTensors }
            if n.hasSuffix(QuantizedTensorNames.modelopt.markerSuffix) { modelopt = true }
        }
        return modelopt ? .modelopt : nil
    }
}
