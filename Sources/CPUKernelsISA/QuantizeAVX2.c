// AVX2 + FMA + F16C block-quantization kernels: eight 16-value blocks per 8-lane vector.
//
// Promises: see CPUKernelsISA.h ("Block quantization"). Every function is compiled for
// AVX2/F16C through a function attribute only and must be called only when
// `fos_cpu_has_avx2_fma_f16c()` is 1. The kernels are the 8-lane twins of CPUKernels'
// SIMD4 row kernels (RowKernels.swift, LaneCodecs.swift): one block per lane, so block
// maxima, scales and the 4/6 block errors are vertical operations, and every float operation
// is the scalar reference's, in its order. Codes, scale bytes and choices are bit-identical
// with `ReferenceBlock.quantize` for the contexts the caller admits (see the header).
//
// The staged layout ("superblocks"): 16 consecutive blocks (256 values) are stored as two
// groups of 16 element vectors (128 floats each); vector e of group g holds element e of the
// blocks 4g + (l & 3) + 8·(l >> 2) in lanes l = 0…7 — that is blocks 0–3 and 8–11 in group 0,
// 4–7 and 12–15 in group 1. This is the order in which an in-lane 16-bit transpose of 8 × 16
// values leaves them, so BF16 and F16 rows are staged without cross-lane shuffles.

#include "CPUKernelsISA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>

#define FOS_AVX2 __attribute__((target("avx2,fma,f16c")))
#define FOS_INLINE __attribute__((target("avx2,fma,f16c"), always_inline)) static inline

FOS_INLINE __m256i fos_bits(__m256 v) { return _mm256_castps_si256(v); }
FOS_INLINE __m256 fos_floats(__m256i v) { return _mm256_castsi256_ps(v); }

// MARK: - Staging

/// 8×8 transpose of 16-bit values inside each 128-bit lane: v[e] lane L gets r[j][e] of lane L.
FOS_INLINE void fos_transpose8x8_epi16(const __m256i r[8], __m256i v[8]) {
    __m256i t0 = _mm256_unpacklo_epi16(r[0], r[1]), t1 = _mm256_unpackhi_epi16(r[0], r[1]);
    __m256i t2 = _mm256_unpacklo_epi16(r[2], r[3]), t3 = _mm256_unpackhi_epi16(r[2], r[3]);
    __m256i t4 = _mm256_unpacklo_epi16(r[4], r[5]), t5 = _mm256_unpackhi_epi16(r[4], r[5]);
    __m256i t6 = _mm256_unpacklo_epi16(r[6], r[7]), t7 = _mm256_unpackhi_epi16(r[6], r[7]);
    __m256i u0 = _mm256_unpacklo_epi32(t0, t2), u1 = _mm256_unpackhi_epi32(t0, t2);
    __m256i u2 = _mm256_unpacklo_epi32(t1, t3), u3 = _mm256_unpackhi_epi32(t1, t3);
    __m256i u4 = _mm256_unpacklo_epi32(t4, t6), u5 = _mm256_unpackhi_epi32(t4, t6);
    __m256i u6 = _mm256_unpacklo_epi32(t5, t7), u7 = _mm256_unpackhi_epi32(t5, t7);
    v[0] = _mm256_unpacklo_epi64(u0, u4); v[1] = _mm256_unpackhi_epi64(u0, u4);
    v[2] = _mm256_unpacklo_epi64(u1, u5); v[3] = _mm256_unpackhi_epi64(u1, u5);
    v[4] = _mm256_unpacklo_epi64(u2, u6); v[5] = _mm256_unpackhi_epi64(u2, u6);
    v[6] = _mm256_unpacklo_epi64(u3, u7); v[7] = _mm256_unpackhi_epi64(u3, u7);
}

FOS_INLINE __m256i fos_load_pair(const uint16_t *lo, const uint16_t *hi) {
    return _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)lo)),
                                   _mm_loadu_si128((const __m128i *)hi), 1);
}

/// The 16 transposed 16-bit vectors of a superblock: v[e] = [element e of blocks 0–7 | of blocks 8–15].
FOS_INLINE void fos_transpose_superblock16(const uint16_t *src, __m256i v[16]) {
    __m256i r[8];
    for (int j = 0; j < 8; j++) r[j] = fos_load_pair(src + 16 * j, src + 16 * (j + 8));
    fos_transpose8x8_epi16(r, v);
    for (int j = 0; j < 8; j++) r[j] = fos_load_pair(src + 16 * j + 8, src + 16 * (j + 8) + 8);
    fos_transpose8x8_epi16(r, v + 8);
}

/// max |x| of each of the 16 blocks as 16-bit magnitude patterns (BF16 and F16 magnitudes order
/// like their bit patterns): lane L of the low half is block L, of the high half block 8 + L.
FOS_INLINE __m256i fos_maxima16(const __m256i v[16]) {
    const __m256i mask = _mm256_set1_epi16(0x7FFF);
    __m256i m = _mm256_and_si256(v[0], mask);
    for (int e = 1; e < 16; e++) m = _mm256_max_epi16(m, _mm256_and_si256(v[e], mask));
    return m;
}

FOS_AVX2 void fos_stage_bf16_avx2(const uint16_t *src, ptrdiff_t superblocks, float *dst, float *maxima) {
    const __m256i zero = _mm256_setzero_si256();
    for (ptrdiff_t s = 0; s < superblocks; s++, src += 256, dst += 256) {
        __m256i v[16];
        fos_transpose_superblock16(src, v);
        for (int e = 0; e < 16; e++) {
            // BF16 → float32 is a 16-bit shift: interleave with zeros below.
            _mm256_store_ps(dst + 8 * e, _mm256_castsi256_ps(_mm256_unpacklo_epi16(zero, v[e])));
            _mm256_store_ps(dst + 128 + 8 * e, _mm256_castsi256_ps(_mm256_unpackhi_epi16(zero, v[e])));
        }
        if (maxima) {
            __m256i m = fos_maxima16(v);  // widened like the values: group 0, then group 1
            _mm256_storeu_ps(maxima + 16 * s, _mm256_castsi256_ps(_mm256_unpacklo_epi16(zero, m)));
            _mm256_storeu_ps(maxima + 16 * s + 8, _mm256_castsi256_ps(_mm256_unpackhi_epi16(zero, m)));
        }
    }
}

FOS_AVX2 void fos_stage_f16_avx2(const uint16_t *src, ptrdiff_t superblocks, float *dst, float *maxima) {
    for (ptrdiff_t s = 0; s < superblocks; s++, src += 256, dst += 256) {
        __m256i v[16];
        fos_transpose_superblock16(src, v);
        for (int e = 0; e < 16; e++) {
            // Quadwords (blocks 0–3, 4–7 | 8–11, 12–15) → (0–3, 8–11 | 4–7, 12–15); exact F16C.
            __m256i p = _mm256_permute4x64_epi64(v[e], _MM_SHUFFLE(3, 1, 2, 0));
            _mm256_store_ps(dst + 8 * e, _mm256_cvtph_ps(_mm256_castsi256_si128(p)));
            _mm256_store_ps(dst + 128 + 8 * e, _mm256_cvtph_ps(_mm256_extracti128_si256(p, 1)));
        }
        if (maxima) {
            __m256i m = _mm256_permute4x64_epi64(fos_maxima16(v), _MM_SHUFFLE(3, 1, 2, 0));
            _mm256_storeu_ps(maxima + 16 * s, _mm256_cvtph_ps(_mm256_castsi256_si128(m)));
            _mm256_storeu_ps(maxima + 16 * s + 8, _mm256_cvtph_ps(_mm256_extracti128_si256(m, 1)));
        }
    }
}

FOS_INLINE __m256 fos_load_pair_ps(const float *lo, const float *hi) {
    return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_loadu_ps(lo)), _mm_loadu_ps(hi), 1);
}

FOS_AVX2 void fos_stage_f32_avx2(const float *src, ptrdiff_t superblocks, float *dst) {
    for (ptrdiff_t s = 0; s < superblocks; s++, src += 256, dst += 256) {
        for (int g = 0; g < 2; g++) {
            const float *b = src + 64 * g;  // block 4g
            for (int q = 0; q < 4; q++) {
                // Rows: block 4g+j, elements 4q…4q+3 | block 4g+j+8, same elements.
                __m256 r0 = fos_load_pair_ps(b + 4 * q, b + 128 + 4 * q);
                __m256 r1 = fos_load_pair_ps(b + 16 + 4 * q, b + 144 + 4 * q);
                __m256 r2 = fos_load_pair_ps(b + 32 + 4 * q, b + 160 + 4 * q);
                __m256 r3 = fos_load_pair_ps(b + 48 + 4 * q, b + 176 + 4 * q);
                __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
                __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
                float *o = dst + 128 * g + 32 * q;
                __m256d d0 = _mm256_castps_pd(t0), d1 = _mm256_castps_pd(t1);
                __m256d d2 = _mm256_castps_pd(t2), d3 = _mm256_castps_pd(t3);
                _mm256_store_ps(o, _mm256_castpd_ps(_mm256_unpacklo_pd(d0, d2)));
                _mm256_store_ps(o + 8, _mm256_castpd_ps(_mm256_unpackhi_pd(d0, d2)));
                _mm256_store_ps(o + 16, _mm256_castpd_ps(_mm256_unpacklo_pd(d1, d3)));
                _mm256_store_ps(o + 24, _mm256_castpd_ps(_mm256_unpackhi_pd(d1, d3)));
            }
        }
    }
}

// MARK: - Scans

FOS_AVX2 uint16_t fos_max_magnitude16_avx2(const uint16_t *p, ptrdiff_t n) {
    const __m256i mask = _mm256_set1_epi16(0x7FFF);
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
    ptrdiff_t i = 0;
    for (; i + 64 <= n; i += 64) {
        a0 = _mm256_max_epi16(a0, _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(p + i)), mask));
        a1 = _mm256_max_epi16(a1, _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(p + i + 16)), mask));
        a2 = _mm256_max_epi16(a2, _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(p + i + 32)), mask));
        a3 = _mm256_max_epi16(a3, _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(p + i + 48)), mask));
    }
    __m256i a = _mm256_max_epi16(_mm256_max_epi16(a0, a1), _mm256_max_epi16(a2, a3));
    __m128i b = _mm_max_epi16(_mm256_castsi256_si128(a), _mm256_extracti128_si256(a, 1));
    b = _mm_max_epi16(b, _mm_srli_si128(b, 8));
    b = _mm_max_epi16(b, _mm_srli_si128(b, 4));
    b = _mm_max_epi16(b, _mm_srli_si128(b, 2));
    uint16_t m = (uint16_t)_mm_extract_epi16(b, 0);
    for (; i < n; i++) {
        uint16_t v = p[i] & 0x7FFF;
        if (v > m) m = v;
    }
    return m;
}

/// 8×8 transpose of floats: v[i] lane j gets r[j] lane i.
FOS_INLINE void fos_transpose8x8_ps(const __m256 r[8], __m256 v[8]) {
    __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
    __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
    __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
    __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
#define FOS_LO _MM_SHUFFLE(1, 0, 1, 0)
#define FOS_HI _MM_SHUFFLE(3, 2, 3, 2)
    __m256 u0 = _mm256_shuffle_ps(t0, t2, FOS_LO), u1 = _mm256_shuffle_ps(t0, t2, FOS_HI);
    __m256 u2 = _mm256_shuffle_ps(t1, t3, FOS_LO), u3 = _mm256_shuffle_ps(t1, t3, FOS_HI);
    __m256 u4 = _mm256_shuffle_ps(t4, t6, FOS_LO), u5 = _mm256_shuffle_ps(t4, t6, FOS_HI);
    __m256 u6 = _mm256_shuffle_ps(t5, t7, FOS_LO), u7 = _mm256_shuffle_ps(t5, t7, FOS_HI);
#undef FOS_LO
#undef FOS_HI
    v[0] = _mm256_permute2f128_ps(u0, u4, 0x20); v[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
    v[2] = _mm256_permute2f128_ps(u2, u6, 0x20); v[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
    v[4] = _mm256_permute2f128_ps(u0, u4, 0x31); v[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
    v[6] = _mm256_permute2f128_ps(u2, u6, 0x31); v[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
}

/// 8 consecutive source values as floats (exact): kind 0 F32, 1 BF16, 2 F16.
FOS_INLINE __m256 fos_load8(const void *src, ptrdiff_t i, int kind) {
    if (kind == 0) return _mm256_loadu_ps((const float *)src + i);
    __m128i h = _mm_loadu_si128((const __m128i *)((const uint16_t *)src + i));
    if (kind == 1) return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(h), 16));
    return _mm256_cvtph_ps(h);
}

/// Transposed staging of a full panel: quantized rows r0 + i (i < 32) are source columns, and
/// the panel's superblock covers source rows c0 … c0 + 255 (all present). Row i of the panel
/// goes to dst + i·stride. Element e of block b of quantized row i is source (c0 + 16b + e, r0 + i).
FOS_INLINE void fos_stage_transposed(const void *src, ptrdiff_t row_stride, ptrdiff_t c0, ptrdiff_t r0, int rows,
                                     float *dst, ptrdiff_t stride, int kind, ptrdiff_t prefetch) {
    // The next superblock's rows are 256 strided lines the hardware prefetchers do not foresee.
    const char *base = (const char *)src;
    const ptrdiff_t size = kind == 0 ? 4 : 2;
    for (ptrdiff_t j = 0; j < prefetch; j++) {
        _mm_prefetch(base + ((c0 + 256 + j) * row_stride + r0) * size, _MM_HINT_T0);
    }
    for (int g = 0; g < 2; g++) {
        for (int e = 0; e < 16; e++) {
            for (int t = 0; t < rows / 8; t++) {
                __m256 r[8], v[8];
                for (int l = 0; l < 8; l++) {
                    ptrdiff_t block = 4 * g + (l & 3) + 8 * (l >> 2);
                    r[l] = fos_load8(src, (c0 + 16 * block + e) * row_stride + r0 + 8 * t, kind);
                }
                fos_transpose8x8_ps(r, v);
                for (int i = 0; i < 8; i++) _mm256_store_ps(dst + (8 * t + i) * stride + 128 * g + 8 * e, v[i]);
            }
        }
    }
}

FOS_AVX2 void fos_stage_transposed_avx2(const void *src, int kind, ptrdiff_t row_stride, ptrdiff_t c0, ptrdiff_t r0,
                                        int rows, float *dst, ptrdiff_t stride, ptrdiff_t prefetch) {
    switch (kind) {
    case 0: fos_stage_transposed(src, row_stride, c0, r0, rows, dst, stride, 0, prefetch); break;
    case 1: fos_stage_transposed(src, row_stride, c0, r0, rows, dst, stride, 1, prefetch); break;
    default: fos_stage_transposed(src, row_stride, c0, r0, rows, dst, stride, 2, prefetch); break;
    }
}

// MARK: - Random Hadamard transform (spec §2) on staged superblocks

FOS_INLINE __m256 fos_abs(__m256 v) { return _mm256_and_ps(v, fos_floats(_mm256_set1_epi32(0x7FFFFFFF))); }

/// Round to nearest even BF16, kept as float32 (RandomHadamard's rounding; finite inputs).
FOS_INLINE __m256 fos_round_bf16(__m256 v) {
    __m256i b = fos_bits(v);
    __m256i odd = _mm256_and_si256(_mm256_srli_epi32(b, 16), _mm256_set1_epi32(1));
    b = _mm256_add_epi32(b, _mm256_add_epi32(odd, _mm256_set1_epi32(0x7FFF)));
    return fos_floats(_mm256_and_si256(b, _mm256_set1_epi32((int)0xFFFF0000u)));
}

/// The RHT of the 8 groups of 16 at p (staged: vector i holds element i of each). With
/// `store`, each output rounded to BF16 replaces its input; otherwise nothing is written and
/// max |y| over the outputs (not rounded) is folded into *maximum.
FOS_INLINE void fos_rht_group(float *p, int store, __m256 *maximum) {
    // R[i][j] = s_i · (−1)^popcount(i & j) / 4 (exactly ±0.25): every product x_i · R[i][j] is
    // ±q_i with q_i = x_i · 0.25, and y_j = (((0 + p_0j) + p_1j) + …) + p_15j, rounded to BF16.
    // After term i the partial sums depend only on j mod K (K the power of two above i), so
    // the outputs share their first partial sums: 171 additions per block instead of 256.
    // Terms 0…7 leave 8 classes (j mod 8); outputs j and j + 8 start from class j and take
    // each of terms 8…15 with opposite signs (bit 3 of i & (j + 8) is set), so they are
    // finished in pairs: 8 classes, 8 terms and 2 outputs live instead of 16 sums and a term
    // (51 stack references in the function instead of 309).
    static const int s[16] = {1, 1, 1, -1, 1, -1, -1, -1, -1, -1, -1, 1, -1, 1, -1, -1};
    const __m256 quarter = _mm256_set1_ps(0.25f);
    __m256 acc[8];
    acc[0] = _mm256_setzero_ps();
    int classes = 1;
#pragma clang loop unroll(full)
    for (int i = 0; i < 8; i++) {
        __m256 q = _mm256_mul_ps(_mm256_load_ps(p + 8 * i), quarter);
        int next = classes;
        while (next <= i) next *= 2;
#pragma clang loop unroll(full)
        for (int j = 7; j >= 0; j--) {
            if (j >= next) continue;
            __m256 prev = acc[j % classes];
            int sign = s[i] * ((__builtin_popcount((unsigned)(i & j)) & 1) ? -1 : 1);
            acc[j] = sign > 0 ? _mm256_add_ps(prev, q) : _mm256_sub_ps(prev, q);
        }
        classes = next;
    }
    __m256 q[8];
#pragma clang loop unroll(full)
    for (int i = 0; i < 8; i++) q[i] = _mm256_mul_ps(_mm256_load_ps(p + 8 * (8 + i)), quarter);
#pragma clang loop unroll(full)
    for (int j = 0; j < 8; j++) {
        __m256 a = acc[j], b = acc[j];
#pragma clang loop unroll(full)
        for (int i = 8; i < 16; i++) {
            int sign = s[i] * ((__builtin_popcount((unsigned)(i & j)) & 1) ? -1 : 1);
            a = sign > 0 ? _mm256_add_ps(a, q[i - 8]) : _mm256_sub_ps(a, q[i - 8]);
            b = sign > 0 ? _mm256_sub_ps(b, q[i - 8]) : _mm256_add_ps(b, q[i - 8]);
        }
        if (store) {
            _mm256_store_ps(p + 8 * j, fos_round_bf16(a));
            _mm256_store_ps(p + 8 * (j + 8), fos_round_bf16(b));
        } else {
            *maximum = _mm256_max_ps(*maximum, _mm256_max_ps(fos_abs(a), fos_abs(b)));
        }
    }
}

FOS_AVX2 void fos_rht_staged_avx2(float *staged, ptrdiff_t superblocks) {
    for (ptrdiff_t group = 0; group < 2 * superblocks; group++) fos_rht_group(staged + 128 * group, 1, NULL);
}

FOS_AVX2 float fos_rht_staged_max_avx2(const float *staged, ptrdiff_t superblocks) {
    // Rounding to BF16 is monotonic and odd, so the largest |rounded output| is the largest
    // |output| rounded: the outputs need not be rounded one by one.
    __m256 m = _mm256_setzero_ps();
    for (ptrdiff_t group = 0; group < 2 * superblocks; group++) fos_rht_group((float *)staged + 128 * group, 0, &m);
    float lanes[8], best = 0;
    _mm256_storeu_ps(lanes, fos_round_bf16(m));
    for (int j = 0; j < 8; j++) best = lanes[j] > best ? lanes[j] : best;
    return best;
}

FOS_AVX2 float fos_max_abs_avx2(const float *p, ptrdiff_t n) {
    const __m256 mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
    __m256 a = _mm256_setzero_ps(), b = a;
    ptrdiff_t i = 0;
    for (; i + 16 <= n; i += 16) {
        a = _mm256_max_ps(a, _mm256_and_ps(_mm256_loadu_ps(p + i), mask));
        b = _mm256_max_ps(b, _mm256_and_ps(_mm256_loadu_ps(p + i + 8), mask));
    }
    float lanes[8], m = 0;
    _mm256_storeu_ps(lanes, _mm256_max_ps(a, b));
    for (int j = 0; j < 8; j++) m = lanes[j] > m ? lanes[j] : m;
    for (; i < n; i++) {
        float v = p[i] < 0 ? -p[i] : p[i];
        m = v > m ? v : m;
    }
    return m;
}

// MARK: - Lane codecs (the 8-lane twins of LaneCodecs.swift)

/// E4M3 code of x ≥ 0 (RNE, saturating at 448): the step 2^(E−3), E = max(exponent, −6).
FOS_INLINE __m256i fos_e4m3_code(__m256 x) {
    __m256 a = _mm256_min_ps(x, _mm256_set1_ps(448.0f));
    __m256i e = _mm256_and_si256(fos_bits(_mm256_max_ps(a, _mm256_set1_ps(0x1p-6f))), _mm256_set1_epi32(0x7F800000));
    __m256i mbits = _mm256_add_epi32(e, _mm256_set1_epi32((20 << 23) | 0x400000));
    __m256 s = _mm256_add_ps(a, fos_floats(mbits));
    return _mm256_sub_epi32(_mm256_add_epi32(_mm256_sub_epi32(fos_bits(s), mbits), _mm256_srli_epi32(e, 20)),
                            _mm256_set1_epi32(968));
}

/// The value of E4M3 codes 0…0x7E.
FOS_INLINE __m256 fos_e4m3_value(__m256i c) {
    __m256i normal = _mm256_add_epi32(_mm256_slli_epi32(c, 20), _mm256_set1_epi32(120 << 23));
    __m256 shifted = fos_floats(_mm256_add_epi32(_mm256_slli_epi32(c, 20), _mm256_set1_epi32(121 << 23)));
    __m256i sub = fos_bits(_mm256_sub_ps(shifted, _mm256_set1_ps(0x1p-6f)));
    __m256i is_sub = _mm256_srai_epi32(_mm256_sub_epi32(c, _mm256_set1_epi32(8)), 31);
    return fos_floats(_mm256_blendv_epi8(normal, sub, is_sub));
}

/// `1 / (dec · scale)`, 0 where scale is 0.
FOS_INLINE __m256 fos_element_multiplier(__m256 dec, __m256 scale) {
    __m256 k = _mm256_div_ps(_mm256_set1_ps(1.0f), _mm256_mul_ps(dec, scale));
    return _mm256_andnot_ps(_mm256_cmp_ps(scale, _mm256_setzero_ps(), _CMP_EQ_OQ), k);
}

/// Offset carried by every biased E2M1 code (see fos_e2m1): the bits of 1.5 · 2^23.
#define FOS_E2M1_BIAS 0x4B400000u

/// What a caller knows of the magnitudes a = |y| it rounds (fos_e2m1's `range`, as the CUDA
/// kernels' e2m1_index_rtn): nothing; a < 7 (every lane's RN(bmax · k) < 7: rne(a/2) + 4 ≤ 7, so
/// the saturation at index 7 cannot be reached); or a < 4.5 (on [4, 4.5) rne(a) + 2 = 6 is the
/// index too, so the term for [4, ∞) drops).
enum { FOS_A_ANY = 0, FOS_A_BELOW_7 = 1, FOS_A_BELOW_4_5 = 2 };

/// E2M1 of y = x·k, round to nearest even (LaneCodecs' `e2m1`), saturating at 6: for a = |y| the
/// index is min(rne(2a), rne(a) + 2, rne(a/2) + 4, 7), each term one fma or add with the magic
/// constant 1.5 · 2^23 (the rounding on its own binade range, an overestimate outside it; checked
/// for every float32, and each `range` within its bound, by tools/cuda-kernel-lab/check_e2m1.py),
/// so the minimum's bits are FOS_E2M1_BIAS + index. Returns the code plus FOS_E2M1_BIAS (the bias
/// is removed once per packed word, see fos_unbias) and, when asked, the rounded magnitude (looked
/// up by the index). Callers pass `range` as a constant.
FOS_INLINE __m256i fos_e2m1(__m256 y, __m256 *magnitude, int range) {
    __m256 a = fos_abs(y);
    __m256 f1 = _mm256_fmadd_ps(a, _mm256_set1_ps(2.0f), _mm256_set1_ps(12582912.0f));
    __m256 f2 = _mm256_add_ps(a, _mm256_set1_ps(12582914.0f));
    __m256 f = _mm256_min_ps(f1, f2);
    if (range != FOS_A_BELOW_4_5) f = _mm256_min_ps(f, _mm256_fmadd_ps(a, _mm256_set1_ps(0.5f), _mm256_set1_ps(12582916.0f)));
    if (range == FOS_A_ANY) f = _mm256_min_ps(f, _mm256_set1_ps(12582919.0f));
    // vpermps reads the low 3 bits of each lane's index: exactly the E2M1 index here.
    if (magnitude) *magnitude = _mm256_permutevar8x32_ps(_mm256_setr_ps(0, 0.5f, 1, 1.5f, 2, 3, 4, 6), fos_bits(f));
    // The sign nibble iff y < 0 (not for −0).
    __m256i neg = _mm256_and_si256(fos_bits(_mm256_cmp_ps(y, _mm256_setzero_ps(), _CMP_LT_OQ)), _mm256_set1_epi32(8));
    return _mm256_add_epi32(fos_bits(f), neg);
}

/// Removes the bias of eight biased codes summed into one word (code j · 16^j, mod 2^32).
FOS_INLINE __m256i fos_unbias(__m256i w) {
    return _mm256_sub_epi32(w, _mm256_set1_epi32((int)(FOS_E2M1_BIAS * 0x11111111u)));
}

/// INT4 of y (nearest): clamp(rne(y), −7, 7) as a two's-complement nibble, biased like fos_e2m1
/// so that the same packing applies.
FOS_INLINE __m256i fos_int4(__m256 y) {
    __m256 magic = _mm256_set1_ps(12582912.0f);  // 1.5 · 2^23: step 1
    __m256 t = _mm256_max_ps(_mm256_min_ps(y, _mm256_set1_ps(7.0f)), _mm256_set1_ps(-7.0f));
    __m256i q = _mm256_sub_epi32(fos_bits(_mm256_add_ps(t, magic)), fos_bits(magic));
    return _mm256_add_epi32(_mm256_and_si256(q, _mm256_set1_epi32(0xF)), _mm256_set1_epi32((int)FOS_E2M1_BIAS));
}

/// Stochastic E2M1 of y with noise r ∈ [−0.5, 0.5) (LaneCodecs' `e2m1` with StochasticRounding):
/// a = min(|y|, 7) plus r · step (the step of a's segment), rounded like fos_e2m1; a sum that
/// reaches 8 saturates to index 7 (and the magnitude to 6). Biased like fos_e2m1.
FOS_INLINE __m256i fos_e2m1_stochastic(__m256 y, __m256 r, __m256 *magnitude) {
    __m256 a = _mm256_min_ps(fos_abs(y), _mm256_set1_ps(7.0f));
    __m256i e = _mm256_and_si256(fos_bits(_mm256_max_ps(a, _mm256_set1_ps(1.0f))), _mm256_set1_epi32(0x7F800000));
    __m256i mbits = _mm256_add_epi32(e, _mm256_set1_epi32((22 << 23) | 0x400000));
    __m256 step = fos_floats(_mm256_sub_epi32(e, _mm256_set1_epi32(1 << 23)));
    __m256 s = _mm256_add_ps(_mm256_add_ps(a, _mm256_mul_ps(r, step)), fos_floats(mbits));
    if (magnitude) *magnitude = _mm256_min_ps(_mm256_sub_ps(s, fos_floats(mbits)), _mm256_set1_ps(6.0f));
    __m256i index = _mm256_add_epi32(_mm256_sub_epi32(fos_bits(s), mbits),
                                     _mm256_sub_epi32(_mm256_srli_epi32(e, 22), _mm256_set1_epi32(254)));
    index = _mm256_sub_epi32(index, _mm256_srai_epi32(index, 3));
    __m256i neg = _mm256_and_si256(fos_bits(_mm256_cmp_ps(y, _mm256_setzero_ps(), _CMP_LT_OQ)), _mm256_set1_epi32(8));
    return _mm256_add_epi32(_mm256_add_epi32(index, neg), _mm256_set1_epi32((int)FOS_E2M1_BIAS));
}

/// Stochastic INT4 of y (LaneCodecs' `int4`): sign(y) · rne(min(|y| + r, 7)), biased like fos_e2m1.
FOS_INLINE __m256i fos_int4_stochastic(__m256 y, __m256 r) {
    __m256 magic = _mm256_set1_ps(12582912.0f);  // 1.5 · 2^23: step 1
    __m256 t = _mm256_min_ps(_mm256_add_ps(fos_abs(y), r), _mm256_set1_ps(7.0f));
    __m256i m = _mm256_sub_epi32(fos_bits(_mm256_add_ps(t, magic)), fos_bits(magic));
    __m256i sign = _mm256_srai_epi32(fos_bits(y), 31);
    __m256i q = _mm256_sub_epi32(_mm256_xor_si256(m, sign), sign);
    return _mm256_add_epi32(_mm256_and_si256(q, _mm256_set1_epi32(0xF)), _mm256_set1_epi32((int)FOS_E2M1_BIAS));
}

// MARK: - Output of a group of eight blocks

/// Stores the 8 code bytes of each lane's block: lanes 0–3 → blocks 0–3 at `codes`, lanes 4–7 →
/// blocks 8–11 at `codes + 64` (block b's 8 bytes at 8b; w0 holds elements 0–7, w1 8–15).
FOS_INLINE void fos_store_codes(uint8_t *codes, __m256i w0, __m256i w1) {
    __m256i lo = _mm256_unpacklo_epi32(w0, w1), hi = _mm256_unpackhi_epi32(w0, w1);
    _mm256_storeu_si256((__m256i *)codes, _mm256_permute2x128_si256(lo, hi, 0x20));
    _mm256_storeu_si256((__m256i *)(codes + 64), _mm256_permute2x128_si256(lo, hi, 0x31));
}

/// Stores the 16 scale bytes of a superblock (s0: group 0's lanes, s1: group 1's) in block order.
FOS_INLINE void fos_store_scales(uint8_t *scales, __m256i s0, __m256i s1) {
    __m256i p = _mm256_packus_epi32(s0, s1);        // blocks 0–3, 4–7 | 8–11, 12–15 (16-bit)
    __m256i b = _mm256_packus_epi16(p, p);          // blocks 0–7 twice | 8–15 twice
    b = _mm256_permute4x64_epi64(b, _MM_SHUFFLE(3, 1, 2, 0));
    _mm_storeu_si128((__m128i *)scales, _mm256_castsi256_si128(b));
}

FOS_INLINE __m256 fos_group_max(const float *p) {
    __m256 m0 = fos_abs(_mm256_load_ps(p)), m1 = fos_abs(_mm256_load_ps(p + 8));
    for (int e = 2; e < 16; e += 2) {
        m0 = _mm256_max_ps(m0, fos_abs(_mm256_load_ps(p + 8 * e)));
        m1 = _mm256_max_ps(m1, fos_abs(_mm256_load_ps(p + 8 * e + 8)));
    }
    return _mm256_max_ps(m0, m1);
}

FOS_AVX2 void fos_raise_to_block_maxima_avx2(const float *staged, ptrdiff_t superblocks, float *maxima) {
    for (ptrdiff_t g = 0; g < 2 * superblocks; g++) {
        float *m = maxima + 8 * g;
        _mm256_storeu_ps(m, _mm256_max_ps(_mm256_loadu_ps(m), fos_group_max(staged + 128 * g)));
    }
}

/// The per-tensor constants in every lane.
typedef struct {
    __m256 m, enc, dec, amax, divisor;
} fos_vector_constants;

FOS_INLINE fos_vector_constants fos_broadcast(const fos_block_constants *c) {
    fos_vector_constants v = {_mm256_set1_ps(c->max_value), _mm256_set1_ps(c->encode_scale),
                              _mm256_set1_ps(c->inverse_encode_scale), _mm256_set1_ps(c->amax),
                              _mm256_set1_ps(c->product)};
    return v;
}

/// The E4M3-candidate block scales (bmax / M) · enc of a group, and into `bmax` unless it is
/// NULL the maxima (from `maxima` when the staging left them there, else from the values).
FOS_INLINE __m256 fos_high_precision_scale(const float *p, const float *maxima, __m256 m, __m256 enc, __m256 *bmax) {
    __m256 b = maxima ? _mm256_loadu_ps(maxima) : fos_group_max(p);
    if (bmax) *bmax = b;
    return _mm256_mul_ps(_mm256_div_ps(b, m), enc);
}

/// Whether RN(bmax · k) < limit in every lane, so that every |x · k| of the group is below it
/// (fos_e2m1's `range`).
FOS_INLINE int fos_all_below(__m256 bmax, __m256 k, float limit) {
    return _mm256_movemask_ps(_mm256_cmp_ps(_mm256_mul_ps(bmax, k), _mm256_set1_ps(limit), _CMP_LT_OQ)) == 0xFF;
}

// MARK: - Static E4M3-scaled blocks (NVFP4 static6/static4, NVINT4)

/// Superblocks whose block scales are computed before any of their elements: the scale of a
/// group is a long dependent chain (maxima, two divisions, the E4M3 codec), and independent
/// chains side by side keep the divider busy while the element loops run.
enum { FOS_BATCH = 8 };

FOS_INLINE ptrdiff_t fos_batch_size(ptrdiff_t superblocks, ptrdiff_t first) {
    return superblocks - first < FOS_BATCH ? superblocks - first : FOS_BATCH;
}

/// The codes of a group (8 blocks of 16 in the lanes) scaled by the lanes' multipliers k: FP4, or
/// INT4 when `int4`; rounded stochastically with the noise `r` (staged like the values) unless it
/// is NULL, else to nearest within `range` (fos_e2m1).
FOS_INLINE void fos_static_group(const float *p, const float *r, __m256 k, int int4, int range, __m256i *w0,
                                 __m256i *w1) {
    __m256i lo = _mm256_setzero_si256(), hi = lo;
    // Rolled on purpose (see fos_candidate).
#pragma clang loop unroll(disable)
    for (int j = 0; j < 8; j++) {
        __m128i shift = _mm_cvtsi32_si128(4 * j);
        __m256 yl = _mm256_mul_ps(_mm256_load_ps(p + 8 * j), k);
        __m256 yh = _mm256_mul_ps(_mm256_load_ps(p + 8 * (j + 8)), k);
        __m256i ql, qh;
        if (r) {
            __m256 rl = _mm256_load_ps(r + 8 * j), rh = _mm256_load_ps(r + 8 * (j + 8));
            ql = int4 ? fos_int4_stochastic(yl, rl) : fos_e2m1_stochastic(yl, rl, NULL);
            qh = int4 ? fos_int4_stochastic(yh, rh) : fos_e2m1_stochastic(yh, rh, NULL);
        } else {
            ql = int4 ? fos_int4(yl) : fos_e2m1(yl, NULL, range);
            qh = int4 ? fos_int4(yh) : fos_e2m1(yh, NULL, range);
        }
        lo = _mm256_add_epi32(lo, _mm256_sll_epi32(ql, shift));
        hi = _mm256_add_epi32(hi, _mm256_sll_epi32(qh, shift));
    }
    *w0 = lo;
    *w1 = hi;
}

/// `noise` (NULL: round to nearest) holds each value's stochastic-rounding noise in the staged
/// layout of `x`. Groups whose RN(bmax · k) < 7 in every lane round within FOS_A_BELOW_7.
FOS_INLINE void fos_static_superblocks(const float *x, const float *maxima, ptrdiff_t superblocks,
                                       const fos_block_constants *c, uint8_t *codes, uint8_t *scales, int int4,
                                       const float *noise) {
    const fos_vector_constants v = fos_broadcast(c);
    const __m256 m = v.m, enc = v.enc, dec = v.dec;
    __m256i byte[2 * FOS_BATCH];
    __m256 mult[2 * FOS_BATCH];
    int bounded[2 * FOS_BATCH];
    for (ptrdiff_t s0 = 0; s0 < superblocks; s0 += FOS_BATCH) {
        const ptrdiff_t n = fos_batch_size(superblocks, s0);
        const float *xb = x + 256 * s0;
        for (ptrdiff_t g = 0; g < 2 * n; g++) {
            const float *mg = maxima ? maxima + 16 * s0 + 8 * g : NULL;
            __m256 bmax;
            byte[g] = fos_e4m3_code(fos_high_precision_scale(xb + 128 * g, mg, m, enc, &bmax));
            mult[g] = fos_element_multiplier(dec, fos_e4m3_value(byte[g]));
            bounded[g] = !int4 && !noise && fos_all_below(bmax, mult[g], 7.0f);
        }
        for (ptrdiff_t g = 0; g < 2 * n; g++) {
            const float *p = xb + 128 * g;
            const float *r = noise ? noise + 256 * s0 + 128 * g : NULL;
            __m256i w0, w1;
            if (bounded[g]) {
                fos_static_group(p, NULL, mult[g], 0, FOS_A_BELOW_7, &w0, &w1);
            } else {
                fos_static_group(p, r, mult[g], int4, FOS_A_ANY, &w0, &w1);
            }
            fos_store_codes(codes + 128 * (s0 + g / 2) + 32 * (g & 1), fos_unbias(w0), fos_unbias(w1));
        }
        for (ptrdiff_t i = 0; i < n; i++) fos_store_scales(scales + 16 * (s0 + i), byte[2 * i], byte[2 * i + 1]);
    }
}

// MARK: - MXFP4 (32-value blocks, UE8M0 power-of-two scales)

/// A staged group's lanes hold 16-value blocks in pairs (lanes 2i, 2i+1 are blocks 2k, 2k+1):
/// each lane gets the maximum of its 32-value block, its UE8M0 exponent byte e (the reference's
/// `UE8M0.roundingUp(bmax / M)`: the exponent field, plus 1 when the mantissa is not zero) and the
/// multiplier 2^(127−e) — x · 2^(127−e) is the same real number as the reference's x / 2^(e−127),
/// hence the same float — or 0 where e = 0 (the reference quantizes those blocks as +0).
FOS_INLINE void fos_mx_scales(__m256 bmax16, __m256 m, __m256i *e, __m256 *k) {
    __m256 bmax = _mm256_max_ps(bmax16, _mm256_permute_ps(bmax16, 0xB1));
    __m256i bits = fos_bits(_mm256_div_ps(bmax, m));
    __m256i mantissa = _mm256_and_si256(bits, _mm256_set1_epi32(0x7FFFFF));
    __m256i up = _mm256_andnot_si256(_mm256_cmpeq_epi32(mantissa, _mm256_setzero_si256()), _mm256_set1_epi32(1));
    *e = _mm256_add_epi32(_mm256_srli_epi32(bits, 23), up);
    // 2^(127−e) = (254 − e) << 23: finite values give bmax / M < 2^126, so e ≤ 253 and it is normal.
    __m256i kb = _mm256_slli_epi32(_mm256_sub_epi32(_mm256_set1_epi32(254), *e), 23);
    __m256i zero = _mm256_cmpeq_epi32(*e, _mm256_setzero_si256());
    *k = fos_floats(_mm256_andnot_si256(zero, kb));
}

FOS_AVX2 void fos_quantize_mxfp4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                      const fos_block_constants *c, const float *noise, uint8_t *codes,
                                      uint8_t *scales) {
    const __m256 m = _mm256_set1_ps(c->max_value);
    for (ptrdiff_t s = 0; s < superblocks; s++) {
        int32_t e[2][8];
        for (int g = 0; g < 2; g++) {
            const float *p = staged + 256 * s + 128 * g;
            const float *r = noise ? noise + 256 * s + 128 * g : NULL;
            __m256i eg;
            __m256 k;
            fos_mx_scales(maxima ? _mm256_loadu_ps(maxima + 16 * s + 8 * g) : fos_group_max(p), m, &eg, &k);
            _mm256_storeu_si256((__m256i *)e[g], eg);
            // +0 (not −0) where e = 0: x · 0 keeps the sign, the reference's 0 does not.
            const __m256 keep = fos_floats(_mm256_cmpgt_epi32(eg, _mm256_setzero_si256()));
            __m256i w0 = _mm256_setzero_si256(), w1 = _mm256_setzero_si256();
#pragma clang loop unroll(disable)
            for (int j = 0; j < 8; j++) {
                __m128i shift = _mm_cvtsi32_si128(4 * j);
                __m256 yl = _mm256_and_ps(_mm256_mul_ps(_mm256_load_ps(p + 8 * j), k), keep);
                __m256 yh = _mm256_and_ps(_mm256_mul_ps(_mm256_load_ps(p + 8 * (j + 8)), k), keep);
                __m256i ql, qh;
                if (r) {
                    ql = fos_e2m1_stochastic(yl, _mm256_load_ps(r + 8 * j), NULL);
                    qh = fos_e2m1_stochastic(yh, _mm256_load_ps(r + 8 * (j + 8)), NULL);
                } else {
                    ql = fos_e2m1(yl, NULL, FOS_A_ANY);
                    qh = fos_e2m1(yh, NULL, FOS_A_ANY);
                }
                w0 = _mm256_add_epi32(w0, _mm256_sll_epi32(ql, shift));
                w1 = _mm256_add_epi32(w1, _mm256_sll_epi32(qh, shift));
            }
            fos_store_codes(codes + 128 * s + 32 * g, fos_unbias(w0), fos_unbias(w1));
        }
        // 32-value block j of the superblock is 16-value blocks 2j, 2j+1: lanes 0, 2 of group 0
        // (blocks 0–3), lanes 0, 2 of group 1 (4–7), lanes 4, 6 of group 0 (8–11), of group 1 (12–15).
        uint8_t *out = scales + 8 * s;
        out[0] = (uint8_t)e[0][0], out[1] = (uint8_t)e[0][2], out[2] = (uint8_t)e[1][0], out[3] = (uint8_t)e[1][2];
        out[4] = (uint8_t)e[0][4], out[5] = (uint8_t)e[0][6], out[6] = (uint8_t)e[1][4], out[7] = (uint8_t)e[1][6];
    }
}

FOS_AVX2 void fos_quantize_static_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                       const fos_block_constants *c, uint8_t *codes, uint8_t *scales) {
    fos_static_superblocks(staged, maxima, superblocks, c, codes, scales, 0, NULL);
}

FOS_AVX2 void fos_quantize_int4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                     const fos_block_constants *c, uint8_t *codes, uint8_t *scales) {
    fos_static_superblocks(staged, maxima, superblocks, c, codes, scales, 1, NULL);
}

FOS_AVX2 void fos_quantize_static_stochastic_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                                  const fos_block_constants *c, const float *noise, int int4,
                                                  uint8_t *codes, uint8_t *scales) {
    if (int4) {
        fos_static_superblocks(staged, maxima, superblocks, c, codes, scales, 1, noise);
    } else {
        fos_static_superblocks(staged, maxima, superblocks, c, codes, scales, 0, noise);
    }
}

// MARK: - NVFP4 4/6

/// One candidate's block errors, element e and e + 8 paired (ErrorReduction's order for 16
/// values: total = total + (err[k] + err[k+8]), k = 0…7), or their maximum.
FOS_INLINE __m256 fos_error_term(__m256 diff, int rule) {
    return rule == FOS_RULE_MSE ? _mm256_mul_ps(diff, diff) : fos_abs(diff);
}

/// The dequantized magnitude ((|q| · scale) · amax) / divisor of a rounded magnitude
/// |q| = m · 2^E (m ∈ {1, 1.5}): d1 = ((1 · scale) · amax) / divisor and d15 = ((1.5 · scale) ·
/// amax) / divisor computed per block, then d = (m == 1.5 ? d15 : d1) · 2^E. Exact: |q| · scale
/// is exact, and scaling by 2^E commutes with both roundings while nothing overflows or leaves
/// the normal range (the caller's amax range guarantees it). |q| = 0 gives 0.
FOS_INLINE __m256 fos_dequantized(__m256 magnitude, __m256 d1, __m256 d15) {
    __m256 sel = _mm256_blendv_ps(d1, d15, fos_floats(_mm256_slli_epi32(fos_bits(magnitude), 9)));
    return _mm256_mul_ps(sel, _mm256_and_ps(magnitude, fos_floats(_mm256_set1_epi32(0x7F800000))));
}

FOS_INLINE __m256 fos_int4_value(__m256 magnitude, const __m256 d[4]);
FOS_INLINE __m256i fos_if4_int(__m256 y, __m256 *magnitude);

/// One candidate of a group (multiplier k): FP4 (`int4` 0; d[0], d[1] the per-lane values of
/// fos_dequantized), rounded stochastically with `noise` when not NULL (else to nearest within
/// `range`, see fos_e2m1), or IF4's INT4 (`int4` 1; d[0…3] those of fos_int4_value). Returns its biased
/// code words (elements 0–7, 8–15) and block errors in ErrorReduction's order for 16 values —
/// total = total + (err[j] + err[j+8]), j = 0…7 — or their maximum (absMax).
FOS_INLINE __m256 fos_candidate(const float *p, __m256 k, const __m256 *d, int rule, int int4, __m256i *w0,
                                __m256i *w1, const float *noise, int range) {
    __m256i lo = _mm256_setzero_si256(), hi = lo;
    __m256 err = _mm256_setzero_ps();
    // A rolled loop on purpose: unrolled, LLVM schedules every element's first steps before any
    // element's last ones and spills most of them to the stack.
#pragma clang loop unroll(disable)
    for (int j = 0; j < 8; j++) {
        __m128i shift = _mm_cvtsi32_si128(4 * j);
        __m256 xl = _mm256_load_ps(p + 8 * j), xh = _mm256_load_ps(p + 8 * (j + 8)), ml, mh, vl, vh;
        __m256 yl = _mm256_mul_ps(xl, k), yh = _mm256_mul_ps(xh, k);
        __m256i ql, qh;
        if (noise) {  // FP4 only (the caller's contract)
            ql = fos_e2m1_stochastic(yl, _mm256_load_ps(noise + 8 * j), &ml);
            qh = fos_e2m1_stochastic(yh, _mm256_load_ps(noise + 8 * (j + 8)), &mh);
        } else {
            ql = int4 ? fos_if4_int(yl, &ml) : fos_e2m1(yl, &ml, range);
            qh = int4 ? fos_if4_int(yh, &mh) : fos_e2m1(yh, &mh, range);
        }
        lo = _mm256_add_epi32(lo, _mm256_sll_epi32(ql, shift));
        hi = _mm256_add_epi32(hi, _mm256_sll_epi32(qh, shift));
        vl = int4 ? fos_int4_value(ml, d) : fos_dequantized(ml, d[0], d[1]);
        vh = int4 ? fos_int4_value(mh, d) : fos_dequantized(mh, d[0], d[1]);
        __m256 tl = fos_error_term(_mm256_sub_ps(vl, fos_abs(xl)), rule);
        __m256 th = fos_error_term(_mm256_sub_ps(vh, fos_abs(xh)), rule);
        err = rule == FOS_RULE_ABS_MAX ? _mm256_max_ps(err, _mm256_max_ps(tl, th))
                                       : _mm256_add_ps(err, _mm256_add_ps(tl, th));
    }
    *w0 = lo;
    *w1 = hi;
    return err;
}

/// The per-group quantities of the 4/6 candidates (see FOS_BATCH).
typedef struct {
    __m256i code6, code4;
    __m256 k6, k4, d6[2], d4[2];
    int bounded;  // every lane's RN(bmax · k6) < 7 and RN(bmax · k4) < 4.5 (fos_e2m1's ranges)
} fos_four_over_six_scales;

/// Stochastic codes of a group with the per-lane multiplier k (the chosen candidate's).
FOS_INLINE void fos_stochastic_codes(const float *p, const float *r, __m256 k, __m256i *w0, __m256i *w1) {
    __m256i lo = _mm256_setzero_si256(), hi = lo;
#pragma clang loop unroll(disable)
    for (int j = 0; j < 8; j++) {
        __m128i shift = _mm_cvtsi32_si128(4 * j);
        __m256 yl = _mm256_mul_ps(_mm256_load_ps(p + 8 * j), k), yh = _mm256_mul_ps(_mm256_load_ps(p + 8 * (j + 8)), k);
        lo = _mm256_add_epi32(lo, _mm256_sll_epi32(fos_e2m1_stochastic(yl, _mm256_load_ps(r + 8 * j), NULL), shift));
        hi = _mm256_add_epi32(hi, _mm256_sll_epi32(fos_e2m1_stochastic(yh, _mm256_load_ps(r + 8 * (j + 8)), NULL), shift));
    }
    *w0 = lo;
    *w1 = hi;
}

/// `noise` NULL: round to nearest. Otherwise stochastic rounding with the noise staged like `x`:
/// `unbiased` 0 chooses 4 or 6 by the stochastically rounded candidates' errors (the reference's
/// behaviour), 1 by the nearest candidates' errors and then rounds the chosen one with the noise
/// (`Rounding.stochasticUnbiased`).
FOS_INLINE ptrdiff_t fos_four_over_six_superblocks(const float *x, const float *maxima, ptrdiff_t superblocks,
                                                   const fos_block_constants *c, uint8_t *codes, uint8_t *scales,
                                                   int rule, const float *noise, int unbiased) {
    const fos_vector_constants v = fos_broadcast(c);
    const __m256 m = v.m, enc = v.enc, dec = v.dec, amax = v.amax, divisor = v.divisor;
    const __m256 three_halves = _mm256_set1_ps(1.5f);
    ptrdiff_t alternatives = 0;
    fos_four_over_six_scales sc[2 * FOS_BATCH];
    __m256i byte[2 * FOS_BATCH];
    for (ptrdiff_t s0 = 0, n; s0 < superblocks; s0 += n) {
        n = fos_batch_size(superblocks, s0);
        for (ptrdiff_t g = 0; g < 2 * n; g++) {
            __m256 bmax;
            __m256 shp = fos_high_precision_scale(x + 256 * s0 + 128 * g, maxima ? maxima + 16 * s0 + 8 * g : NULL,
                                                  m, enc, &bmax);
            sc[g].code6 = fos_e4m3_code(shp);
            sc[g].code4 = fos_e4m3_code(_mm256_mul_ps(shp, three_halves));
            __m256 scale6 = fos_e4m3_value(sc[g].code6), scale4 = fos_e4m3_value(sc[g].code4);
            sc[g].k6 = fos_element_multiplier(dec, scale6);
            sc[g].k4 = fos_element_multiplier(dec, scale4);
            sc[g].bounded = fos_all_below(bmax, sc[g].k6, 7.0f) && fos_all_below(bmax, sc[g].k4, 4.5f);
            sc[g].d6[0] = _mm256_div_ps(_mm256_mul_ps(scale6, amax), divisor);
            sc[g].d6[1] = _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(scale6, three_halves), amax), divisor);
            sc[g].d4[0] = _mm256_div_ps(_mm256_mul_ps(scale4, amax), divisor);
            sc[g].d4[1] = _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(scale4, three_halves), amax), divisor);
        }
        for (ptrdiff_t g = 0; g < 2 * n; g++) {
            const float *p = x + 256 * s0 + 128 * g;
            const float *r = noise ? noise + 256 * s0 + 128 * g : NULL;
            const float *chooseWith = unbiased ? NULL : r;
            // One candidate after the other: half the live registers of interleaving them.
            __m256i w6_0, w6_1, w4_0, w4_1;
            __m256 err6, err4;
            if (!chooseWith && sc[g].bounded) {
                err6 = fos_candidate(p, sc[g].k6, sc[g].d6, rule, 0, &w6_0, &w6_1, NULL, FOS_A_BELOW_7);
                err4 = fos_candidate(p, sc[g].k4, sc[g].d4, rule, 0, &w4_0, &w4_1, NULL, FOS_A_BELOW_4_5);
            } else {
                err6 = fos_candidate(p, sc[g].k6, sc[g].d6, rule, 0, &w6_0, &w6_1, chooseWith, FOS_A_ANY);
                err4 = fos_candidate(p, sc[g].k4, sc[g].d4, rule, 0, &w4_0, &w4_1, chooseWith, FOS_A_ANY);
            }
            __m256i four = fos_bits(_mm256_cmp_ps(err4, err6, _CMP_LT_OQ));
            alternatives += __builtin_popcount((unsigned)_mm256_movemask_ps(fos_floats(four)));
            __m256i c0 = _mm256_blendv_epi8(w6_0, w4_0, four), c1 = _mm256_blendv_epi8(w6_1, w4_1, four);
            if (r && unbiased) fos_stochastic_codes(p, r, _mm256_blendv_ps(sc[g].k6, sc[g].k4, fos_floats(four)), &c0, &c1);
            fos_store_codes(codes + 128 * (s0 + g / 2) + 32 * (g & 1), fos_unbias(c0), fos_unbias(c1));
            byte[g] = _mm256_blendv_epi8(sc[g].code6, sc[g].code4, four);
        }
        for (ptrdiff_t i = 0; i < n; i++) fos_store_scales(scales + 16 * (s0 + i), byte[2 * i], byte[2 * i + 1]);
    }
    return alternatives;
}

// MARK: - NVFP4 4/6 with 16×16 tiles

/// One candidate of one row of the tiles of a group: the codes as fos_candidate, each element's
/// error added to the tiles' partial sums in ErrorReduction's order for 256 values (a tile's
/// 32 vectors of 8 in tile-row-major order, vector m into accumulator m mod 4): element e of tile
/// row t goes to accumulator 2·(t & 1) + (e ≥ 8), position e mod 8 — acc[8·a + position] — or to
/// the running maximum acc[0] (absMax).
FOS_INLINE void fos_tile_candidate(const float *p, __m256 k, const __m256 *d, int rule, int odd, __m256 *acc,
                                   __m256i *w0, __m256i *w1) {
    __m256i lo = _mm256_setzero_si256(), hi = lo;
    __m256 *al = acc + 16 * odd, *ah = acc + 16 * odd + 8;
#pragma clang loop unroll(disable)
    for (int j = 0; j < 8; j++) {
        __m128i shift = _mm_cvtsi32_si128(4 * j);
        __m256 xl = _mm256_load_ps(p + 8 * j), xh = _mm256_load_ps(p + 8 * (j + 8)), ml, mh;
        __m256i ql = fos_e2m1(_mm256_mul_ps(xl, k), &ml, FOS_A_ANY), qh = fos_e2m1(_mm256_mul_ps(xh, k), &mh, FOS_A_ANY);
        lo = _mm256_add_epi32(lo, _mm256_sll_epi32(ql, shift));
        hi = _mm256_add_epi32(hi, _mm256_sll_epi32(qh, shift));
        __m256 tl = fos_error_term(_mm256_sub_ps(fos_dequantized(ml, d[0], d[1]), fos_abs(xl)), rule);
        __m256 th = fos_error_term(_mm256_sub_ps(fos_dequantized(mh, d[0], d[1]), fos_abs(xh)), rule);
        if (rule == FOS_RULE_ABS_MAX) {
            acc[0] = _mm256_max_ps(acc[0], _mm256_max_ps(tl, th));
        } else {
            al[j] = _mm256_add_ps(al[j], tl);
            ah[j] = _mm256_add_ps(ah[j], th);
        }
    }
    *w0 = lo;
    *w1 = hi;
}

/// A tile's error from its partial sums: v[j] = ((acc[j] + acc[8+j]) + acc[16+j]) + acc[24+j],
/// then v[0] + v[1] + … + v[7] left to right (the maximum acc[0] for absMax).
FOS_INLINE __m256 fos_tile_error(const __m256 *acc, int rule) {
    if (rule == FOS_RULE_ABS_MAX) return acc[0];
    __m256 total = _mm256_setzero_ps();
    for (int j = 0; j < 8; j++) {
        __m256 v = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(acc[j], acc[8 + j]), acc[16 + j]), acc[24 + j]);
        total = _mm256_add_ps(total, v);
    }
    return total;
}

FOS_INLINE ptrdiff_t fos_four_over_six_tiles(const float *staged, ptrdiff_t stride, int rows, const float *maxima,
                                             ptrdiff_t superblocks, const fos_block_constants *c, int rule,
                                             uint8_t *codes, uint8_t *scales) {
    const fos_vector_constants v = fos_broadcast(c);
    const __m256 three_halves = _mm256_set1_ps(1.5f);
    ptrdiff_t alternatives = 0;
    __m256 acc6[32], acc4[32];
    __m256i w[16][4];
    for (ptrdiff_t s = 0; s < superblocks; s++) {
        __m256i byte[2];
        for (int g = 0; g < 2; g++) {
            __m256 shp = _mm256_mul_ps(_mm256_div_ps(_mm256_loadu_ps(maxima + 16 * s + 8 * g), v.m), v.enc);
            __m256i code6 = fos_e4m3_code(shp), code4 = fos_e4m3_code(_mm256_mul_ps(shp, three_halves));
            __m256 scale6 = fos_e4m3_value(code6), scale4 = fos_e4m3_value(code4);
            __m256 k6 = fos_element_multiplier(v.dec, scale6), k4 = fos_element_multiplier(v.dec, scale4);
            __m256 d6[2] = {_mm256_div_ps(_mm256_mul_ps(scale6, v.amax), v.divisor),
                            _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(scale6, three_halves), v.amax), v.divisor)};
            __m256 d4[2] = {_mm256_div_ps(_mm256_mul_ps(scale4, v.amax), v.divisor),
                            _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(scale4, three_halves), v.amax), v.divisor)};
            for (int i = 0; i < 32; i++) acc6[i] = acc4[i] = _mm256_setzero_ps();
            for (int t = 0; t < rows; t++) {
                const float *p = staged + t * stride + 256 * s + 128 * g;
                fos_tile_candidate(p, k6, d6, rule, t & 1, acc6, &w[t][0], &w[t][1]);
                fos_tile_candidate(p, k4, d4, rule, t & 1, acc4, &w[t][2], &w[t][3]);
            }
            __m256i four = fos_bits(_mm256_cmp_ps(fos_tile_error(acc4, rule), fos_tile_error(acc6, rule), _CMP_LT_OQ));
            alternatives += __builtin_popcount((unsigned)_mm256_movemask_ps(fos_floats(four)));
            for (int t = 0; t < rows; t++) {
                __m256i c0 = _mm256_blendv_epi8(w[t][0], w[t][2], four), c1 = _mm256_blendv_epi8(w[t][1], w[t][3], four);
                fos_store_codes(codes + 128 * (t * superblocks + s) + 32 * g, fos_unbias(c0), fos_unbias(c1));
            }
            byte[g] = _mm256_blendv_epi8(code6, code4, four);
        }
        fos_store_scales(scales + 16 * s, byte[0], byte[1]);
    }
    return alternatives;
}

FOS_AVX2 ptrdiff_t fos_quantize_four_over_six_tiles_avx2(const float *staged, ptrdiff_t stride, int rows,
                                                         const float *maxima, ptrdiff_t superblocks,
                                                         const fos_block_constants *c, int rule, uint8_t *codes,
                                                         uint8_t *scales) {
    switch (rule) {
    case FOS_RULE_MSE:
        return fos_four_over_six_tiles(staged, stride, rows, maxima, superblocks, c, FOS_RULE_MSE, codes, scales);
    case FOS_RULE_MAE:
        return fos_four_over_six_tiles(staged, stride, rows, maxima, superblocks, c, FOS_RULE_MAE, codes, scales);
    default:
        return fos_four_over_six_tiles(staged, stride, rows, maxima, superblocks, c, FOS_RULE_ABS_MAX, codes, scales);
    }
}

// MARK: - IF4 (FP4 or INT4 per block)

/// IF4's INT4 magnitude value (((|q| · scale) · amax) · 0.8571428571) / divisor of |q| = m · 2^E,
/// m ∈ {1, 1.25, 1.5, 1.75}: d[m] computed per block (m = 1, 1.25, 1.5, 1.75 in that order),
/// then times 2^E (exact, see fos_dequantized); |q| = 0 gives 0.
FOS_INLINE __m256 fos_int4_value(__m256 magnitude, const __m256 d[4]) {
    __m256i mb = fos_bits(magnitude);
    __m256 bit22 = fos_floats(_mm256_slli_epi32(mb, 9)), bit21 = fos_floats(_mm256_slli_epi32(mb, 10));
    __m256 low = _mm256_blendv_ps(d[0], d[2], bit22), high = _mm256_blendv_ps(d[1], d[3], bit22);
    __m256 sel = _mm256_blendv_ps(low, high, bit21);
    return _mm256_mul_ps(sel, _mm256_and_ps(magnitude, fos_floats(_mm256_set1_epi32(0x7F800000))));
}

/// IF4's INT4 code of y·1.16666666 (biased like fos_e2m1) and its magnitude |q|.
FOS_INLINE __m256i fos_if4_int(__m256 y, __m256 *magnitude) {
    const __m256 magic = _mm256_set1_ps(12582912.0f);  // 1.5 · 2^23: step 1
    __m256 t = _mm256_max_ps(_mm256_min_ps(_mm256_mul_ps(y, _mm256_set1_ps(1.16666666f)), _mm256_set1_ps(7.0f)),
                             _mm256_set1_ps(-7.0f));
    __m256i q = _mm256_sub_epi32(fos_bits(_mm256_add_ps(t, magic)), fos_bits(magic));
    *magnitude = _mm256_cvtepi32_ps(_mm256_abs_epi32(q));
    return _mm256_add_epi32(_mm256_and_si256(q, _mm256_set1_epi32(0xF)), _mm256_set1_epi32((int)FOS_E2M1_BIAS));
}

FOS_INLINE ptrdiff_t fos_if4_superblocks(const float *x, const float *maxima, ptrdiff_t superblocks,
                                         const fos_block_constants *c, uint8_t *codes, uint8_t *scales, int rule) {
    ptrdiff_t alternatives = 0;
    const fos_vector_constants v = fos_broadcast(c);
    const __m256 expand = _mm256_set1_ps(0.8571428571f);
    for (ptrdiff_t s = 0; s < superblocks; s++) {
        __m256i byte[2];
        for (int g = 0; g < 2; g++) {
            const float *p = x + 256 * s + 128 * g;
            const float *mg = maxima ? maxima + 16 * s + 8 * g : NULL;
            __m256i code = fos_e4m3_code(fos_high_precision_scale(p, mg, v.m, v.enc, NULL));
            __m256 scale = fos_e4m3_value(code), k = fos_element_multiplier(v.dec, scale);
            __m256 fp[2], d[4];
            fp[0] = _mm256_div_ps(_mm256_mul_ps(scale, v.amax), v.divisor);
            fp[1] = _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(scale, _mm256_set1_ps(1.5f)), v.amax), v.divisor);
            const float mantissas[4] = {1.0f, 1.25f, 1.5f, 1.75f};
            for (int i = 0; i < 4; i++) {
                __m256 qs = _mm256_mul_ps(_mm256_set1_ps(mantissas[i]), scale);
                d[i] = _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(qs, v.amax), expand), v.divisor);
            }
            __m256i wf0, wf1, wi0, wi1;
            __m256 err_fp = fos_candidate(p, k, fp, rule, 0, &wf0, &wf1, NULL, FOS_A_ANY);
            __m256 err_int = fos_candidate(p, k, d, rule, 1, &wi0, &wi1, NULL, FOS_A_ANY);
            __m256i use_int = fos_bits(_mm256_cmp_ps(err_int, err_fp, _CMP_LT_OQ));
            alternatives += __builtin_popcount((unsigned)_mm256_movemask_ps(fos_floats(use_int)));
            fos_store_codes(codes + 128 * s + 32 * g, fos_unbias(_mm256_blendv_epi8(wf0, wi0, use_int)),
                            fos_unbias(_mm256_blendv_epi8(wf1, wi1, use_int)));
            byte[g] = _mm256_or_si256(code, _mm256_and_si256(use_int, _mm256_set1_epi32(128)));
        }
        fos_store_scales(scales + 16 * s, byte[0], byte[1]);
    }
    return alternatives;
}

FOS_AVX2 ptrdiff_t fos_quantize_if4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                         const fos_block_constants *c, int rule, uint8_t *codes, uint8_t *scales) {
    switch (rule) {
    case FOS_RULE_MSE: return fos_if4_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MSE);
    case FOS_RULE_MAE: return fos_if4_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MAE);
    default: return fos_if4_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_ABS_MAX);
    }
}

FOS_AVX2 ptrdiff_t fos_quantize_four_over_six_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                                   const fos_block_constants *c, int rule, uint8_t *codes,
                                                   uint8_t *scales) {
    switch (rule) {
    case FOS_RULE_MSE:
        return fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MSE, NULL, 0);
    case FOS_RULE_MAE:
        return fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MAE, NULL, 0);
    default:
        return fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_ABS_MAX, NULL,
                                             0);
    }
}

FOS_AVX2 ptrdiff_t fos_quantize_four_over_six_stochastic_avx2(const float *staged, const float *maxima,
                                                              ptrdiff_t superblocks, const fos_block_constants *c,
                                                              int rule, const float *noise, int unbiased,
                                                              uint8_t *codes, uint8_t *scales) {
    switch (rule) {
    case FOS_RULE_MSE:
        return unbiased ? fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MSE,
                                                        noise, 1)
                        : fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MSE,
                                                        noise, 0);
    case FOS_RULE_MAE:
        return unbiased ? fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MAE,
                                                        noise, 1)
                        : fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales, FOS_RULE_MAE,
                                                        noise, 0);
    default:
        return unbiased ? fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales,
                                                        FOS_RULE_ABS_MAX, noise, 1)
                        : fos_four_over_six_superblocks(staged, maxima, superblocks, c, codes, scales,
                                                        FOS_RULE_ABS_MAX, noise, 0);
    }
}

#else

ptrdiff_t fos_quantize_if4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                const fos_block_constants *c, int rule, uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)rule; (void)codes; (void)scales; __builtin_trap();
}
void fos_quantize_mxfp4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                             const fos_block_constants *c, const float *noise, uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)noise; (void)codes; (void)scales; __builtin_trap();
}
ptrdiff_t fos_quantize_four_over_six_tiles_avx2(const float *staged, ptrdiff_t stride, int rows,
                                                const float *maxima, ptrdiff_t superblocks,
                                                const fos_block_constants *c, int rule, uint8_t *codes,
                                                uint8_t *scales) {
    (void)staged; (void)stride; (void)rows; (void)maxima; (void)superblocks; (void)c; (void)rule; (void)codes;
    (void)scales; __builtin_trap();
}
void fos_raise_to_block_maxima_avx2(const float *staged, ptrdiff_t superblocks, float *maxima) {
    (void)staged; (void)superblocks; (void)maxima; __builtin_trap();
}
float fos_max_abs_avx2(const float *p, ptrdiff_t n) {
    (void)p; (void)n; __builtin_trap();
}
void fos_stage_transposed_avx2(const void *src, int kind, ptrdiff_t row_stride, ptrdiff_t c0, ptrdiff_t r0,
                               int rows, float *dst, ptrdiff_t stride, ptrdiff_t prefetch) {
    (void)src; (void)kind; (void)row_stride; (void)c0; (void)r0; (void)rows; (void)dst; (void)stride; (void)prefetch;
    __builtin_trap();
}
void fos_rht_staged_avx2(float *staged, ptrdiff_t superblocks) {
    (void)staged; (void)superblocks; __builtin_trap();
}
float fos_rht_staged_max_avx2(const float *staged, ptrdiff_t superblocks) {
    (void)staged; (void)superblocks; __builtin_trap();
}
uint16_t fos_max_magnitude16_avx2(const uint16_t *p, ptrdiff_t n) {
    (void)p; (void)n; __builtin_trap();
}
void fos_stage_bf16_avx2(const uint16_t *src, ptrdiff_t superblocks, float *dst, float *maxima) {
    (void)src; (void)superblocks; (void)dst; (void)maxima; __builtin_trap();
}
void fos_stage_f16_avx2(const uint16_t *src, ptrdiff_t superblocks, float *dst, float *maxima) {
    (void)src; (void)superblocks; (void)dst; (void)maxima; __builtin_trap();
}
void fos_stage_f32_avx2(const float *src, ptrdiff_t superblocks, float *dst) {
    (void)src; (void)superblocks; (void)dst; __builtin_trap();
}
void fos_quantize_static_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                              const fos_block_constants *c, uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)codes; (void)scales; __builtin_trap();
}
void fos_quantize_int4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                            const fos_block_constants *c, uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)codes; (void)scales; __builtin_trap();
}
void fos_quantize_static_stochastic_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                         const fos_block_constants *c, const float *noise, int int4,
                                         uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)noise; (void)int4; (void)codes; (void)scales;
    __builtin_trap();
}
ptrdiff_t fos_quantize_four_over_six_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                          const fos_block_constants *c, int rule, uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)rule; (void)codes; (void)scales; __builtin_trap();
}
ptrdiff_t fos_quantize_four_over_six_stochastic_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                                     const fos_block_constants *c, int rule, const float *noise,
                                                     int unbiased, uint8_t *codes, uint8_t *scales) {
    (void)staged; (void)maxima; (void)superblocks; (void)c; (void)rule; (void)noise; (void)unbiased; (void)codes;
    (void)scales; __builtin_trap();
}

#endif
