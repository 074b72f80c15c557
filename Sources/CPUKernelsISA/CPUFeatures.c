// CPU feature detection for run-time kernel selection.
//
// Promises: `fos_cpu_has_avx2_fma` (and `fos_cpu_has_avx2_fma_f16c`, which adds F16C) is 1
// only when CPUID reports AVX2 and FMA3 and the OS saves YMM state (both checked by the
// compiler's `__builtin_cpu_supports`); 0 elsewhere, including on non-x86 targets.

#include "CPUKernelsISA.h"

int fos_cpu_has_avx2_fma(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

int fos_cpu_has_avx2_fma_f16c(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
#else
    return 0;
#endif
}
