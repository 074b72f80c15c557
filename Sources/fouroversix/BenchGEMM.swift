// `fouroversix bench gemm`: SGEMM throughput of CPUKernels' GEMM at 1024³ and at the bundled
// model's shapes, to set beside the machine's optimized BLAS (tools/gemm-bench/numpy_sgemm.py).
//
// Promises: each shape runs one warm-up call, then `--seconds` split into 10 batches of calls;
// the fastest batch counts (the machine may be shared). GFLOP/s = 2·m·n·k / seconds per call, by
// the wall clock (default) or by the process's CPU time (`--cpu-time`). "prepacked W" times
// `C = A·Wᵀ` with W packed once (the inference path); "packed per call" includes packing W.
// Output: a table, or JSON with `--json`.

import ArgumentParser
import CPUKernels
import Foundation

struct BenchGEMM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm",
        abstract: "SGEMM throughput (GFLOP/s) at 1024³ and at the bundled model's shapes."
    )

    @Option(help: "Shapes MxNxK, comma-separated (default: 1024³ and stories260K's at context 512).")
    var shapes: String = "1024x1024x1024,512x64x64,512x32x64,512x172x64,512x64x172,512x512x64,512x512x8,512x8x512"

    @Option(help: "Threads (default: all online processors).")
    var threads: Int = CPUParallel.defaultThreadCount

    @Option(help: "Micro-kernel: avx2-fma or portable (default: the fastest this CPU runs).")
    var kernel: String?

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 1

    @Flag(help: "Time with the process's CPU time instead of the wall clock (GFLOP per CPU-second: robust on a busy machine, blind to parallel speed-up).")
    var cpuTime = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard parsedShapes != nil else { throw ValidationError("--shapes: use MxNxK[,MxNxK…], e.g. 1024x1024x1024") }
        if let kernel {
            guard let k = GEMMKernel(rawValue: kernel) else { throw ValidationError("--kernel: avx2-fma or portable") }
            guard k.isAvailable else { throw ValidationError("--kernel \(kernel): not supported by this CPU") }
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    private var parsedShapes: [(m: Int, n: Int, k: Int)]? {
        var out: [(Int, Int, Int)] = []
        for s in shapes.split(separator: ",") {
            let d = s.lowercased().split(separator: "x").compactMap { Int($0) }
            guard d.count == 3, d.allSatisfy({ $0 > 0 }) else { return nil }
            out.append((d[0], d[1], d[2]))
        }
        return out.isEmpty ? nil : out
    }

    func run() throws {
        let kernel = self.kernel.flatMap(GEMMKernel.init(rawValue:)) ?? .selected
        var rows: [[String: Any]] = []
        for (m, n, k) in parsedShapes! {
            var rng = SplitMix(seed: UInt64(m * 131 + n * 17 + k))
            let a = (0..<(m * k)).map { _ in rng.nextFloat() }
            let w = (0..<(n * k)).map { _ in rng.nextFloat() }
            var c = [Float](repeating: 0, count: m * n)
            let packed = PackedMatrix(linearWeight: w, outFeatures: n, inFeatures: k, kernel: kernel)
            let prepacked = measure {
                a.withUnsafeBufferPointer { pa in
                    c.withUnsafeMutableBufferPointer { pc in
                        GEMM.multiply(m: m, a: pa.baseAddress!, lda: k, b: packed, c: pc.baseAddress!, ldc: n,
                                      threads: threads)
                    }
                }
            }
            let perCall = measure {
                a.withUnsafeBufferPointer { pa in
                    w.withUnsafeBufferPointer { pw in
                        c.withUnsafeMutableBufferPointer { pc in
                            GEMM.multiply(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pw.baseAddress!, ldb: k,
                                          transposeB: true, c: pc.baseAddress!, ldc: n, threads: threads, kernel: kernel)
                        }
                    }
                }
            }
            let flop = 2.0 * Double(m) * Double(n) * Double(k)
            rows.append(["m": m, "n": n, "k": k, "gflops_prepacked": flop / prepacked / 1e9,
                         "gflops_packed_per_call": flop / perCall / 1e9])
        }
        if json {
            printJSONObject(["kernel": kernel.rawValue, "threads": threads, "clock": cpuTime ? "cpu" : "wall", "results": rows])
            return
        }
        print("GEMM C[m,n] = A[m,k]·W[n,k]ᵀ, kernel \(kernel.rawValue), \(threads) thread(s)"
              + (cpuTime ? ", per CPU-second" : ""))
        print(renderTable(header: ["m×n×k", "GFLOP/s prepacked W", "GFLOP/s packed per call"], rows: rows.map { r in
            ["\(r["m"]!)×\(r["n"]!)×\(r["k"]!)", String(format: "%.1f", r["gflops_prepacked"] as! Double),
             String(format: "%.1f", r["gflops_packed_per_call"] as! Double)]
        }))
    }

    /// Seconds per call: one warm-up, then `--seconds` split into 10 batches of calls; the
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

/// A small deterministic generator for benchmark inputs (values in [-1, 1)).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}
