# Exhaustive check (numpy, about a minute) of the CUDA kernels' E2M1 round-to-nearest index
# (e2m1_index_rtn in Sources/CUDABackend/KernelSource.swift): min(rne(2a), rne(a) + 2,
# rne(a / 2) + 4, 7) through the magic constant 1.5 * 2^23, against the spec's RTN_E2M1
# (nearest magnitude, ties to the even index, saturating at 6) computed in float64. Every float32
# in [0, inf] is compared, and the two reduced forms for callers that know a bound on a: for
# a < 7 without the saturation at 7 (A_BELOW_7), for a < 4.5 min(rne(2a), rne(a) + 2) alone
# (A_BELOW_4_5).
# Usage: python3 tools/cuda-kernel-lab/check_e2m1.py   (prints "mismatches 0")
import numpy as np
M = np.float32(12582912.0)
MIDS = np.array([0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5.0])  # between E2M1 magnitudes i and i + 1
def ref_idx(a_bits):
    # The spec's RTN_E2M1 index: the nearest of 0, 0.5, 1, 1.5, 2, 3, 4, 6 (saturating), a tie
    # going to the even index (the even mantissa).
    a = a_bits.view(np.float32).astype(np.float64)
    idx = np.searchsorted(MIDS, a, side="left").astype(np.int64)  # midpoints below a
    for k in (1, 3, 5):  # a tie at the midpoint above an odd index rounds up to the even one
        idx += a == MIDS[k]
    return idx
def new_idx(a_bits):
    a = a_bits.view(np.float32)
    with np.errstate(over='ignore'):
        f1 = (a * np.float32(2)).astype(np.float32) + M          # fma(a, 2, M): 2a exact unless overflow
        f2 = a + np.float32(M + 2)
        # fma(a, 0.5, M+4): exact product a/2 then one rounding; a*0.5 in float32 is exact for normal a,
        # for subnormal a the product is < 2^-126 and the sum rounds to M+4 either way.
        f3 = (a * np.float32(0.5)).astype(np.float32) + np.float32(M + 4)
    f12 = np.minimum(f1, f2)
    f = np.minimum(f12, f3)
    idx = lambda v: v.view(np.uint32).astype(np.int64) - 0x4B400000
    return idx(np.minimum(f, np.float32(M + 7))), idx(f), idx(f12)
BELOW_7, BELOW_4_5 = np.float32(7).view(np.uint32), np.float32(4.5).view(np.uint32)
bad = 0
step = 1 << 26
for start in range(0, 0x7F800001, step):
    bits = np.arange(start, min(start + step, 0x7F800001), dtype=np.uint32)
    r, (n, n7, n45) = ref_idx(bits), new_idx(bits)
    for name, wrong in (("any", r != n), ("below 7", (r != n7) & (bits < BELOW_7)),
                        ("below 4.5", (r != n45) & (bits < BELOW_4_5))):
        d = np.nonzero(wrong)[0]
        if len(d): bad += len(d); print(name, hex(start), len(d), hex(bits[d[0]]))
print("mismatches", bad)
