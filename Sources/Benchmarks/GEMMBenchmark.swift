// SGEMM throughput of CPUKernels' GEMM at given shapes (`fouroversix bench gemm`), to set
// beside the machine's optimized BLAS (tools/gemm-bench/numpy_sgemm.py).
//
// Promises: inputs are seeded per shape (values in [-1, 1)); each shape runs one warm-up call,
// then `seconds` split into 10 batches of calls; the fastest batch counts (the machine may be
// shared). GFLOP/s = 2·m·n·k / seconds per call, by the wall clock or by the process's CPU
// time (`cpuTime`). "prepacked" times `C = A·Wᵀ` with W packed once (the inference path);
// "packed per call" includes packing W. A benchmark, not a test: nothing is asserted.

import BlockQuantization
import CPUKernels
import Foundation

public struct GEMMBenchmark {
    public struct Shape: Sendable, Equatable {
        public var m: Int, n: Int, k: Int
        public init(m: Int, n: Int, k: Int) { self.m = m; self.n = n; self.k = k }
    }

    public struct Row: Sendable {
        public var shape: Shape
        public var gflopsPrepacked: Double
        public var gflopsPackedPerCall: Double
    }

    public var threads: Int
    public var kernel: GEMMKernel
    /// Seconds per measurement.
    public var seconds: Double
    /// Time with the process's CPU time instead of the wall clock.
    public var cpuTime: Bool

    public init(threads: Int, kernel: GEMMKernel, seconds: Double, cpuTime: Bool) {
        self.threads = threads
        self.kernel = kernel
        self.seconds = seconds
        self.cpuTime = cpuTime
    }

    public func run(_ shapes: [Shape]) -> [Row] {
        var rows: [Row] = []
        for shape in shapes {
            let (m, n, k) = (shape.m, shape.n, shape.k)
            var rng = SplitMix(seed: UInt64(m * 131 + n * 17 + k))
            let a = (0..<(m * k)).map { _ in rng.nextFloat() }
            let w = (0..<(n * k)).map { _ in rng.nextFloat() }
            var c = [Float](repeating: 0, count: m * n)
            let packed = PackedMatrix(linearWeight: w, outFeatures: n, inFeatures: k, kernel: kernel)
            let prepacked = measure {
                a.withUnsafeBufferPointer { pa in
                    c.withUnsafeMutableBufferPointer { pc in
                        GEMM.multiply(
                            m: m, a: pa.baseAddress!, lda: k, b: packed, c: pc.baseAddress!, ldc: n,
                            threads: threads)
                    }
                }
            }
            let perCall = measure {
                a.withUnsafeBufferPointer { pa in
                    w.withUnsafeBufferPointer { pw in
                        c.withUnsafeMutableBufferPointer { pc in
                            GEMM.multiply(
                                m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pw.baseAddress!, ldb: k,
                                transposeB: true, c: pc.baseAddress!, ldc: n, threads: threads,
                                kernel: kernel)
                        }
                    }
                }
            }
            let flop = 2.0 * Double(m) * Double(n) * Double(k)
            rows.append(
                Row(
                    shape: shape, gflopsPrepacked: flop / prepacked / 1e9,
                    gflopsPackedPerCall: flop / perCall / 1e9))
        }
        return rows
    }

    /// Seconds per call: one warm-up, then `seconds` split into 10 batches of calls; the
    /// fastest batch counts (the machine is shared, so the best batch is the least disturbed).
    private func measure(_ body: () -> Void) -> Double {
        body()
        func now() -> Double {
            if cpuTime {
                var t = timespec()
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
                return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
            }
            return Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        }
        var best = Double.infinity
        for _ in 0..<10 {
            var calls = 0
            let start = now()
            var elapsed: Double = 0
            repeat {
                body()
                calls += 1
                elapsed = now() - start
            } while elapsed < seconds / 10
            best = min(best, elapsed / Double(calls))
        }
        return best
    }
}

/// A small deterministic generator for benchmark inputs (values in [-1, 1)): SplitMix64, its
/// finalizer the one of stochastic rounding.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StochasticNoise.mix(state)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}
