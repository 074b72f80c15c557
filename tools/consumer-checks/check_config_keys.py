#!/usr/bin/env python3
"""Do our checkpoints carry what vLLM and TensorRT-LLM read?

vLLM and TensorRT-LLM need a GPU stack to install (pinned CUDA torch builds, compiled
extensions), so their config classes are not imported here. Instead this script applies the
rules their loaders implement, as read from their public source (see docs/export-consumer-checks.md
for the revisions): which file is read, which keys are required, which quant_algo selects
which linear method, and the names, dtypes and shapes of the tensors each method registers.
The compressed-tensors scheme itself is parsed with the compressed-tensors library.

Usage: check_config_keys.py CT_DIR MODELOPT_DIR
Exit status 0 when nothing is marked FAIL (WARN lines are reported, not fatal).
"""
import json
import re
import sys
from pathlib import Path

from safetensors import safe_open

from compressed_tensors.quantization import QuantizationConfig

problems = []


def check(ok, what, severity="FAIL"):
    print(("  ok    " if ok else f"  {severity:5s} ") + what)
    if not ok and severity == "FAIL":
        problems.append(what)


def tensors(d):
    out = {}
    for f in sorted(Path(d).glob("*.safetensors")):
        with safe_open(str(f), "pt") as h:
            for k in h.keys():
                s = h.get_slice(k)
                out[k] = (s.get_dtype(), tuple(s.get_shape()))
    return out


def compressed_tensors_dir(d):
    print(f"compressed-tensors checkpoint {d}")
    cfg = json.loads((Path(d) / "config.json").read_text())
    qc = cfg.get("quantization_config", {})
    check(qc.get("quant_method") == "compressed-tensors", "quant_method == compressed-tensors")
    check(qc.get("format") == "nvfp4-pack-quantized", "format == nvfp4-pack-quantized")
    parsed = QuantizationConfig.model_validate(qc)  # raises on keys/values it rejects
    w = parsed.config_groups["group_0"].weights
    a = parsed.config_groups["group_0"].input_activations
    # vLLM CompressedTensorsConfig._is_fp4a16_nvfp4 -> CompressedTensorsW4A16Fp4
    check(a is None and w.strategy == "tensor_group" and w.type == "float" and w.num_bits == 4
          and w.group_size == 16 and w.symmetric,
          "scheme is vLLM's W4A16 NVFP4 (_is_fp4a16_nvfp4: weight-only, tensor_group, float, 4 bits, group 16, symmetric)")
    t = tensors(d)
    mods = sorted(k[: -len(".weight_packed")] for k in t if k.endswith(".weight_packed"))
    bad = []
    for m in mods:
        (pd, ps), (sd, ss), (gd, gs) = t[m + ".weight_packed"], t[m + ".weight_scale"], t[m + ".weight_global_scale"]
        if not (pd == "U8" and sd == "F8_E4M3" and gd == "F32" and ss == (ps[0], ps[1] * 2 // 16) and gs == (1,)):
            bad.append(m)
    check(not bad, f"{len(mods)} modules: weight_packed U8 [out,in/2], weight_scale F8_E4M3 [out,in/16], weight_global_scale F32 [1] {bad[:3]}")
    ignore = qc.get("ignore", [])
    leftover = [k for k in t if k.endswith(".weight") and k[:-7] not in ignore and len(t[k][1]) == 2
                and re.search(r"(proj|dense|query|key|value|fc\d?)\.weight$", k)]
    check(not leftover, f"every unquantized Linear weight is in `ignore` {leftover[:3]}")
    dt = cfg.get("torch_dtype") or cfg.get("dtype")
    check(dt in ("bfloat16", "float16"),
          f"config dtype is {dt}: transformers + compressed-tensors decompress NVFP4 to bfloat16, so a "
          f"float32 model fails its first forward unless loaded with dtype=bfloat16", "WARN")


def modelopt_dir(d):
    print(f"ModelOpt checkpoint {d}")
    cfg = json.loads((Path(d) / "config.json").read_text())
    inline = cfg.get("quantization_config", {})
    hf = json.loads((Path(d) / "hf_quant_config.json").read_text())
    q = hf.get("quantization", {})
    # Which file each engine reads.
    print("  (vLLM reads config.json's quantization_config when present; TensorRT-LLM reads "
          "hf_quant_config.json and only warns when the inline copy differs)")
    check(inline.get("quant_method") == "modelopt", "config.json: quant_method == modelopt (else vLLM loads it unquantized)")
    algo_inline = str(inline.get("quant_algo", "")).upper()
    algo_file = str(q.get("quant_algo", "")).upper()
    check(algo_inline in ("NVFP4", "W4A16_NVFP4"), f"config.json quant_algo {algo_inline!r} is one vLLM's ModelOptNvFp4Config accepts")
    check(algo_inline == algo_file, f"quant_algo agrees between config.json ({algo_inline}) and hf_quant_config.json ({algo_file})")
    t = tensors(d)
    mods = sorted(k[: -len(".weight_scale_2")] for k in t if k.endswith(".weight_scale_2"))
    has_input = [m for m in mods if m + ".input_scale" in t]
    weight_only = not has_input
    why = {"config.json": "vLLM: NVFP4 selects its W4A4 method, whose input_scale would stay uninitialised",
           "hf_quant_config.json": "TensorRT-LLM reads this file: NVFP4 is W4A4 there and needs an input_scale "
                                   "per layer (its QuantAlgo has no weight-only NVFP4 member at the revision read)"}
    for name, algo in (("config.json", algo_inline), ("hf_quant_config.json", algo_file)):
        if weight_only:
            check(algo == "W4A16_NVFP4", f"{name}: no input_scale tensors, so quant_algo should be W4A16_NVFP4 ({why[name]})")
    # vLLM's flat (config.json) branch reads `ignore`; the nested branch reads `exclude_modules`.
    if "quantization" not in inline:
        wanted = inline.get("exclude_modules") or q.get("exclude_modules") or []
        check(inline.get("ignore") is not None or not wanted,
              "config.json (flat form): vLLM reads the exclusion list from `ignore` "
              f"(it has {sorted(k for k in inline if k in ('ignore', 'exclude_modules'))}); without it vLLM "
              f"quantizes {wanted[:3]}... too and raises on in % 16 != 0 (vLLM 0.33.0 also falls back to "
              f"`exclude_modules`; the GitHub revision read only takes `ignore`)", "WARN")
    # vLLM requires these in hf_quant_config.json's `quantization` when it reads that file.
    missing = [k for k in ("group_size", "kv_cache_quant_algo", "exclude_modules") if k not in q]
    check(not missing, f"hf_quant_config.json: fields vLLM requires when it reads this file (only without an inline "
          f"quantization_config): group_size, kv_cache_quant_algo, exclude_modules (missing {missing})",
          "WARN" if inline else "FAIL")
    check(q.get("group_size") == 16, "group_size == 16")
    bad = []
    for m in mods:
        (wd, ws), (sd, ss), (s2d, s2s) = t[m + ".weight"], t[m + ".weight_scale"], t[m + ".weight_scale_2"]
        if not (wd == "U8" and sd == "F8_E4M3" and s2d == "F32" and ss == (ws[0], ws[1] * 2 // 16) and s2s in ((), (1,))):
            bad.append(m)
    check(not bad, f"{len(mods)} modules: weight U8 [out,in/2], weight_scale F8_E4M3 [out,in/16], weight_scale_2 F32 scalar {bad[:3]}")
    scalars = all(t[m + ".weight_scale_2"][1] == () for m in mods)
    check(scalars, "weight_scale_2 stored as a 0-d scalar (as ModelOpt exports; loaders reshape [] and [1] alike)", "WARN")
    excl = set(q.get("exclude_modules", []))
    not16 = [k[:-7] for k, (dt, sh) in t.items() if k.endswith(".weight") and len(sh) == 2 and dt != "U8"
             and sh[1] % 16 != 0 and k[:-7] not in excl]
    check(not not16, f"Linear layers with in % 16 != 0 are excluded (vLLM raises on them otherwise) {not16[:3]}")


if __name__ == "__main__":
    compressed_tensors_dir(sys.argv[1])
    modelopt_dir(sys.argv[2])
    print("FAIL:" if problems else "no FAIL", *problems, sep="\n  " if problems else " ")
    sys.exit(1 if problems else 0)
