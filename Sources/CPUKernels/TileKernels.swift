// 2-D block kernels: one scale per square tile (16×16; 32×32 for MXFP4) of a staged panel
// of tile rows.
//
// Promises: each tile's stored codes, scale byte (written to every real row of the tile) and
// alternative flag are bit-identical with `ReferenceBlock.quantize` on the tile in
// tile-row-major order. The per-tile scale is computed with the scalar reference helpers
// (once per 256 or 1024 values); the elements are vectorized; 4/6 and IF4 tile errors are
// accumulated in `ErrorReduction.sum`'s order for n = 256 (four 8-lane accumulators: tile
// row t's first half goes to accumulator 2·(t mod 2), its second half to the next one; then
// ((a0 + a1) + a2) + a3 and a left-to-right sum of its 8 lanes). Rows past the end of the
// tensor are zeros; they add exact zeros to errors and are skipped.

import BlockFormats
import BlockQuantization

/// Where a panel's codes and scales go.
struct PanelOutput {
    /// Packed codes of row `firstRow`, at the panel's first column.
    let codes: UnsafeMutablePointer<UInt8>
    let rowBytes: Int
    let firstRow: Int
    /// Real rows in the panel.
    let realRows: Int
    let row: RowOutput  // scale storage (row = firstRow, firstBlock = the panel's first block)
}

/// Max |x| of a tile of `rows` rows × `width` (16 or 32) columns, row stride `stride`.
@inline(__always)
func tileMax(_ x: UnsafePointer<Float>, rows: Int, width: Int, stride: Int) -> Float {
    var m = F4()
    for i in 0..<rows {
        let p = x + i * stride
        m = vmax(m, blockMax16(p))
        if width == 32 { m = vmax(m, blockMax16(p + 16)) }
    }
    return max(max(m[0], m[1]), max(m[2], m[3]))
}

@inline(__always)
func scaleRows(_ o: PanelOutput) -> Range<Int> { o.firstRow..<(o.firstRow + o.realRows) }

/// Static E4M3-scaled tiles (NVFP4 static6/static4, NVINT4).
func quantizePanelStatic<E: ElementEncoder, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, stride: Int, tiles: Int, out: PanelOutput,
    context ctx: TensorQuantizationContext, _ e: E.Type, _ r: R.Type
) {
    for t in 0..<tiles {
        let p = x + 16 * t, q = noise + 16 * t
        let byte = E4M3.code(
            for: ctx.highPrecisionScale(blockMax: tileMax(p, rows: out.realRows, width: 16, stride: stride)))
        let k = F4(repeating: ctx.elementMultiplier(scale: E4M3.value(ofCode: byte)))
        for i in 0..<out.realRows {
            storeCodes(out.codes + i * out.rowBytes + 8 * t, encodeBlock16(p + i * stride, q + i * stride, k, e, r))
        }
        out.row.storeScales(I4(repeating: Int32(byte)), group: t, count: 1, rows: scaleRows(out))
    }
}

/// MXFP4 32×32 tiles.
func quantizePanelMX<R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, stride: Int, tiles: Int, out: PanelOutput,
    context ctx: TensorQuantizationContext, _ r: R.Type
) {
    for t in 0..<tiles {
        let p = x + 32 * t, q = noise + 32 * t
        let e = UE8M0.roundingUp(tileMax(p, rows: out.realRows, width: 32, stride: stride) / ctx.constants.maxValue)
        let k = F4(repeating: e == 0 ? 0 : 1 / UE8M0.scaleFloat(ofCode: e))
        for i in 0..<out.realRows {
            let o = out.codes + i * out.rowBytes + 16 * t
            storeCodes(o, encodeBlock16(p + i * stride, q + i * stride, k, E2M1Encoder.self, r))
            storeCodes(o + 8, encodeBlock16(p + i * stride + 16, q + i * stride + 16, k, E2M1Encoder.self, r))
        }
        out.row.storeScales(I4(repeating: Int32(e)), group: t, count: 1, rows: scaleRows(out))
    }
}

/// The four 8-lane accumulators of `ErrorReduction.sum` for a 16×16 tile.
struct TileErrorSum {
    var a0 = (F4(), F4()), a1 = (F4(), F4()), a2 = (F4(), F4()), a3 = (F4(), F4())

    @inline(__always)
    mutating func add(row t: Int, _ e: ErrorVectors) {
        if t & 1 == 0 {
            a0.0 += e.0; a0.1 += e.1; a1.0 += e.2; a1.1 += e.3
        } else {
            a2.0 += e.0; a2.1 += e.1; a3.0 += e.2; a3.1 += e.3
        }
    }

    var total: Float {
        let lo = ((a0.0 + a1.0) + a2.0) + a3.0, hi = ((a0.1 + a1.1) + a2.1) + a3.1
        var s: Float = 0
        for i in 0..<4 { s += lo[i] }
        for i in 0..<4 { s += hi[i] }
        return s
    }
}

/// Running maximum of a tile's errors (absMax).
@inline(__always)
func maxOf(_ e: ErrorVectors) -> F4 { vmax(vmax(e.0, e.1), vmax(e.2, e.3)) }

/// NVFP4 4/6 on 16×16 tiles; returns the number of tiles that chose 4.
func quantizePanelFourOverSix<Rule: ErrorRule, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, stride: Int, tiles: Int, out: PanelOutput,
    context ctx: TensorQuantizationContext, codes4 scratch: UnsafeMutablePointer<UInt64>, _ rule: Rule.Type, _ r: R.Type
) -> Int {
    let amax = F4(repeating: ctx.amax), divisor = F4(repeating: ctx.constants.product)
    var alternatives = 0
    for t in 0..<tiles {
        let p = x + 16 * t, q = noise + 16 * t
        let sHP = ctx.highPrecisionScale(blockMax: tileMax(p, rows: out.realRows, width: 16, stride: stride))
        let byte6 = E4M3.code(for: sHP), byte4 = E4M3.code(for: sHP * 1.5)
        let scale6 = E4M3.value(ofCode: byte6), scale4 = E4M3.value(ofCode: byte4)
        let k6 = F4(repeating: ctx.elementMultiplier(scale: scale6)),
            k4 = F4(repeating: ctx.elementMultiplier(scale: scale4))
        var sum6 = TileErrorSum(), sum4 = TileErrorSum()
        var max6 = F4(), max4 = F4()
        for i in 0..<out.realRows {
            let c =
                R.choosesFromNearest
                ? candidates46(
                    p + i * stride, q + i * stride, k6: k6, k4: k4, s6: F4(repeating: scale6),
                    s4: F4(repeating: scale4), amax: amax, divisor: divisor, rule, NearestRounding.self)
                : candidates46(
                    p + i * stride, q + i * stride, k6: k6, k4: k4, s6: F4(repeating: scale6),
                    s4: F4(repeating: scale4), amax: amax, divisor: divisor, rule, r)
            storeCodes(out.codes + i * out.rowBytes + 8 * t, c.codes6)
            scratch[i] = c.codes4
            if Rule.isMax {
                max6 = vmax(max6, maxOf(c.e6)); max4 = vmax(max4, maxOf(c.e4))
            } else {
                sum6.add(row: i, c.e6); sum4.add(row: i, c.e4)
            }
        }
        let err6: Float, err4: Float
        if Rule.isMax {
            err6 = max(max(max6[0], max6[1]), max(max6[2], max6[3]))
            err4 = max(max(max4[0], max4[1]), max(max4[2], max4[3]))
        } else {
            err6 = sum6.total; err4 = sum4.total
        }
        var byte = byte6
        if R.choosesFromNearest {
            // The choice is made; round the chosen candidate with the noise.
            for i in 0..<out.realRows {
                let c = candidates46(
                    p + i * stride, q + i * stride, k6: k6, k4: k4, s6: F4(repeating: scale6),
                    s4: F4(repeating: scale4), amax: amax, divisor: divisor, rule, r)
                scratch[i] = err4 < err6 ? c.codes4 : c.codes6
            }
        }
        if err4 < err6 || R.choosesFromNearest {
            if err4 < err6 { byte = byte4; alternatives += 1 }
            for i in 0..<out.realRows { storeCodes(out.codes + i * out.rowBytes + 8 * t, scratch[i]) }
        }
        out.row.storeScales(I4(repeating: Int32(byte)), group: t, count: 1, rows: scaleRows(out))
    }
    return alternatives
}

/// IF4 on 16×16 tiles; returns the number of INT4 tiles.
func quantizePanelIF4<Rule: ErrorRule, R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, stride: Int, tiles: Int, out: PanelOutput,
    context ctx: TensorQuantizationContext, codes4 scratch: UnsafeMutablePointer<UInt64>, _ rule: Rule.Type, _ r: R.Type
) -> Int {
    let amax = F4(repeating: ctx.amax), divisor = F4(repeating: ctx.constants.product)
    var alternatives = 0
    for t in 0..<tiles {
        let p = x + 16 * t, q = noise + 16 * t
        let byte = E4M3.code(
            for: ctx.highPrecisionScale(blockMax: tileMax(p, rows: out.realRows, width: 16, stride: stride)))
        let scale = E4M3.value(ofCode: byte)
        let k = F4(repeating: ctx.elementMultiplier(scale: scale))
        var sumF = TileErrorSum(), sumI = TileErrorSum()
        var maxF = F4(), maxI = F4()
        for i in 0..<out.realRows {
            let c =
                R.choosesFromNearest
                ? candidatesIF4(
                    p + i * stride, q + i * stride, k: k, s: F4(repeating: scale), amax: amax,
                    divisor: divisor, rule, NearestRounding.self)
                : candidatesIF4(
                    p + i * stride, q + i * stride, k: k, s: F4(repeating: scale), amax: amax,
                    divisor: divisor, rule, r)
            storeCodes(out.codes + i * out.rowBytes + 8 * t, c.codesFP)
            scratch[i] = c.codesInt
            if Rule.isMax {
                maxF = vmax(maxF, maxOf(c.eFP)); maxI = vmax(maxI, maxOf(c.eInt))
            } else {
                sumF.add(row: i, c.eFP); sumI.add(row: i, c.eInt)
            }
        }
        let errF: Float, errI: Float
        if Rule.isMax {
            errF = max(max(maxF[0], maxF[1]), max(maxF[2], maxF[3]))
            errI = max(max(maxI[0], maxI[1]), max(maxI[2], maxI[3]))
        } else {
            errF = sumF.total; errI = sumI.total
        }
        var stored = byte
        if R.choosesFromNearest {
            for i in 0..<out.realRows {
                let c = candidatesIF4(
                    p + i * stride, q + i * stride, k: k, s: F4(repeating: scale), amax: amax,
                    divisor: divisor, rule, r)
                scratch[i] = errI < errF ? c.codesInt : c.codesFP
            }
        }
        if errI < errF || R.choosesFromNearest {
            if errI < errF { stored = byte &+ 128; alternatives += 1 }
            for i in 0..<out.realRows { storeCodes(out.codes + i * out.rowBytes + 8 * t, scratch[i]) }
        }
        out.row.storeScales(I4(repeating: Int32(stored)), group: t, count: 1, rows: scaleRows(out))
    }
    return alternatives
}
