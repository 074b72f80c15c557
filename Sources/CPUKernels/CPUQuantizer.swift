// The fast CPU quantizer: SIMD kernels over small pre-processed panels, rows split between
// threads. The public entry points of CPUKernels.
//
// Promises: `CPUQuantizer.quantize` has the contract and the result of
// `ReferenceQuantizer.quantize` — same validation and errors (an unsupported rule, a shape
// mismatch, an empty axis, an invalid amax, then the first NaN/Inf element), bit-identical
// codes, scale bytes (either layout), amax, alternativeBlockCount and blockCount — for
// every format, rule and option, for any thread count. Inputs are read in place (F32, BF16
// or F16); the only whole-tensor buffers are the outputs. Tensors whose RHT could overflow
// float32 (inputs of magnitude ≥ 2^124) take the scalar reference path, which is then the
// result by definition.

import BlockFormats
import BlockQuantization
#if canImport(Glibc)
import Glibc
#endif

/// Asks Linux for transparent huge pages on a large, untouched output buffer: its first
/// writes then fault once per 2 MB instead of once per 4 KB (measured: page faults were ~10%
/// of a quantization pass). A hint only; nothing depends on it.
func adviseHugePages(_ b: UnsafeMutableBufferPointer<UInt8>) {
    #if os(Linux)
    let huge = 1 << 21
    guard let base = b.baseAddress, b.count >= 2 * huge else { return }
    let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: base) + b.count) & ~(huge - 1)
    if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
    #endif
}

public enum CPUQuantizer {
    /// Quantizes a row-major `[rows, cols]` tensor; see `ReferenceQuantizer.quantize`.
    /// - Parameter amax: a tensor amax supplied by the caller (calibrated activations, or one
    ///   amax shared by fused layers); by default max |x| of the pre-processed tensor.
    public static func quantize(_ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
                                amax: Float? = nil,
                                threads: Int = CPUParallel.defaultThreadCount) throws(QuantizationError) -> QuantizedTensor {
        try quantize(x, rows: rows, cols: cols, config: config, amax: amax, threads: threads,
                     minimumPerThread: defaultMinimumPerThread)
    }

    /// The amax `quantize` would use: max |x| after the config's pre-processing (1 for
    /// MXFP4). Validates the config, the shape and finiteness like `quantize`.
    public static func amax(_ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
                            threads: Int = CPUParallel.defaultThreadCount) throws(QuantizationError) -> Float {
        try ReferenceQuantizer.validate(count: x.count, rows: rows, cols: cols, config: config, amax: nil)
        let g = QuantizationGeometry(rows: rows, cols: cols, config: config)
        let t = CPUParallel.effectiveThreads(threads, work: x.count, minimumPerThread: defaultMinimumPerThread)
        let raw = try rawScan(x, threads: t)
        if config.format == .mxfp4 { return 1 }
        guard config.rht else { return raw }
        if raw >= rhtFallbackMagnitude {
            return ReferenceQuantizer.defaultAmax(
                try ReferenceQuantizer.validatedPreprocess(x.floatArray(), rows: rows, cols: cols, config: config, amax: nil).values,
                format: config.format)
        }
        return rhtAmax(x, g, threads: t)
    }

    /// Elements per thread below which fewer threads are used (waking a worker costs ~10 µs).
    static let defaultMinimumPerThread = 1 << 15
    /// With RHT, inputs at least this large could overflow the transform's sums: reference path.
    static let rhtFallbackMagnitude: Float = 0x1p124

    static func quantize(_ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
                         amax supplied: Float?, threads: Int, minimumPerThread: Int) throws(QuantizationError) -> QuantizedTensor {
        try ReferenceQuantizer.validate(count: x.count, rows: rows, cols: cols, config: config, amax: supplied)
        let g = QuantizationGeometry(rows: rows, cols: cols, config: config)
        let t = CPUParallel.effectiveThreads(threads, work: x.count, minimumPerThread: minimumPerThread)
        let raw = try rawScan(x, threads: t)
        if config.rht && raw >= rhtFallbackMagnitude {
            return try ReferenceQuantizer.quantize(x.floatArray(), rows: rows, cols: cols, config: config, amax: supplied)
        }
        let amax: Float
        if let supplied {
            amax = supplied
        } else if config.format == .mxfp4 {
            amax = 1
        } else {
            amax = config.rht ? rhtAmax(x, g, threads: t) : raw
        }
        let ctx = TensorQuantizationContext(format: config.format, rule: config.rule, amax: amax,
                                            rounding: config.rounding)
        // amax == 0, or a tensor scale that does not fit float32 (`isDegenerate`: the reference
        // stores such tensors as zeros): every scale 0, every code +0.
        if config.format != .mxfp4 && (amax == 0 || ctx.isDegenerate) {
            return zeroTensor(g, config: config, amax: amax)
        }
        // A tensor scale so small that some block multiplier 1/(dec·scale) could overflow: the
        // scalar reference defines those blocks (`needsScalarPath`).
        if ctx.needsScalarPath {
            return try ReferenceQuantizer.quantize(x.floatArray(), rows: rows, cols: cols, config: config, amax: supplied)
        }
        return run(x, g, config: config, context: ctx, threads: t)
    }

    // MARK: - Scans

    /// Validates finiteness (throwing the first bad element) and returns max |x| of the raw input.
    static func rawScan(_ x: TensorElements, threads: Int) throws(QuantizationError) -> Float {
        let count = x.count
        let parts = max(1, min(threads, count))
        var maxima = [Float](repeating: 0, count: parts)
        var flags = [Bool](repeating: false, count: parts)
        maxima.withUnsafeMutableBufferPointer { m in
            flags.withUnsafeMutableBufferPointer { f in
                let mp = SendablePointer(m.baseAddress!), fp = SendablePointer(f.baseAddress!)
                CPUParallel.parallelChunks(count, threads: parts) { i, range in
                    let (a, bad) = scanMagnitude(x, range)
                    mp.p[i] = a
                    fp.p[i] = bad
                }
            }
        }
        if flags.contains(true), let bad = firstNonFinite(x) {
            throw .nonFinite(index: bad.index, value: bad.value)
        }
        return maxima.max() ?? 0
    }

    /// max |x| of the pre-processed (RHT) tensor.
    static func rhtAmax(_ x: TensorElements, _ g: QuantizationGeometry, threads: Int) -> Float {
        let plan = PanelPlan(g, elementSize: x.elementSize)
        var maxima = [Float](repeating: 0, count: max(1, threads))
        maxima.withUnsafeMutableBufferPointer { m in
            let mp = SendablePointer(m.baseAddress!)
            CPUParallel.parallelChunks(plan.units, threads: threads) { i, units in
                let buf = UnsafeMutablePointer<Float>.allocate(capacity: plan.panelFloats)
                defer { buf.deallocate() }
                var acc = F4()
                for u in units {
                    let r0 = u * plan.panelRows
                    let realRows = min(plan.panelRows, g.rows - r0)
                    for c0 in stride(from: 0, to: g.paddedCols, by: plan.chunkCols) {
                        stage(x, g, r0: r0, p: plan.panelRows, c0: c0, c: plan.chunkCols, into: buf)
                        let n = realRows * plan.chunkCols
                        var j = 0
                        while j < n { acc = vmax(acc, vabs(load4(buf, j))); j += 4 }
                    }
                }
                mp.p[i] = max(max(acc[0], acc[1]), max(acc[2], acc[3]))
            }
        }
        return maxima.max() ?? 0
    }

    // MARK: - Quantization pass

    /// amax == 0 or a degenerate tensor scale: every scale is 0 and every value quantizes to +0.
    static func zeroTensor(_ g: QuantizationGeometry, config: QuantizationConfig, amax: Float) -> QuantizedTensor {
        let scaleCount = config.scaleLayout == .rowMajor ? g.rows * g.scaleCols
            : ScaleLayout.swizzledByteCount(rows: g.rows, cols: g.scaleCols)
        return QuantizedTensor(config: config, rows: g.rows, cols: g.cols, paddedCols: g.paddedCols,
                               sourceRows: g.sourceRows, sourceCols: g.sourceCols, amax: amax,
                               codes: [UInt8](repeating: 0, count: g.rows * g.paddedCols / 2),
                               scales: [UInt8](repeating: 0, count: scaleCount),
                               alternativeBlockCount: 0, blockCount: blockCount(g))
    }

    static func blockCount(_ g: QuantizationGeometry) -> Int {
        (g.rows + g.tileRows - 1) / g.tileRows * g.scaleCols
    }

    static func run(_ x: TensorElements, _ g: QuantizationGeometry, config: QuantizationConfig,
                    context ctx: TensorQuantizationContext, threads: Int) -> QuantizedTensor {
        let plan = PanelPlan(g, elementSize: x.elementSize)
        let rowBytes = g.paddedCols / 2
        let swizzled = config.scaleLayout == .swizzled128x4
        let scaleCount = swizzled ? ScaleLayout.swizzledByteCount(rows: g.rows, cols: g.scaleCols) : g.rows * g.scaleCols
        var alternatives = [Int](repeating: 0, count: max(1, threads))
        let kernel = KernelChoice(config)
        // Every code byte, and every row-major scale byte, is written by the kernels.
        var codes = [UInt8](unsafeUninitializedCapacity: g.rows * rowBytes) { b, n in
            adviseHugePages(b)
            n = g.rows * rowBytes
        }
        var scales = swizzled ? [UInt8](repeating: 0, count: scaleCount)
            : [UInt8](unsafeUninitializedCapacity: scaleCount) { _, n in n = scaleCount }
        codes.withUnsafeMutableBufferPointer { codeBuffer in
            scales.withUnsafeMutableBufferPointer { scaleBuffer in
                alternatives.withUnsafeMutableBufferPointer { alt in
                    guard let c = codeBuffer.baseAddress, let s = scaleBuffer.baseAddress else { return }
                    let codesP = SendablePointer(c), scalesP = SendablePointer(s)
                    let altP = SendablePointer(alt.baseAddress!)
                    CPUParallel.parallelChunks(plan.units, threads: threads) { i, units in
                        altP.p[i] = quantizeUnits(x, g, plan: plan, units: units, kernel: kernel, context: ctx,
                                                  codes: codesP.p, rowBytes: rowBytes, scales: scalesP.p,
                                                  swizzled: swizzled)
                    }
                }
            }
        }
        return QuantizedTensor(config: config, rows: g.rows, cols: g.cols, paddedCols: g.paddedCols,
                               sourceRows: g.sourceRows, sourceCols: g.sourceCols, amax: ctx.amax,
                               codes: codes, scales: scales, alternativeBlockCount: alternatives.reduce(0, +),
                               blockCount: blockCount(g))
    }
}
