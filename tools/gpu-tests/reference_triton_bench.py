#!/usr/bin/env python3
"""Times the published reference's Triton quantization (the `fouroversix` 1.0.5 Python package,
its `quantize_to_fp4` with backend triton) on the GPU machine, the way CUDABenchmarkRun times
ours: BF16 8192×8192 on the device, median of 20 samples of 10 back-to-back calls (CUDA events)
after warm-up. The reference computes the tensor amax inside each call, so its figures compare with
our "with amax pass" column.

The package needs no network: copy it from a venv where it is installed, e.g.
    cp -r VENV/lib/python3.*/site-packages/fouroversix{,-1.0.5.dist-info} .gpu/ref/
and run there with PYTHONPATH=.gpu/ref:
    python3 tools/gpu-tests/reference_triton_bench.py [--rows 8192 --cols 8192]
Prints a Markdown table (config, µs, G el/s).
"""
import argparse, statistics
import torch
from fouroversix.quantize.config import QuantizationConfig
from fouroversix.quantize.frontend import quantize_to_fp4

CONFIGS = [
    ("static_6", dict(scale_rule="static_6")),
    ("mse", dict(scale_rule="mse")),
    ("static_6 +rht", dict(scale_rule="static_6", rht=True)),
    ("mse +rht", dict(scale_rule="mse", rht=True)),
    ("static_6 +transpose", dict(scale_rule="static_6", transpose=True)),
    ("mse +transpose", dict(scale_rule="mse", transpose=True)),
    ("static_6 +2d", dict(scale_rule="static_6", block_scale_2d=True)),
    ("mse +2d", dict(scale_rule="mse", block_scale_2d=True)),
    ("static_6 +stochastic", dict(scale_rule="static_6", round_style="stochastic")),
    ("mse +stochastic", dict(scale_rule="mse", round_style="stochastic")),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=8192)
    ap.add_argument("--cols", type=int, default=8192)
    a = ap.parse_args()
    torch.manual_seed(0)
    x = torch.randn(a.rows, a.cols, device="cuda", dtype=torch.bfloat16)
    n = x.numel()
    print(f"{torch.cuda.get_device_name()}, torch {torch.__version__}, BF16 {a.rows}×{a.cols}")
    print("| config | µs | G el/s |")
    print("|---|---:|---:|")
    for name, kw in CONFIGS:
        config = QuantizationConfig(backend="triton", **kw)
        try:
            for _ in range(3):
                quantize_to_fp4(x, config)
            torch.cuda.synchronize()
            samples = []
            for _ in range(20):
                start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
                start.record()
                for _ in range(10):
                    quantize_to_fp4(x, config)
                end.record()
                end.synchronize()
                samples.append(start.elapsed_time(end) * 1000 / 10)
            us = statistics.median(samples)
            print(f"| {name} | {us:.1f} | {n / us / 1e3:.0f} |")
        except Exception as e:  # an option the reference's Triton path does not run here
            print(f"| {name} | fails: {type(e).__name__}: {str(e).splitlines()[0][:80]} | |")


if __name__ == "__main__":
    main()
