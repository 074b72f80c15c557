#!/usr/bin/env python3
"""An independent NumPy implementation of a Llama-family forward pass, used to cross-check the
Swift engine (Sources/Transformer): perplexity with the documented windowing, and greedy text.

Windowing: tokenize the whole file once (BOS first, no EOS); cut the tokens after BOS into chunks
of context−1; each window is [BOS] + chunk; every chunk token is predicted from its left context in
its window. Perplexity = exp(total NLL / counted tokens). Float64 throughout.
Needs numpy, safetensors and tokenizers (pip). Usage:
  python3 tools/llama-reference/llama_numpy.py Models/stories260K Data/tinystories-sample.txt \
      --context 512 --windows 40
  python3 tools/llama-reference/llama_numpy.py Models/stories260K --generate Zoo --tokens 60
"""
import argparse, json, math, os
import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


class Llama:
    def __init__(self, folder):
        self.cfg = json.load(open(os.path.join(folder, "config.json")))
        w = load_file(os.path.join(folder, "model.safetensors"))
        self.w = {k: v.astype(np.float64) for k, v in w.items()}
        c = self.cfg
        self.H, self.KVH = c["num_attention_heads"], c.get("num_key_value_heads", c["num_attention_heads"])
        self.hd = c.get("head_dim") or c["hidden_size"] // self.H
        self.eps = c["rms_norm_eps"]
        theta = c.get("rope_theta", 10000.0)
        self.inv_freq = 1.0 / theta ** (np.arange(0, self.hd, 2) / self.hd)
        self.head = self.w.get("lm_head.weight", self.w["model.embed_tokens.weight"])

    def norm(self, x, w):
        return x / np.sqrt((x * x).mean(-1, keepdims=True) + self.eps) * w

    def rope(self, x, pos):  # x [T, heads, hd]
        f = np.outer(pos, self.inv_freq)
        cos, sin = np.cos(np.concatenate([f, f], -1)), np.sin(np.concatenate([f, f], -1))
        h = self.hd // 2
        rot = np.concatenate([-x[..., h:], x[..., :h]], -1)
        return x * cos[:, None, :] + rot * sin[:, None, :]

    def forward(self, ids):
        T = len(ids)
        x = self.w["model.embed_tokens.weight"][ids]
        pos = np.arange(T)
        mask = np.triu(np.full((T, T), -np.inf), 1)
        for l in range(self.cfg["num_hidden_layers"]):
            p = f"model.layers.{l}."
            h = self.norm(x, self.w[p + "input_layernorm.weight"])
            q = (h @ self.w[p + "self_attn.q_proj.weight"].T).reshape(T, self.H, self.hd)
            k = (h @ self.w[p + "self_attn.k_proj.weight"].T).reshape(T, self.KVH, self.hd)
            v = (h @ self.w[p + "self_attn.v_proj.weight"].T).reshape(T, self.KVH, self.hd)
            q, k = self.rope(q, pos), self.rope(k, pos)
            rep = self.H // self.KVH
            out = np.empty((T, self.H, self.hd))
            for hh in range(self.H):
                s = q[:, hh] @ k[:, hh // rep].T / math.sqrt(self.hd) + mask
                s = np.exp(s - s.max(-1, keepdims=True))
                s /= s.sum(-1, keepdims=True)
                out[:, hh] = s @ v[:, hh // rep]
            x = x + out.reshape(T, -1) @ self.w[p + "self_attn.o_proj.weight"].T
            h = self.norm(x, self.w[p + "post_attention_layernorm.weight"])
            g = h @ self.w[p + "mlp.gate_proj.weight"].T
            u = h @ self.w[p + "mlp.up_proj.weight"].T
            x = x + (g / (1 + np.exp(-g)) * u) @ self.w[p + "mlp.down_proj.weight"].T
        return self.norm(x, self.w["model.norm.weight"]) @ self.head.T


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("text", nargs="?")
    ap.add_argument("--context", type=int, default=512)
    ap.add_argument("--windows", type=int)
    ap.add_argument("--generate")
    ap.add_argument("--tokens", type=int, default=60)
    a = ap.parse_args()
    m = Llama(a.model)
    tok = Tokenizer.from_file(os.path.join(a.model, "tokenizer.json"))
    bos = m.cfg.get("bos_token_id", 1)
    if a.generate is not None:
        ids = [bos] + tok.encode(a.generate, add_special_tokens=False).ids
        print("prompt ids", ids)
        for _ in range(a.tokens):
            nxt = int(np.argmax(m.forward(ids)[-1]))
            ids.append(nxt)
            if nxt == m.cfg.get("eos_token_id", 2):
                break
        print(json.dumps(tok.decode(ids, skip_special_tokens=True)))
        return
    ids = tok.encode(open(a.text, encoding="utf-8").read(), add_special_tokens=False).ids
    chunks = [ids[i:i + a.context - 1] for i in range(0, len(ids), a.context - 1)]
    if a.windows:
        chunks = chunks[:a.windows]
    nll, count = 0.0, 0
    for c in chunks:
        window = [bos] + c
        logits = m.forward(window)[:-1]
        mx = logits.max(-1, keepdims=True)
        lse = (mx + np.log(np.exp(logits - mx).sum(-1, keepdims=True)))[:, 0]
        nll += float((lse - logits[np.arange(len(c)), c]).sum())
        count += len(c)
    print(json.dumps({"perplexity": math.exp(nll / count), "nll": nll, "tokens": count, "windows": len(chunks)}))


if __name__ == "__main__":
    main()
