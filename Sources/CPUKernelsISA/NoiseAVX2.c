// AVX2 stochastic-rounding noise: StochasticNoise.value(key:index:) for a run of consecutive
// indices, four 64-bit lanes at a time.
//
// Promises: see CPUKernelsISA.h ("Stochastic-rounding noise"): out[j] is bit for bit the
// scalar value — the top 24 bits of mix(key + (first + j + 1)·golden), SplitMix64's finalizer,
// as k·2^-24 − 0.5 — with 64-bit wrapping arithmetic (AVX2 has no 64-bit multiply: each product
// is assembled from three 32×32→64 multiplies, exactly mod 2^64). Compiled for AVX2 through a
// function attribute only; call it only when `fos_cpu_has_avx2_fma_f16c()` is 1.

#include "CPUKernelsISA.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define FOS_AVX2 __attribute__((target("avx2")))
#define FOS_INLINE __attribute__((target("avx2"), always_inline)) static inline

static const uint64_t fos_golden = 0x9E3779B97F4A7C15ull;

/// a·c mod 2^64 per lane, c a constant given as (low 32 bits, high 32 bits) broadcast vectors.
FOS_INLINE __m256i fos_mul64(__m256i a, __m256i c_lo, __m256i c_hi) {
    __m256i low = _mm256_mul_epu32(a, c_lo);                        // lo(a)·lo(c)
    __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(a, 32), c_lo),  // hi(a)·lo(c)
                                     _mm256_mul_epu32(a, c_hi));                        // lo(a)·hi(c)
    return _mm256_add_epi64(low, _mm256_slli_epi64(cross, 32));
}

/// SplitMix64's finalizer, then the noise k·2^-24 − 0.5 of the top 24 bits, as 4 floats.
FOS_INLINE __m128 fos_noise4(__m256i z, __m256i m1_lo, __m256i m1_hi, __m256i m2_lo, __m256i m2_hi) {
    z = fos_mul64(_mm256_xor_si256(z, _mm256_srli_epi64(z, 30)), m1_lo, m1_hi);
    z = fos_mul64(_mm256_xor_si256(z, _mm256_srli_epi64(z, 27)), m2_lo, m2_hi);
    z = _mm256_xor_si256(z, _mm256_srli_epi64(z, 31));
    __m256i k = _mm256_srli_epi64(z, 40);  // < 2^24: the low 32 bits of each lane hold it
    __m128i packed = _mm256_castsi256_si128(
        _mm256_permutevar8x32_epi32(k, _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6)));
    // k and k·2^-24 are exact in float32, and so is the difference with 0.5 (a multiple of
    // 2^-24 below 1 in magnitude): the same two roundings-free steps as the scalar code.
    return _mm_sub_ps(_mm_mul_ps(_mm_cvtepi32_ps(packed), _mm_set1_ps(0x1p-24f)), _mm_set1_ps(0.5f));
}

FOS_AVX2 void fos_stochastic_noise_avx2(uint64_t key, uint64_t first, ptrdiff_t count, float *out) {
    const __m256i m1_lo = _mm256_set1_epi64x(0x1CE4E5B9ull), m1_hi = _mm256_set1_epi64x(0xBF58476Dull);
    const __m256i m2_lo = _mm256_set1_epi64x(0x133111EBull), m2_hi = _mm256_set1_epi64x(0x94D049BBull);
    // z_j = key + (first + j + 1)·golden: lanes j … j+3, advanced by 8·golden per iteration.
    uint64_t z0 = key + (first + 1) * fos_golden;
    __m256i za = _mm256_setr_epi64x((long long)z0, (long long)(z0 + fos_golden), (long long)(z0 + 2 * fos_golden),
                                    (long long)(z0 + 3 * fos_golden));
    __m256i zb = _mm256_add_epi64(za, _mm256_set1_epi64x((long long)(4 * fos_golden)));
    const __m256i step = _mm256_set1_epi64x((long long)(8 * fos_golden));
    ptrdiff_t j = 0;
    for (; j + 8 <= count; j += 8) {
        _mm_storeu_ps(out + j, fos_noise4(za, m1_lo, m1_hi, m2_lo, m2_hi));
        _mm_storeu_ps(out + j + 4, fos_noise4(zb, m1_lo, m1_hi, m2_lo, m2_hi));
        za = _mm256_add_epi64(za, step);
        zb = _mm256_add_epi64(zb, step);
    }
    if (j < count) {
        float tail[8];
        _mm_storeu_ps(tail, fos_noise4(za, m1_lo, m1_hi, m2_lo, m2_hi));
        _mm_storeu_ps(tail + 4, fos_noise4(zb, m1_lo, m1_hi, m2_lo, m2_hi));
        for (ptrdiff_t t = 0; j + t < count; t++) out[j + t] = tail[t];
    }
}

#else

void fos_stochastic_noise_avx2(uint64_t key, uint64_t first, ptrdiff_t count, float *out) {
    (void)key; (void)first; (void)count; (void)out; __builtin_trap();
}

#endif
