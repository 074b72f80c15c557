// What `bench gemm` prints: `GEMMBenchmark` rows as a table or as a JSON object.
//
// Promises: `text(_:)` is a line naming the product, kernel, threads (and the CPU clock when
// used), then one table row per shape with GFLOP/s prepacked and packed per call (1 decimal);
// `jsonObject(_:)` holds "kernel", "threads", "clock" ("wall" or "cpu") and "results" (m, n, k,
// gflops_prepacked, gflops_packed_per_call, unrounded) as Foundation JSON values. No trailing
// newline.

import Foundation
import ReportText

extension GEMMBenchmark {
    /// `rows` as `bench gemm` prints them.
    public func text(_ rows: [Row]) -> String {
        "GEMM C[m,n] = A[m,k]·W[n,k]ᵀ, kernel \(kernel.rawValue), \(threads) thread(s)"
            + (cpuTime ? ", per CPU-second" : "") + "\n"
            + renderTable(
                header: ["m×n×k", "GFLOP/s prepacked W", "GFLOP/s packed per call"],
                rows: rows.map { r in
                    [
                        "\(r.shape.m)×\(r.shape.n)×\(r.shape.k)", String(format: "%.1f", r.gflopsPrepacked),
                        String(format: "%.1f", r.gflopsPackedPerCall),
                    ]
                })
    }

    /// The object `bench gemm --json` prints.
    public func jsonObject(_ rows: [Row]) -> [String: Any] {
        [
            "kernel": kernel.rawValue, "threads": threads, "clock": cpuTime ? "cpu" : "wall",
            "results": rows.map { r -> [String: Any] in
                [
                    "m": r.shape.m, "n": r.shape.n, "k": r.shape.k, "gflops_prepacked": r.gflopsPrepacked,
                    "gflops_packed_per_call": r.gflopsPackedPerCall,
                ]
            },
        ]
    }
}
