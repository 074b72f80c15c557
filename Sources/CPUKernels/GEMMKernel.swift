// The SGEMM micro-kernels and their run-time selection.
//
// Promises: `GEMMKernel.selected` is `.avx2FMA` (the 6×16 C kernel of CPUKernelsISA) when the
// CPU has AVX2 and FMA3, else `.portable` (a 6×8 Swift SIMD4 kernel that compiles to baseline
// SSE2: `acc += a * b`, never `addProduct`, which calls `fmaf` per lane there). Setting
// FOUROVERSIX_GEMM_KERNEL=portable forces the portable kernel. Both kernels compute each
// C element as a sum over k in increasing order, starting from 0, and add it to C or store
// it; they differ only in rounding (the AVX2 kernel fuses multiply and add).

import CPUKernelsISA

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum GEMMKernel: String, Sendable, CaseIterable {
    /// 6×16 tiles, AVX2 + FMA3, selected at run time.
    case avx2FMA = "avx2-fma"
    /// 6×8 tiles, portable Swift SIMD (SSE2 on baseline x86-64).
    case portable

    /// The fastest kernel this CPU runs (or the one FOUROVERSIX_GEMM_KERNEL names).
    public static let selected: GEMMKernel = {
        if let forced = getenv("FOUROVERSIX_GEMM_KERNEL").map({ String(cString: $0) }),
            let kernel = GEMMKernel(rawValue: forced), kernel.isAvailable
        {
            return kernel
        }
        return GEMMKernel.avx2FMA.isAvailable ? .avx2FMA : .portable
    }()

    /// Whether this CPU can run the kernel.
    public var isAvailable: Bool {
        switch self {
        case .avx2FMA: return fos_cpu_has_avx2_fma() != 0
        case .portable: return true
        }
    }

    /// Rows of a C micro-tile (and of a packed A panel).
    public var mr: Int { 6 }
    /// Columns of a C micro-tile (and of a packed B panel).
    public var nr: Int { self == .avx2FMA ? 16 : 8 }

    /// C tile (+)= A rows read in place (`a + r·lda`) · B panel; AVX2 only (the portable
    /// kernel always reads packed A).
    @inline(__always)
    func runInPlaceA(
        _ kc: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ mr: Int, _ nr: Int, _ accumulate: Bool
    ) {
        precondition(self == .avx2FMA)
        fos_sgemm_kernel_avx2_6x16_rows(kc, a, lda, b, c, ldc, Int32(mr), Int32(nr), accumulate ? 1 : 0)
    }

    /// C tile (+)= A panel · B panel over `kc` steps; only the `mr × nr` part that exists is written.
    @inline(__always)
    func run(
        _ kc: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
        _ ldc: Int, _ mr: Int, _ nr: Int, _ accumulate: Bool
    ) {
        switch self {
        case .avx2FMA:
            fos_sgemm_kernel_avx2_6x16(kc, a, b, c, ldc, Int32(mr), Int32(nr), accumulate ? 1 : 0)
        case .portable:
            portableKernel6x8(kc, a, b, c, ldc, mr, nr, accumulate)
        }
    }
}

private typealias V4 = SIMD4<Float>

/// The portable 6×8 micro-kernel: 12 SIMD4 accumulators (C rows 0…5, columns 0…3 and 4…7).
/// `a`: `kc` steps of 6 floats; `b`: `kc` steps of 8 floats, 16-byte aligned.
@inline(never)
func portableKernel6x8(
    _ kc: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
    _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ mr: Int, _ nr: Int, _ accumulate: Bool
) {
    var c00 = V4(), c01 = V4(), c10 = V4(), c11 = V4(), c20 = V4(), c21 = V4()
    var c30 = V4(), c31 = V4(), c40 = V4(), c41 = V4(), c50 = V4(), c51 = V4()
    var pa = a
    var pb = UnsafeRawPointer(b)
    for _ in 0..<kc {
        let b0 = pb.load(as: V4.self), b1 = pb.load(fromByteOffset: 16, as: V4.self)
        var t = V4(repeating: pa[0]); c00 += t * b0; c01 += t * b1
        t = V4(repeating: pa[1]); c10 += t * b0; c11 += t * b1
        t = V4(repeating: pa[2]); c20 += t * b0; c21 += t * b1
        t = V4(repeating: pa[3]); c30 += t * b0; c31 += t * b1
        t = V4(repeating: pa[4]); c40 += t * b0; c41 += t * b1
        t = V4(repeating: pa[5]); c50 += t * b0; c51 += t * b1
        pa += 6
        pb += 32
    }
    @inline(__always) func store(_ r: Int, _ x: V4, _ y: V4) {
        guard r < mr else { return }
        let row = c + r * ldc
        if nr == 8 {
            let raw = UnsafeMutableRawPointer(row)
            if accumulate {
                raw.storeBytes(of: raw.loadUnaligned(as: V4.self) + x, as: V4.self)
                raw.storeBytes(
                    of: raw.loadUnaligned(fromByteOffset: 16, as: V4.self) + y, toByteOffset: 16, as: V4.self)
            } else {
                raw.storeBytes(of: x, as: V4.self)
                raw.storeBytes(of: y, toByteOffset: 16, as: V4.self)
            }
        } else {
            for j in 0..<nr {
                let v = j < 4 ? x[j] : y[j - 4]
                row[j] = accumulate ? row[j] + v : v
            }
        }
    }
    store(0, c00, c01); store(1, c10, c11); store(2, c20, c21)
    store(3, c30, c31); store(4, c40, c41); store(5, c50, c51)
}
