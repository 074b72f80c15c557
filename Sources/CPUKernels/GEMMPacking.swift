// Packed GEMM operands: the right-hand matrix in micro-kernel panels (`PackedMatrix`, packed
// once and reused — model weights), and the per-call packing of the left-hand matrix.
//
// Promises: a `PackedMatrix` holds op(B) `[k, n]` as `ceil(n/nr)` panels of `[k][nr]` floats,
// zero-padded past column n, 64-byte aligned, for the kernel it was packed for; it is
// immutable after init and safe to share between threads. `packA` lays rows
// `[mc, kc]` of A out as `ceil(mc/mr)` panels of `[kc][mr]`, zero-padded past row mc.

public final class PackedMatrix: @unchecked Sendable {
    /// Rows of op(B) (the reduction dimension).
    public let k: Int
    /// Columns of op(B) (columns of C).
    public let n: Int
    /// The kernel whose panel width the layout uses.
    public let kernel: GEMMKernel
    /// `[panels][k][nr]`.
    let storage: UnsafeMutablePointer<Float>
    var panels: Int { (n + kernel.nr - 1) / kernel.nr }

    /// Packs op(B): `b` is `[k, n]` row-major with row stride `ldb` when `transposed` is false,
    /// or `[n, k]` (op(B) = Bᵀ, e.g. a Linear weight `[out, in]`) when it is true.
    public init(
        _ b: UnsafePointer<Float>, ldb: Int, k: Int, n: Int, transposed: Bool,
        kernel: GEMMKernel = .selected
    ) {
        precondition(k >= 0 && n >= 0, "negative GEMM dimension")
        precondition(ldb >= (transposed ? k : n) || (k == 0 || n == 0), "ldb smaller than a row")
        self.k = k
        self.n = n
        self.kernel = kernel
        let nr = kernel.nr
        let panels = (n + nr - 1) / nr
        let count = max(panels * k * nr, 1)
        storage = UnsafeMutableRawPointer.allocate(byteCount: count * 4, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
        storage.initialize(repeating: 0, count: count)
        for p in 0..<panels {
            let j0 = p * nr, width = min(nr, n - j0)
            let dst = storage + p * k * nr
            if transposed {
                for j in 0..<width {
                    let src = b + (j0 + j) * ldb
                    for kk in 0..<k { dst[kk * nr + j] = src[kk] }
                }
            } else {
                for kk in 0..<k {
                    let src = b + kk * ldb + j0
                    let row = dst + kk * nr
                    for j in 0..<width { row[j] = src[j] }
                }
            }
        }
    }

    /// Packs a Linear weight `[out, in]` row-major as op(B) = Wᵀ (`k = in`, `n = out`), so that
    /// `X[m, in] · Wᵀ` is `GEMM.multiply(… b: packed …)`.
    public convenience init(
        linearWeight w: [Float], outFeatures: Int, inFeatures: Int,
        kernel: GEMMKernel = .selected
    ) {
        precondition(
            w.count == outFeatures * inFeatures, "weight has \(w.count) elements, expected \(outFeatures)×\(inFeatures)"
        )
        self.init(w, outFeatures: outFeatures, inFeatures: inFeatures, kernel: kernel)
    }

    private convenience init(_ w: [Float], outFeatures: Int, inFeatures: Int, kernel: GEMMKernel) {
        // Arrays of size 0 have no base address; a dummy pointer is never read then.
        let dummy: [Float] = [0]
        if w.isEmpty {
            self.init(dummy, ldb: max(inFeatures, 1), k: inFeatures, n: outFeatures, transposed: true, kernel: kernel)
        } else {
            self.init(w, ldb: inFeatures, k: inFeatures, n: outFeatures, transposed: true, kernel: kernel)
        }
    }

    deinit { storage.deallocate() }

    /// op(B) `[k, n]` row-major, read back from the panels.
    public func unpacked() -> [Float] {
        var out = [Float](repeating: 0, count: k * n)
        let nr = kernel.nr
        for j in 0..<n {
            let src = storage + (j / nr) * k * nr + j % nr
            for kk in 0..<k { out[kk * n + j] = src[kk * nr] }
        }
        return out
    }

    /// The start of panel `p` at reduction step `k0`.
    @inline(__always)
    func panel(_ p: Int, at k0: Int) -> UnsafePointer<Float> {
        UnsafePointer(storage + (p * k + k0) * kernel.nr)
    }
}

/// Packs rows `[0, mc)` and columns `[0, kc)` of `a` (row stride `lda`) into `ceil(mc/mr)`
/// panels of `[kc][mr]`, zero-padding missing rows.
@inline(__always)
func packA(_ a: UnsafePointer<Float>, lda: Int, mc: Int, kc: Int, mr: Int, into dst: UnsafeMutablePointer<Float>) {
    let panels = (mc + mr - 1) / mr
    for p in 0..<panels {
        let base = dst + p * kc * mr
        let rows = min(mr, mc - p * mr)
        for r in 0..<rows {
            let src = a + (p * mr + r) * lda
            for kk in 0..<kc { base[kk * mr + r] = src[kk] }
        }
        if rows < mr {
            for kk in 0..<kc {
                for r in rows..<mr { base[kk * mr + r] = 0 }
            }
        }
    }
}
