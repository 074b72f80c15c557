#!/usr/bin/env python3
"""Checks a `fouroversix quantize --convention gguf` file with gguf-py (the `gguf` package).

usage: check-gguf-export.py MODEL.gguf DEQUANTIZED_F32_FOLDER

DEQUANTIZED_F32_FOLDER is `fouroversix dequantize --dtype F32` of the same quantization in the
ModelOpt convention (our own dequantization, in the core's order). For every NVFP4 tensor:
gguf.quants.dequantize gives the block values q·s; times the F32 `.scale` tensor (what llama.cpp
multiplies into the matmul output) and with the q/k row permutation undone, it is compared with
ours: bit for bit where equal, else the largest difference in units in the last place.
Every other tensor is compared with the source tensor (widened to float32).
"""
import json, sys
import numpy as np
import gguf
from safetensors.numpy import load_file

path, ours_dir = sys.argv[1], sys.argv[2]
r = gguf.GGUFReader(path)
ours = {}
import glob
for f in glob.glob(ours_dir + "/*.safetensors"):
    ours.update(load_file(f))
cfg = json.load(open(ours_dir + "/config.json"))
heads, kv = cfg["num_attention_heads"], cfg.get("num_key_value_heads", cfg["num_attention_heads"])
fields = {k: f.contents() for k, f in r.fields.items() if not k.startswith("tokenizer.ggml.")}
print("architecture", fields["general.architecture"], "file_type", fields["general.file_type"])
for k in ["tokenizer.ggml.model", "tokenizer.ggml.pre", "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id", "tokenizer.ggml.add_bos_token"]:
    if k in r.fields: print(k, r.fields[k].contents())
print("tokens", len(r.fields["tokenizer.ggml.tokens"].data))

def unpermute(w, n_head):
    # inverse of convert_hf_to_gguf's LlamaModel.permute
    return w.reshape(n_head, w.shape[0] // n_head // 2, 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)

hf = {}
for i in range(cfg["num_hidden_layers"]):
    for a, b in [("attn_q", "self_attn.q_proj"), ("attn_k", "self_attn.k_proj"), ("attn_v", "self_attn.v_proj"),
                 ("attn_output", "self_attn.o_proj"), ("ffn_gate", "mlp.gate_proj"), ("ffn_up", "mlp.up_proj"),
                 ("ffn_down", "mlp.down_proj"), ("attn_norm", "input_layernorm"), ("ffn_norm", "post_attention_layernorm")]:
        hf[f"blk.{i}.{a}.weight"] = f"model.layers.{i}.{b}.weight"
hf.update({"token_embd.weight": "model.embed_tokens.weight", "output_norm.weight": "model.norm.weight", "output.weight": "lm_head.weight"})

tensors = {t.name: t for t in r.tensors}
summary = {"nvfp4": 0, "nvfp4_bit_identical": 0, "other": 0, "other_identical": 0, "elements": 0, "differing": 0, "max_ulp": 0}
for t in r.tensors:
    if t.name.endswith(".scale") or t.name.endswith(".input_scale"):
        continue
    name = hf[t.name]
    shape = tuple(int(d) for d in reversed(t.shape))
    w = gguf.quants.dequantize(t.data, t.tensor_type).reshape(shape).astype(np.float32)
    if t.tensor_type == gguf.GGMLQuantizationType.NVFP4:
        scale = np.float32(tensors[t.name.replace(".weight", ".scale")].data[0])
        w = w * scale  # llama.cpp: ggml_mul(mul_mat(w, x), scale)
        summary["nvfp4"] += 1
    else:
        summary["other"] += 1
    if t.name.endswith("attn_q.weight"): w = unpermute(w, heads)
    if t.name.endswith("attn_k.weight"): w = unpermute(w, kv)
    o = ours[name].astype(np.float32).reshape(shape)
    same = np.array_equal(w, o)
    diff = w.view(np.int32).astype(np.int64) - o.view(np.int32).astype(np.int64)
    diff[(w == 0) & (o == 0)] = 0
    summary["elements"] += w.size
    summary["differing"] += int(np.count_nonzero(diff))
    summary["max_ulp"] = max(summary["max_ulp"], int(np.abs(diff).max()))
    if t.tensor_type == gguf.GGMLQuantizationType.NVFP4:
        summary["nvfp4_bit_identical"] += int(same or not np.any(diff))
    else:
        summary["other_identical"] += int(same or not np.any(diff))
print(json.dumps(summary))
