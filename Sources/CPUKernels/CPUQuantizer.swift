// The fast CPU quantizer: SIMD kernels over small pre-processed panels, rows split between
// threads — CPUKernelsISA's AVX2 kernels where the CPU has them and they cover the config
// (AVX2Pass.swift), the SIMD4 kernels otherwise. The public entry points of CPUKernels.
//
// Promises: `CPUQuantizer` is a `BlockQuantizer` (the policy — validation, errors, amax,
// zeros, scalar fallbacks — is BlockQuantization's); its steps give bit-identical codes,
// scale bytes (either layout), amax, alternativeBlockCount and blockCount with
// `ReferenceQuantizer` for every format, rule and option, for any thread count. Inputs are
// read in place (F32, BF16 or F16); the only whole-tensor buffers are the outputs, and
// `quantize(…, into:)` writes a previous result's again when their sizes fit.

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

/// The code and scale arrays of a result: `storage`'s where their sizes match (taken from it),
/// else new ones (codes with huge pages advised). The kernels write every code byte and every
/// row-major scale byte; the swizzled layout's padding is not written, so `zeroScales` zeroes
/// the scales first.
func outputArrays(
    codeCount: Int, scaleCount: Int, zeroScales: Bool, reusing storage: inout QuantizedTensor?
) -> (codes: [UInt8], scales: [UInt8]) {
    var codes: [UInt8]?, scales: [UInt8]?
    if var old = storage.take() {
        if old.codes.count == codeCount { codes = old.codes }
        if old.scales.count == scaleCount { scales = old.scales }
        old.codes = []  // the taken arrays' only references are ours now
        old.scales = []
    }
    let c =
        codes
        ?? [UInt8](unsafeUninitializedCapacity: codeCount) { b, n in
            adviseHugePages(b)
            n = codeCount
        }
    var s = scales ?? [UInt8](unsafeUninitializedCapacity: scaleCount) { _, n in n = scaleCount }
    if zeroScales { s.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
    return (c, s)
}

/// The fast CPU quantizer: `BlockQuantizer`'s fast steps on `threads` threads.
public struct CPUQuantizer: BlockQuantizer, Sendable {
    public typealias Failure = QuantizationError
    public typealias Prepared = TensorElements
    public let threads: Int
    /// Elements per thread below which fewer threads are used.
    let minimumPerThread: Int
    /// The kernels' instruction set (`QuantizationISA.selected` unless a test asks for another).
    let isa: QuantizationISA

    public init(threads: Int = CPUParallel.defaultThreadCount) {
        self.init(threads: threads, minimumPerThread: Self.defaultMinimumPerThread)
    }

    init(threads: Int, minimumPerThread: Int, isa: QuantizationISA = .selected) {
        precondition(isa.isAvailable, "\(isa) kernels are not available on this CPU")
        self.threads = threads
        self.minimumPerThread = minimumPerThread
        self.isa = isa
    }

    /// Quantizes a row-major `[rows, cols]` tensor; see `BlockQuantizer.quantize`.
    /// - Parameter amax: a tensor amax supplied by the caller (calibrated activations, or one
    ///   amax shared by fused layers); by default max |x| of the pre-processed tensor.
    public static func quantize(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float? = nil, threads: Int = CPUParallel.defaultThreadCount
    )
        throws(QuantizationError) -> QuantizedTensor
    {
        try CPUQuantizer(threads: threads).quantize(x, rows: rows, cols: cols, config: config, amax: amax)
    }

    /// `quantize` into `output`, reusing its code and scale arrays when their sizes fit (see
    /// `BlockQuantizer.quantize(_:rows:cols:config:amax:into:)`).
    public static func quantize(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float? = nil, threads: Int = CPUParallel.defaultThreadCount, into output: inout QuantizedTensor
    ) throws(QuantizationError) {
        try CPUQuantizer(threads: threads).quantize(
            x, rows: rows, cols: cols, config: config, amax: amax, into: &output)
    }

    /// The amax `quantize` would use: max |x| after the config's pre-processing (1 for
    /// MXFP4). Validates the config, the shape and finiteness like `quantize`.
    public static func amax(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig,
        threads: Int = CPUParallel.defaultThreadCount
    ) throws(QuantizationError) -> Float {
        try CPUQuantizer(threads: threads).amax(x, rows: rows, cols: cols, config: config)
    }

    /// Elements per thread below which fewer threads are used (waking a worker costs ~10 µs).
    static let defaultMinimumPerThread = 1 << 15

    static func quantize(
        _ x: TensorElements, rows: Int, cols: Int, config: QuantizationConfig, amax supplied: Float?,
        threads: Int, minimumPerThread: Int, isa: QuantizationISA = .selected
    )
        throws(QuantizationError) -> QuantizedTensor
    {
        try CPUQuantizer(threads: threads, minimumPerThread: minimumPerThread, isa: isa)
            .quantize(x, rows: rows, cols: cols, config: config, amax: supplied)
    }

    /// Threads used for `x`: small tensors run on fewer.
    func effectiveThreads(for x: TensorElements) -> Int {
        CPUParallel.effectiveThreads(threads, work: x.count, minimumPerThread: minimumPerThread)
    }

    // MARK: BlockQuantizer steps

    public func scan(_ x: TensorElements) -> ElementScan {
        Self.rawScan(x, threads: effectiveThreads(for: x), isa: isa)
    }

    /// The input is read in place: nothing to stage.
    public func prepare(_ x: TensorElements, _ g: QuantizationGeometry) -> TensorElements { x }

    public func rotatedAmax(_ x: TensorElements, _ g: QuantizationGeometry) -> Float {
        isa == .avx2
            ? rhtAmaxAVX2(x, g, threads: effectiveThreads(for: x))
            : Self.rhtAmax(x, g, threads: effectiveThreads(for: x))
    }

    public func quantizeBlocks(
        _ x: TensorElements, _ g: QuantizationGeometry,
        context: TensorQuantizationContext
    ) -> QuantizedTensor {
        var none: QuantizedTensor? = nil
        return quantizeBlocks(x, g, context: context, reusing: &none)
    }

    public func quantizeBlocks(
        _ x: TensorElements, _ g: QuantizationGeometry,
        context: TensorQuantizationContext, reusing storage: inout QuantizedTensor?
    ) -> QuantizedTensor {
        Self.run(x, g, context: context, threads: effectiveThreads(for: x), isa: isa, reusing: &storage)
    }

    public func dequantize(_ q: QuantizedTensor) -> [Float] {
        var out = [Float](repeating: 0, count: q.rows * q.cols)
        out.withUnsafeMutableBufferPointer {
            Self.dequantize(q, into: $0, threads: threads, minimumPerThread: minimumPerThread, isa: isa)
        }
        return out
    }

    // MARK: - Scans

    /// max |x| of the raw input and its first NaN/Inf element, scanned in parallel.
    static func rawScan(_ x: TensorElements, threads: Int, isa: QuantizationISA = .selected) -> ElementScan {
        let count = x.count
        let parts = max(1, min(threads, count))
        var maxima = [Float](repeating: 0, count: parts)
        var flags = [Bool](repeating: false, count: parts)
        maxima.withUnsafeMutableBufferPointer { m in
            flags.withUnsafeMutableBufferPointer { f in
                let mp = SendablePointer(m.baseAddress!), fp = SendablePointer(f.baseAddress!)
                CPUParallel.parallelChunks(count, threads: parts) { i, range in
                    let (a, bad) = scanMagnitude(x, range, isa: isa)
                    mp.p[i] = a
                    fp.p[i] = bad
                }
            }
        }
        if flags.contains(true), let bad = firstNonFinite(x) {
            return ElementScan(maxMagnitude: 0, firstNonFinite: bad)
        }
        return ElementScan(maxMagnitude: maxima.max() ?? 0, firstNonFinite: nil)
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

    static func run(
        _ x: TensorElements, _ g: QuantizationGeometry, context ctx: TensorQuantizationContext,
        threads: Int, isa: QuantizationISA, reusing storage: inout QuantizedTensor?
    ) -> QuantizedTensor {
        let config = g.config
        let kernel = KernelChoice(config)
        let avx2 = isa == .avx2 && AVX2Pass.covers(kernel, g, ctx)
        let plan = avx2 ? PanelPlan.avx2(g, elementSize: x.elementSize) : PanelPlan(g, elementSize: x.elementSize)
        let rowBytes = g.packedRowBytes
        let swizzled = config.scaleLayout == .swizzled128x4
        let scaleCount = g.scaleByteCount
        var alternatives = [Int](repeating: 0, count: max(1, threads))
        var (codes, scales) = outputArrays(
            codeCount: g.rows * rowBytes, scaleCount: scaleCount, zeroScales: swizzled, reusing: &storage)
        codes.withUnsafeMutableBufferPointer { codeBuffer in
            scales.withUnsafeMutableBufferPointer { scaleBuffer in
                alternatives.withUnsafeMutableBufferPointer { alt in
                    guard let c = codeBuffer.baseAddress, let s = scaleBuffer.baseAddress else { return }
                    let codesP = SendablePointer(c), scalesP = SendablePointer(s)
                    let altP = SendablePointer(alt.baseAddress!)
                    CPUParallel.parallelChunks(plan.units, threads: threads) { i, units in
                        altP.p[i] =
                            avx2
                            ? quantizeUnitsAVX2(
                                x, g, plan: plan, units: units, kernel: kernel, context: ctx,
                                codes: codesP.p, rowBytes: rowBytes, scales: scalesP.p,
                                swizzled: swizzled)
                            : quantizeUnits(
                                x, g, plan: plan, units: units, kernel: kernel, context: ctx,
                                codes: codesP.p, rowBytes: rowBytes, scales: scalesP.p,
                                swizzled: swizzled, noiseISA: isa)
                    }
                }
            }
        }
        return QuantizedTensor(
            g, amax: ctx.amax, codes: codes, scales: scales,
            alternativeBlockCount: alternatives.reduce(0, +))
    }
}
