#!/usr/bin/env python3
"""Consumer check of `fouroversix quantize` on the family fixtures: does transformers load our
compressed-tensors output (its compressed-tensors quantizer decompresses the NVFP4 weights), and
do its logits match transformers running the fake-quantized weights?

For each family F: ORIGINAL/F is the fixture, QUANT/F our `quantize --convention compressed-tensors`
output. The reference is the original model (bf16) whose quantized Linear weights are replaced by
an independent decode of our tensors written here (E2M1 nibbles low-first x E4M3 block scale /
weight_global_scale, the compressed-tensors definition). Checks:
  1. every Linear module named like a router (…gate, …router, shared_expert_gate) is in the ignore
     list and its loaded weight equals the original;
  2. no `weight_packed` parameter is left on the loaded model (everything was decompressed);
  3. max |logits(loaded) - logits(reference)| within bf16 tolerance (both run in bf16; reported
     relative to max |logits|).

    python3 tools/moe-fixtures/check_families.py ORIGINAL QUANT [--families mixtral,qwen3-moe]
"""
import argparse, json, os, re, sys
import torch, transformers
from safetensors import safe_open

DTYPE = getattr(torch, os.environ.get("DTYPE", "bfloat16"))  # float32: no bf16 rounding in either model
E2M1 = torch.tensor([0, 0.5, 1, 1.5, 2, 3, 4, 6, -0.0, -0.5, -1, -1.5, -2, -3, -4, -6], dtype=torch.float32)
ROUTER = re.compile(r"(^|\.)(gate|router|shared_expert_gate)$")
EXPERT = re.compile(r"^(.*)\.(block_sparse_moe|mlp|mixer)\.experts\.(\d+)\.(w1|w2|w3|gate_proj|up_proj|down_proj)$")


def decode(tensors, module):
    packed = tensors[module + ".weight_packed"]
    scale = tensors[module + ".weight_scale"].view(torch.float8_e4m3fn).float()
    glob = tensors[module + ".weight_global_scale"].float()
    lo, hi = (packed & 0xF).long(), (packed >> 4).long()
    codes = torch.stack([lo, hi], dim=-1).reshape(packed.shape[0], -1)
    w = E2M1[codes].reshape(codes.shape[0], -1, 16) * scale.unsqueeze(-1) / glob
    return w.reshape(codes.shape[0], -1)


def model_class(config):
    arch = config["architectures"][0]
    return getattr(transformers, arch)


def check(original, quant, prompt_ids):
    config = json.load(open(os.path.join(quant, "config.json")))
    ignore = set(config["quantization_config"]["ignore"])
    cls = model_class(config)
    tensors = {}
    for f in os.listdir(quant):
        if f.endswith(".safetensors"):
            with safe_open(os.path.join(quant, f), "pt") as s:
                tensors.update({k: s.get_tensor(k) for k in s.keys()})
    modules = sorted(k[: -len(".weight_packed")] for k in tensors if k.endswith(".weight_packed"))

    loaded = cls.from_pretrained(quant, dtype=DTYPE).eval()
    reference = cls.from_pretrained(original, dtype=DTYPE).eval()
    base = cls.from_pretrained(original, dtype=DTYPE).eval()
    ref_params = dict(reference.named_parameters())
    replaced = 0
    for m in modules:
        # transformers 5 renames some prefixes in memory (its checkpoint conversion mapping).
        m_mem = next((c for c in [m, m.replace("language_model.model.", "model.language_model.", 1),
                                  m.replace("backbone.", "model.", 1)] if c + ".weight" in ref_params), m)
        p = ref_params.get(m_mem + ".weight")
        w = decode(tensors, m)
        fused = EXPERT.match(m)
        if p is None and fused:  # transformers 5 holds experts fused: gate_up_proj [E, 2f, d], down_proj [E, d, f]
            prefix, e, proj = fused.group(1).replace("backbone.", "model.", 1), int(fused.group(3)), fused.group(4)
            experts = f"{prefix}.{'mlp' if fused.group(2) == 'block_sparse_moe' else fused.group(2)}.experts"
            if proj in ("w2", "down_proj"):
                p = ref_params[f"{experts}.down_proj"][e]
            elif f"{experts}.gate_up_proj" not in ref_params:  # Nemotron-H: up_proj only (relu² experts)
                p = ref_params[f"{experts}.up_proj"][e]
            else:
                gu = ref_params[f"{experts}.gate_up_proj"][e]
                f = gu.shape[0] // 2
                p = gu[:f] if proj in ("w1", "gate_proj") else gu[f:]
        if p is None:
            raise RuntimeError(f"{m}: no such parameter in transformers' {cls.__name__}")
        with torch.no_grad():
            p.copy_(w.to(p.dtype))
        replaced += 1
    with torch.no_grad():
        loaded(prompt_ids)  # compressed-tensors may decompress on the first forward
    leftovers = [n for n, _ in loaded.named_parameters() if n.endswith("weight_packed")]
    loaded_params = dict(loaded.named_parameters())
    same = sum(int(k in loaded_params and k in ref_params and torch.equal(loaded_params[k], ref_params[k]))
               for k in (n for n, _ in reference.named_parameters()) if k.endswith(".weight")
               and not torch.equal(ref_params[k], dict(base.named_parameters())[k]))
    routers, router_problems = [], []
    base_params = dict(base.named_parameters())
    ignore_patterns = [re.compile(i[3:]) for i in ignore if i.startswith("re:")]
    for name, mod in loaded.named_modules():
        if isinstance(mod, torch.nn.Linear) and ROUTER.search(name):
            routers.append(name)
            if name not in ignore and not any(p.match(name) for p in ignore_patterns):
                router_problems.append(f"{name} not in ignore")
            elif not torch.equal(mod.weight, base_params[name + ".weight"]):
                router_problems.append(f"{name} weight changed")
    with torch.no_grad():
        kwargs = {}
        lq = loaded(prompt_ids, **kwargs).logits.float()
        lr = reference(prompt_ids, **kwargs).logits.float()
        lb = base(prompt_ids, **kwargs).logits.float()
    diff = (lq - lr).abs().max().item()
    scale = lr.abs().max().item()
    qerr = (lb - lr).abs().max().item()
    return dict(same=same, modules=len(modules), replaced=replaced, leftovers=len(leftovers), routers=len(routers),
                router_problems=router_problems, max_abs=diff, max_logit=scale, rel=diff / scale,
                quantization_effect=qerr, ignore=len(ignore))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("original")
    ap.add_argument("quant")
    ap.add_argument("--families", default="")
    a = ap.parse_args()
    import compressed_tensors
    print(f"torch {torch.__version__}, transformers {transformers.__version__}, "
          f"compressed-tensors {compressed_tensors.__version__}")
    torch.manual_seed(0)
    ids = torch.randint(3, 512, (1, 24))
    fams = [f for f in sorted(os.listdir(a.quant)) if not a.families or f in a.families.split(",")]
    failed = False
    print("| family | quantized modules (loaded weight == our decode) | decompressed (packed left) | routers (all ignored, unchanged) | "
          "max abs logit diff vs fake-quant reference | relative | quantization effect (vs bf16 original) |")
    print("|---|---|---|---|---|---|---|")
    for f in fams:
        try:
            r = check(os.path.join(a.original, f), os.path.join(a.quant, f), ids)
        except Exception as e:
            if os.environ.get("TRACE"):
                import traceback; traceback.print_exc()
            print(f"| {f} | FAILS: {type(e).__name__}: {str(e).splitlines()[0][:200]} | | | | | |")
            failed = True
            continue
        ok = not r["router_problems"] and r["leftovers"] == 0 and r["rel"] < 1e-2
        failed |= not ok
        print(f"| {f} | {r['modules']} ({r['same']}) | {'yes' if r['leftovers'] == 0 else 'NO'} ({r['leftovers']}) | "
              f"{r['routers']} ({'yes' if not r['router_problems'] else '; '.join(r['router_problems'])}) | "
              f"{r['max_abs']:.3e} | {r['rel']:.2e} | {r['quantization_effect']:.3e} |")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
