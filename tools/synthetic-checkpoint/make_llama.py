#!/usr/bin/env python3
"""Write a synthetic Llama-architecture BF16 checkpoint in the Hugging Face layout, for
benchmarks of `fouroversix quantize` (throughput, peak memory, shard straddling); with
`--experts N`, a Qwen3-MoE-shaped one instead (router `mlp.gate`, `mlp.experts.E.{gate,up,down}_proj`
of `--moe-intermediate` rows, QK-norm), e.g. 8 layers x 64 experts for the MoE memory check.

Weights are seeded Gaussian (std 0.02) with occasional outliers; the shards are cut so that
fused groups (q/k/v, gate/up) straddle shard boundaries. Only numpy is needed.

    python3 tools/synthetic-checkpoint/make_llama.py OUT_DIR [--layers 32] [--hidden 1024]
        [--intermediate 2816] [--vocab 32000] [--shard-mb 250] [--experts 64 --moe-intermediate 768]
"""
import argparse, json, os, struct
import numpy as np

def bf16_bytes(a):
    u = a.astype(np.float32).view(np.uint32)
    u = u + 0x7FFF + ((u >> 16) & 1)          # round half to even
    return (u >> 16).astype(np.uint16).tobytes()

def write_shard(path, tensors):
    header, offset = {}, 0
    for name, shape, data in tensors:
        header[name] = {"dtype": "BF16", "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h)
        for _, _, data in tensors: f.write(data)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("out"); p.add_argument("--layers", type=int, default=32)
    p.add_argument("--hidden", type=int, default=1024); p.add_argument("--intermediate", type=int, default=2816)
    p.add_argument("--vocab", type=int, default=32000); p.add_argument("--shard-mb", type=int, default=250)
    p.add_argument("--experts", type=int, default=0); p.add_argument("--moe-intermediate", type=int, default=768)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = np.random.default_rng(0)
    h, f, heads, kv = a.hidden, a.intermediate, a.hidden // 64, a.hidden // 256
    def weight(rows, cols):
        w = rng.standard_normal((rows, cols), dtype=np.float32) * 0.02
        w.flat[rng.integers(0, w.size, max(1, w.size // 4096))] *= 30   # outliers
        return w
    names = [("model.embed_tokens.weight", (a.vocab, h))]
    for i in range(a.layers):
        pre = f"model.layers.{i}"
        names += [(f"{pre}.input_layernorm.weight", (h,)),
                  (f"{pre}.self_attn.q_proj.weight", (h, h)), (f"{pre}.self_attn.k_proj.weight", (kv * 64, h)),
                  (f"{pre}.self_attn.v_proj.weight", (kv * 64, h)), (f"{pre}.self_attn.o_proj.weight", (h, h)),
                  (f"{pre}.post_attention_layernorm.weight", (h,))]
        if a.experts:
            m = a.moe_intermediate
            names += [(f"{pre}.self_attn.q_norm.weight", (64,)), (f"{pre}.self_attn.k_norm.weight", (64,)),
                      (f"{pre}.mlp.gate.weight", (a.experts, h))]
            for e in range(a.experts):
                names += [(f"{pre}.mlp.experts.{e}.gate_proj.weight", (m, h)),
                          (f"{pre}.mlp.experts.{e}.up_proj.weight", (m, h)),
                          (f"{pre}.mlp.experts.{e}.down_proj.weight", (h, m))]
        else:
            names += [(f"{pre}.mlp.gate_proj.weight", (f, h)), (f"{pre}.mlp.up_proj.weight", (f, h)),
                      (f"{pre}.mlp.down_proj.weight", (h, f))]
    names += [("model.norm.weight", (h,)), ("lm_head.weight", (a.vocab, h))]
    shards, current, size, limit = [], [], 0, a.shard_mb * 1_000_000
    for name, shape in names:
        data = bf16_bytes(np.ones(shape, np.float32) if len(shape) == 1 else weight(*shape))
        if current and size + len(data) > limit:
            shards.append(current); current, size = [], 0
        current.append((name, shape, data)); size += len(data)
    shards.append(current)
    weight_map, total = {}, 0
    for k, shard in enumerate(shards):
        fname = f"model-{k + 1:05d}-of-{len(shards):05d}.safetensors"
        write_shard(os.path.join(a.out, fname), shard)
        for name, _, data in shard: weight_map[name] = fname; total += len(data)
    json.dump({"metadata": {"total_size": total}, "weight_map": weight_map},
              open(os.path.join(a.out, "model.safetensors.index.json"), "w"), indent=2)
    config = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": h,
              "intermediate_size": f, "num_hidden_layers": a.layers, "num_attention_heads": heads,
              "num_key_value_heads": kv, "vocab_size": a.vocab, "rms_norm_eps": 1e-5,
              "tie_word_embeddings": False, "torch_dtype": "bfloat16"}
    if a.experts:
        config.update({"architectures": ["Qwen3MoeForCausalLM"], "model_type": "qwen3_moe", "head_dim": 64,
                       "num_experts": a.experts, "num_experts_per_tok": 8, "moe_intermediate_size": a.moe_intermediate,
                       "norm_topk_prob": True, "decoder_sparse_step": 1, "mlp_only_layers": []})
    json.dump(config, open(os.path.join(a.out, "config.json"), "w"), indent=2)
    linear = sum(np.prod(s) for n, s in names if len(s) == 2 and "embed" not in n and "lm_head" not in n)
    print(f"{a.out}: {len(shards)} shards, {total / 1e9:.2f} GB, {int(linear):,} linear-weight elements")

main()
