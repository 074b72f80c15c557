#!/usr/bin/env python3
"""Why Mixtral's fixture differs by 0.26 (not ~1e-2) between transformers 4.57's load of our
compressed-tensors output and the fake-quant reference of check_families.py: compressed-tensors
decompresses in bf16 arithmetic (weights differ from our decode by bf16 roundings), the router
logits move by one bf16 step, and one token's top-2 experts differ. Prints the weight difference,
the tokens whose top-2 differ per layer, and the logit difference per token.

    PYTHONPATH=/tmp/tf4 python3 tools/moe-fixtures/router_flips.py ORIGINAL/mixtral QUANT/mixtral
"""
import sys, os, torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_families as C
import transformers
o, q = sys.argv[1], sys.argv[2]
torch.manual_seed(0); ids=torch.randint(3,512,(1,24))
from safetensors import safe_open
tensors={}
for f in os.listdir(q):
    if f.endswith(".safetensors"):
        with safe_open(os.path.join(q,f),"pt") as s: tensors.update({k:s.get_tensor(k) for k in s.keys()})
cls=transformers.MixtralForCausalLM
L=cls.from_pretrained(q,dtype=torch.bfloat16).eval(); R=cls.from_pretrained(o,dtype=torch.bfloat16).eval()
rp=dict(R.named_parameters())
mods=sorted(k[:-14] for k in tensors if k.endswith(".weight_packed"))
with torch.no_grad():
    for m in mods: rp[m+".weight"].copy_(C.decode(tensors,m).to(torch.bfloat16))
    L(ids)
lp=dict(L.named_parameters())
with torch.no_grad():
    d=max(((lp[m+".weight"].float()-rp[m+".weight"].float()).abs().max().item()/rp[m+".weight"].float().abs().max().item()) for m in mods)
print("max relative weight difference (loaded vs decode):", d)
logs={}
def hook(name):
    def f(mod, inp, out): logs.setdefault(name,[]).append(out.detach().float())
    return f
for tag,M in [("L",L),("R",R)]:
    for n,mod in M.named_modules():
        if n.endswith("block_sparse_moe.gate"): mod.register_forward_hook(hook(tag+n))
with torch.no_grad():
    lq=L(ids).logits.float(); lr=R(ids).logits.float()
for layer in range(R.config.num_hidden_layers):
    n=f"model.layers.{layer}.block_sparse_moe.gate"
    a=logs["L"+n][-1]; b=logs["R"+n][-1]
    ta=a.topk(2,dim=-1).indices.sort(-1).values; tb=b.topk(2,dim=-1).indices.sort(-1).values
    flips=(ta!=tb).any(-1).nonzero().flatten().tolist()
    print(f"layer {layer}: tokens whose top-2 differ: {flips}; max router-logit diff {(a-b).abs().max().item():.3e}")
per_tok=(lq-lr).abs().amax(-1)[0]
print("max logit diff per token:", [f"{x:.3f}" for x in per_tok.tolist()])
