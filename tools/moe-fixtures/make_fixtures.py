#!/usr/bin/env python3
"""Tiny random checkpoints of the MoE, hybrid and newer dense families, made with transformers'
own classes and `save_pretrained` (bf16), for `quantize` / `inspect` / `eval` tests.

    python3 tools/moe-fixtures/make_fixtures.py Tests/Fixtures/moe [--only mixtral,...]

torch 2.13 CPU + transformers 5.25. Every model: 2 layers, hidden 64, small multiples of 16,
2-4 experts, vocabulary 512 with the stories260K tokenizer copied in (so `eval` can tokenize).
Weights are seeded (torch.manual_seed(0) per model); the names and shapes are what
transformers writes. A `tensors.txt` beside each lists name, dtype, shape.
"""
import argparse, json, os, shutil, sys
import torch, transformers as T
from safetensors import safe_open

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKENIZER = os.path.join(ROOT, "Models", "stories260K")
V = 512
COMMON = dict(vocab_size=V, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
              head_dim=16, max_position_embeddings=256, bos_token_id=1, eos_token_id=2, pad_token_id=0,
              tie_word_embeddings=False)

def families():
    yield "mixtral", lambda: T.MixtralForCausalLM(T.MixtralConfig(
        **COMMON, intermediate_size=32, num_local_experts=4, num_experts_per_tok=2))
    yield "qwen2-moe", lambda: T.Qwen2MoeForCausalLM(T.Qwen2MoeConfig(
        **COMMON, intermediate_size=64, moe_intermediate_size=32, shared_expert_intermediate_size=48,
        num_experts=4, num_experts_per_tok=2, decoder_sparse_step=1, norm_topk_prob=False))
    yield "qwen3-moe", lambda: T.Qwen3MoeForCausalLM(T.Qwen3MoeConfig(
        **COMMON, intermediate_size=64, moe_intermediate_size=32, num_experts=4, num_experts_per_tok=2,
        decoder_sparse_step=1, norm_topk_prob=True, mlp_only_layers=[]))
    yield "deepseek-v3", lambda: T.DeepseekV3ForCausalLM(T.DeepseekV3Config(
        # MLA: one key/value head per query head (kv_b_proj is per head; transformers 5 repeats
        # keys by num_attention_heads / num_key_value_heads).
        **{k: v for k, v in COMMON.items() if k not in ("head_dim", "num_key_value_heads")},
        num_key_value_heads=4, intermediate_size=64, moe_intermediate_size=32,
        n_routed_experts=4, n_shared_experts=1, num_experts_per_tok=2, n_group=1, topk_group=1,
        first_k_dense_replace=1, q_lora_rank=32, kv_lora_rank=32, qk_rope_head_dim=16, qk_nope_head_dim=16,
        v_head_dim=16, rope_scaling=None))
    yield "gpt-oss", lambda: T.GptOssForCausalLM(T.GptOssConfig(
        **COMMON, intermediate_size=32, num_local_experts=4, num_experts_per_tok=2, sliding_window=64,
        layer_types=["sliding_attention", "full_attention"]))
    yield "nemotron-h", lambda: T.NemotronHForCausalLM(T.NemotronHConfig(
        vocab_size=V, hidden_size=64, num_hidden_layers=4, hybrid_override_pattern="M*ME",
        num_attention_heads=4, num_key_value_heads=2, head_dim=16, intermediate_size=64,
        mamba_num_heads=4, mamba_head_dim=16, ssm_state_size=16, n_groups=1, mamba_d_conv=4, chunk_size=16,
        n_routed_experts=4, n_shared_experts=1, moe_intermediate_size=32, moe_shared_expert_intermediate_size=32,
        num_experts_per_tok=2, n_group=1, topk_group=1, max_position_embeddings=256,
        bos_token_id=1, eos_token_id=2, pad_token_id=0, tie_word_embeddings=False))
    yield "gemma3-text", lambda: T.Gemma3ForCausalLM(T.Gemma3TextConfig(
        **COMMON, intermediate_size=64, sliding_window=64))
    yield "phi3", lambda: T.Phi3ForCausalLM(T.Phi3Config(
        **{k: v for k, v in COMMON.items() if k != "head_dim"}, intermediate_size=64))
    yield "llava", lambda: T.LlavaForConditionalGeneration(T.LlavaConfig(
        text_config=T.LlamaConfig(**COMMON, intermediate_size=64),
        vision_config=T.CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                         num_attention_heads=2, image_size=32, patch_size=8, projection_dim=32),
        image_token_index=3, vision_feature_layer=-2))

def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--only", default="")
    a = p.parse_args()
    only = set(filter(None, a.only.split(",")))
    for name, make in families():
        if only and name not in only:
            continue
        torch.manual_seed(0)
        try:
            model = make()
        except Exception as e:  # a family this transformers lacks: say so, make the others
            print(f"{name}: not made ({type(e).__name__}: {e})", file=sys.stderr)
            continue
        with torch.no_grad():  # random init of every parameter (some classes zero-init routers)
            for n, t in model.named_parameters():
                if t.dim() >= 2 or "bias" in n:
                    t.normal_(0, 0.05)
        model = model.to(torch.bfloat16).eval()
        d = os.path.join(a.out, name)
        shutil.rmtree(d, ignore_errors=True)
        model.save_pretrained(d, safe_serialization=True)
        for f in ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]:
            shutil.copy(os.path.join(TOKENIZER, f), d)
        if name == "qwen3-moe":
            # transformers 5 saves the expert count as num_local_experts only; real Qwen3-MoE
            # configs (and transformers 4.x, which would build its default 128) say num_experts.
            path = os.path.join(d, "config.json")
            config = json.load(open(path))
            config["num_experts"] = config["num_local_experts"]
            with open(path, "w") as fh:
                json.dump(config, fh, indent=2, sort_keys=True)
                fh.write("\n")
        lines = []
        for f in sorted(os.listdir(d)):
            if f.endswith(".safetensors"):
                with safe_open(os.path.join(d, f), "pt") as s:
                    for k in s.keys():
                        sl = s.get_slice(k)
                        lines.append(f"{k} {sl.get_dtype()} {list(sl.get_shape())}")
        with open(os.path.join(d, "tensors.txt"), "w") as fh:
            fh.write("\n".join(sorted(lines)) + "\n")
        size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
        print(f"{name}: {len(lines)} tensors, {size} bytes")

if __name__ == "__main__":
    main()
