#!/usr/bin/env python3
"""transformers' perplexity of a family fixture with `fouroversix eval`'s windowing (BOS + chunks of
CONTEXT-1 tokens of the whole text tokenized once), float32, for the expected values pinned in
Tests/EvaluationTests/MoEEvaluationTests.swift.

    python3 tools/moe-fixtures/reference_perplexity.py MODEL_DIR TEXT [--context 64] [--windows 4]
"""
import argparse, math
import torch, transformers
from transformers import AutoModelForCausalLM, AutoTokenizer

ap = argparse.ArgumentParser()
ap.add_argument("model"); ap.add_argument("text")
ap.add_argument("--context", type=int, default=64); ap.add_argument("--windows", type=int, default=4)
a = ap.parse_args()
tok = AutoTokenizer.from_pretrained(a.model)
model = AutoModelForCausalLM.from_pretrained(a.model, dtype=torch.float32).eval()
ids = tok(open(a.text).read(), add_special_tokens=False).input_ids
bos = model.config.bos_token_id
chunk = a.context - 1
nll, count = 0.0, 0
for w in range(a.windows):
    part = ids[w * chunk:(w + 1) * chunk]
    if not part: break
    x = torch.tensor([[bos] + part])
    with torch.no_grad():
        logits = model(x).logits[0, :-1].double()
    lp = torch.log_softmax(logits, -1)
    nll -= lp[torch.arange(len(part)), torch.tensor(part)].sum().item()
    count += len(part)
print(f"transformers {transformers.__version__}: {count} tokens, perplexity {math.exp(nll / count):.4f}, NLL {nll / count:.6f}")
