"""Does the 4/6 choice keep stochastic rounding unbiased?

Stochastic rounding (SR) of a gradient is unbiased: E[q] = x element by element, which is
why the NVFP4 training recipe uses it for dY. The 4/6 rules quantize a block twice (block
maximum mapped to 6 and to 4) and keep the candidate with the smaller error; with SR the two
candidates are random, and keeping the one whose *realized* error is smaller favours the
draws that happened to round towards the nearer grid point. This script measures the bias
that choice leaves, per element, relative to the block maximum, for random blocks of 16:

    python3 tools/sr-bias/sr_bias.py [DRAWS [BLOCKS]]    # needs numpy; default 2000 200

Rules: static_6 (no choice: unbiased), mse (the reference: the candidate with the smaller
*realized* SR error, draw by draw) and mse-unbiased (the library's `Rounding.stochasticUnbiased`:
the candidate with the smaller round-to-nearest error, then SR of that candidate only).

It follows docs/quantization-spec.md's E2M1 rounding (RTN and SR segments) with an exact
float block scale (the E4M3 rounding of the scale and the tensor scale are left out: they
change the grid slightly, not the selection effect). Same noise for both candidates, as in
the reference. Output: RMS bias and RMS noise (standard deviation) per element / block max,
and the Monte-Carlo floor of the bias estimate (noise / sqrt(draws)).
"""
import sys

import numpy as np

DRAWS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
BLOCKS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = np.random.default_rng(0)


def e2m1(y, r):
    """E2M1 rounding of y (|y| ≤ 6 after scaling) with offsets r in [-0.5, 0.5); r = 0 is RTN."""
    a = np.abs(y)
    q = np.where(a < 2, np.round(2 * a + r) / 2, np.where(a < 4, np.round(a + r), 2 * np.round(a / 2 + r)))
    return np.sign(y) * np.minimum(q, 6)


def draws(x, rule):
    """DRAWS stochastically rounded copies of block x under a rule (one row per draw)."""
    bmax = np.abs(x).max()
    s6, s4 = bmax / 6, bmax / 4
    r = rng.uniform(-0.5, 0.5, (DRAWS,) + x.shape)
    q6 = e2m1(x / s6, r) * s6
    if rule == "static_6":
        return q6
    q4 = e2m1(x / s4, r) * s4
    if rule == "mse-unbiased":
        # The choice from the round-to-nearest errors (no noise), then SR of the chosen candidate.
        four = ((e2m1(x / s4, 0) * s4 - x) ** 2).sum() < ((e2m1(x / s6, 0) * s6 - x) ** 2).sum()
        return q4 if four else q6
    # The reference: keep the candidate whose realized error is smaller, draw by draw.
    four = ((q4 - x) ** 2).sum(axis=1) < ((q6 - x) ** 2).sum(axis=1)
    return np.where(four[:, None], q4, q6)


for name, sample in [("normal", rng.standard_normal), ("laplace", rng.laplace)]:
    rows = {"static_6": [], "mse": [], "mse-unbiased": []}
    for _ in range(BLOCKS):
        x = sample(size=16)
        for rule in rows:
            o = draws(x, rule)
            bmax = np.abs(x).max()
            rows[rule].append((np.sqrt(((o.mean(0) - x) ** 2).mean()) / bmax, np.sqrt(o.var(0).mean()) / bmax))
    for rule, v in rows.items():
        bias, noise = np.mean(v, axis=0)
        print(f"{name:8s} {rule:12s} RMS bias/bmax {bias:.4f}   RMS noise/bmax {noise:.4f}   "
              f"Monte-Carlo floor {noise / np.sqrt(DRAWS):.4f}")
