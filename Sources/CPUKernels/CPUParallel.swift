// Deterministic row-parallel loops (ggml's ith/nth split) on Dispatch's worker threads.
//
// Promises: `parallelFor(count, threads:)` calls `body` once for each of min(threads, count)
// contiguous, non-overlapping ranges that together cover 0..<count, in increasing order of
// index; range i is `count·i/n ..< count·(i+1)/n`, a pure function of (count, n). It returns
// after every call has finished. Results that a caller merges per range index are therefore
// the same for any scheduling; results that only depend on the element (all the kernels
// here) are the same for any thread count.

import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum CPUParallel {
    /// The number of processors currently online (at least 1).
    public static var defaultThreadCount: Int {
        #if canImport(Glibc) || canImport(Darwin)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }

    /// Range `index` of `parts` in the deterministic split of 0..<count.
    @inlinable
    public static func range(_ index: Int, of parts: Int, count: Int) -> Range<Int> {
        (count * index / parts)..<(count * (index + 1) / parts)
    }

    /// Runs `body` over a deterministic split of 0..<count into min(threads, count) contiguous
    /// ranges, concurrently; returns when all are done. With one range it runs inline.
    public static func parallelFor(_ count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        parallelChunks(count, threads: threads) { _, range in body(range) }
    }

    /// Like `parallelFor`, also passing the index of the range (0..<parts) so that callers can
    /// keep per-range results and merge them in index order. Returns the number of ranges.
    @discardableResult
    public static func parallelChunks(
        _ count: Int, threads: Int,
        _ body: @Sendable (_ index: Int, _ range: Range<Int>) -> Void
    ) -> Int {
        guard count > 0 else { return 0 }
        let parts = max(1, min(threads, count))
        if parts == 1 {
            body(0, 0..<count)
            return 1
        }
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            body(i, range(i, of: parts, count: count))
        }
        return parts
    }

    /// Threads worth using for `work` elements: small tensors run on one thread, since waking
    /// workers costs more than they save (about 10–30 µs per call measured here).
    @inlinable
    public static func effectiveThreads(_ requested: Int, work: Int, minimumPerThread: Int = 1 << 15) -> Int {
        max(1, min(requested, work / minimumPerThread))
    }
}
