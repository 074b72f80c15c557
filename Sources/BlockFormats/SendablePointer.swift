// The one wrapper that lets a pointer cross into worker closures (`CPUParallel`, GCD).
//
// Promises: nothing beyond carrying the pointer. Every user has each worker write a
// disjoint part of the memory (and read only memory no worker writes) — that discipline,
// not the type system, is what makes sharing it safe.

/// An unsafe pointer (or buffer pointer) marked Sendable; `p` is the pointer itself.
public struct SendablePointer<Pointer>: @unchecked Sendable {
    public let p: Pointer

    @inlinable
    public init(_ p: Pointer) { self.p = p }
}
