// Throughput of the CPU quantizer and dequantizer (CPUKernels) next to the machine's
// memory-copy bandwidth, measured in the same run (`fouroversix bench quantize`).
//
// Promises: measures (best of `repeats` timed runs after one warm-up) quantize (amax pass
// included, as `CPUQuantizer.quantize` runs it, into new arrays), quantize_into (the same into
// the previous result's arrays), the amax pass alone, and dequantize to F32 and to BF16, each
// with the process CPU time of its fastest run; the copy bandwidth of memcpy over buffers of
// the input's byte size (read + write counted, pages touched beforehand), the memset bandwidth
// and the read bandwidth (every 8-byte word loaded and folded by xor) over the same bytes, on
// the same threads as the operations; the cost of one empty `parallelFor`. Each operation
// reports the bytes it must move at least once (input + codes + scales for quantize) and those
// it writes, so its memory bound = min(copy bandwidth / bytes, write bandwidth / written bytes)
// per element (where writes alone are the limit, a float32 dequantization is bound by its
// writes), and read bandwidth / bytes for an operation that only reads (the amax pass). The
// input is a seeded, roughly normal tensor with 1 in 4096 values ×50. A benchmark, not a test:
// nothing is asserted.

import BlockFormats
import BlockQuantization
import CPUKernels
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct QuantizationBenchmark {
    /// The input's element type.
    public enum InputType: String, CaseIterable, Sendable { case bf16, f16, f32 }

    public struct Operation: Sendable {
        /// quantize, quantize_into, amax, dequantize_f32 or dequantize_bf16.
        public var name: String
        /// Best wall time, and the process CPU time of that run.
        public var seconds: Double
        public var cpuSeconds: Double
        /// Bytes moved at least once (read + written), of them written, and elements processed.
        public var bytes: Double
        public var writtenBytes: Double
        public var elements: Double

        /// Elements per second at the memory bound: every byte moved at the copy bandwidth, and
        /// the written ones at the write bandwidth (where writes alone are the limit, as for a
        /// float32 output), whichever is lower; for an operation that writes nothing, every byte
        /// read at the read bandwidth.
        public func memoryBound(_ b: Bandwidths) -> Double {
            if writtenBytes == 0 { return b.read / (bytes / elements) }
            return min(b.copy / (bytes / elements), b.write / (writtenBytes / elements))
        }
    }

    /// Bytes per second on the operations' threads: memcpy (read + write counted), memset, and
    /// reading alone.
    public struct Bandwidths: Sendable {
        public var copy: Double
        public var write: Double
        public var read: Double

        public init(copy: Double, write: Double, read: Double) {
            self.copy = copy
            self.write = write
            self.read = read
        }
    }

    public struct Result: Sendable {
        public var bandwidths: Bandwidths
        /// Seconds of one `parallelFor` with an empty body.
        public var forkJoinSeconds: Double
        public var alternativeBlockShare: Double
        public var operations: [Operation]
    }

    public var rows: Int
    public var cols: Int
    public var config: QuantizationConfig
    public var inputType: InputType
    public var threads: Int
    public var repeats: Int

    public init(rows: Int, cols: Int, config: QuantizationConfig, inputType: InputType, threads: Int, repeats: Int) {
        self.rows = rows
        self.cols = cols
        self.config = config
        self.inputType = inputType
        self.threads = threads
        self.repeats = repeats
    }

    public func run() throws -> Result {
        let n = rows * cols
        let isF32 = inputType == .f32
        let inputBytes = n * (isF32 ? 4 : 2)

        let f32 = UnsafeMutableBufferPointer<Float>.allocate(capacity: isF32 ? n : 0)
        let h16 = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: isF32 ? 0 : n)
        defer { f32.deallocate(); h16.deallocate() }
        fillInput(f32: f32, h16: h16, n: n)
        let input: TensorElements =
            isF32
            ? .f32(UnsafeBufferPointer(f32))
            : inputType == .bf16 ? .bf16(UnsafeBufferPointer(h16)) : .f16(UnsafeBufferPointer(h16))

        // Copy, write and read bandwidth over buffers of the input's size, pages touched first.
        let bandwidths = measureBandwidths(bytes: inputBytes)

        var q: QuantizedTensor?
        let quantize = try best {
            q = try CPUQuantizer.quantize(input, rows: rows, cols: cols, config: config, threads: threads)
        }
        // The same into the previous result's arrays: no allocation, no first-touch page faults.
        var reused = q!
        let quantizeInto = try best {
            try CPUQuantizer.quantize(input, rows: rows, cols: cols, config: config, threads: threads, into: &reused)
        }
        let amax = try best {
            _ = try CPUQuantizer.amax(input, rows: rows, cols: cols, config: config, threads: threads)
        }
        let tensor = q!
        let outCount = tensor.rows * tensor.cols
        let outF32 = UnsafeMutableBufferPointer<Float>.allocate(capacity: outCount)
        let outBF16 = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: outCount)
        defer { outF32.deallocate(); outBF16.deallocate() }
        outF32.initialize(repeating: 0)
        outBF16.initialize(repeating: 0)
        let dequantF32 = try best { CPUQuantizer.dequantize(tensor, into: outF32, threads: threads) }
        let dequantBF16 = try best { CPUQuantizer.dequantizeBF16(tensor, into: outBF16, threads: threads) }

        // Cost of one parallelFor call (waking the workers and joining them), empty body.
        let calls = 200
        let forkStart = now()
        for _ in 0..<calls { CPUParallel.parallelFor(threads, threads: threads) { _ in } }
        let forkJoin = (now() - forkStart) / Double(calls)

        let packed = Double(tensor.codes.count + tensor.scales.count)
        let quantizeBytes = Double(inputBytes) + packed
        let f32Bytes = packed + 4 * Double(outCount), bf16Bytes = packed + 2 * Double(outCount)
        return Result(
            bandwidths: bandwidths, forkJoinSeconds: forkJoin,
            alternativeBlockShare: tensor.alternativeBlockShare,
            operations: [
                Operation(
                    name: "quantize", seconds: quantize.wall, cpuSeconds: quantize.cpu, bytes: quantizeBytes,
                    writtenBytes: packed, elements: Double(n)),
                Operation(
                    name: "quantize_into", seconds: quantizeInto.wall, cpuSeconds: quantizeInto.cpu,
                    bytes: quantizeBytes, writtenBytes: packed, elements: Double(n)),
                Operation(
                    name: "amax", seconds: amax.wall, cpuSeconds: amax.cpu, bytes: Double(inputBytes),
                    writtenBytes: 0, elements: Double(n)),
                Operation(
                    name: "dequantize_f32", seconds: dequantF32.wall, cpuSeconds: dequantF32.cpu, bytes: f32Bytes,
                    writtenBytes: 4 * Double(outCount), elements: Double(outCount)),
                Operation(
                    name: "dequantize_bf16", seconds: dequantBF16.wall, cpuSeconds: dequantBF16.cpu, bytes: bf16Bytes,
                    writtenBytes: 2 * Double(outCount), elements: Double(outCount)),
            ])
    }

    /// Best wall time of `repeats` runs of `body` (after one warm-up run), with the process CPU
    /// time of the fastest run (a load-independent cross-check).
    func best(_ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        try body()
        var t = Double.infinity, cpu = 0.0
        for _ in 0..<repeats {
            let start = now(), cpuStart = cpuNow()
            try body()
            let elapsed = now() - start
            if elapsed < t { t = elapsed; cpu = cpuNow() - cpuStart }
        }
        return (t, cpu)
    }

    /// Bandwidths from the best times of memcpy, memset and an xor of every word over `bytes`
    /// (pages touched first), the buffers split between `threads` threads as the operations split
    /// their work (one core alone does not reach the memory's bandwidth). A copy and a memset are
    /// never in one function body, so the optimizer cannot drop the copy as overwritten; the
    /// reads' xor goes into a mutex, so they cannot be dropped either.
    func measureBandwidths(bytes: Int) -> Bandwidths {
        let src = SendablePointer(UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64))
        let dst = SendablePointer(UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64))
        defer { src.p.deallocate(); dst.p.deallocate() }
        let lines = max(1, bytes / 64)  // 64-byte lines; the last range takes the remainder
        let span: @Sendable (Range<Int>) -> (offset: Int, count: Int) = { r in
            (64 * r.lowerBound, r.upperBound == lines ? bytes - 64 * r.lowerBound : 64 * r.count)
        }
        CPUParallel.parallelFor(lines, threads: threads) { r in
            let (o, n) = span(r)
            memset(src.p + o, 1, n)
            memset(dst.p + o, 2, n)
        }
        var copy = Double.infinity, write = Double.infinity, read = Double.infinity
        let folded = Mutex<UInt64>(0)
        for i in 0..<max(repeats, 3) {
            var start = now()
            CPUParallel.parallelFor(lines, threads: threads) { r in
                let (o, n) = span(r)
                memcpy(dst.p + o, src.p + o, n)
            }
            copy = min(copy, now() - start)
            start = now()
            CPUParallel.parallelFor(lines, threads: threads) { r in
                let (o, n) = span(r)
                memset(dst.p + o, Int32(i), n)
            }
            write = min(write, now() - start)
            start = now()
            CPUParallel.parallelFor(lines, threads: threads) { r in
                let (o, n) = span(r)
                let x = xorOfWords(UnsafeRawPointer(src.p + o), bytes: n)
                folded.withLock { $0 ^= x }
            }
            read = min(read, now() - start)
        }
        let b = Double(bytes)
        return Bandwidths(copy: 2 * b / copy, write: b / write, read: b / read)
    }

    func fillInput(f32: UnsafeMutableBufferPointer<Float>, h16: UnsafeMutableBufferPointer<UInt16>, n: Int) {
        var s: UInt64 = 0x2545_F491_4F6C_DD1D
        for i in 0..<n {
            // xorshift64*; the sum of four uniforms approximates a normal; 1 in 4096 is ×50.
            s ^= s >> 12; s ^= s << 25; s ^= s >> 27
            let r = s &* 0x2545_F491_4F6C_DD1D
            var v: Float = 0
            for k in 0..<4 { v += Float((r >> (16 * UInt64(k))) & 0xFFFF) * 0x1p-16 }
            v = (v - 2) * 1.73
            if r >> 52 == 0 { v *= 50 }
            switch inputType {
            case .f32: f32[i] = v
            case .bf16: h16[i] = BFloat16.bits(from: v)
            case .f16: h16[i] = Float16Bits.bits(from: v)
            }
        }
    }
}

private func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

private func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The xor of the 8-byte words of `p` (`bytes` from a 64-byte boundary; a tail under 8 bytes
/// is not read), 256 bytes a step in four independent accumulators.
private func xorOfWords(_ p: UnsafeRawPointer, bytes: Int) -> UInt64 {
    var a = SIMD8<UInt64>(repeating: 0), b = a, c = a, d = a
    var o = 0
    while o + 256 <= bytes {
        a ^= p.loadUnaligned(fromByteOffset: o, as: SIMD8<UInt64>.self)
        b ^= p.loadUnaligned(fromByteOffset: o + 64, as: SIMD8<UInt64>.self)
        c ^= p.loadUnaligned(fromByteOffset: o + 128, as: SIMD8<UInt64>.self)
        d ^= p.loadUnaligned(fromByteOffset: o + 192, as: SIMD8<UInt64>.self)
        o += 256
    }
    while o + 8 <= bytes {
        a[0] ^= p.loadUnaligned(fromByteOffset: o, as: UInt64.self)
        o += 8
    }
    let e = (a ^ b) ^ (c ^ d)
    return (0..<8).reduce(0) { $0 ^ e[$1] }
}
