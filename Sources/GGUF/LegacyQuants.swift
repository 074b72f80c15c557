// LegacyQuants.swift — the 32-element ggml block types Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, one block at a time.
// Promises: each function reads one block at `b` (gguf-py's layout) and writes its 32 floats to `y`,
// computing exactly what gguf-py's `dequantize_blocks` computes in float32: `x * d` for Q8_0,
// `d * q` for Q4_0/Q5_0 (q made signed first), `(d * q) + m` for Q4_1/Q5_1, each operation rounded.
// Element i < 16 comes from the low nibble of byte i, element i + 16 from its high nibble; Q5 types
// take bit i of the 32-bit `qh` field as the fifth bit of element i.

enum LegacyQuants {
    /// Q8_0: half d, 32 × int8.
    static func q8_0(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        for i in 0..<32 {
            y[i] = Float(Int8(bitPattern: GGUFBlock.u8(b, 2 + i))) * d
        }
    }

    /// Q4_0: half d, 16 bytes of nibbles; value = d × (q − 8).
    static func q4_0(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        for i in 0..<16 {
            let q = GGUFBlock.u8(b, 2 + i)
            y[i] = d * Float(Int(q & 0x0F) - 8)
            y[i + 16] = d * Float(Int(q >> 4) - 8)
        }
    }

    /// Q4_1: half d, half m, 16 bytes of nibbles; value = d × q + m.
    static func q4_1(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        let m = GGUFBlock.half(b, 2)
        for i in 0..<16 {
            let q = GGUFBlock.u8(b, 4 + i)
            let low = d * Float(q & 0x0F)
            let high = d * Float(q >> 4)
            y[i] = low + m
            y[i + 16] = high + m
        }
    }

    /// Q5_0: half d, u32 qh, 16 bytes of nibbles; value = d × (q − 16).
    static func q5_0(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        let qh = GGUFBlock.u32(b, 2)
        for i in 0..<16 {
            let q = GGUFBlock.u8(b, 6 + i)
            let low = UInt32(q & 0x0F) | (qh >> UInt32(i) & 1) << 4
            let high = UInt32(q >> 4) | (qh >> UInt32(i + 16) & 1) << 4
            y[i] = d * Float(Int(low) - 16)
            y[i + 16] = d * Float(Int(high) - 16)
        }
    }

    /// Q5_1: half d, half m, u32 qh, 16 bytes of nibbles; value = d × q + m.
    static func q5_1(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        let m = GGUFBlock.half(b, 2)
        let qh = GGUFBlock.u32(b, 4)
        for i in 0..<16 {
            let q = GGUFBlock.u8(b, 8 + i)
            let low = UInt32(q & 0x0F) | (qh >> UInt32(i) & 1) << 4
            let high = UInt32(q >> 4) | (qh >> UInt32(i + 16) & 1) << 4
            let scaledLow = d * Float(low)
            let scaledHigh = d * Float(high)
            y[i] = scaledLow + m
            y[i + 16] = scaledHigh + m
        }
    }
}
