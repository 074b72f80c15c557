// Fast dequantization: codes and scale bytes → float32 or BF16, rows split between threads.
//
// Promises: `CPUQuantizer.dequantize` writes exactly `ReferenceQuantizer.dequantize(q)`
// (`[rows, cols]`, quantized orientation) bit for bit, and `dequantizeBF16` the RNE BF16 of
// each of those floats. Each value is a function of (scale byte, code) alone, so a thread
// fills a 16-entry table per scale byte on first use — with
// `ReferenceQuantizer.dequantizedValue`, the reference itself — and then every element is
// one table load (with AVX2: 16 codes per two `vpermps`/`vpshufb` lookups, CPUKernelsISA).

import BlockFormats
import BlockQuantization
import CPUKernelsISA

extension CPUQuantizer {
    /// Decodes `q` into float32 `out` (`q.rows × q.cols`, row-major).
    public static func dequantize(
        _ q: QuantizedTensor, into out: UnsafeMutableBufferPointer<Float>,
        threads: Int = CPUParallel.defaultThreadCount
    ) {
        dequantize(q, into: out, threads: threads, minimumPerThread: defaultMinimumPerThread)
    }

    /// Decodes `q` into BF16 bit patterns (`q.rows × q.cols`, row-major): RNE of the float32 result.
    public static func dequantizeBF16(
        _ q: QuantizedTensor, into out: UnsafeMutableBufferPointer<UInt16>,
        threads: Int = CPUParallel.defaultThreadCount
    ) {
        dequantizeBF16(q, into: out, threads: threads, minimumPerThread: defaultMinimumPerThread)
    }

    static func dequantize(
        _ q: QuantizedTensor, into out: UnsafeMutableBufferPointer<Float>, threads: Int,
        minimumPerThread: Int, isa: QuantizationISA = .selected,
        streamingBytes: Int = streamingBytes
    ) {
        if isa == .avx2 {
            decodeAVX2(
                q, into: UnsafeMutableRawPointer(out.baseAddress), count: out.count, bf16: false,
                threads: threads, minimumPerThread: minimumPerThread, streamingBytes: streamingBytes)
            return
        }
        decode(q, into: out, threads: threads, minimumPerThread: minimumPerThread) { v in v }
    }

    static func dequantizeBF16(
        _ q: QuantizedTensor, into out: UnsafeMutableBufferPointer<UInt16>, threads: Int,
        minimumPerThread: Int, isa: QuantizationISA = .selected,
        streamingBytes: Int = streamingBytes
    ) {
        if isa == .avx2 {
            decodeAVX2(
                q, into: UnsafeMutableRawPointer(out.baseAddress), count: out.count, bf16: true,
                threads: threads, minimumPerThread: minimumPerThread, streamingBytes: streamingBytes)
            return
        }
        decode(q, into: out, threads: threads, minimumPerThread: minimumPerThread) { v in BFloat16.bits(from: v) }
    }

    /// Fills the value tables (16 floats per scale byte, and the BF16 bytes of the same values:
    /// 16 low bytes, then 16 high bytes) of the scale bytes among `bytes` not yet `filled`, with
    /// the reference's `dequantizedValue`.
    static func fillTables(
        _ q: QuantizedTensor, _ bytes: UnsafePointer<UInt8>, count: Int,
        floats: UnsafeMutablePointer<Float>, halves: UnsafeMutablePointer<UInt8>?,
        filled: UnsafeMutablePointer<Bool>
    ) {
        let reciprocal = q.constants.reciprocalProduct
        for b in 0..<count where !filled[Int(bytes[b])] {
            let byte = bytes[b]
            for code in 0..<16 {
                let v = ReferenceQuantizer.dequantizedValue(
                    code: UInt8(code), scaleByte: byte, format: q.format, amax: q.amax, reciprocal: reciprocal)
                floats[16 * Int(byte) + code] = v
                if let halves {
                    let h = BFloat16.bits(from: v)
                    halves[32 * Int(byte) + code] = UInt8(truncatingIfNeeded: h)
                    halves[32 * Int(byte) + 16 + code] = UInt8(truncatingIfNeeded: h >> 8)
                }
            }
            filled[Int(byte)] = true
        }
    }

    /// Whether `rowErrorAccumulators` runs for `x` and `q`.
    public static func canAccumulateRowErrors(
        _ x: TensorElements, _ q: QuantizedTensor,
        isa: QuantizationISA = .selected
    ) -> Bool {
        isa == .avx2 && q.cols % 16 == 0 && !q.config.transpose && !q.config.rht
            && q.config.scaleLayout == .rowMajor && x.count == q.rows * q.cols
    }

    /// Σ(x̂−x)² and Σx² of the rows of `q` against its source `x`, as 8-lane float accumulators
    /// per row — `body(row, err, energy)` in row order: for each consecutive 8-value vector of the
    /// row, err += (x̂ − x)² and energy += x² lane by lane (product rounded, then added). Needs
    /// the AVX2 kernels, a row-major, untransformed tensor whose columns are a multiple of 16 and
    /// `x` its `[rows, cols]` source; returns false (calling nothing) otherwise.
    public static func rowErrorAccumulators(
        _ x: TensorElements, _ q: QuantizedTensor, rows: Range<Int>,
        isa: QuantizationISA = .selected,
        _ body: (Int, SIMD8<Float>, SIMD8<Float>) -> Void
    ) -> Bool {
        guard canAccumulateRowErrors(x, q, isa: isa) else { return false }
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: 256 * 16)
        let filled = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        filled.initialize(repeating: false, count: 256)
        defer { floats.deallocate(); filled.deallocate() }
        let (base, kind) = x.rawSource
        let size = kind == 0 ? 4 : 2
        let shift: Int32 = q.format.blockSize == 32 ? 1 : 0
        q.codes.withUnsafeBufferPointer { codes in
            q.scales.withUnsafeBufferPointer { scales in
                for r in rows {
                    let scaleRow = scales.baseAddress! + r * q.scaleCols
                    fillTables(q, scaleRow, count: q.scaleCols, floats: floats, halves: nil, filled: filled)
                    var err = SIMD8<Float>(), energy = SIMD8<Float>()
                    withUnsafeMutableBytes(of: &err) { e in
                        withUnsafeMutableBytes(of: &energy) { s in
                            fos_row_error_sums_avx2(
                                base + r * q.cols * size, kind, codes.baseAddress! + r * q.packedRowBytes, scaleRow,
                                q.cols / 16, shift, floats, e.baseAddress!.assumingMemoryBound(to: Float.self),
                                s.baseAddress!.assumingMemoryBound(to: Float.self))
                        }
                    }
                    body(r, err, energy)
                }
            }
        }
        return true
    }

    /// Output bytes from which dequantization streams its stores (twice the L3 cache here).
    static let streamingBytes = 64 << 20

    /// The AVX2 decoder: per thread, a table of the values of every (scale byte, code) pair that
    /// occurs — filled with `ReferenceQuantizer.dequantizedValue` before a row needs it — read
    /// 16 codes at a time by CPUKernelsISA's kernels; a ragged end of a row (cols not a multiple
    /// of 16) is read from the same table one element at a time.
    private static func decodeAVX2(
        _ q: QuantizedTensor, into out: UnsafeMutableRawPointer?, count: Int, bf16: Bool,
        threads: Int, minimumPerThread: Int, streamingBytes: Int
    ) {
        precondition(count == q.rows * q.cols, "output has \(count) elements, expected \(q.rows * q.cols)")
        precondition(q.codes.count == q.rows * q.packedRowBytes, "codes do not match the tensor's shape")
        guard q.rows > 0, q.cols > 0, let out else { return }
        let t = CPUParallel.effectiveThreads(threads, work: count, minimumPerThread: minimumPerThread)
        let block = q.format.blockSize, scaleCols = q.scaleCols, cols = q.cols
        let rowBytes = q.packedRowBytes
        let swizzled = q.config.scaleLayout == .swizzled128x4
        let paddedScaleCols = roundUp(scaleCols, 4)
        let groups = cols / 16, shift: Int32 = block == 32 ? 1 : 0
        // Outputs far larger than the caches go to memory with non-temporal stores (no read
        // for ownership); rows must then start 16-byte aligned.
        let streaming: Int32 =
            count * (bf16 ? 2 : 4) >= streamingBytes && Int(bitPattern: out) % 16 == 0
                && cols % 8 == 0 ? 1 : 0
        let outP = SendablePointer(out)
        q.codes.withUnsafeBufferPointer { codes in
            q.scales.withUnsafeBufferPointer { scales in
                let codesP = SendablePointer(codes.baseAddress!), scalesP = SendablePointer(scales.baseAddress!)
                CPUParallel.parallelFor(q.rows, threads: t) { range in
                    let floats = UnsafeMutablePointer<Float>.allocate(capacity: 256 * 16)
                    let halves = UnsafeMutablePointer<UInt8>.allocate(capacity: 256 * 32)
                    let filled = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
                    let gathered = UnsafeMutablePointer<UInt8>.allocate(capacity: scaleCols)
                    filled.initialize(repeating: false, count: 256)
                    defer { floats.deallocate(); halves.deallocate(); filled.deallocate(); gathered.deallocate() }
                    for r in range {
                        let scaleRow: UnsafePointer<UInt8>
                        if swizzled {
                            for b in 0..<scaleCols {
                                let i = ScaleLayout.swizzledIndex(row: r, col: b, paddedCols: paddedScaleCols)
                                gathered[b] = scalesP.p[i]
                            }
                            scaleRow = UnsafePointer(gathered)
                        } else {
                            scaleRow = UnsafePointer(scalesP.p + r * scaleCols)
                        }
                        fillTables(q, scaleRow, count: scaleCols, floats: floats, halves: halves, filled: filled)
                        let src = codesP.p + r * rowBytes
                        if bf16 {
                            let dst = outP.p.assumingMemoryBound(to: UInt16.self) + r * cols
                            fos_dequantize_bf16_avx2(src, scaleRow, groups, shift, halves, dst, streaming)
                            for i in (16 * groups)..<cols {
                                let v = src[i >> 1], byte = Int(scaleRow[i / block])
                                let code = Int(i & 1 == 0 ? v & 15 : v >> 4)
                                dst[i] = UInt16(halves[32 * byte + code]) | UInt16(halves[32 * byte + 16 + code]) << 8
                            }
                        } else {
                            let dst = outP.p.assumingMemoryBound(to: Float.self) + r * cols
                            fos_dequantize_f32_avx2(src, scaleRow, groups, shift, floats, dst, streaming)
                            for i in (16 * groups)..<cols {
                                let v = src[i >> 1]
                                dst[i] = floats[16 * Int(scaleRow[i / block]) + Int(i & 1 == 0 ? v & 15 : v >> 4)]
                            }
                        }
                    }
                }
            }
        }
    }

    private static func decode<T: BitwiseCopyable>(
        _ q: QuantizedTensor, into out: UnsafeMutableBufferPointer<T>,
        threads: Int, minimumPerThread: Int,
        _ convert: @escaping @Sendable (Float) -> T
    ) {
        precondition(out.count == q.rows * q.cols, "output has \(out.count) elements, expected \(q.rows * q.cols)")
        precondition(q.codes.count == q.rows * q.packedRowBytes, "codes do not match the tensor's shape")
        guard q.rows > 0, q.cols > 0 else { return }
        let t = CPUParallel.effectiveThreads(threads, work: out.count, minimumPerThread: minimumPerThread)
        let format = q.format, amax = q.amax, reciprocal = q.constants.reciprocalProduct
        let block = format.blockSize, scaleCols = q.scaleCols, rows = q.rows, cols = q.cols
        let rowBytes = q.packedRowBytes
        let swizzled = q.config.scaleLayout == .swizzled128x4
        let paddedScaleCols = roundUp(scaleCols, 4)
        q.codes.withUnsafeBufferPointer { codes in
            q.scales.withUnsafeBufferPointer { scales in
                let codesP = SendablePointer(codes.baseAddress!)
                let scalesP = SendablePointer(scales.baseAddress!)
                let outP = SendablePointer(out.baseAddress!)
                CPUParallel.parallelFor(rows, threads: t) { range in
                    // table[16·byte + code]; filled[byte] says whether the row of the table is ready.
                    let table = UnsafeMutablePointer<T>.allocate(capacity: 256 * 16)
                    let filled = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
                    filled.initialize(repeating: false, count: 256)
                    defer { table.deallocate(); filled.deallocate() }
                    @inline(__always) func entries(_ byte: UInt8) -> UnsafeMutablePointer<T> {
                        let e = table + 16 * Int(byte)
                        if !filled[Int(byte)] {
                            for code in 0..<16 {
                                (e + code).initialize(
                                    to: convert(
                                        ReferenceQuantizer.dequantizedValue(
                                            code: UInt8(code), scaleByte: byte, format: format, amax: amax,
                                            reciprocal: reciprocal)))
                            }
                            filled[Int(byte)] = true
                        }
                        return e
                    }
                    for r in range {
                        let src = codesP.p + r * rowBytes
                        let dst = outP.p + r * cols
                        let scaleBase = swizzled ? 0 : r * scaleCols
                        var c = 0
                        var b = 0
                        while c < cols {
                            let byte =
                                swizzled
                                ? scalesP.p[ScaleLayout.swizzledIndex(row: r, col: b, paddedCols: paddedScaleCols)]
                                : scalesP.p[scaleBase + b]
                            let e = entries(byte)
                            let end = min(cols, c + block)
                            if end - c == block {
                                // Whole block: 8 code bytes at a time.
                                var j = 0
                                while j < block {
                                    let w = UnsafeRawPointer(src + (c + j) / 2).loadUnaligned(as: UInt64.self)
                                    for k in 0..<8 {
                                        let byteK = Int(truncatingIfNeeded: w &>> UInt64(8 * k))
                                        dst[c + j + 2 * k] = e[byteK & 15]
                                        dst[c + j + 2 * k + 1] = e[(byteK >> 4) & 15]
                                    }
                                    j += 16
                                }
                            } else {
                                for i in c..<end {
                                    let v = src[i >> 1]
                                    dst[i] = e[Int(i & 1 == 0 ? v & 15 : v >> 4)]
                                }
                            }
                            c = end
                            b += 1
                        }
                    }
                }
            }
        }
    }
}
