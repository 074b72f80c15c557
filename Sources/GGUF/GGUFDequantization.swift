// GGUFDequantization.swift — ggml tensor bytes → float32, dispatched on the type.
// Promises: for every type in `GGMLType.dequantizable` the output is bit-identical with gguf-py's
// `gguf.quants.dequantize` (numpy float32 arithmetic, same operation order, two roundings where
// it has two operations: never a fused multiply-add); the plain types widen exactly. Callers
// pass whole blocks (validated tensors always are) and an output of blocks × block size floats.

import BlockFormats

enum GGUFDequantization {
    /// Dequantizes `bytes` (a whole number of `type` blocks) into `output`.
    static func dequantize(
        _ bytes: UnsafeRawBufferPointer, type: GGMLType, into output: UnsafeMutableBufferPointer<Float>
    ) {
        let blocks = bytes.count / type.typeSize
        precondition(
            blocks * type.typeSize == bytes.count && blocks * type.blockSize == output.count,
            "\(bytes.count) bytes of \(type.name) do not fill \(output.count) floats")
        guard blocks > 0, let source = bytes.baseAddress, let target = output.baseAddress else { return }
        let decode: (UnsafeRawPointer, UnsafeMutablePointer<Float>) -> Void
        switch type {
        case .F32:
            // Bit copy: NaN payloads survive, as numpy's view does.
            UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
            return
        case .F16: decode = { b, y in y[0] = Float16Bits.float(fromBits: GGUFBlock.u16(b, 0)) }
        case .BF16: decode = { b, y in y[0] = BFloat16.float(fromBits: GGUFBlock.u16(b, 0)) }
        case .Q8_0: decode = LegacyQuants.q8_0
        case .Q4_0: decode = LegacyQuants.q4_0
        case .Q4_1: decode = LegacyQuants.q4_1
        case .Q5_0: decode = LegacyQuants.q5_0
        case .Q5_1: decode = LegacyQuants.q5_1
        case .Q2_K: decode = KQuants.q2_K
        case .Q3_K: decode = KQuants.q3_K
        case .Q4_K: decode = KQuants.q4_K
        case .Q5_K: decode = KQuants.q5_K
        case .Q6_K: decode = KQuants.q6_K
        case .NVFP4: decode = NVFP4Blocks.decode
        default: preconditionFailure("\(type.name) is not dequantizable")
        }
        let (inStride, outStride) = (type.typeSize, type.blockSize)
        for block in 0..<blocks {
            decode(source + block * inStride, target + block * outStride)
        }
    }
}

/// Little-endian field reads inside one block (blocks may lie at any byte alignment).
enum GGUFBlock {
    @inline(__always)
    static func u16(_ block: UnsafeRawPointer, _ offset: Int) -> UInt16 {
        UInt16(littleEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always)
    static func u32(_ block: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    static func u8(_ block: UnsafeRawPointer, _ offset: Int) -> UInt8 {
        block.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// An IEEE half stored at `offset`, widened exactly (numpy `view(float16).astype(float32)`).
    @inline(__always)
    static func half(_ block: UnsafeRawPointer, _ offset: Int) -> Float {
        Float16Bits.float(fromBits: u16(block, offset))
    }
}
