// KQuants.swift — the 256-element "k-quant" block types Q4_K, Q5_K, Q6_K, one block at a time.
// Promises: each function reads one block at `b` (gguf-py's layout) and writes its 256 floats to
// `y`, computing exactly what gguf-py's `dequantize_blocks` computes in float32:
// Q4_K/Q5_K: (d × sc_j) × q − (dmin × m_j) for sub-block j of 32, each operation rounded;
// Q6_K: (d × scale_g) × (q − 32) for group g of 16.

enum KQuants {
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
    /// are pair (e % 128) / 32 of qh[32h + e % 32]; group e / 16 gives its scale.
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
                let high = (GGUFBlock.u8(qh, 32 * h + (r & 31)) >> UInt8(2 * (r >> 5))) & 0x03
                y[e] = scale * Float(Int(low | high << 4) - 32)
            }
        }
    }
}
