#!/usr/bin/env python3
"""Parse our quantization configs with vLLM's own config classes, without a GPU.

vLLM itself needs a CUDA build of torch to install; its config-parsing classes do not.
Setup (outside the repository; see docs/export-consumer-checks.md):
    pip download vllm==VERSION --no-deps --only-binary :all: -d VLLM_WHEEL_DIR
    unzip -q VLLM_WHEEL_DIR/vllm-*.whl 'vllm/*' -d VLLM_SRC
    pip install --target VLLM_DEPS --no-deps <the pure-Python modules the import asks for>
Usage: check_vllm_configs.py VLLM_SRC VLLM_DEPS CT_DIR MODELOPT_DIR
"""
import json
import sys
from pathlib import Path

src, deps, ct_dir, mo_dir = sys.argv[1:5]
sys.path.insert(0, src)
sys.path.append(deps)

import vllm  # noqa: E402
from vllm.model_executor.layers.quantization.compressed_tensors.compressed_tensors import (  # noqa: E402
    CompressedTensorsConfig,
)
from vllm.model_executor.layers.quantization.modelopt import ModelOptNvFp4Config  # noqa: E402

failures = []


def report(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)


print(f"vLLM {vllm.__version__} (config classes imported from the wheel; no GPU)")

# compressed-tensors
cfg = json.loads((Path(ct_dir) / "config.json").read_text())
qc = dict(cfg["quantization_config"])
c = CompressedTensorsConfig.from_config(qc)
print(f"compressed-tensors {ct_dir}: ignore={c.ignore}")
group = c.target_scheme_map["Linear"]
w, a = group.get("weights"), group.get("input_activations")
report(c._is_nvfp4_format(w) and a is None,
       "CompressedTensorsConfig.from_config: target Linear has NVFP4 weights (_is_nvfp4_format) and no input quantization")
try:
    scheme = c._get_scheme_from_parts(weight_quant=w, input_quant=a)
    a16 = getattr(scheme, "use_a16", None)
    report(type(scheme).__name__ in ("CompressedTensorsW4A16Fp4", "CompressedTensorsW4A4Fp4") and a16 is not False,
           f"scheme {type(scheme).__name__}(use_a16={a16})")
except Exception as e:  # the scheme constructor may probe the GPU
    msg = str(e).splitlines()[0]
    print(f"  note  scheme not built without a GPU: {type(e).__name__}: {msg[:120]}")
    # Building the W4A16 scheme pins the Marlin NVFP4 kernel; W4A4 would pick another.
    report("Marlin" in msg, "the scheme vLLM builds is the weight-only one (it asks for the Marlin NVFP4 kernel)")

# ModelOpt: config.json's quantization_config (what vLLM reads) and hf_quant_config.json
cfg = json.loads((Path(mo_dir) / "config.json").read_text())
hf = json.loads((Path(mo_dir) / "hf_quant_config.json").read_text())
inline = dict(cfg["quantization_config"])
m = ModelOptNvFp4Config.from_config(inline)
linear = getattr(m, "LinearMethodCls", None)
print(f"ModelOpt {mo_dir} config.json: quant_method={m.quant_method} "
      f"linear={getattr(linear, '__name__', linear)} group_size={m.group_size} exclude_modules={m.exclude_modules}")
report(m.quant_method == "W4A16_NVFP4", "config.json selects weight-only NVFP4 (quant_method W4A16_NVFP4)")
wanted = inline.get("exclude_modules") or inline.get("ignore") or []
report(all(m.is_layer_excluded(x) for x in wanted), f"every excluded module is excluded by vLLM ({len(wanted)})")
try:
    h = ModelOptNvFp4Config.from_config(dict(hf))
    print(f"  note  hf_quant_config.json (read by vLLM only without an inline config): quant_method={h.quant_method}")
except Exception as e:
    print(f"  note  hf_quant_config.json rejected by vLLM (it reads it only without an inline config): "
          f"{type(e).__name__}: {e}")
print("FAIL" if failures else "OK")
sys.exit(1 if failures else 0)
