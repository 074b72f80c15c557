#!/usr/bin/env python3
"""Does transformers load our compressed-tensors BERT (all-MiniLM-L6-v2) checkpoint?

Loads the original and the NVFP4 checkpoint with AutoModel, mean-pools the last hidden
states of a few sentences, and prints the cosine between original and quantized sentence
embeddings (the quantized model in bfloat16: compressed-tensors decompresses to bfloat16).

Usage: check_transformers_bert.py ORIGINAL_DIR CT_DIR
"""
import sys

import torch
from transformers import AutoModel, AutoTokenizer

SENTENCES = ["A man is eating food.", "A man is eating a piece of bread.", "The girl is carrying a baby.",
             "A man is riding a horse.", "A woman is playing violin."]


def embed(model, enc):
    with torch.no_grad():
        h = model(**enc).last_hidden_state.float()
    mask = enc["attention_mask"].unsqueeze(-1).float()
    return torch.nn.functional.normalize((h * mask).sum(1) / mask.sum(1), dim=-1)


def main():
    original, ct = sys.argv[1:3]
    tok = AutoTokenizer.from_pretrained(original)
    enc = tok(SENTENCES, padding=True, return_tensors="pt")
    base = AutoModel.from_pretrained(original).eval()
    # The default load (no dtype argument) must run: config dtype = what decompression yields.
    try:
        default = AutoModel.from_pretrained(ct).eval()
        embed(default, enc)
        default_ok = True
        print(f"default load (config dtype {default.config.dtype}, model {default.dtype}): forward OK")
    except RuntimeError as e:
        default_ok = False
        print(f"default load: FAILS: {str(e).splitlines()[0]}")
    quant = AutoModel.from_pretrained(ct, dtype=torch.bfloat16).eval()
    base16 = AutoModel.from_pretrained(original, dtype=torch.bfloat16).eval()
    eb, eq, e16 = embed(base, enc), embed(quant, enc), embed(base16, enc)
    cos = (eq * eb).sum(-1)
    cos16 = (e16 * eb).sum(-1)
    sims_q, sims_b = eq @ eq.T, eb @ eb.T
    print(f"cosine(quantized bf16, original f32) per sentence: {[round(v, 4) for v in cos.tolist()]}")
    print(f"cosine(original bf16, original f32) per sentence:  {[round(v, 4) for v in cos16.tolist()]}")
    print(f"max |similarity change| between sentence pairs: {(sims_q - sims_b).abs().max().item():.4f}")
    same_rank = all(torch.equal(sims_q[i].argsort(), sims_b[i].argsort()) for i in range(len(SENTENCES)))
    print(f"nearest-neighbour order of every sentence unchanged: {same_rank}")
    ok = bool(default_ok and cos.min() > 0.9 and torch.isfinite(eq).all())
    print("OK" if ok else "PROBLEM")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
