// NVFP4Blocks.swift — ggml's NVFP4 type (40): blocks of 64 values = 4 sub-blocks of 16, each
// block 4 UE4M3 scale bytes then 32 bytes of E2M1 nibbles (byte j of sub-block b holds value
// 16b+j in its low nibble and value 16b+j+8 in its high nibble).
// Promises: `dequantize` is bit-identical with gguf-py's `gguf.quants.NVFP4` (scale byte 0 and
// 0x7F decode to 0, the sign bit of a scale is ignored, code 8 is +0); `pack` turns row-major
// NVFP4 codes (two per byte, even element in the low nibble: compressed-tensors' and ModelOpt's
// order) and E4M3 block scales into those blocks without changing a number, and `unpack` is
// its exact inverse. The tensor scale is not part of the blocks (llama.cpp keeps it in a
// separate F32 tensor `<name>.scale` and multiplies the matmul output by it).

import BlockFormats

public enum NVFP4Blocks {
    /// Values per block, per sub-block, and bytes per block.
    public static let blockValues = 64
    public static let subBlockValues = 16
    public static let blockBytes = 36

    /// gguf-py's `ue4m3_to_fp32`, halved (the kvalues are E2M1 doubled), as exact float32.
    static let scaleTable: [Float] = (0..<256).map { x in
        if x == 0 || x == 0x7F { return 0 }
        let exponent = (x >> 3) & 0xF, mantissa = Float(x & 7)
        let raw: Float =
            exponent == 0
            ? mantissa * 0x1p-9 : (1 + mantissa / 8) * Float(sign: .plus, exponent: exponent - 7, significand: 1)
        return raw * 0.5
    }

    /// E2M1 values doubled, as gguf-py's `kvalues` (code 8 is +0).
    static let kvalues: [Float] = [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12]

    /// Decodes one 36-byte block into 64 floats (d · kvalue, one rounding-free product).
    static func decode(_ block: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        for sub in 0..<4 {
            let d = scaleTable[Int(GGUFBlock.u8(block, sub))]
            for j in 0..<8 {
                let byte = GGUFBlock.u8(block, 4 + sub * 8 + j)
                y[sub * 16 + j] = d * kvalues[Int(byte & 0xF)]
                y[sub * 16 + j + 8] = d * kvalues[Int(byte >> 4)]
            }
        }
    }

    /// Packs a `[rows, cols]` NVFP4 matrix (`codes`: rows · cols/2 bytes, even element low;
    /// `scales`: rows · cols/16 E4M3 bytes) into ggml NVFP4 blocks, row by row. `cols` must be a
    /// multiple of 64; scale sign bits are cleared (the format's scales are unsigned).
    public static func pack(codes: [UInt8], scales: [UInt8], rows: Int, cols: Int) -> [UInt8] {
        precondition(cols % blockValues == 0 && codes.count == rows * cols / 2 && scales.count == rows * cols / 16)
        var out = [UInt8](repeating: 0, count: rows * cols / blockValues * blockBytes)
        func code(_ i: Int) -> UInt8 { i & 1 == 0 ? codes[i >> 1] & 0xF : codes[i >> 1] >> 4 }
        for block in 0..<(rows * cols / blockValues) {
            let base = block * blockValues, o = block * blockBytes
            for sub in 0..<4 {
                out[o + sub] = scales[base / 16 + sub] & 0x7F
                for j in 0..<8 {
                    let v = base + sub * 16 + j
                    out[o + 4 + sub * 8 + j] = code(v) | code(v + 8) << 4
                }
            }
        }
        return out
    }

    /// The inverse of `pack`: codes (even element low) and scales of a `[rows, cols]` matrix.
    public static func unpack(_ blocks: UnsafeRawBufferPointer, rows: Int, cols: Int) -> (
        codes: [UInt8], scales: [UInt8]
    ) {
        precondition(cols % blockValues == 0 && blocks.count == rows * cols / blockValues * blockBytes)
        var codes = [UInt8](repeating: 0, count: rows * cols / 2)
        var scales = [UInt8](repeating: 0, count: rows * cols / 16)
        for block in 0..<(rows * cols / blockValues) {
            let base = block * blockValues, o = block * blockBytes
            for sub in 0..<4 {
                scales[base / 16 + sub] = blocks[o + sub]
                for j in 0..<8 {
                    let byte = blocks[o + 4 + sub * 8 + j]
                    for (v, c) in [(base + sub * 16 + j, byte & 0xF), (base + sub * 16 + j + 8, byte >> 4)] {
                        codes[v >> 1] |= v & 1 == 0 ? c : c << 4
                    }
                }
            }
        }
        return (codes, scales)
    }
}
