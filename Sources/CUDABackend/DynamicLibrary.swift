// Run-time loading of shared libraries (dlopen/dlsym) and the search lists for the CUDA driver
// and NVRTC.
//
// Promises: nothing here links CUDA; a missing library or symbol is reported as a value with the
// paths that were tried, never a crash. The search order is documented on `LibrarySearch` and is
// a pure function of the environment, so it can be tested on a machine without CUDA.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `dlopen`ed library. Never closed: the CUDA driver must outlive every context and module.
final class DynamicLibrary: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    /// The name or path that opened it.
    let path: String

    private init(handle: UnsafeMutableRawPointer, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Opens the first candidate that loads; on failure, the `dlerror()` text of every attempt.
    static func open(candidates: [String]) -> Result<DynamicLibrary, LibraryLoadFailure> {
        var attempts: [String] = []
        for candidate in candidates {
            if let h = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) {
                return .success(DynamicLibrary(handle: h, path: candidate))
            }
            let message = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            attempts.append(message)
        }
        return .failure(LibraryLoadFailure(attempts: attempts))
    }

    /// The symbol `name` as a C function pointer of type `T`, or nil.
    func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let p = dlsym(handle, name) else { return nil }
        return unsafeBitCast(p, to: type)
    }

    /// The first of `names` that exists (versioned entry points first, e.g. `cuMemAlloc_v2`).
    func symbol<T>(anyOf names: [String], as type: T.Type) -> T? {
        for n in names {
            if let s = symbol(n, as: type) { return s }
        }
        return nil
    }
}

struct LibraryLoadFailure: Error, Sendable {
    let attempts: [String]
    /// At most `limit` attempts, one per line.
    func summary(limit: Int = 6) -> String {
        let shown = attempts.prefix(limit).joined(separator: "; ")
        return attempts.count > limit ? shown + "; … (\(attempts.count) tried)" : shown
    }
}

/// Where the CUDA driver and NVRTC are looked for.
///
/// - driver: `$FOUROVERSIX_LIBCUDA`, `libcuda.so.1`, `libcuda.so` (the loader's own search), then
///   `/usr/lib/x86_64-linux-gnu`, `/usr/lib64`, `/usr/local/nvidia/lib64`, `/usr/lib/wsl/lib`.
/// - NVRTC: `$FOUROVERSIX_NVRTC` (a file, or a folder holding `libnvrtc.so*`), `libnvrtc.so`,
///   `libnvrtc.so.13`, `.12`, `.11.2`, then `lib64` of `$CUDA_HOME`, `$CUDA_PATH`, `/usr/local/cuda`,
///   every `/usr/local/cuda-*` (newest name first), `/usr/lib/x86_64-linux-gnu`.
public enum LibrarySearch {
    static let nvrtcNames = ["libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2"]

    /// The process environment as a dictionary.
    public static var processEnvironment: [String: String] { Environment.current }

    /// Candidate paths for the CUDA driver library, in order.
    public static func driverCandidates(environment env: [String: String] = LibrarySearch.processEnvironment)
        -> [String]
    {
        var list: [String] = []
        if let p = env["FOUROVERSIX_LIBCUDA"], !p.isEmpty { list.append(p) }
        list += ["libcuda.so.1", "libcuda.so"]
        for dir in [
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/local/nvidia/lib64",
            "/usr/local/nvidia/lib", "/usr/lib/wsl/lib",
        ] {
            list.append(dir + "/libcuda.so.1")
        }
        return list
    }

    /// Candidate paths for NVRTC, in order. `cudaFolders` lists `/usr/local/cuda-*` folders
    /// (by default read from the file system).
    public static func nvrtcCandidates(
        environment env: [String: String] = LibrarySearch.processEnvironment,
        cudaFolders: [String]? = nil
    ) -> [String] {
        var list: [String] = []
        if let p = env["FOUROVERSIX_NVRTC"], !p.isEmpty {
            if isDirectory(p) {
                list += nvrtcNames.map { p + "/" + $0 }
                list += filesInDirectory(p).filter { $0.hasPrefix("libnvrtc.so") }.sorted(by: >).map { p + "/" + $0 }
            } else {
                list.append(p)
            }
        }
        list += nvrtcNames
        var roots: [String] = []
        for key in ["CUDA_HOME", "CUDA_PATH", "CUDA_ROOT"] {
            if let v = env[key], !v.isEmpty { roots.append(v) }
        }
        roots.append("/usr/local/cuda")
        roots +=
            (cudaFolders
                ?? filesInDirectory("/usr/local").filter { $0.hasPrefix("cuda-") }.sorted(by: >)
                .map { "/usr/local/" + $0 })
        for root in roots {
            for lib in ["lib64", "lib", "targets/x86_64-linux/lib", "targets/sbsa-linux/lib"] {
                list += nvrtcNames.dropFirst().map { root + "/" + lib + "/" + $0 }
                list.append(root + "/" + lib + "/libnvrtc.so")
            }
        }
        list += nvrtcNames.map { "/usr/lib/x86_64-linux-gnu/" + $0 }
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }

    static func isDirectory(_ path: String) -> Bool {
        guard let d = opendir(path) else { return false }
        closedir(d)
        return true
    }

    static func filesInDirectory(_ path: String) -> [String] {
        guard let d = opendir(path) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// The process environment (read on each call; no Foundation).
enum Environment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                result[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return result
    }

    static func value(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        return String(cString: v)
    }
}
