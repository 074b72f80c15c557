#!/usr/bin/env python3
"""Exhaustive GPU check (CuPy, under a second) of the hardware E4M3 conversion
(cvt.rn.satfinite.e4m3x2.f32, sm_89 and later) that the kernels' e4m3_encode uses there: it
must give the byte of the kernels' e4m3_encode_software (RNE, |x| >= 448 saturating to 0x7E, NaN
to 0x7F; checked against E4M3.code(for:)) for every float32 bit pattern. e4m3_encode_software is
taken from Sources/CUDABackend/KernelSource.swift (or the copy given).
Prints the number of non-NaN mismatches (and the first differing inputs) and the number of NaN
inputs whose hardware byte is not 0x7F.
  python3 tools/cuda-kernel-lab/check_e4m3.py [KernelSource.swift]
"""
import os, sys
import cupy as cp
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lab import kernel_source

CHECK = r'''
__device__ __forceinline__ u32 e4m3_hardware(float x) {
    u16 r;
    asm("cvt.rn.satfinite.e4m3x2.f32 %0, %1, %2;" : "=h"(r) : "f"(0.0f), "f"(x));
    return r & 0xFFu;
}
extern "C" __global__ void check_e4m3(unsigned long long start, u32* count, u32* first) {
    const unsigned long long i = start + blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x;
    const u32 bits = (u32)i;
    const float x = __uint_as_float(bits);
    const u32 s = e4m3_encode_software(x), h = e4m3_hardware(x);
    // NaN inputs counted apart: the contract's NaN byte is 0x7F whatever the sign, so a hardware
    // 0xFF for a negative NaN would need the software's NaN test kept beside the conversion.
    if (x != x) {
        if (h != 0x7Fu) atomicAdd(count + 2, 1u);
    } else if (s != h) {
        if (atomicAdd(count, 1u) < 8u) first[atomicAdd(count + 1, 1u)] = bits;
    }
}
'''

def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Sources/CUDABackend/KernelSource.swift"
    mod = cp.RawModule(code=kernel_source(path) + CHECK,
                       options=("--std=c++17", "--fmad=false", "-default-device", "-DFOS_DT=1"))
    k = mod.get_function("check_e4m3")
    count = cp.zeros(3, dtype=cp.uint32)
    first = cp.zeros(8, dtype=cp.uint32)
    chunk = 1 << 30
    for start in range(0, 1 << 32, chunk):
        k((chunk // 256,), (256,), (cp.uint64(start), count, first))
    n = int(count[0].get())
    print("mismatches", n, "(not NaN);", int(count[2].get()), "NaN inputs whose hardware byte is not 0x7F")
    for b in first.get()[:min(n, 8)]:
        print(f"  0x{int(b):08x}")

if __name__ == "__main__":
    main()
