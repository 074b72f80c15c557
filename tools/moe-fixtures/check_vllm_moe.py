#!/usr/bin/env python3
"""vLLM's own compressed-tensors config classes on our MoE / family outputs, without a GPU.

For each quantized fixture folder (QUANT/F, written by `fouroversix quantize --convention
compressed-tensors`), with vLLM's `CompressedTensorsConfig.from_config` and the packed-module
mapping of vLLM's model class for the family:
  1. every router (vLLM's module name) is ignored (`should_ignore_layer`) — vLLM builds routers
     unquantized, a quantized router would not load;
  2. the fused attention projection (`qkv_proj` / MLA's `fused_qkv_a_proj`) resolves to one NVFP4
     scheme for all its shards;
  3. the routed experts (`get_scheme_dict` on `<prefix>.experts.0.<gate|up|down>`, the names
     `CompressedTensorsMoEMethod.get_moe_method` asks about) resolve to one NVFP4 weight scheme
     with no input quantization, which `get_moe_method` turns into
     `CompressedTensorsW4A4Nvfp4MoEMethod` (vLLM's NVFP4 MoE method, weight-only when the
     input scheme is None); experts kept in BF16 must resolve to None (unquantized).
Setup of VLLM_SRC / VLLM_DEPS as in docs/consumer-checks.md.

    python3 tools/moe-fixtures/check_vllm_moe.py VLLM_SRC VLLM_DEPS QUANT
"""
import json
import sys
from pathlib import Path

src, deps, quant = sys.argv[1:4]
sys.path.insert(0, src)
sys.path.append(deps)

import vllm  # noqa: E402
from vllm.model_executor.layers.quantization.compressed_tensors.compressed_tensors import (  # noqa: E402
    CompressedTensorsConfig,
)
from vllm.model_executor.layers.quantization.compressed_tensors.utils import should_ignore_layer  # noqa: E402

# Per fixture: vLLM's module prefix of layer 1's MoE block, its experts' checkpoint projection
# names (gate, up, down; Nemotron-H's relu² experts have no gate), the router, the attention
# projection vLLM fuses, and whether the experts are quantized in our output.
FAMILIES = {
    "mixtral": ("model.layers.1.block_sparse_moe", ("w1", "w3", "w2"), "gate", "self_attn.qkv_proj", True),
    "qwen2-moe": ("model.layers.1.mlp", ("gate_proj", "up_proj", "down_proj"), "gate", "self_attn.qkv_proj", True),
    "qwen3-moe": ("model.layers.1.mlp", ("gate_proj", "up_proj", "down_proj"), "gate", "self_attn.qkv_proj", True),
    "deepseek-v3": ("model.layers.1.mlp", ("gate_proj", "up_proj", "down_proj"), "gate",
                    "self_attn.fused_qkv_a_proj", True),
    "nemotron-h": ("model.layers.3.mixer", (None, "up_proj", "down_proj"), "gate", None, True),
    "gpt-oss": ("model.layers.1.mlp", ("gate_proj", "up_proj", "down_proj"), "router", "self_attn.qkv_proj", False),
    # `quantize --linearize-experts` of the gpt-oss fixture, written to QUANT/gpt-oss-linearized.
    "gpt-oss-linearized": ("model.layers.1.mlp", ("gate_proj", "up_proj", "down_proj"), "router",
                           "self_attn.qkv_proj", True),
}
PACKED = {
    "qkv_proj": ["q_proj", "k_proj", "v_proj"],
    "gate_up_proj": ["gate_proj", "up_proj"],
    "fused_qkv_a_proj": ["q_a_proj", "kv_a_proj_with_mqa"],
}


class Linear:  # matched by class name against the config's "Linear" target
    pass


class RoutedExperts:  # the name `_add_fused_moe_to_target_scheme_map` adds as a target
    pass


failures = []


def report(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)


print(f"vLLM {vllm.__version__} (config classes from the wheel; no GPU)")
for fixture, (moe, projections, router, attention, quantized) in FAMILIES.items():
    folder = Path(quant) / fixture
    if not folder.exists():
        continue
    qc = json.loads((folder / "config.json").read_text())["quantization_config"]
    c = CompressedTensorsConfig.from_config(dict(qc))
    c.packed_modules_mapping = PACKED
    print(f"{fixture}:")
    name = f"{moe}.{router}"
    report(should_ignore_layer(name, ignore=c.ignore, fused_mapping=PACKED), f"router {name} ignored")
    if attention:
        layer = moe.rsplit(".", 1)[0] + "." + attention
        d = c.get_scheme_dict(Linear(), layer)
        report(d is not None and c._is_nvfp4_format(d.get("weights")), f"{layer}: NVFP4 for all shards")
    c._add_fused_moe_to_target_scheme_map()
    dicts = [c.get_scheme_dict(RoutedExperts(), f"{moe}.experts.0.{p}") for p in projections if p]
    same = all(d == dicts[0] for d in dicts)
    if quantized:
        w = dicts[0].get("weights") if dicts[0] else None
        a = dicts[0].get("input_activations") if dicts[0] else None
        report(same and w is not None and c._is_nvfp4_format(w) and a is None,
               f"{moe}.experts: one NVFP4 weight-only scheme for {', '.join(p for p in projections if p)} "
               "→ CompressedTensorsW4A4Nvfp4MoEMethod")
    else:
        report(same and dicts[0] is None, f"{moe}.experts: unquantized (kept in BF16) → UnquantizedFusedMoEMethod")
print("FAIL" if failures else "OK")
sys.exit(1 if failures else 0)
