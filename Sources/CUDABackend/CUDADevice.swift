// One CUDA device opened through the driver API: its primary context, memory, kernel launches,
// events, and the compiled kernel modules.
//
// Promises: `CUDADevice.open()` loads libcuda and NVRTC at run time and returns a value, never
// crashes; every later driver call is checked and throws `CUDAError`. All work runs on the
// legacy default stream, in call order, under one recursive lock per device, with the primary
// context made current on the calling thread first — so the object may be shared between
// threads. Device memory is freed when its `DeviceBuffer` is released.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class CUDADevice: @unchecked Sendable {
    /// The GPU's name as the driver reports it, e.g. "NVIDIA H200".
    public let name: String
    public let ordinal: Int
    /// Compute capability, e.g. (9, 0) for Hopper.
    public let computeCapability: (major: Int, minor: Int)
    public let multiprocessorCount: Int
    public let totalMemoryBytes: Int
    /// The driver's CUDA version as an integer (e.g. 13000 for 13.0).
    public let driverVersion: Int
    /// The NVRTC library that compiles the kernels, and its version.
    public let nvrtcPath: String
    public let nvrtcVersion: (major: Int, minor: Int)

    let api: DriverAPI
    let nvrtc: NVRTCAPI
    let context: CUhandle
    let lock = RecursiveLock()
    var modules: [String: KernelModule] = [:]

    init(
        api: DriverAPI, nvrtc: NVRTCAPI, context: CUhandle, ordinal: Int, name: String,
        computeCapability: (Int, Int), multiprocessorCount: Int, totalMemoryBytes: Int, driverVersion: Int
    ) {
        self.api = api
        self.nvrtc = nvrtc
        self.context = context
        self.ordinal = ordinal
        self.name = name
        self.computeCapability = computeCapability
        self.multiprocessorCount = multiprocessorCount
        self.totalMemoryBytes = totalMemoryBytes
        self.driverVersion = driverVersion
        self.nvrtcPath = nvrtc.library.path
        self.nvrtcVersion = nvrtc.versionNumbers
    }

    /// "NVIDIA H200 (sm_90, 132 SMs, 139.8 GiB; driver CUDA 13.0, NVRTC 13.0)".
    public var summary: String {
        let gib = Double(totalMemoryBytes) / Double(1 << 30)
        let gibText = String(Int((gib * 10).rounded()) / 10) + "." + String(Int((gib * 10).rounded()) % 10)
        return "\(name) (sm_\(computeCapability.major)\(computeCapability.minor), \(multiprocessorCount) SMs, "
            + "\(gibText) GiB; driver CUDA \(driverVersion / 1000).\(driverVersion % 1000 / 10), "
            + "NVRTC \(nvrtcVersion.major).\(nvrtcVersion.minor))"
    }

    // MARK: Opening

    nonisolated(unsafe) private static var cache: [Int: Result<CUDADevice, CUDAUnavailable>] = [:]
    private static let cacheLock = RecursiveLock()

    /// Opens device `ordinal` (once per process; later calls return the same value).
    ///
    /// `FOUROVERSIX_CUDA=0` disables the backend; `FOUROVERSIX_LIBCUDA` and `FOUROVERSIX_NVRTC`
    /// name the libraries (see `LibrarySearch`).
    public static func open(ordinal: Int = 0) -> Result<CUDADevice, CUDAUnavailable> {
        cacheLock.withLock {
            if let cached = cache[ordinal] { return cached }
            let result = openUncached(ordinal: ordinal)
            cache[ordinal] = result
            return result
        }
    }

    private static func openUncached(ordinal: Int) -> Result<CUDADevice, CUDAUnavailable> {
        if let v = Environment.value("FOUROVERSIX_CUDA"), ["0", "off", "false", "no"].contains(v.lowercased()) {
            return .failure(CUDAUnavailable(.disabled, "FOUROVERSIX_CUDA=\(v)"))
        }
        let driverLib: DynamicLibrary
        switch DynamicLibrary.open(candidates: LibrarySearch.driverCandidates()) {
        case .success(let l): driverLib = l
        case .failure(let f):
            return .failure(
                CUDAUnavailable(.driverNotFound, "no NVIDIA driver library (libcuda.so.1): \(f.summary(limit: 2))"))
        }
        let api: DriverAPI
        switch DriverAPI.load(driverLib) {
        case .success(let a): api = a
        case .failure(let e): return .failure(e)
        }
        var rc = api.initialize(0)
        guard rc == 0 else {
            return .failure(CUDAUnavailable(.driverInitFailed, "cuInit: \(api.describe(rc))"))
        }
        var count: Int32 = 0
        rc = api.deviceGetCount(&count)
        guard rc == 0, count > ordinal else {
            return .failure(
                CUDAUnavailable(
                    .noDevice,
                    rc == 0
                        ? "the driver sees \(count) GPU(s), asked for #\(ordinal)"
                        : "cuDeviceGetCount: \(api.describe(rc))"))
        }
        var device: Int32 = 0
        rc = api.deviceGet(&device, Int32(ordinal))
        guard rc == 0 else { return .failure(CUDAUnavailable(.noDevice, "cuDeviceGet: \(api.describe(rc))")) }
        func attribute(_ a: DeviceAttribute) -> Int {
            var v: Int32 = 0
            return api.deviceGetAttribute(&v, a.rawValue, device) == 0 ? Int(v) : 0
        }
        var nameBytes = [CChar](repeating: 0, count: 256)
        _ = api.deviceGetName(&nameBytes, 255, device)
        let name = nameBytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var memory = 0
        _ = api.deviceTotalMem(&memory, device)
        var version: Int32 = 0
        _ = api.driverGetVersion(&version)
        var ctx: CUhandle?
        rc = api.primaryCtxRetain(&ctx, device)
        guard rc == 0, let ctx else {
            return .failure(CUDAUnavailable(.contextFailed, "cuDevicePrimaryCtxRetain: \(api.describe(rc))"))
        }
        rc = api.ctxSetCurrent(ctx)
        guard rc == 0 else { return .failure(CUDAUnavailable(.contextFailed, "cuCtxSetCurrent: \(api.describe(rc))")) }

        let nvrtcLib: DynamicLibrary
        switch DynamicLibrary.open(candidates: LibrarySearch.nvrtcCandidates()) {
        case .success(let l): nvrtcLib = l
        case .failure(let f):
            return .failure(
                CUDAUnavailable(
                    .nvrtcNotFound,
                    "no NVRTC library (libnvrtc.so; set FOUROVERSIX_NVRTC to its path): \(f.summary(limit: 2))"))
        }
        let nvrtc: NVRTCAPI
        switch NVRTCAPI.load(nvrtcLib) {
        case .success(let n): nvrtc = n
        case .failure(let e): return .failure(e)
        }
        return .success(
            CUDADevice(
                api: api, nvrtc: nvrtc, context: ctx, ordinal: ordinal, name: name,
                computeCapability: (attribute(.computeCapabilityMajor), attribute(.computeCapabilityMinor)),
                multiprocessorCount: attribute(.multiprocessorCount), totalMemoryBytes: memory,
                driverVersion: Int(version)))
    }

    // MARK: Calls

    /// Runs `body` with the lock held and the context current on this thread.
    func withContext<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            try check(api.ctxSetCurrent(context), "cuCtxSetCurrent")
            return try body()
        }
    }

    func check(_ rc: CUresult, _ call: @autoclosure () -> String) throws {
        if rc != 0 { throw CUDAError(call: call(), code: rc, message: api.describe(rc)) }
    }

    func allocate(bytes: Int) throws -> DeviceBuffer {
        try withContext {
            var p: CUdeviceptr = 0
            try check(api.memAlloc(&p, max(bytes, 1)), "cuMemAlloc_v2(\(bytes) bytes)")
            return DeviceBuffer(device: self, pointer: p, byteCount: bytes)
        }
    }

    func upload(_ bytes: UnsafeRawBufferPointer, to buffer: DeviceBuffer, offset: Int = 0) throws {
        precondition(offset + bytes.count <= buffer.byteCount, "upload past the end of a device buffer")
        guard bytes.count > 0 else { return }
        try withContext {
            try check(
                api.memcpyHtoD(buffer.pointer + UInt64(offset), bytes.baseAddress, bytes.count), "cuMemcpyHtoD_v2")
        }
    }

    func download(_ buffer: DeviceBuffer, into bytes: UnsafeMutableRawBufferPointer, offset: Int = 0) throws {
        precondition(offset + bytes.count <= buffer.byteCount, "download past the end of a device buffer")
        guard bytes.count > 0 else { return }
        try withContext {
            try check(
                api.memcpyDtoH(bytes.baseAddress, buffer.pointer + UInt64(offset), bytes.count), "cuMemcpyDtoH_v2")
        }
    }

    func download<T>(_ buffer: DeviceBuffer, count: Int, as: T.Type) throws -> [T] where T: BitwiseCopyable {
        guard count > 0 else { return [] }
        return try [T](unsafeUninitializedCapacity: count) { out, initialized in
            try download(buffer, into: UnsafeMutableRawBufferPointer(out))
            initialized = count
        }
    }

    func copy(from source: DeviceBuffer, to destination: DeviceBuffer, bytes: Int) throws {
        try withContext { try check(api.memcpyDtoD(destination.pointer, source.pointer, bytes), "cuMemcpyDtoD_v2") }
    }

    func fill(_ buffer: DeviceBuffer, byte: UInt8) throws {
        try withContext { try check(api.memsetD8Async(buffer.pointer, byte, buffer.byteCount, nil), "cuMemsetD8Async") }
    }

    func fill(_ buffer: DeviceBuffer, word: UInt32, count: Int) throws {
        try withContext { try check(api.memsetD32Async(buffer.pointer, word, count, nil), "cuMemsetD32Async") }
    }

    func synchronize() throws {
        try withContext { try check(api.ctxSynchronize(), "cuCtxSynchronize") }
    }

    /// Launches `function` on a 1-D grid of `blocks` × `threads`; `arguments` in kernel order.
    func launch(_ function: KernelFunction, blocks: Int, threads: Int, _ arguments: [KernelArgument]) throws {
        guard blocks > 0 else { return }
        precondition(blocks <= Int(Int32.max), "grid too large")
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 8 * max(arguments.count, 1), alignment: 8)
        defer { storage.deallocate() }
        var pointers = [UnsafeMutableRawPointer?](repeating: nil, count: arguments.count)
        for (i, a) in arguments.enumerated() {
            let slot = storage + 8 * i
            switch a {
            case .buffer(let b): slot.storeBytes(of: b.pointer, as: UInt64.self)
            case .pointer(let p): slot.storeBytes(of: p, as: UInt64.self)
            case .int32(let v): slot.storeBytes(of: v, as: Int32.self)
            case .uint64(let v): slot.storeBytes(of: v, as: UInt64.self)
            case .float(let v): slot.storeBytes(of: v, as: Float.self)
            }
            pointers[i] = slot
        }
        try withContext {
            try pointers.withUnsafeMutableBufferPointer { p in
                try check(
                    api.launchKernel(
                        function.handle, UInt32(blocks), 1, 1, UInt32(threads), 1, 1, 0, nil,
                        p.baseAddress, nil), "cuLaunchKernel(\(function.name))")
            }
        }
    }

    /// Resident CTAs of `threads` threads per multiprocessor for `function` (at least 1).
    func occupancy(_ function: KernelFunction, threads: Int) throws -> Int {
        try withContext {
            var n: Int32 = 0
            try check(
                api.occupancyMaxActiveBlocks(&n, function.handle, Int32(threads), 0),
                "cuOccupancyMaxActiveBlocksPerMultiprocessor(\(function.name))")
            return max(Int(n), 1)
        }
    }

    // MARK: Events

    func makeEvent() throws -> DeviceEvent {
        try withContext {
            var e: CUhandle?
            try check(api.eventCreate(&e, 0), "cuEventCreate")
            return DeviceEvent(device: self, handle: e!)
        }
    }

    func record(_ event: DeviceEvent) throws {
        try withContext { try check(api.eventRecord(event.handle, nil), "cuEventRecord") }
    }

    /// Milliseconds between two recorded events (waits for `end`).
    func elapsedMilliseconds(from start: DeviceEvent, to end: DeviceEvent) throws -> Double {
        try withContext {
            try check(api.eventSynchronize(end.handle), "cuEventSynchronize")
            var ms: Float = 0
            try check(api.eventElapsedTime(&ms, start.handle, end.handle), "cuEventElapsedTime")
            return Double(ms)
        }
    }
}

/// A kernel argument, stored in its C type.
enum KernelArgument {
    case buffer(DeviceBuffer)
    case pointer(CUdeviceptr)
    case int32(Int32)
    case uint64(UInt64)
    case float(Float)

    static func int(_ v: Int) -> KernelArgument { .int32(Int32(v)) }
    static func bool(_ v: Bool) -> KernelArgument { .int32(v ? 1 : 0) }
}

/// Device memory; freed on release.
final class DeviceBuffer: @unchecked Sendable {
    let device: CUDADevice
    let pointer: CUdeviceptr
    let byteCount: Int

    init(device: CUDADevice, pointer: CUdeviceptr, byteCount: Int) {
        self.device = device
        self.pointer = pointer
        self.byteCount = byteCount
    }

    deinit {
        let d = device, p = pointer
        try? d.withContext { _ = d.api.memFree(p) }
    }
}

final class DeviceEvent: @unchecked Sendable {
    let device: CUDADevice
    let handle: CUhandle

    init(device: CUDADevice, handle: CUhandle) {
        self.device = device
        self.handle = handle
    }

    deinit {
        let d = device, h = handle
        try? d.withContext { _ = d.api.eventDestroy(h) }
    }
}

/// A pthread recursive mutex (no Foundation).
final class RecursiveLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        var attr = pthread_mutexattr_t()
        pthread_mutexattr_init(&attr)
        pthread_mutexattr_settype(&attr, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(mutex, &attr)
        pthread_mutexattr_destroy(&attr)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
