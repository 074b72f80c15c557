// Run-time compilation of the shipped CUDA C++ source with NVRTC, for the GPU that is present,
// with an in-memory cache per process and an optional on-disk cache.
//
// Promises: a module is compiled at most once per process for a given (source, options); the
// compile options always include `--fmad=false` (no contraction: float results follow the
// source's order exactly); the target is the device's own `sm_XY` when NVRTC knows it (a CUBIN),
// else PTX for the newest architecture NVRTC supports below it (the driver finishes it). The
// disk cache (`~/.cache/fouroversix/cuda`, or `$FOUROVERSIX_CACHE_DIR`; off with
// `FOUROVERSIX_CUDA_CACHE=0`) is keyed by a hash of the source, the options and the NVRTC
// version; a cached image the driver refuses is recompiled.

#if canImport(Glibc)
import BlockFormats
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class KernelModule: @unchecked Sendable {
    let handle: CUhandle
    /// The options it was compiled with (the target architecture first).
    let options: [String]
    /// Whether it uses Blackwell's hardware E2M1 conversion.
    let hardwareFP4: Bool
    /// Seconds spent compiling (0 when it came from the disk cache).
    let compileSeconds: Double
    var functions: [String: KernelFunction] = [:]

    init(handle: CUhandle, options: [String], hardwareFP4: Bool, compileSeconds: Double) {
        self.handle = handle
        self.options = options
        self.hardwareFP4 = hardwareFP4
        self.compileSeconds = compileSeconds
    }
}

struct KernelFunction: @unchecked Sendable {
    let handle: CUhandle
    let name: String
    /// The most threads a CTA of it may have: its `__launch_bounds__` where the source sets one,
    /// so the kernel source alone decides the CTA size it is launched with.
    let maxThreadsPerBlock: Int
}

/// The compile target chosen for a device.
public struct CompileTarget: Equatable, Sendable {
    /// `--gpu-architecture=` value, e.g. "sm_90", "sm_100a" or "compute_86".
    public var architecture: String
    /// CUBIN (machine code) or PTX (the driver compiles it when the module loads).
    public var cubin: Bool
    /// Blackwell's hardware E2M1 conversion (`cvt.rn.satfinite.e2m1x2.f32`, sm_100a and later).
    public var hardwareFP4: Bool

    public init(architecture: String, cubin: Bool, hardwareFP4: Bool) {
        self.architecture = architecture
        self.cubin = cubin
        self.hardwareFP4 = hardwareFP4
    }

    /// Picks the target for compute capability `cc` (e.g. 90) given NVRTC's supported list
    /// (empty when unknown: then the device's own architecture is tried).
    public static func choose(computeCapability cc: Int, supported: [Int], preferHardwareFP4: Bool) -> CompileTarget {
        if supported.isEmpty || supported.contains(cc) {
            // Blackwell's E2M1 conversion needs the architecture-specific ("a") target.
            if preferHardwareFP4 && cc >= 100 {
                return CompileTarget(architecture: "sm_\(cc)a", cubin: true, hardwareFP4: true)
            }
            return CompileTarget(architecture: "sm_\(cc)", cubin: true, hardwareFP4: false)
        }
        let below = supported.filter { $0 <= cc }.max() ?? supported.min()!
        return CompileTarget(architecture: "compute_\(below)", cubin: false, hardwareFP4: false)
    }
}

extension CUDADevice {
    /// The compiled module for `source` with the given preprocessor definitions (cached).
    func module(source: String, defines: [String]) throws -> KernelModule {
        try withContext {
            let cc = computeCapability.major * 10 + computeCapability.minor
            let preferHW =
                Environment.value("FOUROVERSIX_CUDA_HW_FP4").map { !["0", "off", "false"].contains($0) } ?? true
            var target = CompileTarget.choose(
                computeCapability: cc, supported: nvrtc.supportedArchitectures,
                preferHardwareFP4: preferHW)
            let key = target.architecture + "|" + defines.joined(separator: "|")
            if let m = modules[key] { return m }
            do {
                let m = try loadOrCompile(source: source, defines: defines, target: target)
                modules[key] = m
                return m
            } catch  where target.hardwareFP4 {
                // The hardware FP4 path did not compile or load here: fall back to software.
                target = CompileTarget.choose(
                    computeCapability: cc, supported: nvrtc.supportedArchitectures,
                    preferHardwareFP4: false)
                let m = try loadOrCompile(source: source, defines: defines, target: target)
                modules[key] = m
                return m
            }
        }
    }

    /// A kernel of `module` by its `extern "C"` name (cached).
    func function(_ name: String, in module: KernelModule) throws -> KernelFunction {
        try withContext {
            if let f = module.functions[name] { return f }
            var f: CUhandle?
            try check(api.moduleGetFunction(&f, module.handle, name), "cuModuleGetFunction(\(name))")
            var threads: Int32 = 0
            let maxThreadsPerBlock: Int32 = 0  // CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK
            try check(
                api.funcGetAttribute(&threads, maxThreadsPerBlock, f), "cuFuncGetAttribute(\(name))")
            let kf = KernelFunction(handle: f!, name: name, maxThreadsPerBlock: Int(threads))
            module.functions[name] = kf
            return kf
        }
    }

    private func loadOrCompile(source: String, defines: [String], target: CompileTarget) throws -> KernelModule {
        var options = ["--gpu-architecture=\(target.architecture)", "-default-device", "--std=c++17", "--fmad=false"]
        options += defines.map { "-D" + $0 }
        if target.hardwareFP4 { options.append("-DFOS_HW_FP4=1") }
        let nv = nvrtcVersion
        let key = KernelDiskCache.key(source: source, options: options, tag: "nvrtc\(nv.major).\(nv.minor)")
        let ext = target.cubin ? "cubin" : "ptx"
        if let image = KernelDiskCache.read(key: key, extension: ext), let handle = try? loadImage(image) {
            return KernelModule(handle: handle, options: options, hardwareFP4: target.hardwareFP4, compileSeconds: 0)
        }
        let start = monotonicSeconds()
        let image = try compile(source: source, options: options, cubin: target.cubin)
        let seconds = monotonicSeconds() - start
        let handle = try loadImage(image)
        KernelDiskCache.write(key: key, extension: ext, image: image)
        return KernelModule(handle: handle, options: options, hardwareFP4: target.hardwareFP4, compileSeconds: seconds)
    }

    private func loadImage(_ image: [UInt8]) throws -> CUhandle {
        var m: CUhandle?
        let rc = image.withUnsafeBytes { api.moduleLoadData(&m, $0.baseAddress) }
        try check(rc, "cuModuleLoadData")
        return m!
    }

    private func compile(source: String, options: [String], cubin: Bool) throws -> [UInt8] {
        try NVRTCCompiler(api: nvrtc).compile(source: source, options: options, cubin: cubin)
    }
}

/// NVRTC: CUDA C++ source → CUBIN or PTX. Needs no GPU and no driver.
struct NVRTCCompiler {
    let api: NVRTCAPI

    static func load() -> Result<NVRTCCompiler, CUDAUnavailable> {
        switch DynamicLibrary.open(candidates: LibrarySearch.nvrtcCandidates()) {
        case .failure(let f):
            return .failure(CUDAUnavailable(.nvrtcNotFound, "no NVRTC library: \(f.summary(limit: 2))"))
        case .success(let lib):
            return NVRTCAPI.load(lib).map(NVRTCCompiler.init(api:))
        }
    }

    /// Compiles on a thread of its own with a 256 MiB stack: NVRTC's front end recurses deeply,
    /// and the threads of Swift's concurrency pool (where tests and async callers run) have
    /// small stacks. PTX comes back with its terminating NUL.
    func compile(source: String, options: [String], cubin: Bool) throws -> [UInt8] {
        let result = runOnLargeStack { () -> Result<[UInt8], CUDAError> in
            Result { () throws(CUDAError) -> [UInt8] in try compileHere(source: source, options: options, cubin: cubin)
            }
        }
        return try result.get()
    }

    private func compileHere(source: String, options: [String], cubin: Bool) throws(CUDAError) -> [UInt8] {
        let api = self.api
        var program: CUhandle?
        var rc = api.createProgram(&program, source, "fouroversix_kernels.cu", 0, nil, nil)
        guard rc == 0 else { throw CUDAError(call: "nvrtcCreateProgram", code: rc, message: api.describe(rc)) }
        defer { _ = api.destroyProgram(&program) }
        let cOptions = options.map { strdup($0) }
        defer { cOptions.forEach { free($0) } }
        rc = cOptions.map { UnsafePointer<CChar>($0) }.withUnsafeBufferPointer {
            api.compileProgram(program, Int32(options.count), $0.baseAddress)
        }
        if rc != 0 {
            var logSize = 0
            _ = api.getProgramLogSize(program, &logSize)
            var log = [CChar](repeating: 0, count: max(logSize, 1))
            _ = api.getProgramLog(program, &log)
            let text = log.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw CUDAError(
                call: "nvrtcCompileProgram(\(options.joined(separator: " ")))", code: rc,
                message: api.describe(rc) + "\n" + String(text.prefix(4000)))
        }
        var size = 0
        if cubin, let getSize = api.getCUBINSize, let get = api.getCUBIN {
            rc = getSize(program, &size)
            guard rc == 0, size > 0 else {
                throw CUDAError(call: "nvrtcGetCUBINSize", code: rc, message: api.describe(rc))
            }
            var bytes = [CChar](repeating: 0, count: size)
            rc = get(program, &bytes)
            guard rc == 0 else { throw CUDAError(call: "nvrtcGetCUBIN", code: rc, message: api.describe(rc)) }
            return bytes.map { UInt8(bitPattern: $0) }
        }
        rc = api.getPTXSize(program, &size)
        guard rc == 0, size > 0 else { throw CUDAError(call: "nvrtcGetPTXSize", code: rc, message: api.describe(rc)) }
        var bytes = [CChar](repeating: 0, count: size)
        rc = api.getPTX(program, &bytes)
        guard rc == 0 else { throw CUDAError(call: "nvrtcGetPTX", code: rc, message: api.describe(rc)) }
        return bytes.map { UInt8(bitPattern: $0) }
    }
}

private final class ThreadJob: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs `body` on a new thread with a 256 MiB stack and waits for it (on the calling thread if
/// no thread can be started).
func runOnLargeStack<T>(_ body: () -> T) -> T {
    withoutActuallyEscaping(body) { escapable in
        var result: T?
        let job = ThreadJob { result = escapable() }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 256 << 20)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let rc = pthread_create(
            &thread, &attributes,
            { p in
                let job = Unmanaged<ThreadJob>.fromOpaque(p!).takeRetainedValue()
                job.run()
                return nil
            }, context)
        if rc != 0 {
            Unmanaged<ThreadJob>.fromOpaque(context).release()
            return escapable()
        }
        pthread_join(thread, nil)
        return result!
    }
}

/// The shipped kernel source, compiled with NVRTC alone (no driver, no GPU needed): checks that
/// an NVRTC install can build the kernels for a given architecture.
public enum CUDAKernelSource {
    /// Compiles the kernels for `architecture` ("sm_90", "sm_100a", "compute_80", …) reading
    /// `elementType`; `hardwareFP4` selects Blackwell's E2M1 conversion (an "a" target).
    /// Returns the size of the CUBIN (PTX for `compute_` targets) in bytes.
    public static func compile(
        architecture: String, elementType: CUDAElementType = .bf16,
        hardwareFP4: Bool = false
    ) -> Result<Int, CUDAUnavailable> {
        let compiler: NVRTCCompiler
        switch NVRTCCompiler.load() {
        case .failure(let e): return .failure(e)
        case .success(let c): compiler = c
        }
        var options = [
            "--gpu-architecture=\(architecture)", "-default-device", "--std=c++17", "--fmad=false",
            "-DFOS_DT=\(elementType.kernelCode)",
        ]
        if hardwareFP4 { options.append("-DFOS_HW_FP4=1") }
        do {
            let image = try compiler.compile(
                source: KernelSource.cuda, options: options,
                cubin: architecture.hasPrefix("sm_"))
            return .success(image.count)
        } catch {
            return .failure(CUDAUnavailable(.compileFailed, "\(error)"))
        }
    }

    /// The NVRTC library the search finds and its version, or why none loads.
    public static func nvrtcVersion() -> Result<(path: String, major: Int, minor: Int), CUDAUnavailable> {
        NVRTCCompiler.load().map { c in
            let v = c.api.versionNumbers
            return (c.api.library.path, v.0, v.1)
        }
    }
}

/// Compiled kernel images on disk, written atomically (temporary name, then rename).
enum KernelDiskCache {
    static var directory: String? {
        if let v = Environment.value("FOUROVERSIX_CUDA_CACHE"), ["0", "off", "false", "no"].contains(v.lowercased()) {
            return nil
        }
        if let d = Environment.value("FOUROVERSIX_CACHE_DIR"), !d.isEmpty { return d }
        if let x = Environment.value("XDG_CACHE_HOME"), !x.isEmpty { return x + "/fouroversix/cuda" }
        if let h = Environment.value("HOME"), !h.isEmpty { return h + "/.cache/fouroversix/cuda" }
        return nil
    }

    /// FNV-1a 64 of the source, the options and a tag, as 16 hex digits.
    static func key(source: String, options: [String], tag: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            h ^= 0xFF
            h = h &* 0x0000_0100_0000_01B3
        }
        mix(source)
        options.forEach(mix)
        mix(tag)
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func read(key: String, extension ext: String) -> [UInt8]? {
        guard let dir = directory, let f = fopen(dir + "/fos-" + key + "." + ext, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n > 0 { bytes += chunk[0..<n] }
            if n < chunk.count { break }
        }
        return bytes.isEmpty ? nil : bytes
    }

    static func write(key: String, extension ext: String, image: [UInt8]) {
        guard let dir = directory else { return }
        makeDirectories(dir)
        let final = dir + "/fos-" + key + "." + ext
        let temporary = final + ".tmp\(getpid())"
        guard let f = fopen(temporary, "wb") else { return }
        let written = image.withUnsafeBytes { fwrite($0.baseAddress, 1, image.count, f) }
        fclose(f)
        if written == image.count { rename(temporary, final) } else { unlink(temporary) }
    }

    static func makeDirectories(_ path: String) {
        var current = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + part
            mkdir(current, 0o755)
        }
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
