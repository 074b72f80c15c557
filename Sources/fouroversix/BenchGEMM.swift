// `fouroversix bench gemm`: SGEMM throughput of CPUKernels' GEMM at 1024³ and at the bundled
// model's shapes (Benchmarks' `GEMMBenchmark`).
//
// Promises: prints a table (m×n×k, GFLOP/s with W prepacked and packed per call, one decimal)
// under a line naming the kernel and threads, or JSON with `--json`.

import ArgumentParser
import Benchmarks
import CPUKernels

struct BenchGEMM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm",
        abstract: "SGEMM throughput (GFLOP/s) at 1024³ and at the bundled model's shapes."
    )

    @Option(help: "Shapes MxNxK, comma-separated (default: 1024³ and stories260K's at context 512).")
    var shapes: String = "1024x1024x1024,512x64x64,512x32x64,512x172x64,512x64x172,512x512x64,512x512x8,512x8x512"

    @Option(help: "Threads (all online processors unless given).")
    var threads: Int = CPUParallel.defaultThreadCount

    @Option(help: "Micro-kernel: avx2-fma or portable (default: the fastest this CPU runs).")
    var kernel: String?

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 1

    @Flag(
        help: """
            Time with the process's CPU time instead of the wall clock (GFLOP per CPU-second: robust on a busy \
            machine, blind to parallel speed-up).
            """
    )
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

    private var parsedShapes: [GEMMBenchmark.Shape]? {
        var out: [GEMMBenchmark.Shape] = []
        for s in shapes.split(separator: ",") {
            let d = s.lowercased().split(separator: "x").compactMap { Int($0) }
            guard d.count == 3, d.allSatisfy({ $0 > 0 }) else { return nil }
            out.append(GEMMBenchmark.Shape(m: d[0], n: d[1], k: d[2]))
        }
        return out.isEmpty ? nil : out
    }

    func run() throws {
        let kernel = self.kernel.flatMap(GEMMKernel.init(rawValue:)) ?? .selected
        let benchmark = GEMMBenchmark(threads: threads, kernel: kernel, seconds: seconds, cpuTime: cpuTime)
        let rows = benchmark.run(parsedShapes!)
        if json {
            printJSONObject(benchmark.jsonObject(rows))
        } else {
            print(benchmark.text(rows))
        }
    }
}
