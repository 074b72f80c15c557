#!/usr/bin/env python3
"""Compare two fixture sets made by make_extended_fixtures.py (e.g. --device cpu and cuda).

Prints, per tensor kind, how many cases are bit-identical, and for each case whose codes
or scale bytes differ, the blocks that differ (row, block, scale byte A vs B).

Usage: compare_fixture_sets.py DIR_A DIR_B
"""
import json
import sys

import torch
from safetensors.torch import load_file


def main():
    a_dir, b_dir = sys.argv[1:3]
    a = load_file(f"{a_dir}/extended-vectors.safetensors")
    b = load_file(f"{b_dir}/extended-vectors.safetensors")
    ca = {c["case"]: c for c in json.load(open(f"{a_dir}/extended-vectors.json"))}
    cb = {c["case"]: c for c in json.load(open(f"{b_dir}/extended-vectors.json"))}
    print(f"cases: {len(ca)} vs {len(cb)}; only in A: {sorted(set(ca) - set(cb))}; only in B: {sorted(set(cb) - set(ca))}")
    inputs = sorted(k for k in a if k.endswith(".input"))
    same_inputs = all(k in b and torch.equal(a[k].view(torch.int16), b[k].view(torch.int16)) for k in inputs)
    print("inputs identical:", same_inputs)
    for kind in ("values", "scales", "amax", "dequant"):
        names = [f"{c}.{kind}" for c in ca if c in cb and f"{c}.{kind}" in a and f"{c}.{kind}" in b]
        diff = [n for n in names if not torch.equal(a[n].view(torch.uint8) if a[n].dtype == torch.uint8 else a[n].view(torch.int32),
                                                    b[n].view(torch.uint8) if b[n].dtype == torch.uint8 else b[n].view(torch.int32))]
        print(f"{kind:8s}: {len(names) - len(diff)}/{len(names)} cases bit-identical")
        if kind == "dequant":
            for n in diff:
                x, y = a[n], b[n]
                ne = (x != y)
                ulps = (x.view(torch.int32) - y.view(torch.int32)).abs()[ne]
                print(f"   {n}: {int(ne.sum())} of {x.numel()} elements differ, max {int(ulps.max()) if ne.any() else 0} ulp")
        elif kind == "scales":
            for n in diff:
                x, y = a[n], b[n]
                idx = (x != y).nonzero().tolist()
                print(f"   {n}: {len(idx)} scale bytes differ: " +
                      ", ".join(f"(row {r}, block {c}: {int(x[r, c]):#04x} vs {int(y[r, c]):#04x})" for r, c in idx[:6]))
        elif kind == "values":
            for n in diff:
                print(f"   {n}: {int((a[n] != b[n]).sum())} code bytes differ")


if __name__ == "__main__":
    main()
