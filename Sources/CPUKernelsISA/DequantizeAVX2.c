// AVX2 dequantization of block-scaled 4-bit codes through a per-scale-byte table.
//
// Promises: see CPUKernelsISA.h ("Dequantization"). Each output is the table entry of its
// (scale byte, code) pair, copied bit for bit: the table (filled by the caller with the
// reference's values) is the whole of the arithmetic. Compiled for AVX2 through function
// attributes only; call only when `fos_cpu_has_avx2_fma_f16c()` is 1.

#include "CPUKernelsISA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>

#define FOS_AVX2 __attribute__((target("avx2,fma,f16c")))
#define FOS_INLINE __attribute__((target("avx2,fma,f16c"), always_inline)) static inline

/// The 16 codes of 8 nibble-packed bytes, as bytes in element order.
FOS_INLINE __m128i fos_unpack_nibbles(__m128i v) {
    const __m128i mask = _mm_set1_epi8(0x0F);
    return _mm_unpacklo_epi8(_mm_and_si128(v, mask), _mm_and_si128(_mm_srli_epi16(v, 4), mask));
}

/// The 16 values of one group: codes (8 bytes) through the group's 16-entry table row.
FOS_INLINE void fos_decode_group(const uint8_t *codes, const float *t, __m256 *d0, __m256 *d1) {
    uint64_t w;
    memcpy(&w, codes, 8);
    __m128i c = fos_unpack_nibbles(_mm_cvtsi64_si128((long long)w));
    __m256i c0 = _mm256_cvtepu8_epi32(c), c1 = _mm256_cvtepu8_epi32(_mm_unpackhi_epi64(c, c));
    __m256 t0 = _mm256_loadu_ps(t), t1 = _mm256_loadu_ps(t + 8);
    // vpermps reads index bits 0–2; bit 3 (moved to the sign) picks the upper half of the table.
    *d0 = _mm256_blendv_ps(_mm256_permutevar8x32_ps(t0, c0), _mm256_permutevar8x32_ps(t1, c0),
                           _mm256_castsi256_ps(_mm256_slli_epi32(c0, 28)));
    *d1 = _mm256_blendv_ps(_mm256_permutevar8x32_ps(t0, c1), _mm256_permutevar8x32_ps(t1, c1),
                           _mm256_castsi256_ps(_mm256_slli_epi32(c1, 28)));
}

FOS_AVX2 void fos_dequantize_f32_avx2(const uint8_t *codes, const uint8_t *scales, ptrdiff_t groups, int scale_shift,
                                      const float *table, float *out, int streaming) {
    __m256 d0, d1;
    if (streaming) {
        // Non-temporal stores (16-byte aligned `out`): a large output goes to memory without
        // being read first.
        for (ptrdiff_t i = 0; i < groups; i++, codes += 8, out += 16) {
            fos_decode_group(codes, table + 16 * (ptrdiff_t)scales[i >> scale_shift], &d0, &d1);
            _mm_stream_ps(out, _mm256_castps256_ps128(d0));
            _mm_stream_ps(out + 4, _mm256_extractf128_ps(d0, 1));
            _mm_stream_ps(out + 8, _mm256_castps256_ps128(d1));
            _mm_stream_ps(out + 12, _mm256_extractf128_ps(d1, 1));
        }
        _mm_sfence();
        return;
    }
    for (ptrdiff_t i = 0; i < groups; i++, codes += 8, out += 16) {
        fos_decode_group(codes, table + 16 * (ptrdiff_t)scales[i >> scale_shift], &d0, &d1);
        _mm256_storeu_ps(out, d0);
        _mm256_storeu_ps(out + 8, d1);
    }
}

FOS_AVX2 void fos_dequantize_bf16_avx2(const uint8_t *codes, const uint8_t *scales, ptrdiff_t groups, int scale_shift,
                                       const uint8_t *table, uint16_t *out, int streaming) {
    ptrdiff_t i = 0;
    for (; i + 2 <= groups; i += 2, codes += 16, out += 32) {
        __m128i v = _mm_loadu_si128((const __m128i *)codes);
        const __m128i mask = _mm_set1_epi8(0x0F);
        __m128i lo = _mm_and_si128(v, mask), hi = _mm_and_si128(_mm_srli_epi16(v, 4), mask);
        __m256i c = _mm256_set_m128i(_mm_unpackhi_epi8(lo, hi), _mm_unpacklo_epi8(lo, hi));
        const uint8_t *ta = table + 32 * (ptrdiff_t)scales[i >> scale_shift];
        const uint8_t *tb = table + 32 * (ptrdiff_t)scales[(i + 1) >> scale_shift];
        __m256i tl = _mm256_loadu2_m128i((const __m128i *)tb, (const __m128i *)ta);
        __m256i th = _mm256_loadu2_m128i((const __m128i *)(tb + 16), (const __m128i *)(ta + 16));
        __m256i l = _mm256_shuffle_epi8(tl, c), h = _mm256_shuffle_epi8(th, c);
        __m256i o0 = _mm256_unpacklo_epi8(l, h), o1 = _mm256_unpackhi_epi8(l, h);
        if (streaming) {
            _mm_stream_si128((__m128i *)out, _mm256_castsi256_si128(o0));
            _mm_stream_si128((__m128i *)(out + 8), _mm256_castsi256_si128(o1));
            _mm_stream_si128((__m128i *)(out + 16), _mm256_extracti128_si256(o0, 1));
            _mm_stream_si128((__m128i *)(out + 24), _mm256_extracti128_si256(o1, 1));
        } else {
            _mm256_storeu_si256((__m256i *)out, _mm256_permute2x128_si256(o0, o1, 0x20));
            _mm256_storeu_si256((__m256i *)(out + 16), _mm256_permute2x128_si256(o0, o1, 0x31));
        }
    }
    if (streaming) _mm_sfence();
    if (i < groups) {
        uint64_t w;
        memcpy(&w, codes, 8);
        __m128i c = fos_unpack_nibbles(_mm_cvtsi64_si128((long long)w));
        const uint8_t *t = table + 32 * (ptrdiff_t)scales[i >> scale_shift];
        __m128i l = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)t), c);
        __m128i h = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(t + 16)), c);
        _mm_storeu_si128((__m128i *)out, _mm_unpacklo_epi8(l, h));
        _mm_storeu_si128((__m128i *)(out + 8), _mm_unpackhi_epi8(l, h));
    }
}

FOS_AVX2 void fos_row_error_sums_avx2(const void *x, int kind, const uint8_t *codes, const uint8_t *scales,
                                      ptrdiff_t groups, int scale_shift, const float *table, float *err,
                                      float *energy) {
    __m256 e = _mm256_loadu_ps(err), s = _mm256_loadu_ps(energy);
    for (ptrdiff_t i = 0; i < groups; i++, codes += 8) {
        __m256 d0, d1, x0, x1;
        fos_decode_group(codes, table + 16 * (ptrdiff_t)scales[i >> scale_shift], &d0, &d1);
        if (kind == 0) {
            x0 = _mm256_loadu_ps((const float *)x + 16 * i);
            x1 = _mm256_loadu_ps((const float *)x + 16 * i + 8);
        } else {
            __m128i h0 = _mm_loadu_si128((const __m128i *)((const uint16_t *)x + 16 * i));
            __m128i h1 = _mm_loadu_si128((const __m128i *)((const uint16_t *)x + 16 * i + 8));
            if (kind == 1) {
                x0 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(h0), 16));
                x1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(h1), 16));
            } else {
                x0 = _mm256_cvtph_ps(h0);
                x1 = _mm256_cvtph_ps(h1);
            }
        }
        // Separate multiply and add (no contraction): the order of the Swift accumulators.
        __m256 t0 = _mm256_sub_ps(d0, x0), t1 = _mm256_sub_ps(d1, x1);
        e = _mm256_add_ps(e, _mm256_mul_ps(t0, t0));
        s = _mm256_add_ps(s, _mm256_mul_ps(x0, x0));
        e = _mm256_add_ps(e, _mm256_mul_ps(t1, t1));
        s = _mm256_add_ps(s, _mm256_mul_ps(x1, x1));
    }
    _mm256_storeu_ps(err, e);
    _mm256_storeu_ps(energy, s);
}

#else

void fos_dequantize_f32_avx2(const uint8_t *codes, const uint8_t *scales, ptrdiff_t groups, int scale_shift,
                             const float *table, float *out, int streaming) {
    (void)codes; (void)scales; (void)groups; (void)scale_shift; (void)table; (void)out; (void)streaming;
    __builtin_trap();
}
void fos_dequantize_bf16_avx2(const uint8_t *codes, const uint8_t *scales, ptrdiff_t groups, int scale_shift,
                              const uint8_t *table, uint16_t *out, int streaming) {
    (void)codes; (void)scales; (void)groups; (void)scale_shift; (void)table; (void)out; (void)streaming;
    __builtin_trap();
}

void fos_row_error_sums_avx2(const void *x, int kind, const uint8_t *codes, const uint8_t *scales,
                             ptrdiff_t groups, int scale_shift, const float *table, float *err, float *energy) {
    (void)x; (void)kind; (void)codes; (void)scales; (void)groups; (void)scale_shift; (void)table; (void)err;
    (void)energy; __builtin_trap();
}

#endif
