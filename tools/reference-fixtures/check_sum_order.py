#!/usr/bin/env python3
"""Does the project's model of torch's CPU `sum(dim=-1)` (ErrorReduction.swift) give the
same float32 bits as torch on this machine? Random [rows, 16] and [rows, 256] error tensors
with magnitudes spread over 32 decades, 1 and 2 threads.

Usage: check_sum_order.py   (prints mismatch counts; 0 everywhere = the model holds)
"""
import numpy as np
import torch
torch.set_num_threads(1)
def avx2_model(e):
    # Swift ErrorReduction.sum: 8-lane vectors; vector m -> acc[m%4] while m < 4*(V//4); rest -> acc0
    e = e.astype(np.float32); n = e.shape[1]; V = n // 8; I = V // 4
    acc = [np.zeros((e.shape[0], 8), np.float32) for _ in range(4)]
    for i in range(I):
        for k in range(4):
            acc[k] = (acc[k] + e[:, 8*(4*i+k):8*(4*i+k)+8]).astype(np.float32)
    for m in range(4*I, V):
        acc[0] = (acc[0] + e[:, 8*m:8*m+8]).astype(np.float32)
    v = ((acc[0] + acc[1]) + acc[2]) + acc[3]
    t = np.zeros(e.shape[0], np.float32)
    for l in range(8): t = (t + v[:, l]).astype(np.float32)
    return t
def seq(e):  # left to right, for contrast
    t = np.zeros(e.shape[0], np.float32)
    for i in range(e.shape[1]): t = (t + e[:, i]).astype(np.float32)
    return t
rng = np.random.default_rng(1)
for n in (16, 256):
    for rows in (1, 7, 64, 1000, 100000):
        # mixed magnitudes so that order matters
        e = (rng.standard_normal((rows, n)) * 10.0 ** rng.integers(-8, 8, (rows, n))).astype(np.float32) ** 2
        t = torch.from_numpy(e).sum(dim=-1).numpy()
        for th in (1, 2):
            torch.set_num_threads(th)
            t2 = torch.from_numpy(e).sum(axis=-1).numpy()
            assert (t2.view(np.uint32) == t.view(np.uint32)).all()
        m = avx2_model(e); s = seq(e)
        print(n, rows, 'torch vs avx2-model mismatches:', int((t.view(np.uint32) != m.view(np.uint32)).sum()),
              ' torch vs sequential:', int((t.view(np.uint32) != s.view(np.uint32)).sum()))
