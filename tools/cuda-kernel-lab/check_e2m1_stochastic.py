# Check (numpy, about ten minutes) of the CUDA kernels' branch-free stochastic E2M1 index
# (e2m1_index_stochastic in Sources/CUDABackend/KernelSource.swift): with a = min(|y|, 8) and the
# noise r, min((2a + r) + M, (a + r) + (M + 2), (a / 2 + r) + (M + 4), M + 7) read back as an
# integer (M = 1.5 * 2^23), against the three-branch definition E2M1.stochasticCode uses
# (max(rne(2a + r), 0) below 2, rne(a + r) + 2 below 4, min(rne(a / 2 + r), 3) + 4 above), all in
# float32. The pairs (a, r): every 997th float32 in [0, 9] plus the E2M1 magnitudes, midpoints and
# their neighbours, each against the noise values k * 2^-24 - 0.5 for every 4099th k and the
# ends of the range: about 4.5e9 pairs.
# Usage: python3 tools/cuda-kernel-lab/check_e2m1_stochastic.py   (prints "mismatches 0")
import numpy as np

M = np.float32(12582912.0)


def rne(v):
    return (v.astype(np.float32) + M).astype(np.float32).view(np.uint32).astype(np.int64) - 0x4B400000


def branches(ay, r):
    a = np.minimum(ay, np.float32(8))
    i1 = np.maximum(rne((np.float32(2) * a).astype(np.float32) + r), 0)
    i2 = rne((a + r).astype(np.float32)) + 2
    i3 = np.minimum(rne((a * np.float32(0.5)).astype(np.float32) + r), 3) + 4
    return np.where(a < 2, i1, np.where(a < 4, i2, i3))


def branch_free(ay, r):
    a = np.minimum(ay, np.float32(8))
    c1 = ((np.float32(2) * a).astype(np.float32) + r).astype(np.float32) + M
    c2 = (a + r).astype(np.float32) + np.float32(M + 2)
    c3 = ((a * np.float32(0.5)).astype(np.float32) + r).astype(np.float32) + np.float32(M + 4)
    c = [x.astype(np.float32) for x in (c1, c2, c3)]
    m = np.minimum(np.minimum(c[0], c[1]), np.minimum(c[2], np.float32(M + 7)))
    return m.view(np.uint32).astype(np.int64) - 0x4B400000


ks = np.concatenate([np.arange(0, 1 << 24, 4099), [0, 1, (1 << 23) - 1, 1 << 23, (1 << 23) + 1, (1 << 24) - 1]])
noise = (ks.astype(np.float64) * 2.0**-24 - 0.5).astype(np.float32)
grid = np.arange(0, np.float32(9.0).view(np.uint32), 997, dtype=np.uint32).view(np.float32)
points = np.array([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 100], dtype=np.float32)
points = np.concatenate([points, np.nextafter(points, np.float32(0)), np.nextafter(points, np.float32(20))])
bad = pairs = 0
for a in (grid, points.astype(np.float32)):
    for r in noise:
        bad += int((branches(a, r) != branch_free(a, r)).sum())
        pairs += a.size
print("pairs", pairs, "mismatches", bad)
