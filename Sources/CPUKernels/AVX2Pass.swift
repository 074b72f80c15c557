// The 8-lane (AVX2 + FMA + F16C) quantization pass: rows staged into CPUKernelsISA's
// superblock layout and quantized by its C kernels; and the switch between instruction sets.
//
// Promises: `QuantizationISA.selected` is `.avx2` only where the CPU has AVX2, FMA3 and F16C
// and the environment does not ask for the fallback (FOUROVERSIX_CPU_ISA=sse2); the SSE2/SIMD4
// kernels of RowKernels/TileKernels stay the path of every other machine and of the
// configurations the C kernels do not cover (`AVX2Pass.covers`). `quantizeUnitsAVX2` writes
// the same codes, scale bytes (either layout) and alternative counts as `quantizeUnits` with
// the SIMD4 kernels — bit-identical with the scalar reference — for the units it is given.

import BlockFormats
import BlockQuantization
import CPUKernelsISA

/// The instruction set of the CPU quantization and dequantization kernels.
public enum QuantizationISA: String, Sendable, CaseIterable {
    /// The SIMD4 Swift kernels: baseline x86-64 (SSE2) and every other architecture.
    case sse2
    /// The 8-lane C kernels of CPUKernelsISA (AVX2 + FMA + F16C), chosen at run time.
    case avx2

    /// Whether this machine can run the kernels.
    public var isAvailable: Bool { self == .sse2 || fos_cpu_has_avx2_fma_f16c() != 0 }

    /// `.avx2` where available, unless the environment variable `FOUROVERSIX_CPU_ISA` is `sse2`.
    public static let selected: QuantizationISA = choose(
        environment: getenv("FOUROVERSIX_CPU_ISA").map { String(cString: $0) },
        avx2Available: QuantizationISA.avx2.isAvailable)

    /// The choice for a value of FOUROVERSIX_CPU_ISA (nil when unset).
    static func choose(environment: String?, avx2Available: Bool) -> QuantizationISA {
        if environment?.lowercased() == "sse2" { return .sse2 }
        return avx2Available ? .avx2 : .sse2
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum AVX2Pass {
    /// Values per superblock (16 blocks of 16).
    static var superblock: Int { 256 }

    /// Whether the C kernels cover a configuration: NVFP4 (static and 4/6), NVINT4 and IF4 with
    /// 1-D blocks and round-to-nearest; NVFP4 (static and 4/6) and NVINT4 also with stochastic
    /// rounding; MXFP4 (1-D and 2-D, both roundings); static NVFP4 and NVINT4 with 2-D tiles (both
    /// roundings) and NVFP4 4/6 with 2-D tiles (round to nearest); 4/6 and IF4 only for amax in
    /// [2^-100, 2^100], where their division-free dequantization is exact (fos_dequantized in
    /// QuantizeAVX2.c).
    static func covers(_ kernel: KernelChoice, _ g: QuantizationGeometry, _ ctx: TensorQuantizationContext) -> Bool {
        // MXFP4: 32-value blocks (two 16-value blocks of the staged layout), 1-D or 2-D.
        if case .mxfp4 = kernel { return g.block == 32 }
        guard g.block == 16 else { return false }
        // 2-D tiles: the static kernels, given each tile's maximum as every row's block maxima;
        // 4/6 (round to nearest) with the tile kernel.
        if g.tileRows > 1 {
            switch kernel {
            case .staticFP4, .staticINT4: return true
            case .fourOverSix: return ctx.stochasticSeed == nil && ctx.amax >= 0x1p-100 && ctx.amax <= 0x1p100
            default: return false
            }
        }
        if ctx.stochasticSeed != nil {
            switch kernel {
            case .staticFP4, .staticINT4: return true
            case .fourOverSix: return ctx.amax >= 0x1p-100 && ctx.amax <= 0x1p100
            case .if4: return false
            case .mxfp4: return true
            }
        }
        switch kernel {
        case .staticFP4, .staticINT4: return true
        case .fourOverSix, .if4: return ctx.amax >= 0x1p-100 && ctx.amax <= 0x1p100
        case .mxfp4: return true
        }
    }

    static func ruleCode(_ rule: ScaleRule) -> Int32 {
        switch rule {
        case .mse: return Int32(FOS_RULE_MSE)
        case .mae: return Int32(FOS_RULE_MAE)
        default: return Int32(FOS_RULE_ABS_MAX)
        }
    }
}

extension PanelPlan {
    /// The plan of the AVX2 pass: windows of whole superblocks, small enough (8 KB for a
    /// plain row) that a window is still in L1 when the kernel reads what staging wrote.
    /// Transposed panels span 4 cache lines of each source row: every source row a panel
    /// reads costs a TLB miss (rows are pages apart), so wide panels read fewer of them.
    static func avx2(_ g: QuantizationGeometry, elementSize: Int) -> PanelPlan {
        PanelPlan(
            g, elementSize: elementSize, groupWidth: AVX2Pass.superblock,
            budget: g.transpose ? 8192 : 2048, transposedLines: 4)
    }
}

/// Quantizes units `units` with the C kernels; returns their number of alternative blocks.
func quantizeUnitsAVX2(
    _ x: TensorElements, _ g: QuantizationGeometry, plan: PanelPlan, units: Range<Int>,
    kernel: KernelChoice, context ctx: TensorQuantizationContext,
    codes: UnsafeMutablePointer<UInt8>, rowBytes: Int, scales: UnsafeMutablePointer<UInt8>,
    swizzled: Bool
) -> Int {
    var constants = fos_block_constants(
        max_value: ctx.constants.maxValue, encode_scale: ctx.encodeScale,
        inverse_encode_scale: ctx.inverseEncodeScale, amax: ctx.amax, product: ctx.constants.product)
    let n = plan.panelFloats
    let sb = AVX2Pass.superblock
    let staged = UnsafeMutableRawPointer.allocate(byteCount: 4 * n, alignment: 64)
        .bindMemory(to: Float.self, capacity: n)
    let natural = UnsafeMutableRawPointer.allocate(byteCount: 4 * n, alignment: 64)
        .bindMemory(to: Float.self, capacity: n)
    // Outputs of a superblock that is not written in place: 128 code bytes, 16 scale bytes;
    // and one row's scale bytes for the swizzled layout.
    let tailCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
    let tailScales = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
    let rowScales = UnsafeMutablePointer<UInt8>.allocate(capacity: plan.chunkCols / 16)
    // Block maxima the 16-bit stagings leave (chunkCols / 16 per row); a 2-D window's tile maxima.
    let maxima = UnsafeMutablePointer<Float>.allocate(capacity: n / 16)
    let tiled = g.tileRows > 1
    let tileMaxima = UnsafeMutablePointer<Float>.allocate(capacity: plan.chunkCols / 16)
    // A 2-D 4/6 window's codes (row by row) and its rows' shared scale bytes.
    let tileChoice: Bool
    if case .fourOverSix = kernel { tileChoice = tiled } else { tileChoice = false }
    let windowCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: tileChoice ? n / 2 : 1)
    let windowScales = UnsafeMutablePointer<UInt8>.allocate(capacity: plan.chunkCols / 16)
    // Stochastic rounding: the window's noise, staged like the values.
    let seed = ctx.stochasticSeed
    let noise = UnsafeMutableRawPointer.allocate(byteCount: seed == nil ? 64 : 4 * n, alignment: 64)
        .bindMemory(to: Float.self, capacity: seed == nil ? 16 : n)
    defer {
        staged.deallocate(); natural.deallocate(); tailCodes.deallocate(); tailScales.deallocate()
        rowScales.deallocate(); maxima.deallocate(); tileMaxima.deallocate(); noise.deallocate()
        windowCodes.deallocate(); windowScales.deallocate()
    }
    let rule = kernel.fourOverSixRule.map(AVX2Pass.ruleCode) ?? 0
    // Scale bytes per superblock: 16, or 8 for MXFP4's 32-value blocks.
    let perSuperblock = sb / g.block

    @inline(__always) func run(
        _ p: UnsafePointer<Float>, _ m: UnsafePointer<Float>?, _ count: Int,
        _ c: UnsafeMutablePointer<UInt8>, _ s: UnsafeMutablePointer<UInt8>, noise r: UnsafePointer<Float>
    ) -> Int {
        if case .mxfp4 = kernel {
            fos_quantize_mxfp4_avx2(p, m, count, &constants, seed == nil ? nil : r, c, s)
            return 0
        }
        if seed != nil {
            switch kernel {
            case .fourOverSix:
                return fos_quantize_four_over_six_stochastic_avx2(
                    p, m, count, &constants, rule, r, ctx.choosesFromNearest ? 1 : 0, c, s)
            case .staticINT4: fos_quantize_static_stochastic_avx2(p, m, count, &constants, r, 1, c, s)
            default: fos_quantize_static_stochastic_avx2(p, m, count, &constants, r, 0, c, s)
            }
            return 0
        }
        switch kernel {
        case .staticFP4: fos_quantize_static_avx2(p, m, count, &constants, c, s); return 0
        case .staticINT4: fos_quantize_int4_avx2(p, m, count, &constants, c, s); return 0
        case .if4: return fos_quantize_if4_avx2(p, m, count, &constants, rule, c, s)
        default: return fos_quantize_four_over_six_avx2(p, m, count, &constants, rule, c, s)
        }
    }

    var alternatives = 0
    for u in units {
        let r0 = u * plan.panelRows
        let realRows = min(plan.panelRows, g.rows - r0)
        for c0 in stride(from: 0, to: g.paddedCols, by: plan.chunkCols) {
            let blocks = min(plan.chunkCols, g.paddedCols - c0) / 16
            let superblocks = (blocks + 15) / 16
            let full = blocks / 16
            let withMaxima = stageWindowAVX2(
                x, g, plan: plan, r0: r0, c0: c0, superblocks: superblocks,
                into: staged, scratch: natural, maxima: tiled ? nil : maxima)
            if tiled {
                // Every row of a tile quantizes its blocks at the tile's maximum (rows past the
                // end are zero padding in the reference: they add nothing to it).
                tileMaxima.initialize(repeating: 0, count: superblocks * 16)
                for i in 0..<realRows {
                    fos_raise_to_block_maxima_avx2(staged + i * plan.chunkCols, superblocks, tileMaxima)
                }
            }
            if tileChoice {
                alternatives += fos_quantize_four_over_six_tiles_avx2(
                    staged, plan.chunkCols, Int32(realRows), tileMaxima, superblocks, &constants, rule, windowCodes,
                    windowScales)
                for i in 0..<realRows {
                    let row = r0 + i
                    (codes + row * rowBytes + c0 / 2).update(
                        from: windowCodes + i * superblocks * 128, count: 8 * blocks)
                    if swizzled {
                        RowOutput(
                            codes: codes, scales: scales, row: row, firstBlock: c0 / g.block, swizzled: true,
                            scaleCols: g.scaleCols
                        ).copySwizzled(windowScales, count: blocks)
                    } else {
                        (scales + row * g.scaleCols + c0 / 16).update(from: windowScales, count: blocks)
                    }
                }
                continue
            }
            for i in 0..<realRows {
                let row = r0 + i
                let p = staged + i * plan.chunkCols
                let r = noise + (seed == nil ? 0 : i * plan.chunkCols)
                if let seed {
                    stageNoise(
                        seed: seed, g, r0: row, p: 1, c0: c0, c: superblocks * sb, interleave: 0, into: natural,
                        isa: .avx2)
                    fos_stage_f32_avx2(natural, superblocks, r)
                }
                let codeOut = codes + row * rowBytes + c0 / 2
                let scaleOut = swizzled ? rowScales : scales + row * g.scaleCols + c0 / g.block
                let m =
                    tiled
                    ? UnsafePointer(tileMaxima)
                    : withMaxima >= full ? UnsafePointer(maxima + i * (plan.chunkCols / 16)) : nil
                if full > 0 { alternatives += run(p, m, full, codeOut, scaleOut, noise: r) }
                if full < superblocks {
                    // The last, partial superblock: its padding blocks are zeros (never "alternative").
                    let rest = blocks - full * 16
                    alternatives += run(
                        p + full * sb, tiled ? UnsafePointer(tileMaxima + full * 16) : nil, 1, tailCodes, tailScales,
                        noise: r + full * sb)
                    (scaleOut + full * perSuperblock).update(from: tailScales, count: rest * 16 / g.block)
                    (codeOut + full * 128).update(from: tailCodes, count: 8 * rest)
                }
                if swizzled {
                    let out = RowOutput(
                        codes: codeOut, scales: scales, row: row, firstBlock: c0 / g.block, swizzled: true,
                        scaleCols: g.scaleCols)
                    out.copySwizzled(rowScales, count: blocks * 16 / g.block)
                }
            }
        }
    }
    return alternatives
}

/// Stages the window rows [r0, r0 + realRows) × superblocks from c0 of the quantized orientation
/// (transposed and rotated as the geometry says; rows `plan.chunkCols` floats apart).
/// `scratch` holds `plan.panelFloats` floats. Returns how many leading superblocks of each row
/// got their block maxima in `maxima` (row i's at maxima + i · chunkCols / 16; see
/// fos_stage_bf16_avx2) — 0 when `maxima` is nil or the staging does not produce them.
/// With `rotatedMaximum` (RHT geometries) the window's max |RHT output| over its real rows is
/// folded into it instead of the rotated values being stored.
@discardableResult
func stageWindowAVX2(
    _ x: TensorElements, _ g: QuantizationGeometry, plan: PanelPlan, r0: Int, c0: Int,
    superblocks: Int, into staged: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    maxima: UnsafeMutablePointer<Float>? = nil, rotatedMaximum: UnsafeMutablePointer<Float>? = nil
) -> Int {
    var withMaxima = 0
    let sb = AVX2Pass.superblock
    let realRows = min(plan.panelRows, g.rows - r0)
    var rotate = g.rht
    if g.transpose && !(realRows == plan.panelRows && c0 + superblocks * sb <= g.sourceBackedCols) {
        // A ragged panel: staged in natural order (RHT included), then interleaved.
        stage(x, g, r0: r0, p: plan.panelRows, c0: c0, c: plan.chunkCols, into: scratch)
        for i in 0..<realRows {
            fos_stage_f32_avx2(scratch + i * plan.chunkCols, superblocks, staged + i * plan.chunkCols)
        }
        rotate = false
    } else if g.transpose {
        let (base, kind) = x.rawSource
        for s in 0..<superblocks {
            let next = c0 + (s + 1) * sb
            fos_stage_transposed_avx2(
                base, kind, g.sourceCols, c0 + s * sb, r0, Int32(plan.panelRows),
                staged + s * sb, plan.chunkCols, max(0, min(sb, g.sourceBackedCols - next)))
        }
    } else {
        for i in 0..<realRows {
            withMaxima = stageRowAVX2(
                x, g, row: r0 + i, c0: c0, superblocks: superblocks,
                into: staged + i * plan.chunkCols, scratch: scratch,
                maxima: g.rht ? nil : maxima.map { $0 + i * (plan.chunkCols / 16) })
        }
    }
    for i in 0..<realRows {
        let row = staged + i * plan.chunkCols
        if let m = rotatedMaximum {
            // A ragged transposed panel arrives rotated already.
            let best = rotate ? fos_rht_staged_max_avx2(row, superblocks) : fos_max_abs_avx2(row, superblocks * sb)
            m.pointee = max(m.pointee, best)
        } else if rotate {
            fos_rht_staged_avx2(row, superblocks)
        }
    }
    return withMaxima
}

/// max |x| of the RHT-rotated tensor (`CPUQuantizer.rhtAmax`) from the AVX2 staging and RHT.
func rhtAmaxAVX2(_ x: TensorElements, _ g: QuantizationGeometry, threads: Int) -> Float {
    let plan = PanelPlan.avx2(g, elementSize: x.elementSize)
    var maxima = [Float](repeating: 0, count: max(1, threads))
    maxima.withUnsafeMutableBufferPointer { m in
        let mp = SendablePointer(m.baseAddress!)
        CPUParallel.parallelChunks(plan.units, threads: threads) { i, units in
            let n = plan.panelFloats
            let staged = UnsafeMutableRawPointer.allocate(byteCount: 4 * n, alignment: 64)
                .bindMemory(to: Float.self, capacity: n)
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: n)
            defer { staged.deallocate(); scratch.deallocate() }
            var best: Float = 0
            for u in units {
                for c0 in stride(from: 0, to: g.paddedCols, by: plan.chunkCols) {
                    let superblocks = (min(plan.chunkCols, g.paddedCols - c0) / 16 + 15) / 16
                    stageWindowAVX2(
                        x, g, plan: plan, r0: u * plan.panelRows, c0: c0, superblocks: superblocks, into: staged,
                        scratch: scratch, rotatedMaximum: &best)
                }
            }
            mp.p[i] = best
        }
    }
    return maxima.max() ?? 0
}

/// Stages quantized row `row`, columns [c0, c0 + 256·superblocks), read in place (no transpose,
/// no RHT): whole superblocks straight from the source, the ragged end through `scratch`.
/// Returns the number of leading superblocks whose block maxima went to `maxima` (16-bit inputs).
private func stageRowAVX2(
    _ x: TensorElements, _ g: QuantizationGeometry, row: Int, c0: Int, superblocks: Int,
    into out: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    maxima: UnsafeMutablePointer<Float>?
) -> Int {
    var withMaxima = 0
    let sb = AVX2Pass.superblock
    let realCols = max(0, min(superblocks * sb, g.sourceBackedCols - c0))
    let direct = realCols / sb
    let start = row * g.sourceCols + c0
    if direct > 0 {
        switch x {
        case let .f32(b): fos_stage_f32_avx2(b.baseAddress! + start, direct, out)
        case let .bf16(b):
            fos_stage_bf16_avx2(b.baseAddress! + start, direct, out, maxima)
            withMaxima = maxima == nil ? 0 : direct
        case let .f16(b):
            fos_stage_f16_avx2(b.baseAddress! + start, direct, out, maxima)
            withMaxima = maxima == nil ? 0 : direct
        }
    }
    if direct < superblocks {
        let done = direct * sb
        scratch.initialize(repeating: 0, count: (superblocks - direct) * sb)
        if realCols > done { widen(x, start: start + done, count: realCols - done, into: scratch) }
        fos_stage_f32_avx2(scratch, superblocks - direct, out + done)
    }
    return withMaxima
}

extension TensorElements {
    /// The base address and CPUKernelsISA's element kind (0 F32, 1 BF16, 2 F16).
    var rawSource: (UnsafeRawPointer, Int32) {
        switch self {
        case let .f32(b): return (UnsafeRawPointer(b.baseAddress!), 0)
        case let .bf16(b): return (UnsafeRawPointer(b.baseAddress!), 1)
        case let .f16(b): return (UnsafeRawPointer(b.baseAddress!), 2)
        }
    }
}

extension KernelChoice {
    /// The rule of an adaptive kernel (4/6 or IF4).
    var fourOverSixRule: ScaleRule? {
        switch self {
        case let .fourOverSix(rule), let .if4(rule): return rule
        default: return nil
        }
    }
}

extension RowOutput {
    /// Copies `count` scale bytes of this row segment (block order) to their swizzled places.
    func copySwizzled(_ bytes: UnsafePointer<UInt8>, count: Int) {
        for j in 0..<count { scales[scaleIndex(j, row: row)] = bytes[j] }
    }
}
