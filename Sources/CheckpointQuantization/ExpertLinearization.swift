// gpt-oss's fused 3-D experts split per expert ("linearized") into ordinary Linear modules, so
// that they can be quantized like any other expert (`quantize --linearize-experts`).
//
// Promises: for `P.experts.gate_up_proj` [E, in, 2·out] (gate and up interleaved along the last
// dimension: gate in the even columns, up in the odd ones) and `P.experts.down_proj` [E, in, out]
// (both applied as x·W[e]), the modules `P.experts.e.gate_proj` / `up_proj` get the weight
// gate_up_proj[e][:, 0::2]ᵀ / [:, 1::2]ᵀ and `P.experts.e.down_proj` the weight down_proj[e]ᵀ —
// the layout llm-compressor's gpt-oss linearization writes and per-expert loaders read
// (docs/moe.md) —, and the biases `gate_up_proj_bias` [E, 2·out] / `down_proj_bias` [E, out]
// become `P.experts.e.{gate,up,down}_proj.bias` the same way. Element bytes are moved, never
// converted: a linearized weight left unquantized is the original values in the original dtype.
// Memory: one expert's slice at a time (the 3-D tensor stays memory-mapped).

import BlockFormats
import BlockQuantization
import CPUKernels
import ModelFolder
import SafeTensors

/// One output tensor cut from a fused 3-D expert tensor (or its 2-D bias): element (r, c) of
/// expert `expert` is source element [expert][c][stride·r + offset] (a bias: [expert][stride·r + offset]).
struct ExpertSlice: Sendable, Equatable {
    /// The output tensor's name (`….experts.3.gate_proj.weight`).
    var name: String
    /// The fused source tensor's name.
    var source: String
    var expert: Int
    var stride: Int
    var offset: Int
    /// Output shape: [rows, cols] for a weight, [rows] for a bias.
    var shape: [Int]

    var elementCount: Int { shape.reduce(1, *) }
}

enum ExpertLinearization {
    /// The per-expert slices of every fused expert tensor of `checkpoint` whose last name
    /// component is one of `fusedExperts` (weights) or that name + `_bias`, keyed by source name.
    /// Throws when a tensor has a shape the gpt-oss layout cannot have.
    static func plan(_ checkpoint: ModelCheckpoint, fusedExperts: [String]) throws -> [String: [ExpertSlice]] {
        var plan: [String: [ExpertSlice]] = [:]
        for t in checkpoint.tensors {
            guard let dot = t.name.lastIndex(of: ".") else { continue }
            let parent = String(t.name[..<dot])
            let last = String(t.name[t.name.index(after: dot)...])
            let isBias = last.hasSuffix("_bias")
            let projection = isBias ? String(last.dropLast("_bias".count)) : last
            guard fusedExperts.contains(projection), t.info.shape.count == (isBias ? 2 : 3) else { continue }
            let shape = t.info.shape
            let interleaved = projection == "gate_up_proj"
            let width = shape[shape.count - 1]
            if interleaved && width % 2 != 0 {
                throw CheckpointError.inconsistent(
                    path: t.shard.path,
                    reason: "'\(t.name)' has an odd last dimension \(width); gate and up cannot be interleaved")
            }
            let parts: [(name: String, offset: Int)] =
                interleaved ? [("gate_proj", 0), ("up_proj", 1)] : [(projection, 0)]
            let stride = parts.count
            var slices: [ExpertSlice] = []
            for e in 0..<shape[0] {
                for part in parts {
                    let rows = width / stride
                    slices.append(
                        ExpertSlice(
                            name: "\(parent).\(e).\(part.name).\(isBias ? "bias" : "weight")", source: t.name,
                            expert: e, stride: stride, offset: part.offset,
                            shape: isBias ? [rows] : [rows, shape[1]]))
                }
            }
            plan[t.name] = slices
        }
        return plan
    }

    /// The slice's elements in the source's dtype, as little-endian bytes.
    static func bytes(of slice: ExpertSlice, in t: CheckpointTensor) throws -> [UInt8] {
        let raw = try t.shard.bytes(t.name)
        let size = t.info.dtype.byteSize
        let shape = t.info.shape
        let width = shape[shape.count - 1]
        let inner = shape.count == 3 ? shape[1] : 1  // rows of one expert's source matrix
        let (rows, cols) = (slice.shape[0], slice.shape.count == 2 ? slice.shape[1] : 1)
        var out = [UInt8](repeating: 0, count: slice.elementCount * size)
        out.withUnsafeMutableBytes { o in
            for c in 0..<cols {
                // Source row c of the expert: contiguous, read once; its elements go down column c.
                let rowStart = ((slice.expert * inner + c) * width + slice.offset) * size
                for r in 0..<rows {
                    let from = rowStart + slice.stride * r * size
                    let to = (r * cols + c) * size
                    for b in 0..<size { o[to + b] = raw[from + b] }
                }
            }
        }
        return out
    }

    /// Calls `body` with the slice's elements (BF16, F16 or F32 sources).
    static func withElements<R>(
        of slice: ExpertSlice, in t: CheckpointTensor, _ body: (TensorElements) throws -> R
    ) throws -> R {
        let bytes = try bytes(of: slice, in: t)
        let n = slice.elementCount
        switch t.info.dtype {
        case .BF16, .F16:
            let values = (0..<n).map { i in UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8 }
            return try values.withUnsafeBufferPointer { try body(t.info.dtype == .BF16 ? .bf16($0) : .f16($0)) }
        case .F32:
            let values = (0..<n).map { i in
                Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[4 * i + $1]) << (8 * $1) })
            }
            return try values.withUnsafeBufferPointer { try body(.f32($0)) }
        default:
            throw CheckpointError.unsupportedDType(path: t.shard.path, tensor: t.name, dtype: t.info.dtype.rawValue)
        }
    }
}

/// One input of `CheckpointQuantizer`'s passes: a checkpoint tensor, or one expert's slice of a
/// fused tensor (`slice`), read through the same calls.
struct SourceTensor {
    let tensor: CheckpointTensor
    var slice: ExpertSlice? = nil

    var name: String { slice?.name ?? tensor.name }
    var shape: [Int] { slice?.shape ?? tensor.info.shape }
    var dtype: DType { tensor.info.dtype }
    var byteCount: Int { slice.map { $0.elementCount * dtype.byteSize } ?? tensor.info.byteCount }

    func withElements<R>(_ body: (TensorElements) throws -> R) throws -> R {
        if let slice { return try ExpertLinearization.withElements(of: slice, in: tensor, body) }
        return try tensor.shard.withElements(tensor.name, body)
    }

    /// Writes the unchanged elements (a slice: moved out of the fused tensor, same dtype).
    func writeBytes(to writer: SafeTensorsWriter) throws {
        if let slice {
            try writer.write(try ExpertLinearization.bytes(of: slice, in: tensor))
        } else {
            try writer.write(try tensor.shard.bytes(tensor.name))
        }
    }

    /// The amax `quantize` uses with `config`.
    func amax(config: QuantizationConfig) throws -> Float {
        guard slice != nil else { return try TensorQuantization.amax(tensor.shard, tensor.name, config: config) }
        return try withElements { x in
            try reportingTensor { try CPUQuantizer.amax(x, rows: shape[0], cols: shape[1], config: config) }
        }
    }

    func quantize(config: QuantizationConfig, amax: Float?) throws -> QuantizedTensor {
        guard slice != nil else {
            return try TensorQuantization.quantizeTensor(tensor.shard, tensor.name, config: config, amax: amax)
        }
        return try withElements { x in
            try reportingTensor {
                try CPUQuantizer.quantize(x, rows: shape[0], cols: shape[1], config: config, amax: amax)
            }
        }
    }

    private func reportingTensor<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as QuantizationError {
            throw TensorQuantizationError(path: tensor.shard.path, tensor: name, underlying: error)
        }
    }
}
