// Pointers that may cross into `CPUParallel` worker closures.
//
// Promises: nothing beyond carrying the address; every caller has each worker write a
// disjoint part of the buffer (ggml's ith/nth discipline), and reads are of data no worker
// writes.

struct SendableMutablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { self.p = p }
}

struct SendablePointerF: @unchecked Sendable {
    let p: UnsafePointer<Float>
    init(_ p: UnsafePointer<Float>) { self.p = p }
}

struct SendableTargets: @unchecked Sendable {
    let p: UnsafePointer<Int32>
    init(_ p: UnsafePointer<Int32>) { self.p = p }
}
