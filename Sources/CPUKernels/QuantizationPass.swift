// One thread's share of the quantization pass: stage panels of the quantized orientation,
// run the kernel the config selects, write codes and scales in place.
//
// Promises: a unit (a panel of `panelRows` quantized rows: one row, a 2-D tile row, or a
// strip of a transposed tensor) is processed identically whichever thread runs it, and
// writes only its own rows' codes and scale bytes; the returned count of alternative blocks
// is the unit's exact share. Work units therefore split between threads deterministically.

import BlockFormats
import BlockQuantization

/// How the quantized orientation is cut into staged windows.
struct PanelPlan: Sendable {
    /// Quantized rows per unit: 1 for plain 1-D blocks, the tile height for 2-D blocks, a
    /// strip of 16 (F32) or 32 (16-bit) rows when transposing (whole cache lines of source).
    let panelRows: Int
    /// Columns per staged window: a multiple of four blocks (and of 16 for the RHT).
    let chunkCols: Int
    let units: Int
    var panelFloats: Int { panelRows * chunkCols }

    /// - Parameter groupWidth: the columns a window is a multiple of (four blocks for the SIMD4
    ///   kernels, a superblock of 256 for the AVX2 ones).
    /// - Parameter budget: floats per staged window.
    /// - Parameter transposedLines: cache lines of each source row a transposed panel spans.
    init(
        _ g: QuantizationGeometry, elementSize: Int, groupWidth: Int? = nil, budget: Int = 8192,
        transposedLines: Int = 1
    ) {
        if g.tileRows > 1 {
            panelRows = g.tileRows
        } else if g.transpose {
            panelRows = (elementSize == 4 ? 16 : 32) * transposedLines
        } else {
            panelRows = 1
        }
        let groupWidth = groupWidth ?? 4 * g.block
        let widest = roundUp(g.paddedCols, groupWidth)
        chunkCols = min(widest, max(groupWidth, budget / panelRows / groupWidth * groupWidth))
        units = (g.rows + panelRows - 1) / panelRows
    }
}

/// The kernel a config selects.
enum KernelChoice: Sendable {
    case staticFP4, staticINT4, mxfp4
    case fourOverSix(ScaleRule)
    case if4(ScaleRule)

    init(_ config: QuantizationConfig) {
        switch config.format {
        case .mxfp4: self = .mxfp4
        case .nvint4: self = .staticINT4
        case .nvfp4: self = config.rule.isAdaptive ? .fourOverSix(config.rule) : .staticFP4
        case .if4: self = .if4(config.rule)
        }
    }

    /// True for the kernels that choose between two candidates per block.
    var isAdaptive: Bool {
        switch self {
        case .fourOverSix, .if4: return true
        case .staticFP4, .staticINT4, .mxfp4: return false
        }
    }
}

/// Quantizes units `units`; returns their number of alternative blocks. `noiseISA` generates
/// the stochastic-rounding noise (the same values either way).
func quantizeUnits(
    _ x: TensorElements, _ g: QuantizationGeometry, plan: PanelPlan, units: Range<Int>,
    kernel: KernelChoice, context ctx: TensorQuantizationContext,
    codes: UnsafeMutablePointer<UInt8>, rowBytes: Int, scales: UnsafeMutablePointer<UInt8>,
    swizzled: Bool, noiseISA: QuantizationISA = .selected
) -> Int {
    if ctx.stochasticSeed != nil && ctx.choosesFromNearest && kernel.isAdaptive {
        return quantizeUnits(
            x, g, plan: plan, units: units, kernel: kernel, context: ctx, codes: codes,
            rowBytes: rowBytes, scales: scales, swizzled: swizzled, noiseISA: noiseISA,
            StochasticRoundingNearestChoice.self)
    }
    if ctx.stochasticSeed != nil {
        return quantizeUnits(
            x, g, plan: plan, units: units, kernel: kernel, context: ctx, codes: codes,
            rowBytes: rowBytes, scales: scales, swizzled: swizzled, noiseISA: noiseISA, StochasticRounding.self)
    }
    return quantizeUnits(
        x, g, plan: plan, units: units, kernel: kernel, context: ctx, codes: codes,
        rowBytes: rowBytes, scales: scales, swizzled: swizzled, noiseISA: noiseISA, NearestRounding.self)
}

private func quantizeUnits<R: RoundingPolicy>(
    _ x: TensorElements, _ g: QuantizationGeometry, plan: PanelPlan, units: Range<Int>, kernel: KernelChoice,
    context ctx: TensorQuantizationContext, codes: UnsafeMutablePointer<UInt8>, rowBytes: Int,
    scales: UnsafeMutablePointer<UInt8>, swizzled: Bool, noiseISA: QuantizationISA, _ r: R.Type
) -> Int {
    let constants = KernelConstants(ctx)
    let n = plan.panelFloats
    let buf = UnsafeMutablePointer<Float>.allocate(capacity: n)
    let noise = UnsafeMutablePointer<Float>.allocate(capacity: R.isStochastic ? n : 4)
    let natural = UnsafeMutablePointer<Float>.allocate(capacity: n)
    let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: 32)
    defer { buf.deallocate(); noise.deallocate(); natural.deallocate(); scratch.deallocate() }
    let interleaveWidth = g.tileRows > 1 ? 0 : g.block
    var alternatives = 0
    for u in units {
        let r0 = u * plan.panelRows
        let realRows = min(plan.panelRows, g.rows - r0)
        for c0 in stride(from: 0, to: g.paddedCols, by: plan.chunkCols) {
            if interleaveWidth > 0 {
                stageInterleaved(
                    x, g, r0: r0, p: plan.panelRows, c0: c0, c: plan.chunkCols, width: interleaveWidth,
                    into: buf, scratch: natural)
            } else {
                stage(x, g, r0: r0, p: plan.panelRows, c0: c0, c: plan.chunkCols, into: buf)
            }
            if R.isStochastic, let seed = ctx.stochasticSeed {
                stageNoise(
                    seed: seed, g, r0: r0, p: plan.panelRows, c0: c0, c: plan.chunkCols,
                    interleave: interleaveWidth, into: noise, isa: noiseISA)
            }
            let blocks = min(plan.chunkCols, g.paddedCols - c0) / g.block
            let firstBlock = c0 / g.block
            if g.tileRows > 1 {
                let scaleOut = RowOutput(
                    codes: codes, scales: scales, row: r0, firstBlock: firstBlock,
                    swizzled: swizzled, scaleCols: g.scaleCols)
                let out = PanelOutput(
                    codes: codes + r0 * rowBytes + c0 / 2, rowBytes: rowBytes, firstRow: r0,
                    realRows: realRows, row: scaleOut)
                alternatives += quantizePanel(
                    buf, noise: noise, stride: plan.chunkCols, tiles: blocks, out: out,
                    kernel: kernel, context: ctx, scratch: scratch, r)
            } else {
                for i in 0..<realRows {
                    let out = RowOutput(
                        codes: codes + (r0 + i) * rowBytes + c0 / 2, scales: scales, row: r0 + i,
                        firstBlock: firstBlock, swizzled: swizzled, scaleCols: g.scaleCols)
                    alternatives += quantizeRow(
                        buf + i * plan.chunkCols, noise: noise + (R.isStochastic ? i * plan.chunkCols : 0),
                        blockCount: blocks, out: out, kernel: kernel, constants: constants, r)
                }
            }
        }
    }
    return alternatives
}

@inline(__always)
private func quantizeRow<R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, blockCount: Int,
    out: RowOutput, kernel: KernelChoice, constants c: KernelConstants,
    _ r: R.Type
) -> Int {
    switch kernel {
    case .staticFP4:
        quantizeRowStatic(x, noise: noise, blockCount: blockCount, out: out, constants: c, E2M1Encoder.self, r)
        return 0
    case .staticINT4:
        quantizeRowStatic(x, noise: noise, blockCount: blockCount, out: out, constants: c, INT4Encoder.self, r)
        return 0
    case .mxfp4:
        quantizeRowMX(x, noise: noise, blockCount: blockCount, out: out, constants: c, r)
        return 0
    case .fourOverSix(.mse):
        return quantizeRowFourOverSix(
            x, noise: noise, blockCount: blockCount, out: out, constants: c, SquaredError.self, r)
    case .fourOverSix(.mae):
        return quantizeRowFourOverSix(
            x, noise: noise, blockCount: blockCount, out: out, constants: c, AbsoluteError.self, r)
    case .fourOverSix:
        return quantizeRowFourOverSix(
            x, noise: noise, blockCount: blockCount, out: out, constants: c, MaxAbsoluteError.self, r)
    case .if4(.mse):
        return quantizeRowIF4(x, noise: noise, blockCount: blockCount, out: out, constants: c, SquaredError.self, r)
    case .if4(.mae):
        return quantizeRowIF4(x, noise: noise, blockCount: blockCount, out: out, constants: c, AbsoluteError.self, r)
    case .if4:
        return quantizeRowIF4(x, noise: noise, blockCount: blockCount, out: out, constants: c, MaxAbsoluteError.self, r)
    }
}

private func quantizePanel<R: RoundingPolicy>(
    _ x: UnsafePointer<Float>, noise: UnsafePointer<Float>, stride: Int,
    tiles: Int, out: PanelOutput, kernel: KernelChoice,
    context ctx: TensorQuantizationContext,
    scratch: UnsafeMutablePointer<UInt64>, _ r: R.Type
) -> Int {
    switch kernel {
    case .staticFP4:
        quantizePanelStatic(x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx, E2M1Encoder.self, r)
        return 0
    case .staticINT4:
        quantizePanelStatic(x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx, INT4Encoder.self, r)
        return 0
    case .mxfp4:
        quantizePanelMX(x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx, r)
        return 0
    case .fourOverSix(.mse):
        return quantizePanelFourOverSix(
            x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx,
            codes4: scratch, SquaredError.self, r)
    case .fourOverSix(.mae):
        return quantizePanelFourOverSix(
            x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx,
            codes4: scratch, AbsoluteError.self, r)
    case .fourOverSix:
        return quantizePanelFourOverSix(
            x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx,
            codes4: scratch, MaxAbsoluteError.self, r)
    case .if4(.mse):
        return quantizePanelIF4(
            x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx,
            codes4: scratch, SquaredError.self, r)
    case .if4(.mae):
        return quantizePanelIF4(
            x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx,
            codes4: scratch, AbsoluteError.self, r)
    case .if4:
        return quantizePanelIF4(
            x, noise: noise, stride: stride, tiles: tiles, out: out, context: ctx,
            codes4: scratch, MaxAbsoluteError.self, r)
    }
}
