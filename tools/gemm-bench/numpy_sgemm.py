#!/usr/bin/env python3
"""The machine's own optimized SGEMM (numpy → OpenBLAS), measured like `fouroversix bench gemm`.

C[m,n] = A[m,k] · W[n,k]ᵀ in float32 for each shape; one warm-up call, then `--seconds` split into
10 batches of calls, the fastest batch counts; GFLOP/s = 2·m·n·k / wall-clock seconds per call.
Threads: set OPENBLAS_NUM_THREADS (default: OpenBLAS's choice, all cores). `--cpu-time` times with the
process's CPU time instead of the wall clock (robust on a busy machine; blind to parallel speed-up).
Usage: python3 tools/gemm-bench/numpy_sgemm.py [--shapes 1024x1024x1024,512x64x64] [--seconds 1] [--json]
"""
import argparse, json, time
import numpy as np

DEFAULT = "1024x1024x1024,512x64x64,512x32x64,512x172x64,512x64x172,512x512x64,512x512x8,512x8x512"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", default=DEFAULT)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--cpu-time", action="store_true",
                    help="time with the process's CPU time (GFLOP per CPU-second), like `bench gemm --cpu-time`")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    clock = time.process_time if args.cpu_time else time.perf_counter
    rng = np.random.default_rng(0)
    rows = []
    for s in args.shapes.split(","):
        m, n, k = (int(x) for x in s.lower().split("x"))
        a = rng.uniform(-1, 1, (m, k)).astype(np.float32)
        w = rng.uniform(-1, 1, (n, k)).astype(np.float32)
        c = np.empty((m, n), dtype=np.float32)
        np.matmul(a, w.T, out=c)
        best = float("inf")
        for _ in range(10):
            calls, start = 0, clock()
            while True:
                np.matmul(a, w.T, out=c)
                calls += 1
                elapsed = clock() - start
                if elapsed >= args.seconds / 10:
                    break
            best = min(best, elapsed / calls)
        rows.append({"m": m, "n": n, "k": k, "gflops": 2 * m * n * k / best / 1e9})
    if args.json:
        print(json.dumps({"blas": "numpy " + np.__version__, "clock": "cpu" if args.cpu_time else "wall",
                          "results": rows}, indent=2))
    else:
        print(f"numpy {np.__version__} matmul, C[m,n] = A[m,k]·W[n,k]ᵀ")
        for r in rows:
            print(f"{r['m']}×{r['n']}×{r['k']:<6} {r['gflops']:8.1f} GFLOP/s")

if __name__ == "__main__":
    main()
