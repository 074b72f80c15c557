#!/usr/bin/env python3
"""Does Hugging Face transformers load our compressed-tensors checkpoint?

Loads ORIGINAL_DIR and CT_DIR (a `fouroversix quantize --convention compressed-tensors`
output) with AutoModelForCausalLM (transformers' compressed-tensors quantizer decompresses
the NVFP4 weights), compares the loaded Linear weights with `fouroversix dequantize --dtype
f32` (DEQUANT_DIR), and compares logits and greedy generations of the two models.

Usage: check_transformers.py ORIGINAL_DIR CT_DIR DEQUANT_DIR [--prompt TEXT]
"""
import argparse
import sys

import torch
import transformers
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer

import compressed_tensors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("original")
    ap.add_argument("ct")
    ap.add_argument("dequant")
    ap.add_argument("--prompt", default="Once upon a time, there was a little girl named Lily.")
    a = ap.parse_args()
    torch.manual_seed(0)
    print(f"transformers {transformers.__version__}, compressed-tensors {compressed_tensors.__version__}, "
          f"torch {torch.__version__}")
    tok = AutoTokenizer.from_pretrained(a.original)
    ids = tok(a.prompt, return_tensors="pt").input_ids
    # 0. The default load (no dtype argument) must run: the config's dtype must be what the
    #    compressed-tensors NVFP4 decompression yields (bfloat16), or the first forward fails with
    #    "expected m1 and m2 to have the same dtype" (issue 12, item 7).
    default = AutoModelForCausalLM.from_pretrained(a.ct).eval()
    default_ok = False
    try:
        with torch.no_grad():
            default(ids)  # decompresses
            linear_dtypes = sorted({str(m.weight.dtype) for m in default.modules()
                                    if isinstance(m, torch.nn.Linear)})
            g = default.generate(ids, max_new_tokens=10, do_sample=False)
        default_ok = linear_dtypes == [str(default.dtype)]
        print(f"default load (config dtype {default.config.dtype}, model {default.dtype}, Linear weights "
              f"{linear_dtypes}): forward and generate OK: {tok.decode(g[0], skip_special_tokens=True)!r}")
    except RuntimeError as e:
        print(f"default load ({default.dtype}): FAILS: {str(e).splitlines()[0]}")
    del default
    base = AutoModelForCausalLM.from_pretrained(a.original, dtype=torch.float32).eval()
    base16 = AutoModelForCausalLM.from_pretrained(a.original, dtype=torch.bfloat16).eval()
    quant = AutoModelForCausalLM.from_pretrained(a.ct, dtype=torch.bfloat16).eval()
    hfq = getattr(quant, "hf_quantizer", None)
    print("quantizer:", type(hfq).__name__ if hfq else None,
          "| quantization_config:", type(getattr(quant.config, "quantization_config", None)).__name__)
    with torch.no_grad():
        quant(ids)  # the first forward decompresses the NVFP4 weights

    # 1. Loaded weights vs our dequantization.
    ours = load_file(f"{a.dequant}/model.safetensors")
    params = dict(quant.named_parameters())
    worst_rel, compared, exact, rounded = 0.0, 0, 0, 0
    for name, w in ours.items():
        if name not in params or not name.endswith(".weight") or w.ndim != 2:
            continue
        p = params[name].detach().float()
        if p.shape != w.shape:
            print("shape differs:", name, tuple(p.shape), tuple(w.shape)); sys.exit(1)
        d = (p - w).abs()
        rel = torch.where(w == 0, d, d / w.abs().clamp_min(1e-30)).max().item()
        worst_rel = max(worst_rel, rel)
        compared += 1
        exact += int(torch.equal(p, w))
        rounded += int(torch.equal(params[name].detach(), w.to(params[name].dtype)))
    names = [n for n, _ in quant.named_parameters()]
    leftovers = [n for n in names if n.endswith("weight_packed")]  # must be decompressed
    kept = sorted({n.rsplit(".", 1)[-1] for n in names if n.endswith(("_scale", "_global_scale"))})
    print(f"weights compared with fouroversix dequantize (f32): {compared} tensors, {exact} bit-identical, "
          f"{rounded} equal to ours rounded to {quant.dtype}, max rel diff {worst_rel:.3e}; "
          f"packed weights left on the model: {len(leftovers)}; scale parameters it keeps: {kept}")

    # 2. Logits and greedy generation.
    with torch.no_grad():
        lb = base(ids).logits
        lb16 = base16(ids).logits.float()
        lq = quant(ids).logits.float()
    rel = ((lq - lb).norm() / lb.norm()).item()
    rel16 = ((lb16 - lb).norm() / lb.norm()).item()
    agree = (lq.argmax(-1) == lb.argmax(-1)).float().mean().item()
    print(f"logits: finite {bool(torch.isfinite(lq).all())}, relative L2 diff vs original (f32) {rel:.4f} "
          f"(original in bf16: {rel16:.4f}), next-token argmax agreement {agree:.3f} over {ids.shape[1]} positions")
    gb = base.generate(ids, max_new_tokens=40, do_sample=False)
    gq = quant.generate(ids, max_new_tokens=40, do_sample=False)
    print("original :", tok.decode(gb[0], skip_special_tokens=True))
    print("quantized:", tok.decode(gq[0], skip_special_tokens=True))
    ok = (default_ok and compared > 0 and worst_rel <= 2 ** -8 and not leftovers and torch.isfinite(lq).all()
          and rel < 0.5)
    print("OK" if ok else "PROBLEM")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
