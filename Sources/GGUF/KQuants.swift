// KQuants.swift — the 256-element "k-quant" block types Q2_K, Q3_K, Q4_K, Q5_K, Q6_K, one block at a time.
// Promises: each function reads one block at `b` (gguf-py's layout) and writes its 256 floats to
// `y`, computing exactly what gguf-py's `dequantize_blocks` computes in float32, each operation rounded:
// Q2_K: (d × sc_g) × q − (dmin × m_g) for group g of 16; Q3_K: (d × (sc_g − 32)) × q;
// Q4_K/Q5_K: (d × sc_j) × q − (dmin × m_j) for sub-block j of 32; Q6_K: (d × scale_g) × (q − 32).
// Several types spread a 256-element block over 128 or 64 bytes of 2- or 4-bit fields: element e
// lies in half h = e / 128, at position e % 32 (or e % 64) of that half's bytes, in the field
// numbered (e % 128) / 32 (or / 64) counted from the least significant bits.

enum KQuants {
    /// The 2-bit field of element e (0..<256) in 64 bytes of 2-bit fields at `bytes`: half e / 128,
    /// byte e % 32 of that half, field (e % 128) / 32 from the least significant bits.
    @inline(__always)
    static func crumb(_ bytes: UnsafeRawPointer, _ e: Int) -> UInt8 {
        (GGUFBlock.u8(bytes, 32 * (e >> 7) + (e & 31)) >> UInt8(2 * ((e & 127) >> 5))) & 0x03
    }

    /// The 6-bit scale and min of sub-block `j` (0..<8) from the 12 packed bytes at `s`
    /// (ggml's get_scale_min_k4).
    @inline(__always)
    static func scaleMin(_ s: UnsafeRawPointer, _ j: Int) -> (scale: UInt8, min: UInt8) {
        let byte = { (i: Int) in GGUFBlock.u8(s, i) }
        if j < 4 {
            return (byte(j) & 0x3F, byte(j + 4) & 0x3F)
        }
        return ((byte(j + 4) & 0x0F) | ((byte(j - 4) >> 6) << 4), (byte(j + 4) >> 4) | ((byte(j) >> 6) << 4))
    }

    /// Q2_K: 16 scale bytes (low nibble scale, high nibble min), 64 bytes of 2-bit values, half d,
    /// half dmin.
    static func q2_K(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let scales = b
        let qs = b + 16
        let d = GGUFBlock.half(b, 80)
        let dmin = GGUFBlock.half(b, 82)
        for group in 0..<16 {
            let packed = GGUFBlock.u8(scales, group)
            let scale = d * Float(packed & 0x0F)
            let offset = dmin * Float(packed >> 4)
            for k in 0..<16 {
                let e = 16 * group + k
                let product = scale * Float(crumb(qs, e))
                y[e] = product - offset
            }
        }
    }

    /// Q3_K: 32 bytes hmask, 64 bytes of 2-bit values, 12 bytes of packed 6-bit scales, half d.
    /// The value is the 2-bit field minus 4 where bit e / 32 of hmask[e % 32] is clear.
    static func q3_K(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let hmask = b
        let qs = b + 32
        let scales = b + 96
        let d = GGUFBlock.half(b, 108)
        for group in 0..<16 {
            let low = (GGUFBlock.u8(scales, group & 7) >> UInt8(4 * (group >> 3))) & 0x0F
            let high = (GGUFBlock.u8(scales, 8 + (group & 3)) >> UInt8(2 * (group >> 2))) & 0x03
            let scale = d * Float(Int(low | high << 4) - 32)
            for k in 0..<16 {
                let e = 16 * group + k
                let masked = (GGUFBlock.u8(hmask, e & 31) >> UInt8(e >> 5)) & 1
                y[e] = scale * Float(Int(crumb(qs, e)) - (masked == 0 ? 4 : 0))
            }
        }
    }

    /// Q4_K: half d, half dmin, 12 scale bytes, 128 bytes of nibbles. Sub-block 2c takes the low
    /// nibbles of bytes 32c..<32c+32, sub-block 2c+1 their high nibbles.
    static func q4_K(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        let dmin = GGUFBlock.half(b, 2)
        let scales = b + 4
        let qs = b + 16
        for j in 0..<8 {
            let (sc, m) = scaleMin(scales, j)
            let scale = d * Float(sc)
            let offset = dmin * Float(m)
            let shift = UInt8(4 * (j & 1))
            let bytes = qs + 32 * (j >> 1)
            for l in 0..<32 {
                let q = (GGUFBlock.u8(bytes, l) >> shift) & 0x0F
                let product = scale * Float(q)
                y[32 * j + l] = product - offset
            }
        }
    }

    /// Q5_K: half d, half dmin, 12 scale bytes, 32 bytes qh, 128 bytes of nibbles; sub-block j
    /// takes its nibbles as Q4_K does and its fifth bit from bit j of qh[l].
    static func q5_K(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let d = GGUFBlock.half(b, 0)
        let dmin = GGUFBlock.half(b, 2)
        let scales = b + 4
        let qh = b + 16
        let qs = b + 48
        for j in 0..<8 {
            let (sc, m) = scaleMin(scales, j)
            let scale = d * Float(sc)
            let offset = dmin * Float(m)
            let shift = UInt8(4 * (j & 1))
            let bytes = qs + 32 * (j >> 1)
            for l in 0..<32 {
                let low = (GGUFBlock.u8(bytes, l) >> shift) & 0x0F
                let high = (GGUFBlock.u8(qh, l) >> UInt8(j)) & 1
                let product = scale * Float(low | high << 4)
                y[32 * j + l] = product - offset
            }
        }
    }

    /// Q6_K: 128 bytes ql, 64 bytes qh, 16 × int8 scales, half d. Element e (0..<256) lies in half
    /// h = e / 128; its low 4 bits are nibble (e % 128) / 64 of ql[64h + e % 64], its high 2 bits
    /// are its crumb of qh; group e / 16 gives its scale.
    static func q6_K(_ b: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let ql = b
        let qh = b + 128
        let scales = b + 192
        let d = GGUFBlock.half(b, 208)
        for group in 0..<16 {
            let scale = d * Float(Int8(bitPattern: GGUFBlock.u8(scales, group)))
            for k in 0..<16 {
                let e = 16 * group + k
                let h = e >> 7
                let r = e & 127
                let low = (GGUFBlock.u8(ql, 64 * h + (r & 63)) >> UInt8(4 * (r >> 6))) & 0x0F
                let high = crumb(qh, e)
                y[e] = scale * Float(Int(low | high << 4) - 32)
            }
        }
    }
}
