// CPUKernelsISA: instruction-set-specific C kernels, chosen at run time.
//
// Promises: nothing here is compiled with global ISA flags; each fast function carries its
// own `target(...)` attribute and may be called only when `fos_cpu_has_avx2_fma()` returns 1.
// The package stays buildable and runnable on baseline x86-64 and on other architectures
// (there the query returns 0 and the kernels are stubs that must not be called).

#ifndef FOS_CPU_KERNELS_ISA_H
#define FOS_CPU_KERNELS_ISA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when the CPU (and OS) support AVX2 and FMA3, else 0.
int fos_cpu_has_avx2_fma(void);

/// 1 when the CPU (and OS) support AVX2, FMA3 and F16C (the block-quantization kernels), else 0.
int fos_cpu_has_avx2_fma_f16c(void);

/// Rows and columns of the AVX2 GEMM micro-tile.
enum { FOS_SGEMM_AVX2_MR = 6, FOS_SGEMM_AVX2_NR = 16 };

/// C[0..<mr, 0..<nr] (+)= A·B for one micro-tile, with AVX2 + FMA.
///
/// - `a`: packed A panel, `kc` steps of 6 floats (rows 0..5 of column k), 4-byte aligned.
/// - `b`: packed B panel, `kc` steps of 16 floats (columns 0..15 of row k), 32-byte aligned.
/// - `c`: the tile's first element; rows are `ldc` floats apart.
/// - `mr` ≤ 6, `nr` ≤ 16: the part of the tile that exists (rows/columns past them are
///   padding in the panels and are not written).
/// - `accumulate`: 0 stores A·B, 1 adds it to C.
/// Every element is Σ_k a·b accumulated in k order with fused multiply-adds, starting at 0.
void fos_sgemm_kernel_avx2_6x16(ptrdiff_t kc, const float *a, const float *b, float *c, ptrdiff_t ldc,
                                int mr, int nr, int accumulate);

/// Like `fos_sgemm_kernel_avx2_6x16`, reading A in place: row r of the tile is `a + r·lda`
/// (`kc` consecutive floats); rows past `mr` are not read.
void fos_sgemm_kernel_avx2_6x16_rows(ptrdiff_t kc, const float *a, ptrdiff_t lda, const float *b, float *c,
                                     ptrdiff_t ldc, int mr, int nr, int accumulate);

// MARK: - Block quantization (QuantizeAVX2.c, DequantizeAVX2.c)
//
// A "superblock" is 16 consecutive 16-value blocks (256 values) of a row. Staged, it is two
// groups of 16 vectors of 8 floats; vector e of group g holds element e of blocks
// 4g + (l & 3) + 8·(l >> 2) in lanes l = 0…7 (blocks 0–3, 8–11 | 4–7, 12–15). Staged buffers
// are 32-byte aligned. The quantization kernels read `superblocks` staged superblocks and write,
// per superblock, 128 code bytes (block b's 8 nibble-packed bytes at 8b, element 2j in the low
// nibble of byte j) and 16 scale bytes (block b's at b). Codes, scale bytes and the 4/6 choice
// are bit-identical with the scalar reference (`ReferenceBlock.quantize`, round to nearest) for
// every finite input, provided the caller only passes tensors whose context is not degenerate
// (`needsScalarPath` false, amax > 0) and, for 4/6 and IF4, an amax in [2^-100, 2^100].

/// Per-tensor constants (spec §3), as `TensorQuantizationContext` computes them.
typedef struct {
    float max_value;            // M
    float encode_scale;         // M·S / amax
    float inverse_encode_scale; // 1 / encode_scale
    float amax;
    float product;              // M·S: the divisor of the 4/6 dequantization
} fos_block_constants;

enum { FOS_RULE_MSE = 0, FOS_RULE_MAE = 1, FOS_RULE_ABS_MAX = 2 };

/// The largest of the n values `p[i] & 0x7FFF` (magnitude bit patterns of BF16 or F16 values).
uint16_t fos_max_magnitude16_avx2(const uint16_t *p, ptrdiff_t n);

/// max |p[i]| over n finite floats.
float fos_max_abs_avx2(const float *p, ptrdiff_t n);

/// Stages `superblocks` × 256 consecutive BF16 / F16 / F32 values (exact widening). The 16-bit
/// stagings also write, when `maxima` is not NULL, each superblock's 16 block maxima max |x| as 16
/// floats in the staged lane order (group 0's 8 lanes, then group 1's) at maxima + 16·s.
void fos_stage_bf16_avx2(const uint16_t *src, ptrdiff_t superblocks, float *dst, float *maxima);
void fos_stage_f16_avx2(const uint16_t *src, ptrdiff_t superblocks, float *dst, float *maxima);
void fos_stage_f32_avx2(const float *src, ptrdiff_t superblocks, float *dst);

/// Stages one superblock of a full transposed panel: quantized rows r0 + i (i < rows, a multiple
/// of 8) of a transposed tensor are source columns r0 + i, and the superblock covers source
/// rows c0 … c0 + 255 (all of them, and all `rows` columns, inside the source). `kind`: 0 F32,
/// 1 BF16, 2 F16; `row_stride`: source columns; quantized row i is staged at dst + i·stride.
/// The first `prefetch` (≤ 256) source rows after the superblock are prefetched.
void fos_stage_transposed_avx2(const void *src, int kind, ptrdiff_t row_stride, ptrdiff_t c0, ptrdiff_t r0,
                               int rows, float *dst, ptrdiff_t stride, ptrdiff_t prefetch);

/// MXFP4 (static_6 / static_4 by `c->max_value`): 32-value blocks (16-value blocks 2j, 2j+1 of the
/// staged superblock) with UE8M0 scales; writes 128 code bytes and 8 scale bytes per superblock.
/// `maxima` are the 16-value block maxima as the stagings write them (or NULL); `noise` (NULL:
/// round to nearest) is the staged stochastic-rounding noise. Bit-identical with the reference
/// (`ReferenceBlock.quantize`, .mxfp4) for every finite input.
void fos_quantize_mxfp4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                             const fos_block_constants *c, const float *noise, uint8_t *codes, uint8_t *scales);

/// NVFP4 4/6 with 16×16 tiles: `rows` (≤ 16) staged rows, `stride` floats apart, of `superblocks`
/// superblocks each, whose 16 rows share each block's scale and 6-or-4 choice; `maxima` holds the
/// tile maxima (fos_raise_to_block_maxima_avx2). The choice compares the tiles' errors summed in
/// the reference's order for 256 values (rows past `rows` are the reference's zero padding: they
/// add nothing). Writes row t's 128 code bytes of superblock s at codes + 128·(t·superblocks + s)
/// and the 16 scale bytes of superblock s (every row's) at scales + 16·s; returns the tiles that
/// chose 4. Same amax range as fos_quantize_four_over_six_avx2.
ptrdiff_t fos_quantize_four_over_six_tiles_avx2(const float *staged, ptrdiff_t stride, int rows,
                                                const float *maxima, ptrdiff_t superblocks,
                                                const fos_block_constants *c, int rule, uint8_t *codes,
                                                uint8_t *scales);

/// maxima[i] = max(maxima[i], block maximum max |x| i) for the 16·superblocks blocks of `superblocks`
/// staged superblocks, in the staged lane order of the 16-bit stagings' maxima: raised row by row,
/// a 2-D tile's rows leave the tile maxima.
void fos_raise_to_block_maxima_avx2(const float *staged, ptrdiff_t superblocks, float *maxima);

/// The 16-point random Hadamard transform (spec §2) of every block of `superblocks` staged
/// superblocks, in place, bit-identical with `RandomHadamard.transform` (each output the float32
/// sum of its 16 products in index order, rounded to BF16).
void fos_rht_staged_avx2(float *staged, ptrdiff_t superblocks);

/// max |y| over the RHT outputs of `superblocks` staged superblocks, rounded to BF16 (the
/// largest magnitude `fos_rht_staged_avx2` would leave there); `staged` is not changed.
float fos_rht_staged_max_avx2(const float *staged, ptrdiff_t superblocks);

/// NVFP4 static6/static4 (E2M1 codes) and NVINT4 (INT4 codes) with E4M3 block scales. Every
/// quantization kernel takes the block maxima of the staging (`maxima`, as the 16-bit stagings
/// write them) or NULL to compute them from the staged values.
void fos_quantize_static_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                              const fos_block_constants *c, uint8_t *codes, uint8_t *scales);
void fos_quantize_int4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                            const fos_block_constants *c, uint8_t *codes, uint8_t *scales);

/// `fos_quantize_static_avx2` (`int4` 0) or `fos_quantize_int4_avx2` (`int4` 1) with stochastic
/// rounding: `noise` holds each value's noise in `staged`'s layout (StochasticNoise values staged
/// like the values); LaneCodecs' stochastic `e2m1` / `int4`, bit for bit.
void fos_quantize_static_stochastic_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                         const fos_block_constants *c, const float *noise, int int4,
                                         uint8_t *codes, uint8_t *scales);

/// IF4 (M = 6, S = 448) with rule FOS_RULE_*: FP4 or INT4 per block, the choice in bit 7 of the
/// scale byte; returns the number of INT4 blocks.
ptrdiff_t fos_quantize_if4_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                const fos_block_constants *c, int rule, uint8_t *codes, uint8_t *scales);

/// NVFP4 4/6 with rule FOS_RULE_*; returns the number of blocks that chose the 4 candidate.
ptrdiff_t fos_quantize_four_over_six_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                          const fos_block_constants *c, int rule, uint8_t *codes, uint8_t *scales);

/// `fos_quantize_four_over_six_avx2` with stochastic rounding (`noise` staged like the values):
/// `unbiased` 0 chooses 4 or 6 by the stochastically rounded candidates' errors, 1 by the nearest
/// candidates' errors and then rounds the chosen candidate with the noise — the row kernels'
/// StochasticRounding and StochasticRoundingNearestChoice, bit for bit.
ptrdiff_t fos_quantize_four_over_six_stochastic_avx2(const float *staged, const float *maxima, ptrdiff_t superblocks,
                                                     const fos_block_constants *c, int rule, const float *noise,
                                                     int unbiased, uint8_t *codes, uint8_t *scales);

// MARK: - Dequantization (DequantizeAVX2.c)
//
// One row: `groups` groups of 16 codes (8 nibble-packed bytes each, element 2j in the low nibble
// of byte j); group i's scale byte is scales[i >> scale_shift] (0 for 16-value blocks, 1 for
// 32-value blocks). Every output is the table entry of its (scale byte, code): `table` holds 16
// floats per scale byte (256 × 16), `table16` per scale byte the 16 low bytes then the 16 high
// bytes of 16 BF16 values (256 × 32 bytes). Only the entries of scale bytes that occur are read.
// `streaming` 1 writes `out` (then 16-byte aligned, rows of a multiple of 8 values) with
// non-temporal stores.
void fos_dequantize_f32_avx2(const uint8_t *codes, const uint8_t *scales, ptrdiff_t groups, int scale_shift,
                             const float *table, float *out, int streaming);
void fos_dequantize_bf16_avx2(const uint8_t *codes, const uint8_t *scales, ptrdiff_t groups, int scale_shift,
                              const uint8_t *table16, uint16_t *out, int streaming);

/// Quantization error of one row of `groups` 16-value groups (codes, scale bytes and `table` as
/// above) against the row's source values `x` (`kind`: 0 F32, 1 BF16, 2 F16): for each
/// consecutive 8-value vector in order, err[l] += (x̂ − x)² and energy[l] += x² in lane l (the
/// products rounded, then added: no fused multiply-add). `err` and `energy` are 8 floats, in and out.
void fos_row_error_sums_avx2(const void *x, int kind, const uint8_t *codes, const uint8_t *scales,
                             ptrdiff_t groups, int scale_shift, const float *table, float *err, float *energy);

// MARK: - Stochastic-rounding noise (NoiseAVX2.c)

/// out[j] = StochasticNoise.value(key: key, index: first + j) for j < count (AVX2; bit-identical).
void fos_stochastic_noise_avx2(uint64_t key, uint64_t first, ptrdiff_t count, float *out);

#ifdef __cplusplus
}
#endif

#endif
