// Pre-processing into small float32 panels: transpose, zero padding and the random Hadamard
// transform of spec §2, applied to a window of the quantized orientation at a time, plus
// the stochastic-rounding noise of that window.
//
// Promises: `stage` writes rows [r0, r0+P) × columns [c0, c0+C) of the matrix that
// `Preprocessing.apply` would produce (zeros beyond its real rows and columns) into a
// P×C buffer, bit for bit: the RHT output of each 16-group is the float32 sum of its 16
// products in index order, rounded to BF16, exactly as `RandomHadamard.transform`.
// `stageInterleaved` writes the same values in the row kernels' interleaved order (within
// each group of four blocks of width w, element e of block j at 4e + j).
// `stageNoise` writes `StochasticNoise.value(seed:index:)` at index row·paddedCols + col
// (interleaved the same way when asked).

import BlockFormats
import BlockQuantization
import CPUKernelsISA

/// The 16×16 RHT matrix as 64 vectors: `rhtRows[4·i + q]` holds R[i][4q ..< 4q+4].
let rhtRows: [F4] = (0..<64).map { k in
    let i = k / 4, q = k % 4
    return F4((0..<4).map { RandomHadamard.matrix[i * 16 + 4 * q + $0] })
}

/// Applies the RHT in place to one group of 16 floats (vectorized over the 16 outputs, each
/// a sequential sum over i, then rounded to BF16).
@inline(__always)
func rhtGroup(_ g: UnsafeMutablePointer<Float>, _ r: UnsafePointer<F4>) {
    let raw = UnsafeMutableRawPointer(g)
    let x0 = raw.loadUnaligned(as: F4.self), x1 = raw.loadUnaligned(fromByteOffset: 16, as: F4.self)
    let x2 = raw.loadUnaligned(fromByteOffset: 32, as: F4.self), x3 = raw.loadUnaligned(fromByteOffset: 48, as: F4.self)
    var y0 = F4(), y1 = F4(), y2 = F4(), y3 = F4()
    @inline(__always) func step(_ v: Float, _ i: Int) {
        let b = F4(repeating: v)
        y0 += b * r[4 * i]
        y1 += b * r[4 * i + 1]
        y2 += b * r[4 * i + 2]
        y3 += b * r[4 * i + 3]
    }
    for i in 0..<4 { step(x0[i], i) }
    for i in 0..<4 { step(x1[i], 4 + i) }
    for i in 0..<4 { step(x2[i], 8 + i) }
    for i in 0..<4 { step(x3[i], 12 + i) }
    @inline(__always) func bf16(_ v: F4) -> F4 {
        let b = bits(v)
        return floats((b &+ 0x7FFF &+ ((b &>> 16) & 1)) & Int32(bitPattern: 0xFFFF_0000))
    }
    raw.storeBytes(of: bf16(y0), as: F4.self)
    raw.storeBytes(of: bf16(y1), toByteOffset: 16, as: F4.self)
    raw.storeBytes(of: bf16(y2), toByteOffset: 32, as: F4.self)
    raw.storeBytes(of: bf16(y3), toByteOffset: 48, as: F4.self)
}

/// Writes the pre-processed window rows [r0, r0+p) × cols [c0, c0+c) into `buf` (row stride c).
/// `c0` and `c` are multiples of 16 when RHT is on.
func stage(
    _ x: TensorElements, _ g: QuantizationGeometry, r0: Int, p: Int, c0: Int, c: Int,
    into buf: UnsafeMutablePointer<Float>
) {
    let realRows = max(0, min(p, g.rows - r0))
    let realCols = max(0, min(c, g.sourceBackedCols - c0))
    if !g.transpose {
        for i in 0..<realRows {
            let out = buf + i * c
            widen(x, start: (r0 + i) * g.sourceCols + c0, count: realCols, into: out)
            if realCols < c { (out + realCols).initialize(repeating: 0, count: c - realCols) }
        }
    } else {
        // Quantized (r, col) = source (col, r): read `realRows` consecutive source elements of
        // each source row, scatter them down the buffer's column.
        stageTransposed(x, g, r0: r0, realRows: realRows, c0: c0, realCols: realCols, c: c, into: buf)
        if realCols < c {
            for i in 0..<realRows { (buf + i * c + realCols).initialize(repeating: 0, count: c - realCols) }
        }
    }
    if realRows < p { (buf + realRows * c).initialize(repeating: 0, count: (p - realRows) * c) }
    if g.rht {
        let groups = min(c, g.paddedCols - c0) / 16
        rhtRows.withUnsafeBufferPointer { r in
            for i in 0..<realRows {
                for j in 0..<groups { rhtGroup(buf + i * c + 16 * j, r.baseAddress!) }
            }
        }
    }
}

private func stageTransposed(
    _ x: TensorElements, _ g: QuantizationGeometry, r0: Int, realRows: Int,
    c0: Int, realCols: Int, c: Int, into buf: UnsafeMutablePointer<Float>
) {
    let rowStride = g.sourceCols
    // 4×4 sub-blocks: 4 source rows × 4 source columns → 4 quantized rows × 4 columns.
    let rows4 = realRows & ~3, cols4 = realCols & ~3
    let tmp = UnsafeMutablePointer<Float>.allocate(capacity: 16)
    defer { tmp.deallocate() }
    for j in stride(from: 0, to: cols4, by: 4) {
        let src = (c0 + j) * rowStride + r0
        var i = 0
        while i < rows4 {
            let a = load4(x, src + i), b = load4(x, src + rowStride + i)
            let cc = load4(x, src + 2 * rowStride + i), d = load4(x, src + 3 * rowStride + i)
            let (t0, t1, t2, t3) = transpose(a, b, cc, d)
            let o = UnsafeMutableRawPointer(buf + i * c + j)
            o.storeBytes(of: t0, as: F4.self)
            o.storeBytes(of: t1, toByteOffset: 4 * c, as: F4.self)
            o.storeBytes(of: t2, toByteOffset: 8 * c, as: F4.self)
            o.storeBytes(of: t3, toByteOffset: 12 * c, as: F4.self)
            i += 4
        }
        for i in rows4..<realRows {
            for k in 0..<4 { buf[i * c + j + k] = x.value(at: src + k * rowStride + i) }
        }
    }
    for j in cols4..<realCols {
        let src = (c0 + j) * rowStride + r0
        for i in 0..<realRows { buf[i * c + j] = x.value(at: src + i) }
    }
}

@inline(__always)
private func load4(_ x: TensorElements, _ i: Int) -> F4 {
    switch x {
    case let .f32(b): return UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: F4.self)
    case let .bf16(b):
        let h = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: SIMD4<UInt16>.self)
        return unsafeBitCast(SIMD4<UInt32>(truncatingIfNeeded: h) &<< 16, to: F4.self)
    case let .f16(b):
        let p = b.baseAddress! + i
        return F4(
            Float16Bits.float(fromBits: p[0]), Float16Bits.float(fromBits: p[1]),
            Float16Bits.float(fromBits: p[2]), Float16Bits.float(fromBits: p[3]))
    }
}

/// Noise of the window rows [r0, r0+p) × cols [c0, c0+c) (zeros outside the stored matrix),
/// interleaved for blocks of `interleave` values (0: natural order; `c` is then a multiple
/// of 4·interleave). `isa` `.avx2` generates each run of consecutive indices with
/// `fos_stochastic_noise_avx2` (bit-identical), `.sse2` one value at a time.
func stageNoise(
    seed: UInt64, _ g: QuantizationGeometry, r0: Int, p: Int, c0: Int, c: Int, interleave w: Int,
    into buf: UnsafeMutablePointer<Float>, isa: QuantizationISA = .selected
) {
    let key = StochasticNoise.key(seed: seed)
    let width = min(c, g.paddedCols - c0)
    /// The noise of indices first ..< first + n into `out` (stride 1).
    func run(_ first: UInt64, _ n: Int, _ out: UnsafeMutablePointer<Float>) {
        if isa == .avx2 {
            fos_stochastic_noise_avx2(key, first, n, out)
        } else {
            for j in 0..<n { out[j] = StochasticNoise.value(key: key, index: first + UInt64(j)) }
        }
    }
    let natural = UnsafeMutablePointer<Float>.allocate(capacity: w == 0 ? 1 : w)
    defer { natural.deallocate() }
    for i in 0..<p {
        let out = buf + i * c
        let row = r0 + i
        out.initialize(repeating: 0, count: c)
        if row >= g.rows { continue }
        let base = UInt64(row * g.paddedCols + c0)
        if w == 0 {
            run(base, width, out)
            continue
        }
        // Natural column j = group·4w + block·w + e goes to group·4w + 4e + block.
        var groupStart = 0
        while groupStart < width {
            for block in 0..<4 {
                let first = groupStart + block * w
                let n = min(w, width - first)
                if n <= 0 { break }
                run(base + UInt64(first), n, natural)
                let o = out + groupStart + block
                for e in 0..<n { o[4 * e] = natural[e] }
            }
            groupStart += 4 * w
        }
    }
}

/// Interleaves `count` floats (a multiple of 4·w) from natural `src` into `dst`.
func interleave(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int, width w: Int) {
    var g = 0
    while g < count {
        let s = src + g, d = UnsafeMutableRawPointer(dst + g)
        for q in 0..<(w / 4) {
            let (t0, t1, t2, t3) = transpose(
                load4(s, 4 * q), load4(s, w + 4 * q), load4(s, 2 * w + 4 * q),
                load4(s, 3 * w + 4 * q))
            d.storeBytes(of: t0, toByteOffset: 64 * q, as: F4.self)
            d.storeBytes(of: t1, toByteOffset: 64 * q + 16, as: F4.self)
            d.storeBytes(of: t2, toByteOffset: 64 * q + 32, as: F4.self)
            d.storeBytes(of: t3, toByteOffset: 64 * q + 48, as: F4.self)
        }
        g += 4 * w
    }
}

/// `stage` in the row kernels' interleaved order for blocks of width `w` (`c` a multiple of
/// 4w). Plain row-major input without RHT is widened straight into place; other windows are
/// staged in natural order into `scratch` first.
func stageInterleaved(
    _ x: TensorElements, _ g: QuantizationGeometry, r0: Int, p: Int, c0: Int, c: Int, width w: Int,
    into buf: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
) {
    if g.transpose || g.rht {
        stage(x, g, r0: r0, p: p, c0: c0, c: c, into: scratch)
        for i in 0..<p { interleave(scratch + i * c, into: buf + i * c, count: c, width: w) }
        return
    }
    let realRows = max(0, min(p, g.rows - r0))
    let realCols = max(0, min(c, g.sourceBackedCols - c0))
    let groupFloats = 4 * w
    let fullGroups = realCols / groupFloats
    for i in 0..<realRows {
        let out = buf + i * c
        let start = (r0 + i) * g.sourceCols + c0
        widenInterleaved(x, start: start, groups: fullGroups, width: w, into: out)
        let done = fullGroups * groupFloats
        if done < c {
            // The ragged tail: natural order with zeros, then interleaved.
            let tail = scratch
            tail.initialize(repeating: 0, count: c - done)
            if realCols > done { widen(x, start: start + done, count: realCols - done, into: tail) }
            interleave(tail, into: out + done, count: c - done, width: w)
        }
    }
    if realRows < p { (buf + realRows * c).initialize(repeating: 0, count: (p - realRows) * c) }
}

/// Widens `groups` whole groups of four w-blocks from row-major input straight into the
/// interleaved order: 16-bit inputs are interleaved as 16-bit lanes, then widened.
private func widenInterleaved(
    _ x: TensorElements, start: Int, groups: Int, width w: Int,
    into out: UnsafeMutablePointer<Float>
) {
    switch x {
    case let .f32(b):
        let src = b.baseAddress! + start
        for gi in 0..<groups {
            let s = src + gi * 4 * w, d = UnsafeMutableRawPointer(out + gi * 4 * w)
            for q in 0..<(w / 4) {
                let (t0, t1, t2, t3) = transpose(
                    load4(s, 4 * q), load4(s, w + 4 * q), load4(s, 2 * w + 4 * q),
                    load4(s, 3 * w + 4 * q))
                d.storeBytes(of: t0, toByteOffset: 64 * q, as: F4.self)
                d.storeBytes(of: t1, toByteOffset: 64 * q + 16, as: F4.self)
                d.storeBytes(of: t2, toByteOffset: 64 * q + 32, as: F4.self)
                d.storeBytes(of: t3, toByteOffset: 64 * q + 48, as: F4.self)
            }
        }
    case let .bf16(b):
        interleave16(b.baseAddress! + start, groups: groups, width: w, into: out, widenBF16Lanes)
    case let .f16(b):
        interleave16(b.baseAddress! + start, groups: groups, width: w, into: out, widenF16Lanes)
    }
}

/// 16-bit interleave of four blocks, 8 elements at a time, then `widen` to two float vectors.
@inline(__always)
private func interleave16(
    _ src: UnsafePointer<UInt16>, groups: Int, width w: Int, into out: UnsafeMutablePointer<Float>,
    _ widen: (SIMD8<UInt16>) -> (F4, F4)
) {
    for gi in 0..<groups {
        let s = UnsafeRawPointer(src + gi * 4 * w), d = UnsafeMutableRawPointer(out + gi * 4 * w)
        for t in 0..<(w / 8) {
            let r0 = s.loadUnaligned(fromByteOffset: 16 * t, as: SIMD8<UInt16>.self)
            let r1 = s.loadUnaligned(fromByteOffset: 2 * w + 16 * t, as: SIMD8<UInt16>.self)
            let r2 = s.loadUnaligned(fromByteOffset: 4 * w + 16 * t, as: SIMD8<UInt16>.self)
            let r3 = s.loadUnaligned(fromByteOffset: 6 * w + 16 * t, as: SIMD8<UInt16>.self)
            let (e0, e1, e2, e3) = interleave4x8(r0, r1, r2, r3)
            @inline(__always) func put(_ e: SIMD8<UInt16>, _ i: Int) {
                let (lo, hi) = widen(e)
                d.storeBytes(of: lo, toByteOffset: 128 * t + 32 * i, as: F4.self)
                d.storeBytes(of: hi, toByteOffset: 128 * t + 32 * i + 16, as: F4.self)
            }
            put(e0, 0); put(e1, 1); put(e2, 2); put(e3, 3)
        }
    }
}

/// BF16 lanes → float32 (exact).
@inline(__always)
func widenBF16Lanes(_ h: SIMD8<UInt16>) -> (F4, F4) {
    let w = SIMD8<UInt32>(truncatingIfNeeded: h) &<< 16
    return (unsafeBitCast(w.lowHalf, to: F4.self), unsafeBitCast(w.highHalf, to: F4.self))
}

/// Finite F16 lanes → float32 (exact).
@inline(__always)
func widenF16Lanes(_ h: SIMD8<UInt16>) -> (F4, F4) {
    let w = SIMD8<UInt32>(truncatingIfNeeded: h)
    let magnitude = (w & 0x7FFF) &<< 13
    let sign = (w & 0x8000) &<< 16
    let scale = F4(repeating: 0x1p112)
    let lo = unsafeBitCast(magnitude.lowHalf, to: F4.self) * scale
    let hi = unsafeBitCast(magnitude.highHalf, to: F4.self) * scale
    return (
        floats(bits(lo) | I4(truncatingIfNeeded: sign.lowHalf)),
        floats(bits(hi) | I4(truncatingIfNeeded: sign.highHalf))
    )
}
