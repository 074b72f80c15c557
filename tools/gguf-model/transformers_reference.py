#!/usr/bin/env python3
"""transformers' side of `fouroversix eval` / `generate` on a GGUF model (issue 13 "Done when").

Loads MODEL.gguf with transformers (from_pretrained(..., gguf_file=...): weights dequantized to
float32, tokenizer converted from the GGUF metadata) and prints JSON:
  perplexity over the first WINDOWS windows of TEXT, tokenized once with the tokenizer's own special
  tokens (tokenizer(text), add_special_tokens=True). Without a BOS the windows are consecutive chunks
  of CONTEXT tokens and each window's first token is context only; with a BOS prefix each window is
  BOS + CONTEXT-1 tokens (fouroversix's documented windowing);
  greedy generation of NEW tokens from PROMPT (ids of prompt and continuation, and the text).
MODEL may also be a Hugging Face folder. --save DIR writes the GGUF's dequantized weights as a plain
Hugging Face folder (model.safetensors, config.json, tokenizer files) for the HF-folder parity check
(save_pretrained refuses GGUF-loaded models).

Usage: transformers_reference.py MODEL.gguf --text T [--windows 20] [--context 512]
       [--prompt P] [--new 32] [--save DIR]
"""
import argparse, json, math, os, sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    p = argparse.ArgumentParser()
    p.add_argument("gguf")
    p.add_argument("--text", required=True)
    p.add_argument("--windows", type=int, default=20)
    p.add_argument("--context", type=int, default=512)
    p.add_argument("--prompt", default="It is a truth universally acknowledged, that")
    p.add_argument("--new", type=int, default=32)
    p.add_argument("--save")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if os.path.isdir(a.gguf):
        tok = AutoTokenizer.from_pretrained(a.gguf)
        model = AutoModelForCausalLM.from_pretrained(a.gguf, dtype=torch.float32)
    else:
        folder, name = os.path.split(os.path.abspath(a.gguf))
        tok = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    model.eval()
    if a.save:
        from safetensors.torch import save_file
        os.makedirs(a.save, exist_ok=True)
        state = {k: v.detach().contiguous() for k, v in model.state_dict().items()}
        if model.config.tie_word_embeddings:
            state.pop("lm_head.weight", None)
        save_file(state, os.path.join(a.save, "model.safetensors"), metadata={"format": "pt"})
        config = model.config.to_dict()
        config.pop("quantization_config", None)
        json.dump(config, open(os.path.join(a.save, "config.json"), "w"), indent=2)
        tok.save_pretrained(a.save)

    ids = tok(open(a.text, encoding="utf-8").read())["input_ids"]
    bos_prefix = ids[:1] if ids and tok.bos_token_id is not None and ids[0] == tok.bos_token_id else []
    windows = []
    if bos_prefix:
        start = 1
        while start < len(ids) and len(windows) < a.windows:
            end = min(len(ids), start + a.context - 1)
            windows.append(bos_prefix + ids[start:end])
            start = end
    else:
        start = 0
        while start + 1 < len(ids) and len(windows) < a.windows:
            end = min(len(ids), start + a.context)
            windows.append(ids[start:end])
            start = end
    nll, count = 0.0, 0
    with torch.no_grad():
        for w in windows:
            x = torch.tensor([w])
            logits = model(x).logits[0, :-1].double()
            lp = torch.log_softmax(logits, dim=-1)
            target = x[0, 1:]
            nll -= lp[torch.arange(len(target)), target].sum().item()
            count += len(target)
        prompt = tok(a.prompt, return_tensors="pt")
        out = model.generate(**prompt, max_new_tokens=a.new, do_sample=False)
    print(json.dumps({
        "perplexity": math.exp(nll / count), "nll": nll, "tokens": count, "windows": len(windows),
        "bos": bos_prefix[0] if bos_prefix else None,
        "generate": {"ids": out[0].tolist(), "text": tok.decode(out[0], skip_special_tokens=True)},
    }))


if __name__ == "__main__":
    sys.exit(main())
