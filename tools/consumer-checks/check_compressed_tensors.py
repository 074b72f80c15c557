#!/usr/bin/env python3
"""Does the compressed-tensors library read our NVFP4 checkpoints as we mean them?

For every quantized module of a `fouroversix quantize --convention compressed-tensors`
output, decompress it with compressed-tensors' own NVFP4 code (the scheme parsed from our
config.json by `QuantizationConfig`, `NVFP4PackedCompressor.decompress`, which returns
bfloat16 weights, and the same unpack + `dequantize` at float32) and compare with
`fouroversix dequantize --dtype f32` of the same checkpoint.

Usage: check_compressed_tensors.py CT_DIR DEQUANT_F32_DIR [--json OUT.json]
"""
import argparse
import json
import sys
from pathlib import Path

import torch
from safetensors.torch import load_file

import compressed_tensors
from compressed_tensors.compressors.nvfp4.base import NVFP4PackedCompressor
from compressed_tensors.compressors.nvfp4.helpers import unpack_fp4_from_uint8
from compressed_tensors.config import CompressionFormat
from compressed_tensors.quantization import QuantizationConfig
from compressed_tensors.quantization.lifecycle.forward import dequantize


def load_dir(d):
    files = sorted(Path(d).glob("*.safetensors"))
    out = {}
    for f in files:
        out.update(load_file(str(f)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ct_dir")
    ap.add_argument("dequant_dir")
    ap.add_argument("--json")
    a = ap.parse_args()
    cfg = json.loads((Path(a.ct_dir) / "config.json").read_text())["quantization_config"]
    qcfg = QuantizationConfig.model_validate(cfg)  # the library's own parser
    assert qcfg.format == CompressionFormat.nvfp4_pack_quantized.value, qcfg.format
    scheme = qcfg.config_groups["group_0"]
    ct = load_dir(a.ct_dir)
    ref = load_dir(a.dequant_dir)
    modules = sorted(k[: -len(".weight_packed")] for k in ct if k.endswith(".weight_packed"))
    rows = []
    worst = {"bf16": [0.0, 0.0], "f32": [0.0, 0.0]}
    for m in modules:
        sd = {k.split(".")[-1]: v for k, v in ct.items() if k.startswith(m + ".") and k.count(".") == m.count(".") + 1}
        ours = ref[m + ".weight"].float()
        # 1. The compressor as vLLM/transformers use it (bfloat16 result).
        w_bf16 = NVFP4PackedCompressor.decompress(dict(sd), scheme)["weight"]
        # 2. The same library functions at float32.
        packed = sd["weight_packed"]
        q = unpack_fp4_from_uint8(packed, packed.shape[0], packed.shape[1] * 2, dtype=torch.float32)
        w_f32 = dequantize(x_q=q, scale=sd["weight_scale"].to(torch.float32), args=scheme.weights,
                           global_scale=sd["weight_global_scale"], dtype=torch.float32)
        r = {"module": m, "shape": list(ours.shape), "dtype_bf16_out": str(w_bf16.dtype)}
        for tag, w in (("bf16", w_bf16.float()), ("f32", w_f32)):
            d = (w - ours).abs()
            rel = d / ours.abs().clamp_min(torch.finfo(torch.float32).tiny)
            rel = torch.where(ours == 0, d, rel)
            r[f"{tag}_max_abs"] = d.max().item()
            r[f"{tag}_max_rel"] = rel.max().item()
            r[f"{tag}_exact_share"] = (w == ours).float().mean().item()
            worst[tag][0] = max(worst[tag][0], r[f"{tag}_max_abs"])
            worst[tag][1] = max(worst[tag][1], r[f"{tag}_max_rel"])
        r["bf16_equals_ours_rounded_share"] = (w_bf16 == ours.bfloat16()).float().mean().item()
        rows.append(r)
    print(f"compressed-tensors {compressed_tensors.__version__}, torch {torch.__version__}: "
          f"{len(modules)} NVFP4 modules of {a.ct_dir}")
    for tag in ("bf16", "f32"):
        ex = min(r[f'{tag}_exact_share'] for r in rows)
        print(f"  {tag:4s} decompression vs fouroversix dequantize f32: max abs {worst[tag][0]:.3e}, "
              f"max rel {worst[tag][1]:.3e}, smallest bit-exact share per module {ex:.4f}")
    print("  bf16 decompression equal to our f32 value rounded to bf16: smallest share per module "
          f"{min(r['bf16_equals_ours_rounded_share'] for r in rows):.6f}")
    if a.json:
        Path(a.json).write_text(json.dumps({"modules": rows, "worst": worst}, indent=1))
    ok = worst["f32"][1] < 1e-6 and worst["bf16"][1] <= 2 ** -8
    print("OK" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
