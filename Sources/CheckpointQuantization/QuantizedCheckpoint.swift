// Reading NVFP4 checkpoints of either convention, ours or another tool's.
//
// Promises: `QuantizedCheckpoint.open` recognises compressed-tensors (`weight_packed`,
// `weight_scale`, `weight_global_scale`) and ModelOpt (`weight` U8, `weight_scale`,
// `weight_scale_2`) modules by ModelFolder's `QuantizedTensorNames` and checks their shapes
// and dtypes; `dequantizedWeight`
// decodes one module to float32 — for checkpoints we wrote (with `fouroversix.json`) in the
// core's exact order `((q·scale)·amax)·(1/(M·S))`, bit-identical with the core's
// dequantization; otherwise as consumers do: `q·scale / weight_global_scale` or
// `q·scale · weight_scale_2`.

import BlockFormats
import BlockQuantization
import Foundation
import ModelFolder
import SafeTensors

/// One quantized Linear module found in a checkpoint.
public struct QuantizedModule: Sendable {
    public let module: String
    public let rows: Int
    public let cols: Int
    public let packed: CheckpointTensor
    public let blockScales: CheckpointTensor
    public let tensorScale: CheckpointTensor
    public let inputScale: CheckpointTensor?
    /// Every stored tensor name belonging to the module.
    public var tensorNames: [String] {
        [packed.name, blockScales.name, tensorScale.name] + (inputScale.map { [$0.name] } ?? [])
    }
}

public final class QuantizedCheckpoint: @unchecked Sendable {
    public let checkpoint: ModelCheckpoint
    public let convention: CheckpointConvention
    public let modules: [QuantizedModule]
    /// From `fouroversix.json` when we wrote the checkpoint: rule and exact amax per module.
    public let rule: ScaleRule?
    public let exactAmax: [String: Float]

    public static func open(_ directory: String) throws -> QuantizedCheckpoint {
        let checkpoint = try ModelCheckpoint.open(directory)
        guard let names = checkpoint.quantizedConvention else { throw CheckpointError.notQuantized(directory: directory) }
        let convention = CheckpointConvention(names)
        var modules: [QuantizedModule] = []
        for t in checkpoint.tensors {
            guard let module = names.module(marking: t.name) else { continue }
            func tensor(_ name: String) throws -> CheckpointTensor {
                guard let t = checkpoint.tensor(name) else {
                    throw CheckpointError.inconsistent(path: directory, reason: "module '\(module)' has no tensor '\(name)'")
                }
                return t
            }
            let packed = try tensor(convention.packedName(module))
            let scales = try tensor(convention.blockScaleName(module))
            let global = try tensor(convention.tensorScaleName(module))
            let p = packed.info, s = scales.info
            guard p.dtype == .U8, p.shape.count == 2, s.shape.count == 2, s.shape[0] == p.shape[0],
                  s.shape[1] * 8 == p.shape[1], [.F8_E4M3, .U8].contains(s.dtype),
                  global.info.dtype == .F32, global.info.elementCount == 1 else {
                throw CheckpointError.inconsistent(
                    path: packed.shard.path,
                    reason: "module '\(module)': unexpected shapes/dtypes (packed \(p.dtype.rawValue) \(p.shape), scales \(s.dtype.rawValue) \(s.shape), tensor scale \(global.info.dtype.rawValue) \(global.info.shape))")
            }
            modules.append(QuantizedModule(module: module, rows: p.shape[0], cols: p.shape[1] * 2, packed: packed,
                                           blockScales: scales, tensorScale: global,
                                           inputScale: checkpoint.tensor(convention.inputScaleName(module))))
        }
        var rule: ScaleRule?
        var exact: [String: Float] = [:]
        let recordPath = directory + "/" + CheckpointQuantizer.recordFileName
        if FileManager.default.fileExists(atPath: recordPath) {
            let record = try readJSONObject(recordPath)
            rule = (record["rule"] as? String).flatMap(ScaleRule.init(rawValue:))
            for (module, entry) in (record["layers"] as? [String: [String: Any]]) ?? [:] {
                if let bits = entry["amax_bits"] as? Int { exact[module] = Float(bitPattern: UInt32(truncatingIfNeeded: bits)) }
            }
        }
        return QuantizedCheckpoint(checkpoint: checkpoint, convention: convention, modules: modules,
                                   rule: rule, exactAmax: exact)
    }

    private init(checkpoint: ModelCheckpoint, convention: CheckpointConvention, modules: [QuantizedModule],
                 rule: ScaleRule?, exactAmax: [String: Float]) {
        self.checkpoint = checkpoint
        self.convention = convention
        self.modules = modules
        self.rule = rule
        self.exactAmax = exactAmax
    }

    /// The stored tensor scale of a module (divisor or multiplier, per the convention).
    public func storedTensorScale(_ m: QuantizedModule) throws -> Float {
        try m.tensorScale.shard.bytes(m.tensorScale.name).loadUnaligned(as: Float.self)
    }

    /// The module as a core `QuantizedTensor` — possible when we know its exact amax and rule.
    public func quantizedTensor(_ m: QuantizedModule) throws -> QuantizedTensor? {
        guard let rule, let amax = exactAmax[m.module] else { return nil }
        return QuantizedTensor(
            config: QuantizationConfig(format: .nvfp4, rule: rule), rows: m.rows, cols: m.cols, paddedCols: m.cols,
            sourceRows: m.rows, sourceCols: m.cols, amax: amax,
            codes: Array(try m.packed.shard.bytes(m.packed.name)),
            scales: Array(try m.blockScales.shard.bytes(m.blockScales.name)),
            alternativeBlockCount: 0, blockCount: m.rows * m.cols / 16)
    }

    /// Float32 `[rows, cols]` weight of a module.
    public func dequantizedWeight(_ m: QuantizedModule) throws -> [Float] {
        if let q = try quantizedTensor(m) { return ReferenceQuantizer.dequantize(q) }
        let s = try storedTensorScale(m)
        let codes = try m.packed.shard.bytes(m.packed.name), scales = try m.blockScales.shard.bytes(m.blockScales.name)
        var out = [Float](repeating: 0, count: m.rows * m.cols)
        for i in 0..<out.count {
            let code = i & 1 == 0 ? codes[i >> 1] & 0xF : codes[i >> 1] >> 4
            let v = E2M1.value(ofCode: code) * E4M3.value(ofCode: scales[i / 16])
            out[i] = convention == .compressedTensors ? v / s : v * s
        }
        return out
    }
}
