// A model folder as the Transformer module's `WeightProvider`: a plain Hugging Face
// checkpoint or an NVFP4 checkpoint of either convention (the adapter through which `eval`,
// `generate` and calibration read a quantized checkpoint).
//
// Promises: a quantized folder (compressed-tensors `weight_packed` or ModelOpt
// `weight_scale_2` tensors) presents each quantized module as its dequantized `<module>.weight`
// (QuantizedCheckpoint's exact decoding), hides the scale tensors, marks the module as stored
// quantized and recovers a stored input amax (W4A4) from `input_global_scale` / `input_scale`
// (standard NVFP4 form, M·S = 2688);
// a plain folder presents its tensors as they are; a GGUF file (ModelFolder's `GGUFModel`) presents
// its tensors under their Hugging Face names, dequantized and un-permuted, its NVFP4 weights with
// their tensor scale and marked stored quantized (input amax from `.input_scale`, standard form);
// an MLX folder (`mode: nvfp4`) is a quantized checkpoint like the others. Every tensor read is
// checked finite. Errors name the file and tensor (and, for a NaN or infinity, the element).

import BlockQuantization
import CheckpointQuantization
import Foundation
import ModelCore
import ModelFolder
import SafeTensors
import Transformer

/// A checkpoint folder as a `WeightProvider`.
public struct CheckpointWeights: WeightProvider {
    /// The model folder (nil for a GGUF file).
    public let checkpoint: ModelCheckpoint?
    /// The GGUF file (nil for a model folder).
    public let gguf: GGUFModel?
    public let quantized: QuantizedCheckpoint?
    private let moduleOfWeight: [String: QuantizedModule]
    private let moduleByName: [String: QuantizedModule]
    /// Exact input amax per module when `fouroversix.json` records `input_amax_bits`.
    private let exactInputAmax: [String: Float]
    public let tensorNames: [String]

    /// The tensors of a GGUF file under their Hugging Face names.
    public init(gguf: GGUFModel) {
        self.gguf = gguf
        checkpoint = nil
        quantized = nil
        moduleOfWeight = [:]
        moduleByName = [:]
        exactInputAmax = [:]
        tensorNames = gguf.tensorNames
    }

    public init(directory: String) throws {
        gguf = nil
        let checkpoint = try ModelCheckpoint.open(directory)
        let quantized = checkpoint.quantizedConvention != nil ? try QuantizedCheckpoint.open(directory) : nil
        self.checkpoint = quantized?.checkpoint ?? checkpoint
        self.quantized = quantized
        var hidden = Set<String>()
        var weightNames: [String: QuantizedModule] = [:]
        var byName: [String: QuantizedModule] = [:]
        for m in quantized?.modules ?? [] {
            hidden.formUnion(m.tensorNames)
            weightNames[m.module + ".weight"] = m
            byName[m.module] = m
        }
        moduleOfWeight = weightNames
        moduleByName = byName
        var exact: [String: Float] = [:]
        let record = directory + "/" + CheckpointQuantizer.recordFileName
        if quantized != nil, FileManager.default.fileExists(atPath: record),
            let layers = (try readJSONObject(record))["layers"] as? [String: [String: Any]]
        {
            for (module, entry) in layers {
                if let bits = entry["input_amax_bits"] as? Int {
                    exact[module] = Float(bitPattern: UInt32(truncatingIfNeeded: bits))
                }
            }
        }
        exactInputAmax = exact
        var names = (quantized?.checkpoint ?? checkpoint).tensors.map(\.name).filter { !hidden.contains($0) }
        names += weightNames.keys.sorted()
        tensorNames = names
    }

    public func shape(of name: String) -> [Int]? {
        if let m = moduleOfWeight[name] { return [m.rows, m.cols] }
        if let gguf { return gguf.shape(of: name) }
        return checkpoint?.tensor(name)?.info.shape
    }

    /// The tensor as float32, checked finite: a NaN or infinity is an error naming the file, the
    /// tensor and the element (the forward pass would otherwise print garbage or blame a module).
    public func floats(_ name: String) throws -> [Float] {
        if let m = moduleOfWeight[name], let quantized {
            return try Self.checkedFinite(
                try quantized.dequantizedWeight(m), path: m.packed.shard.path,
                tensor: m.packed.name, shape: [m.rows, m.cols])
        }
        if let gguf {
            defer { gguf.releasePages(name) }
            return try Self.checkedFinite(
                try gguf.floats(name), path: gguf.file.path, tensor: name,
                shape: gguf.shape(of: name) ?? [])
        }
        guard let t = checkpoint?.tensor(name) else { throw TransformerError.missingTensor(name: name) }
        defer { t.shard.releasePages(name) }
        return try Self.checkedFinite(try t.shard.floats(name), path: t.shard.path, tensor: name, shape: t.info.shape)
    }

    private static func checkedFinite(_ values: [Float], path: String, tensor: String, shape: [Int]) throws -> [Float] {
        guard let bad = values.firstIndex(where: { !$0.isFinite }) else { return values }
        var position = ""
        if shape.count == 2, shape[1] > 0 {
            let (row, column) = bad.quotientAndRemainder(dividingBy: shape[1])
            position = " (row \(row), column \(column))"
        }
        throw EvaluationError.nonFiniteWeight(
            path: path, tensor: tensor, element: bad, value: values[bad],
            position: position)
    }

    public func isStoredQuantized(module: String) -> Bool {
        moduleByName[module] != nil || gguf?.nvfp4Weights[module + ".weight"] != nil
    }

    /// True when some weights come quantized: an NVFP4 checkpoint, or NVFP4 tensors of a GGUF file.
    public var hasStoredQuantization: Bool { quantized != nil || !(gguf?.nvfp4Weights.isEmpty ?? true) }

    /// The 4/6 rule the producer recorded (nil: not recorded, or nothing stored quantized).
    public var storedRule: ScaleRule? { quantized?.rule ?? gguf?.nvfp4Weights.values.lazy.compactMap(\.rule).first }

    /// The exact input amax `fouroversix.json` records, else the stored input scale turned back
    /// into an amax (within an ulp). Input scales are always in the standard NVFP4 form
    /// (M·S = 6·448 = 2688), whatever the weights' rule, as `quantize` writes them.
    public func storedInputAmax(module: String) -> Float? {
        if let exact = exactInputAmax[module], moduleByName[module]?.inputScale != nil { return exact }
        if let input = gguf?.nvfp4Weights[module + ".weight"]?.inputScale {
            return CheckpointConvention.modelopt.amax(
                fromStoredTensorScale: input,
                constants: ScaleConstants(format: .nvfp4, rule: .static6))
        }
        guard let quantized, let convention = CheckpointConvention(quantized.convention), let m = moduleByName[module],
            let input = m.inputScale, let raw = try? input.shard.bytes(input.name), raw.count == 4
        else { return nil }
        let stored = raw.loadUnaligned(as: Float.self)
        let constants = ScaleConstants(format: .nvfp4, rule: .static6)
        return convention.amax(fromStoredTensorScale: stored, constants: constants)
    }

    /// "F32", "BF16", … (the dtypes of the floating-point tensors), or "NVFP4 <convention>".
    public var summary: String {
        if let quantized {
            return "NVFP4 \(quantized.convention.rawValue), \(quantized.modules.count) quantized modules, "
                + "rule \(quantized.rule?.rawValue ?? "not recorded")"
        }
        if let gguf {
            let types = Set(gguf.tensorNames.compactMap { gguf.info($0)?.type.name }).sorted()
            return "GGUF \(gguf.architecture) " + types.joined(separator: "/")
        }
        let dtypes = Set((checkpoint?.tensors ?? []).map(\.info.dtype.rawValue)).sorted()
        return dtypes.joined(separator: "/")
    }
}
