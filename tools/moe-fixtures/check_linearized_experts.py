#!/usr/bin/env python3
"""Checks `quantize --linearize-experts` on gpt-oss against transformers' own GptOssExperts.

For every layer and expert e, the per-expert Linear modules of our output
(`mlp.experts.e.{gate,up,down}_proj` .weight/.bias, or NVFP4 .weight_packed decoded here) are run
the way llm-compressor's linearized gpt-oss expert runs them —
    gate = x·Wgᵀ + bg, up = x·Wuᵀ + bu, clamp, (up + 1)·gate·σ(α·gate), then ·Wdᵀ + bd —
and compared with transformers' GptOssExperts.forward on the original fused tensors (every token
routed to e with weight 1), both in float32.

    python3 tools/moe-fixtures/check_linearized_experts.py ORIGINAL OUT [--quantized]

Without --quantized, OUT must have been written with the experts excluded (`--exclude
'experts\\.'`): its per-expert weights are the original BF16 values moved, and the outputs must
agree to float32 summation order (max abs difference <= 1e-5; gate and up swapped gives 0.33 on
the fixture). With --quantized the weights are NVFP4 and the script reports the relative output
error (the quantization's, for scale). Written against transformers 5 (GptOssExperts.forward
with router indices and weights per token; 4.57's forward takes other arguments).
"""
import argparse, os, sys
import torch, transformers
from safetensors import safe_open

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_families import decode  # noqa: E402  (the same independent NVFP4 decode)


def load(folder):
    tensors = {}
    for f in os.listdir(folder):
        if f.endswith(".safetensors"):
            with safe_open(os.path.join(folder, f), "pt") as s:
                tensors.update({k: s.get_tensor(k) for k in s.keys()})
    return tensors


def weight(tensors, module):
    if module + ".weight" in tensors:
        return tensors[module + ".weight"].float()
    return decode(tensors, module)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("original")
    ap.add_argument("out")
    ap.add_argument("--quantized", action="store_true")
    a = ap.parse_args()
    model = transformers.GptOssForCausalLM.from_pretrained(a.original, dtype=torch.float32).eval()
    ours = load(a.out)
    torch.manual_seed(0)
    worst, checked = 0.0, 0
    for i, layer in enumerate(model.model.layers):
        experts = layer.mlp.experts
        x = torch.randn(16, experts.gate_up_proj.shape[1])
        for e in range(experts.gate_up_proj.shape[0]):
            with torch.no_grad():
                ref = experts(x, torch.full((16, 1), e), torch.ones(16, 1))
                p = f"model.layers.{i}.mlp.experts.{e}."
                gate = x @ weight(ours, p + "gate_proj").T + ours[p + "gate_proj.bias"].float()
                up = x @ weight(ours, p + "up_proj").T + ours[p + "up_proj.bias"].float()
                gate, up = gate.clamp(max=experts.limit), up.clamp(min=-experts.limit, max=experts.limit)
                h = (up + 1) * gate * torch.sigmoid(gate * experts.alpha)
                out = h @ weight(ours, p + "down_proj").T + ours[p + "down_proj.bias"].float()
            d = (out - ref).abs().max().item() if not a.quantized else ((out - ref).norm() / ref.norm()).item()
            worst = max(worst, d)
            checked += 1
    fused = [k for k in ours if k.endswith("experts.gate_up_proj") or k.endswith("experts.down_proj")]
    what = "relative output error (NVFP4)" if a.quantized else "max abs output difference"
    print(f"transformers {transformers.__version__}: {checked} experts, worst {what} {worst:.3e}; "
          f"fused 3-D tensors left in the output: {len(fused)}")
    ok = not fused and (worst < 0.2 if a.quantized else worst <= 1e-5)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
