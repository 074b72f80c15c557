#!/usr/bin/env python3
"""CUDA kernel lab: times the 1-D NVFP4 quantization kernels of one or more versions of
Sources/CUDABackend/KernelSource.swift side by side on the GPU machine (CuPy + NVRTC, the same
compile options as KernelCompiler: --fmad=false, -default-device, C++17, but CuPy chooses the
target: on an H100 its build of the mse kernel has 105 registers where KernelCompiler's cubin
has 80, so rank variants with it and take the CLI's own figures from run.sh --bench; a change
that moves the schedule can rank differently in the two builds — session 21's 4/6 band kernel
lost 5% here and nothing in the product's build — so confirm a ranking there), and
checks that every version writes the same code and scale bytes as the first one (the first is
the one the GPU parity suite checked against the scalar reference; run that suite on the
version you keep).

  python3 tools/cuda-kernel-lab/lab.py BASE.swift [VARIANT.swift ...] [--rows 8192 --cols 8192]

Prints one table: kernel, registers, µs (median of 20 samples of 10 launches, CUDA events),
G el/s, and "same" or the number of differing bytes. Used to try kernel changes within a
device lease without rebuilding the Swift test bundle; not part of the test suite.
"""
import argparse, re, statistics, sys
import numpy as np
import cupy as cp

def kernel_source(path):
    text = open(path).read()
    m = re.search(r'static let cuda: String = #"""\n(.*?)\n"""#', text, re.S)
    if not m:
        sys.exit(f"{path}: no KernelSource.cuda string found")
    return m.group(1)

# (name, kernel, M, M*S, metric, stochastic, layout); stochastic 2 = the unbiased 4/6 choice;
# layout as CUDAQuantizer's plan: 1d, 1dt (transposed: 64 x 128 source tiles), 2d; CTAs of the
# kernel's __launch_bounds__ threads.
CONFIGS = [
    ("static_6", "fos_quantize_1d_nvfp4_static", 6.0, 2688.0, 0, 0, "1d"),
    ("mse", "fos_quantize_1d_nvfp4_mse", 6.0, 1536.0, 0, 0, "1d"),
    ("mae", "fos_quantize_1d_nvfp4_adaptive", 6.0, 1536.0, 1, 0, "1d"),
    ("static_6 stochastic", "fos_quantize_1d_nvfp4_static", 6.0, 2688.0, 0, 1, "1d"),
    ("mse stochastic", "fos_quantize_1d_nvfp4_mse", 6.0, 1536.0, 0, 1, "1d"),
    ("static_6 transpose", "fos_quantize_1dt_nvfp4_static", 6.0, 2688.0, 0, 0, "1dt"),
    ("mse transpose", "fos_quantize_1dt_nvfp4_mse", 6.0, 1536.0, 0, 0, "1dt"),
    ("mae transpose", "fos_quantize_1dt_nvfp4_adaptive", 6.0, 1536.0, 1, 0, "1dt"),
    ("static_6 transpose stochastic", "fos_quantize_1dt_nvfp4_static", 6.0, 2688.0, 0, 1, "1dt"),
    ("nvint4 transpose", "fos_quantize_1dt_nvint4", 6.0, 2688.0, 0, 0, "1dt"),
    ("static_6 2d", "fos_quantize_2d_nvfp4_static", 6.0, 2688.0, 0, 0, "2d"),
    ("mse 2d", "fos_quantize_2d_nvfp4_adaptive", 6.0, 1536.0, 0, 0, "2d"),
    ("mae 2d", "fos_quantize_2d_nvfp4_adaptive", 6.0, 1536.0, 1, 0, "2d"),
    ("abs_max 2d", "fos_quantize_2d_nvfp4_adaptive", 6.0, 1536.0, 2, 0, "2d"),
    ("mse 2d stochastic", "fos_quantize_2d_nvfp4_adaptive", 6.0, 1536.0, 0, 1, "2d"),
    ("static_6 2d stochastic", "fos_quantize_2d_nvfp4_static", 6.0, 2688.0, 0, 1, "2d"),
    ("nvint4 2d", "fos_quantize_2d_nvint4", 6.0, 2688.0, 0, 0, "2d"),
]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--rows", type=int, default=8192)
    ap.add_argument("--cols", type=int, default=8192)
    ap.add_argument("--only", default="", help="regex of config names to run")
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    R, C = args.rows, args.cols
    n = R * C
    rng = np.random.default_rng(1)
    # BF16 inputs: normal with a few outliers (real weights have them), as raw bits.
    f = rng.standard_normal(n, dtype=np.float32)
    f[rng.integers(0, n, n // 1000)] *= 20
    bits = (f.view(np.uint32) >> 16).astype(np.uint16)
    x = cp.asarray(bits)
    sms = cp.cuda.Device().attributes["MultiProcessorCount"]
    modules = []
    for path in args.sources:
        mod = cp.RawModule(code=kernel_source(path), options=("--std=c++17", "--fmad=false", "-default-device", "-DFOS_DT=1"))
        modules.append((path, mod))
    for path, mod in modules:
        try:
            check = mod.get_function("lab_check")
        except Exception:
            continue
        bad = cp.zeros(3, dtype=cp.uint32)
        check((sms * 16,), (256,), (bad,))
        print(f"{path}: exhaustive checks (E4M3 encode, E2M1 magnitude, E2M1 index): mismatches {bad.get().tolist()}")
    codes_n, scales_n = n // 2, n // 16
    rows = []
    for name, kname, M, MS, metric, st, layout in CONFIGS:
        if args.only and not re.search(args.only, name):
            continue
        reference = None
        for path, mod in modules:
            amax_k = mod.get_function("fos_amax")
            k = None
            if layout == "2d" and st == 0:  # the band kernel of 4/6 tiles, in sources that have one
                try:
                    k = mod.get_function(kname + "_bands")
                except Exception:
                    pass
            if k is None:
                k = mod.get_function(kname)
            amax = cp.zeros(1, dtype=cp.uint32)
            amax_k((sms * 8,), (256,), (x, np.uint64(n), amax))
            codes = cp.zeros(codes_n, dtype=cp.uint8)
            scales = cp.zeros(scales_n, dtype=cp.uint8)
            alt = cp.zeros(1, dtype=cp.uint32)
            threads = k.max_threads_per_block  # the source's __launch_bounds__, as CUDAQuantizer launches
            occ = cp.cuda.driver.occupancyMaxActiveBlocksPerMultiprocessor(k.kernel.ptr, threads, 0)
            # Quantized rows x padded columns (the transpose of an R x C source is C x R); a grid
            # that is resident all at once, as CUDAQuantizer launches.
            QR, QP = (C, R) if layout == "1dt" else (R, C)
            blocks = {"1d": (QR * (QP // 16) + 255) // 256, "1dt": (QP + 63) // 64 * ((QR + 127) // 128),
                      "2d": ((QR // 16) * (QP // 16) // 2 + threads // 32 - 1) // (threads // 32)}[layout]
            grid = min(blocks, occ * sms)
            params = (x, np.int32(C), np.int32(QR), np.int32(QP), np.int32(QP), np.int32(layout == "1dt"), np.int32(0), amax,
                      np.float32(M), np.float32(MS), np.float32(MS), np.int32(metric), np.int32(st),
                      np.uint64(0x1234567), codes, scales, np.int32(0), np.int32((QP // 16 + 3) // 4 * 4), alt)
            k((grid,), (threads,), params)
            cp.cuda.Device().synchronize()
            out = (cp.asnumpy(codes), cp.asnumpy(scales), int(alt.get()[0]))
            if reference is None:
                reference = out
                same = "reference"
            else:
                d = int((out[0] != reference[0]).sum() + (out[1] != reference[1]).sum())
                same = "same" if d == 0 and out[2] == reference[2] else f"{d} bytes differ, alt {out[2]} vs {reference[2]}"
            start, end = cp.cuda.Event(), cp.cuda.Event()
            samples = []
            for _ in range(args.repeats):
                start.record()
                for _ in range(10):
                    k((grid,), (threads,), params)
                end.record()
                end.synchronize()
                samples.append(cp.cuda.get_elapsed_time(start, end) * 1000 / 10)
            us = statistics.median(samples)
            rows.append((name, path.split("/")[-1], k.num_regs, occ, us, n / us / 1e3, same))
    print(f"{'config':<22} {'source':<28} {'regs':>4} {'CTA/SM':>6} {'µs':>8} {'G el/s':>8}  check")
    for r in rows:
        print(f"{r[0]:<22} {r[1]:<28} {r[2]:>4} {r[3]:>6} {r[4]:>8.1f} {r[5]:>8.0f}  {r[6]}")

if __name__ == "__main__":
    main()
