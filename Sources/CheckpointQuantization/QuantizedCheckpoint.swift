// Reading NVFP4 checkpoints of either convention, ours or another tool's, and MLX folders.
//
// Promises: `QuantizedCheckpoint.open` recognises compressed-tensors (`weight_packed`,
// `weight_scale`, `weight_global_scale`), ModelOpt (`weight` U8, `weight_scale`,
// `weight_scale_2`) and MLX (`weight` U32, `scales` U8; config.json's `quantization` must say
// mode nvfp4, group size 16, 4 bits, else one error saying what it says) modules by ModelFolder's
// `QuantizedTensorNames` and checks their shapes and dtypes; an MLX module has no tensor scale
// (the multiplier 1: its value is E2M1·E4M3, as `mx.dequantize(..., mode="nvfp4")` gives it,
// signed scales included); `dequantizedWeight`
// decodes one module to float32 — for checkpoints we wrote (with `fouroversix.json`) in the
// core's exact order `((q·scale)·amax)·(1/(M·S))`, bit-identical with the core's
// dequantization; otherwise as consumers do: `q·scale / weight_global_scale` or
// `q·scale · weight_scale_2`. Scales that would decode to NaN or infinity (NaN E4M3 bytes, a
// zero, NaN or infinite tensor scale) are refused naming file and tensor, and so is a
// `fouroversix.json` whose amax disagrees with the stored tensor scale.

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
    /// nil for MLX, which stores none.
    public let tensorScale: CheckpointTensor?
    public let inputScale: CheckpointTensor?
    /// Every stored tensor name belonging to the module.
    public var tensorNames: [String] { [packed, blockScales, tensorScale, inputScale].compactMap { $0?.name } }
}

public final class QuantizedCheckpoint: @unchecked Sendable {
    public let checkpoint: ModelCheckpoint
    /// The stored layout: compressed-tensors, ModelOpt or MLX.
    public let convention: QuantizedTensorNames
    public let modules: [QuantizedModule]
    /// From `fouroversix.json` when we wrote the checkpoint: rule and exact amax per module.
    public let rule: ScaleRule?
    public let exactAmax: [String: Float]

    public static func open(_ directory: String) throws -> QuantizedCheckpoint {
        let checkpoint = try ModelCheckpoint.open(directory)
        guard let names = checkpoint.quantizedConvention else {
            throw CheckpointError.notQuantized(directory: directory)
        }
        let convention = names
        if convention == .mlx { try checkMLXQuantization(checkpoint) }
        var modules: [QuantizedModule] = []
        for t in checkpoint.tensors {
            guard let module = names.module(marking: t.name) else { continue }
            func tensor(_ name: String) throws -> CheckpointTensor {
                guard let t = checkpoint.tensor(name) else {
                    throw CheckpointError.inconsistent(
                        path: directory, reason: "module '\(module)' has no tensor '\(name)'")
                }
                return t
            }
            let packed = try tensor(convention.packedName(module))
            let scales = try tensor(convention.blockScaleName(module))
            let global = try convention.tensorScaleName(module).map(tensor)
            let p = packed.info, s = scales.info
            // Codes per packed element: 2 in a U8 byte, 8 in an MLX U32 word.
            let perElement = convention == .mlx ? 8 : 2
            guard p.dtype == (convention == .mlx ? .U32 : .U8), p.shape.count == 2, s.shape.count == 2,
                s.shape[0] == p.shape[0], s.shape[1] * 16 == p.shape[1] * perElement,
                [.F8_E4M3, .U8].contains(s.dtype),
                global.map({ $0.info.dtype == .F32 && $0.info.elementCount == 1 }) ?? true
            else {
                let scaleText = global.map { ", tensor scale \($0.info.dtype.rawValue) \($0.info.shape)" } ?? ""
                throw CheckpointError.inconsistent(
                    path: packed.shard.path,
                    reason: "module '\(module)': unexpected shapes/dtypes (packed \(p.dtype.rawValue) \(p.shape), "
                        + "scales \(s.dtype.rawValue) \(s.shape)\(scaleText))")
            }
            modules.append(
                QuantizedModule(
                    module: module, rows: p.shape[0], cols: p.shape[1] * perElement,
                    packed: packed, blockScales: scales, tensorScale: global,
                    inputScale: convention.inputScaleName(module).flatMap(checkpoint.tensor)))
        }
        var rule: ScaleRule?
        var exact: [String: Float] = [:]
        var exactInput: [String: Float] = [:]
        let recordPath = directory + "/" + CheckpointQuantizer.recordFileName
        // An MLX folder's numbers are not the record's (the tensor scale is folded in).
        if let recorded = CheckpointConvention(convention), FileManager.default.fileExists(atPath: recordPath) {
            let record = try readJSONObject(recordPath)
            rule = (record["rule"] as? String).flatMap(ScaleRule.init(rawValue:))
            for (module, entry) in (record["layers"] as? [String: [String: Any]]) ?? [:] {
                if let bits = entry["amax_bits"] as? Int {
                    exact[module] = Float(bitPattern: UInt32(truncatingIfNeeded: bits))
                }
                if let bits = entry["input_amax_bits"] as? Int {
                    exactInput[module] = Float(bitPattern: UInt32(truncatingIfNeeded: bits))
                }
            }
            try checkRecord(
                recordPath: recordPath, modules: modules, convention: recorded, rule: rule,
                amax: exact, inputAmax: exactInput)
        }
        return QuantizedCheckpoint(
            checkpoint: checkpoint, convention: convention, modules: modules,
            rule: rule, exactAmax: exact)
    }

    /// mlx-lm's `quantization` (or `quantization_config`) of an MLX folder must be NVFP4's.
    private static func checkMLXQuantization(_ checkpoint: ModelCheckpoint) throws {
        let q = (checkpoint.config["quantization"] ?? checkpoint.config["quantization_config"]) as? [String: Any]
        let mode = q?["mode"] as? String ?? "affine"  // mlx-lm's default mode
        let group = (q?["group_size"] as? NSNumber)?.intValue, bits = (q?["bits"] as? NSNumber)?.intValue
        if q != nil && mode == "nvfp4" && group == 16 && bits == 4 { return }
        throw CheckpointError.inconsistent(
            path: checkpoint.directory + "/config.json",
            reason: q == nil
                ? "an MLX-style quantized folder (weight + scales) without \"quantization\""
                : "MLX quantization mode \(mode), group_size \(group.map(String.init) ?? "none"), "
                    + "bits \(bits.map(String.init) ?? "none") is not NVFP4 (mode nvfp4, group_size 16, bits 4)")
    }

    private init(
        checkpoint: ModelCheckpoint, convention: QuantizedTensorNames, modules: [QuantizedModule],
        rule: ScaleRule?, exactAmax: [String: Float]
    ) {
        self.checkpoint = checkpoint
        self.convention = convention
        self.modules = modules
        self.rule = rule
        self.exactAmax = exactAmax
    }

    /// The stored tensor scale of a module (divisor or multiplier, per the convention; MLX stores
    /// none: the multiplier 1).
    public func storedTensorScale(_ m: QuantizedModule) throws -> Float {
        guard let t = m.tensorScale else { return 1 }
        return try Self.scalar(t)
    }

    private static func scalar(_ t: CheckpointTensor) throws -> Float {
        try t.shard.bytes(t.name).loadUnaligned(as: Float.self)
    }

    /// `fouroversix.json` must agree with the tensors: the tensor scale (and input scale) each
    /// recorded amax gives must be the one stored, bit for bit. The tensors are the checkpoint,
    /// so a disagreement (an edited or copied-over record) is refused rather than silently
    /// preferring either.
    private static func checkRecord(
        recordPath: String, modules: [QuantizedModule], convention: CheckpointConvention,
        rule: ScaleRule?, amax: [String: Float], inputAmax: [String: Float]
    ) throws {
        let inputConstants = ScaleConstants(format: .nvfp4, rule: .static6)
        for m in modules {
            var checks: [(what: String, amax: Float, tensor: CheckpointTensor, constants: ScaleConstants)] = []
            if let rule, let a = amax[m.module], let tensorScale = m.tensorScale {
                checks.append(("amax", a, tensorScale, QuantizationConfig(format: .nvfp4, rule: rule).constants))
            }
            if let a = inputAmax[m.module], let input = m.inputScale {
                checks.append(("input_amax", a, input, inputConstants))
            }
            for check in checks {
                let expected = convention.storedTensorScale(amax: check.amax, constants: check.constants)
                let stored = try scalar(check.tensor)
                guard expected.bitPattern != stored.bitPattern else { continue }
                throw CheckpointError.inconsistent(
                    path: recordPath,
                    reason: "module '\(m.module)': the recorded \(check.what) \(check.amax) gives "
                        + "\(check.tensor.name) = \(expected), but \(check.tensor.shard.path) stores \(stored); "
                        + "the tensors are the checkpoint, so remove \(CheckpointQuantizer.recordFileName) "
                        + "(to use the stored scales) or quantize again")
            }
        }
    }

    /// The module's tensor scale after checking the stored scales can give finite weights: no
    /// NaN E4M3 block-scale byte (0x7F or 0xFF), and a tensor scale that is a positive finite
    /// number. The one exception is the form our writer gives an all-zero weight (amax 0): an
    /// infinite divisor / zero multiplier with every block scale zero, which decodes to zeros.
    public func validatedTensorScale(_ m: QuantizedModule) throws -> Float {
        let s = try storedTensorScale(m)
        let scales = try m.blockScales.shard.bytes(m.blockScales.name)
        if let bad = scales.firstIndex(where: { $0 & 0x7F == 0x7F }) {
            let (row, column) = bad.quotientAndRemainder(dividingBy: max(1, m.cols / 16))
            throw CheckpointError.inconsistent(
                path: m.blockScales.shard.path,
                reason: "tensor '\(m.blockScales.name)': block scale byte "
                    + "0x\(String(scales[bad], radix: 16, uppercase: true)) "
                    + "at element \(bad) (row \(row), column \(column)) is NaN in E4M3; the checkpoint is damaged")
        }
        if s.isFinite && s > 0 { return s }
        let zeroWeight = convention == .compressedTensors ? s == .infinity : s == 0
        if zeroWeight && scales.allSatisfy({ $0 == 0 }) { return s }
        throw CheckpointError.inconsistent(
            path: m.tensorScale?.shard.path ?? m.packed.shard.path,
            reason: "tensor '\(m.tensorScale?.name ?? m.module)': tensor scale \(s) is not a positive finite number; "
                + "the checkpoint is damaged")
    }

    /// The module as a core `QuantizedTensor` — possible when we know its exact amax and rule.
    public func quantizedTensor(_ m: QuantizedModule) throws -> QuantizedTensor? {
        guard let rule, let amax = exactAmax[m.module] else { return nil }
        return .storedNVFP4(
            rule: rule, rows: m.rows, cols: m.cols, amax: amax,
            codes: Array(try m.packed.shard.bytes(m.packed.name)),
            scales: Array(try m.blockScales.shard.bytes(m.blockScales.name)))
    }

    /// Float32 `[rows, cols]` weight of a module.
    public func dequantizedWeight(_ m: QuantizedModule) throws -> [Float] {
        let s = try validatedTensorScale(m)
        if let q = try quantizedTensor(m) { return ReferenceQuantizer.dequantize(q) }
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
