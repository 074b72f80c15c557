#!/usr/bin/env python3
"""Reference vs `fouroversix quantize-tensors` on real checkpoint weights, and a census of
the reference's FP4-value-8 quirk on them.

Every 2-D floating tensor of the given safetensors files is cast to BF16 (the reference's
input type) and written to WORK/real.safetensors; the project's CLI quantizes that file
per (rule, flags); the reference quantizes each tensor (padding as its PyTorch backend
does); codes, scale bytes and amax are compared. Also reports, per configuration, the
blocks where the reference emits the FP4 value 8 (E4M3 subnormal block scale rounded far
below the ideal scale) and the smallest block-max/amax ratio seen.

Usage: check_real_weights.py FOUROVERSIX_BINARY WORK_DIR MODEL.safetensors...
"""
import subprocess
import sys
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

sys.path.insert(0, str(Path(__file__).parent))
from make_extended_fixtures import run_case  # noqa: E402

CONFIGS = [("nvfp4", "static_6", "plain"), ("nvfp4", "mse", "plain"), ("nvfp4", "mae", "plain"),
           ("nvfp4", "abs_max", "plain"), ("nvfp4", "mse", "rht"), ("nvfp4", "mse", "2d"),
           ("nvfp4", "mse", "transpose")]
FLAG_ARGS = {"plain": [], "rht": ["--rht"], "2d": ["--block-2d"], "transpose": ["--transpose"]}


def main():
    binary, work, *models = sys.argv[1:]
    work = Path(work); work.mkdir(parents=True, exist_ok=True)
    tensors = {}
    for path in models:
        tag = Path(path).parent.name
        for k, v in load_file(path).items():
            if v.ndim == 2 and v.is_floating_point() and v.shape[1] % 16 == 0 and v.shape[0] % 16 == 0:
                tensors[f"{tag}/{k}"] = v.to(torch.bfloat16).contiguous()
    save_file(tensors, str(work / "real.safetensors"))
    print(f"{len(tensors)} tensors, {sum(t.numel() for t in tensors.values())} elements")
    for fmt, rule, flag in CONFIGS:
        out = work / f"ours.{fmt}.{rule}.{flag}.safetensors"
        subprocess.run([binary, "quantize-tensors", str(work / "real.safetensors"), "-o", str(out),
                        "--format", fmt, "--rule", rule, *FLAG_ARGS[flag]], check=True, capture_output=True)
        ours = load_file(str(out))
        mism, eights, worst_ratio = [], 0, 1.0
        for name, x in tensors.items():
            r = run_case(x, fmt, rule, flag, "cpu")
            if r["has_eight"]:
                eights += 1
            same = (torch.equal(ours[f"{name}.qdata"], r["values"]) and
                    torch.equal(ours[f"{name}.scales"].view(torch.uint8), r["scales"]) and
                    torch.equal(ours[f"{name}.amax"].view(torch.int32), r["amax"].view(torch.int32)))
            if not same:
                mism.append(name)
            bmax = x.float().abs().reshape(-1, 16).amax(-1)
            amax = x.float().abs().max()
            nz = bmax[bmax > 0]
            if amax > 0 and nz.numel():
                worst_ratio = min(worst_ratio, (nz.min() / amax).item())
        print(f"{fmt}.{rule}.{flag}: {len(tensors) - len(mism)}/{len(tensors)} tensors bit-identical; "
              f"tensors with the FP4 value 8 in the reference: {eights}; smallest nonzero block max / amax: {worst_ratio:.2e}")
        for n in mism[:10]:
            print("   differs:", n)


if __name__ == "__main__":
    main()
