// Where a model's tensors come from: the `WeightProvider` protocol and two providers —
// safetensors files (plain F32/BF16/F16 checkpoints, one file or the shards of a model folder
// that ModelFolder opened) and an in-memory dictionary.
//
// Promises: a provider lists every tensor name it holds, gives each shape without reading
// values, and widens values to float32 exactly (BF16/F16/F32). Providers for quantized
// checkpoints (implemented above this layer, e.g. by the CLI over CheckpointQuantization)
// present each quantized Linear module as its dequantized `<module>.weight` and hide the
// scale tensors, so strict loading sees a plain name set; they report which modules were
// stored quantized and, for W4A4 checkpoints, the calibrated input amax.

import ModelCore
import ModelFolder
import SafeTensors

public protocol WeightProvider {
    /// Every tensor the checkpoint holds (quantized modules as `<module>.weight`).
    var tensorNames: [String] { get }
    /// The shape of a tensor, or nil when there is no such tensor.
    func shape(of name: String) -> [Int]?
    /// The values of a tensor, row-major, widened to float32.
    func floats(_ name: String) throws -> [Float]
    /// True when `module` (e.g. "model.layers.0.self_attn.q_proj") is stored quantized, so
    /// that its weight already carries quantization error and is not quantized again.
    func isStoredQuantized(module: String) -> Bool
    /// The calibrated input amax a W4A4 checkpoint records for `module`, if any.
    func storedInputAmax(module: String) -> Float?
}

extension WeightProvider {
    public func isStoredQuantized(module: String) -> Bool { false }
    public func storedInputAmax(module: String) -> Float? { nil }
}

/// Tensors of one or more memory-mapped safetensors files (e.g. the shards of a model folder,
/// already validated and de-duplicated by the caller).
public struct SafeTensorsWeights: WeightProvider {
    public let files: [SafeTensorsFile]
    private let fileOf: [String: Int]
    public let tensorNames: [String]

    /// - Throws: `TransformerError.invalidOption` when two files hold the same tensor name.
    public init(files: [SafeTensorsFile]) throws {
        self.files = files
        var fileOf: [String: Int] = [:]
        var names: [String] = []
        for (i, f) in files.enumerated() {
            for t in f.tensors {
                if fileOf[t.name] != nil {
                    throw TransformerError.invalidOption("tensor '\(t.name)' appears in more than one file")
                }
                fileOf[t.name] = i
                names.append(t.name)
            }
        }
        self.fileOf = fileOf
        self.tensorNames = names
    }

    /// Opens `model.safetensors` (a single-file checkpoint).
    public init(path: String) throws {
        try self.init(files: [try SafeTensorsFile(path: path)])
    }

    /// The weights of a model folder opened by ModelFolder (one file or the shards of its index).
    public init(checkpoint: ModelCheckpoint) throws {
        try self.init(files: checkpoint.shards)
    }

    public func shape(of name: String) -> [Int]? {
        fileOf[name].flatMap { files[$0].info(name)?.shape }
    }

    /// The tensor as floats; its mapped pages are released after the copy (the resident set
    /// holds the converted tensors, not the file too).
    public func floats(_ name: String) throws -> [Float] {
        guard let i = fileOf[name] else { throw TransformerError.missingTensor(name: name) }
        defer { files[i].releasePages(name) }
        return try files[i].floats(name)
    }
}

/// Tensors held in memory: tests, synthetic models, adapters that build values themselves.
public struct DictionaryWeights: WeightProvider {
    public var tensors: [String: (shape: [Int], values: [Float])]
    public var quantizedModules: Set<String>
    public var inputAmax: [String: Float]

    public init(
        _ tensors: [String: (shape: [Int], values: [Float])], quantizedModules: Set<String> = [],
        inputAmax: [String: Float] = [:]
    ) {
        for (name, t) in tensors {
            precondition(
                t.shape.reduce(1, *) == t.values.count,
                "tensor '\(name)': shape \(t.shape) does not match \(t.values.count) values")
        }
        self.tensors = tensors
        self.quantizedModules = quantizedModules
        self.inputAmax = inputAmax
    }

    /// Every tensor of another provider, read into memory.
    public init(copying other: WeightProvider) throws {
        var t: [String: (shape: [Int], values: [Float])] = [:]
        for name in other.tensorNames { t[name] = (other.shape(of: name)!, try other.floats(name)) }
        self.init(t)
    }

    public var tensorNames: [String] { tensors.keys.sorted() }
    public func shape(of name: String) -> [Int]? { tensors[name]?.shape }
    public func floats(_ name: String) throws -> [Float] {
        guard let t = tensors[name] else { throw TransformerError.missingTensor(name: name) }
        return t.values
    }
    public func isStoredQuantized(module: String) -> Bool { quantizedModules.contains(module) }
    public func storedInputAmax(module: String) -> Float? { inputAmax[module] }
}
