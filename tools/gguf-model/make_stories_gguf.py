#!/usr/bin/env python3
"""Writes Tests/EvaluationTests/Fixtures/stories260K.gguf: the bundled Models/stories260K as llama.cpp's
convert_hf_to_gguf.py would write it (architecture `llama`, F32 tensors, llama.cpp tensor names, the
q/k rows permuted with llama.cpp's `permute`, no output.weight since the embeddings are tied, the
SentencePiece-BPE tokenizer as `tokenizer.ggml.model` "llama" with tokens, scores, token types and
merges, add_bos_token true). F32 keeps every value exact, so the Swift tests can require that the GGUF
evaluates bit for bit like the folder (the adapter must undo the permutation and map every name).

Run: python3 tools/gguf-model/make_stories_gguf.py   (gguf 0.19.0, numpy, safetensors). Deterministic.
"""
import json, os

import numpy as np
import gguf
from safetensors.numpy import load_file

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SRC = os.path.join(ROOT, "Models", "stories260K")
OUT = os.path.join(ROOT, "Tests", "EvaluationTests", "Fixtures", "stories260K.gguf")


def permute(w, n_head):  # llama.cpp convert_hf_to_gguf.py LlamaModel.permute
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def main():
    cfg = json.load(open(os.path.join(SRC, "config.json")))
    tok = json.load(open(os.path.join(SRC, "tokenizer.json")))
    tensors = load_file(os.path.join(SRC, "model.safetensors"))
    heads, kv = cfg["num_attention_heads"], cfg["num_key_value_heads"]

    w = gguf.GGUFWriter(OUT, "llama")
    w.add_name("stories260K")
    w.add_context_length(cfg["max_position_embeddings"])
    w.add_embedding_length(cfg["hidden_size"])
    w.add_block_count(cfg["num_hidden_layers"])
    w.add_feed_forward_length(cfg["intermediate_size"])
    w.add_head_count(heads)
    w.add_head_count_kv(kv)
    w.add_rope_dimension_count(cfg["head_dim"])
    w.add_rope_freq_base(cfg["rope_theta"])
    w.add_layer_norm_rms_eps(cfg["rms_norm_eps"])
    w.add_vocab_size(cfg["vocab_size"])

    vocab = sorted(tok["model"]["vocab"].items(), key=lambda kv: kv[1])
    special = {t["id"]: t for t in tok["added_tokens"]}
    types = []
    for text, i in vocab:
        if text == "<unk>":
            types.append(gguf.TokenType.UNKNOWN)
        elif i in special:
            types.append(gguf.TokenType.CONTROL)
        elif text.startswith("<0x") and len(text) == 6:
            types.append(gguf.TokenType.BYTE)
        else:
            types.append(gguf.TokenType.NORMAL)
    w.add_tokenizer_model("llama")
    w.add_tokenizer_pre("default")
    w.add_token_list([t for t, _ in vocab])
    w.add_token_scores([-float(i) for _, i in vocab])
    w.add_token_types(types)
    w.add_token_merges([" ".join(m) if isinstance(m, list) else m for m in tok["model"]["merges"]])
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(True)
    w.add_add_eos_token(False)

    names = {"input_layernorm": "attn_norm", "post_attention_layernorm": "ffn_norm",
             "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
             "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
             "mlp.down_proj": "ffn_down"}
    for name, t in tensors.items():
        t = t.astype(np.float32)
        if name == "model.embed_tokens.weight":
            out = "token_embd.weight"
        elif name == "model.norm.weight":
            out = "output_norm.weight"
        else:
            parts = name.split(".")
            layer, module = parts[2], ".".join(parts[3:-1])
            out = f"blk.{layer}.{names[module]}.weight"
            if module == "self_attn.q_proj":
                t = permute(t, heads)
            elif module == "self_attn.k_proj":
                t = permute(t, kv)
        w.add_tensor(out, np.ascontiguousarray(t))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    print(OUT, os.path.getsize(OUT))


if __name__ == "__main__":
    main()
