#!/usr/bin/env python3
"""The Python half of check_model.sh: the same lines as check_model.swift, from gguf-py and transformers.

For each tensor of MODEL.gguf: name, type, numpy shape, element count, and two wrapping 64-bit
checksums of the float32 bit patterns of gguf.quants.dequantize (their sum, and their sum weighted by
position + 1). Equal lines mean bit-identical dequantization (up to a checksum collision).
For each TEXT: "ids <file name> <count> <FNV-1a 64>" of transformers' GGUF tokenizer
(`from_pretrained(dir, gguf_file=...)`, without special tokens). Usage: check_model.py MODEL [TEXT...]
"""

import os
import sys
import time

import numpy as np
import gguf


def main(path):
    reader = gguf.GGUFReader(path)
    total = 0.0
    elements = 0
    for t in reader.tensors:
        start = time.perf_counter()
        values = np.ascontiguousarray(gguf.quants.dequantize(t.data, t.tensor_type), dtype=np.float32).reshape(-1)
        total += time.perf_counter() - start
        elements += values.size
        bits = values.view(np.uint32).astype(np.uint64)
        with np.errstate(over="ignore"):
            s = int(bits.sum(dtype=np.uint64))
            w = int((bits * np.arange(1, values.size + 1, dtype=np.uint64)).sum(dtype=np.uint64))
        shape = [int(x) for x in reversed(t.shape.tolist())]
        print(f"{t.name} {t.tensor_type.name} [{', '.join(map(str, shape))}] {values.size} {s} {w}")
    print(f"gguf-py dequantized {len(reader.tensors)} tensors, {elements} elements in {total:.3f} s", file=sys.stderr)


def token_ids(path, texts):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from make_tokenizer_fixtures import fnv1a64, load_transformers

    backend = load_transformers(path).backend_tokenizer
    for text_path in texts:
        with open(text_path, encoding="utf-8", newline="") as f:  # keep \r\n as the Swift side does
            ids = backend.encode(f.read(), add_special_tokens=False).ids
        print(f"ids {os.path.basename(text_path)} {len(ids)} {fnv1a64(ids)}")


if __name__ == "__main__":
    main(sys.argv[1])
    if len(sys.argv) > 2:
        token_ids(sys.argv[1], sys.argv[2:])
