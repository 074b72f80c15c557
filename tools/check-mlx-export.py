#!/usr/bin/env python3
"""Checks a `fouroversix quantize --convention mlx` folder with MLX and mlx-lm.

usage: check-mlx-export.py MLX_FOLDER DEQUANTIZED_F32_FOLDER TEXT WINDOWS CONTEXT [--no-bos]

Loads the folder with mlx_lm.load (model and tokenizer); for every quantized Linear compares
mx.dequantize(weight, scales, mode="nvfp4") with E2M1(code)·E4M3(scale) computed here from the
stored bytes (bit for bit) and with our 4/6 dequantization (DEQUANTIZED_F32_FOLDER, from
`fouroversix dequantize --dtype f32` of the ModelOpt checkpoint): relative squared error of the
fold. Then the perplexity of the mlx-lm model on TEXT with eval's windowing (BOS + CONTEXT-1
tokens per window, first WINDOWS windows; with --no-bos, as `eval` for a tokenizer that adds no
BOS: windows of CONTEXT tokens, each window's first token context only).
"""
import glob, json, math, sys
import numpy as np
import mlx.core as mx
import mlx.nn as nn
from mlx_lm import load
from safetensors.numpy import load_file

folder, ours_dir, text, windows, context = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
no_bos = sys.argv[6:] == ["--no-bos"]
model, tokenizer = load(folder)
ours = {}
for f in glob.glob(ours_dir + "/*.safetensors"):
    ours.update(load_file(f))
raw = load_file(folder + "/model.safetensors")

E2M1 = np.array([0, .5, 1, 1.5, 2, 3, 4, 6, -0., -.5, -1, -1.5, -2, -3, -4, -6], dtype=np.float32)
def e4m3(b):
    b = b.astype(np.int32); s = np.where(b & 0x80, -1.0, 1.0); e = (b >> 3) & 0xF; m = b & 7
    v = np.where(e == 0, m * 2.0**-9, (1 + m / 8.0) * 2.0**(e - 7))
    return (s * v).astype(np.float32)

layers = identical = 0
se = energy = 0.0
for name in sorted(k[:-len(".scales")] for k in raw if k.endswith(".scales")):
    w, s = raw[name + ".weight"], raw[name + ".scales"]
    got = np.array(mx.dequantize(mx.array(w), mx.array(s), group_size=16, bits=4, mode="nvfp4", dtype=mx.float32))
    b = w.view(np.uint8).reshape(w.shape[0], -1)
    codes = np.stack([b & 0xF, b >> 4], axis=-1).reshape(w.shape[0], -1)
    mine = E2M1[codes] * np.repeat(e4m3(s), 16, axis=1)
    layers += 1
    identical += int(np.array_equal(got, mine))
    o = ours[name + ".weight"].astype(np.float64)
    se += float(((got.astype(np.float64) - o) ** 2).sum()); energy += float((o ** 2).sum())
print(json.dumps({"quantized_layers": layers, "mx_dequantize_bit_identical": identical,
                  "fold_relative_squared_error": se / energy if energy else None}))

ids = tokenizer.encode(open(text).read())
bos = tokenizer.bos_token_id
if ids and ids[0] == bos: ids = ids[1:]
nll, count = 0.0, 0
step = context if no_bos else context - 1
for wi in range(windows):
    chunk = ids[wi * step:(wi + 1) * step]
    if len(chunk) < (2 if no_bos else 1): break
    x = mx.array([chunk if no_bos else [bos] + chunk])
    logits = model(x[:, :-1]).astype(mx.float32)
    lp = logits - mx.logsumexp(logits, axis=-1, keepdims=True)
    picked = mx.take_along_axis(lp, x[:, 1:, None], axis=-1)
    nll -= float(picked.sum()); count += x.shape[1] - 1
print(json.dumps({"windows": windows, "tokens": count, "bos": not no_bos, "perplexity": math.exp(nll / count)}))
