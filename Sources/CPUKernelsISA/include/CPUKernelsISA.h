// CPUKernelsISA: instruction-set-specific C kernels, chosen at run time.
//
// Promises: nothing here is compiled with global ISA flags; each fast function carries its
// own `target(...)` attribute and may be called only when `fos_cpu_has_avx2_fma()` returns 1.
// The package stays buildable and runnable on baseline x86-64 and on other architectures
// (there the query returns 0 and the kernels are stubs that must not be called).

#ifndef FOS_CPU_KERNELS_ISA_H
#define FOS_CPU_KERNELS_ISA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when the CPU (and OS) support AVX2 and FMA3, else 0.
int fos_cpu_has_avx2_fma(void);

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

#ifdef __cplusplus
}
#endif

#endif
