// The AVX2 + FMA SGEMM micro-kernel: a 6×16 tile of C held in 12 YMM accumulators.
//
// Promises: see CPUKernelsISA.h. Compiled for AVX2/FMA through a function attribute only
// (no global flags), so the object file runs on any x86-64 as long as this function is not
// called without AVX2/FMA. Per step k: two aligned 8-wide loads of B, six broadcasts of A,
// twelve FMAs (2 FMA pipes → 6 cycles per 192 flops). The `_rows` variant reads A in place
// (six row pointers, stride lda) instead of from a packed panel, for A blocks used only once or
// twice, where packing would cost as much as the multiplication.

#include "CPUKernelsISA.h"

#if defined(__x86_64__)
#include <immintrin.h>

/// Stores (or adds) the 12 accumulators to the mr × nr part of the tile at c.
__attribute__((target("avx2,fma"), always_inline))
static inline void fos_store_6x16(float *c, ptrdiff_t ldc, int mr, int nr, int accumulate,
                                  __m256 c00, __m256 c01, __m256 c10, __m256 c11, __m256 c20, __m256 c21,
                                  __m256 c30, __m256 c31, __m256 c40, __m256 c41, __m256 c50, __m256 c51) {
    if (mr == 6 && nr == 16) {
#define FOS_STORE(r, x, y)                                                                          \
    do {                                                                                            \
        float *row = c + (r) * ldc;                                                                 \
        if (accumulate) {                                                                           \
            _mm256_storeu_ps(row, _mm256_add_ps(_mm256_loadu_ps(row), x));                         \
            _mm256_storeu_ps(row + 8, _mm256_add_ps(_mm256_loadu_ps(row + 8), y));                  \
        } else {                                                                                    \
            _mm256_storeu_ps(row, x);                                                               \
            _mm256_storeu_ps(row + 8, y);                                                           \
        }                                                                                           \
    } while (0)
        FOS_STORE(0, c00, c01); FOS_STORE(1, c10, c11); FOS_STORE(2, c20, c21);
        FOS_STORE(3, c30, c31); FOS_STORE(4, c40, c41); FOS_STORE(5, c50, c51);
#undef FOS_STORE
        return;
    }
    // Edge tile: spill to a local tile, then copy the part that exists.
    float tile[6 * 16] __attribute__((aligned(32)));
    _mm256_store_ps(tile + 0, c00);  _mm256_store_ps(tile + 8, c01);
    _mm256_store_ps(tile + 16, c10); _mm256_store_ps(tile + 24, c11);
    _mm256_store_ps(tile + 32, c20); _mm256_store_ps(tile + 40, c21);
    _mm256_store_ps(tile + 48, c30); _mm256_store_ps(tile + 56, c31);
    _mm256_store_ps(tile + 64, c40); _mm256_store_ps(tile + 72, c41);
    _mm256_store_ps(tile + 80, c50); _mm256_store_ps(tile + 88, c51);
    for (int r = 0; r < mr; r++) {
        float *row = c + r * ldc;
        const float *t = tile + r * 16;
        if (accumulate) {
            for (int j = 0; j < nr; j++) row[j] += t[j];
        } else {
            for (int j = 0; j < nr; j++) row[j] = t[j];
        }
    }
}

#define FOS_STEP(a0, a1, a2, a3, a4, a5)                                                            \
    do {                                                                                            \
        const __m256 b0 = _mm256_load_ps(b), b1 = _mm256_load_ps(b + 8);                            \
        __m256 t;                                                                                   \
        t = _mm256_broadcast_ss(a0); c00 = _mm256_fmadd_ps(t, b0, c00); c01 = _mm256_fmadd_ps(t, b1, c01); \
        t = _mm256_broadcast_ss(a1); c10 = _mm256_fmadd_ps(t, b0, c10); c11 = _mm256_fmadd_ps(t, b1, c11); \
        t = _mm256_broadcast_ss(a2); c20 = _mm256_fmadd_ps(t, b0, c20); c21 = _mm256_fmadd_ps(t, b1, c21); \
        t = _mm256_broadcast_ss(a3); c30 = _mm256_fmadd_ps(t, b0, c30); c31 = _mm256_fmadd_ps(t, b1, c31); \
        t = _mm256_broadcast_ss(a4); c40 = _mm256_fmadd_ps(t, b0, c40); c41 = _mm256_fmadd_ps(t, b1, c41); \
        t = _mm256_broadcast_ss(a5); c50 = _mm256_fmadd_ps(t, b0, c50); c51 = _mm256_fmadd_ps(t, b1, c51); \
        b += 16;                                                                                    \
    } while (0)

__attribute__((target("avx2,fma")))
void fos_sgemm_kernel_avx2_6x16(ptrdiff_t kc, const float *a, const float *b, float *c, ptrdiff_t ldc,
                                int mr, int nr, int accumulate) {
    __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    for (ptrdiff_t k = 0; k < kc; k++) {
        FOS_STEP(a + 0, a + 1, a + 2, a + 3, a + 4, a + 5);
        a += 6;
    }
    fos_store_6x16(c, ldc, mr, nr, accumulate, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
}

__attribute__((target("avx2,fma")))
void fos_sgemm_kernel_avx2_6x16_rows(ptrdiff_t kc, const float *a, ptrdiff_t lda, const float *b, float *c,
                                     ptrdiff_t ldc, int mr, int nr, int accumulate) {
    __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    // Rows past mr read row 0 again (their results are not stored).
    const float *a0 = a;
    const float *a1 = a + (mr > 1 ? 1 : 0) * lda;
    const float *a2 = a + (mr > 2 ? 2 : 0) * lda;
    const float *a3 = a + (mr > 3 ? 3 : 0) * lda;
    const float *a4 = a + (mr > 4 ? 4 : 0) * lda;
    const float *a5 = a + (mr > 5 ? 5 : 0) * lda;
    for (ptrdiff_t k = 0; k < kc; k++) {
        FOS_STEP(a0 + k, a1 + k, a2 + k, a3 + k, a4 + k, a5 + k);
    }
    fos_store_6x16(c, ldc, mr, nr, accumulate, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
}

#else

void fos_sgemm_kernel_avx2_6x16(ptrdiff_t kc, const float *a, const float *b, float *c, ptrdiff_t ldc,
                                int mr, int nr, int accumulate) {
    (void)kc; (void)a; (void)b; (void)c; (void)ldc; (void)mr; (void)nr; (void)accumulate;
    __builtin_trap();  // never selected: fos_cpu_has_avx2_fma() is 0 here
}

void fos_sgemm_kernel_avx2_6x16_rows(ptrdiff_t kc, const float *a, ptrdiff_t lda, const float *b, float *c,
                                     ptrdiff_t ldc, int mr, int nr, int accumulate) {
    (void)kc; (void)a; (void)lda; (void)b; (void)c; (void)ldc; (void)mr; (void)nr; (void)accumulate;
    __builtin_trap();  // never selected: fos_cpu_has_avx2_fma() is 0 here
}

#endif
