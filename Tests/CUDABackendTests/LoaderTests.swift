// Tests that run on every machine, GPU or not: opening the backend is a value (never a crash),
// the library search order, and the choice of compile target.

import BlockQuantization
import CUDABackend
import Testing

@Suite struct LoaderTests {
    @Test func openingIsAValueWithAReason() {
        switch CUDAQuantizer.open() {
        case .success(let q):
            #expect(!q.device.name.isEmpty)
            #expect(q.device.computeCapability.major >= 3)
        case .failure(let why):
            #expect(!why.detail.isEmpty)
            #expect(why.description.hasPrefix("CUDA unavailable ("))
        }
    }

    @Test func openingTwiceGivesTheSameAnswer() {
        let a = CUDADevice.open(), b = CUDADevice.open()
        switch (a, b) {
        case (.success(let x), .success(let y)): #expect(x === y)
        case (.failure(let x), .failure(let y)): #expect(x == y)
        default: Issue.record("CUDADevice.open() changed its answer")
        }
    }

    @Test func nvrtcSearchHonoursTheEnvironmentFirst() {
        let list = LibrarySearch.nvrtcCandidates(
            environment: ["FOUROVERSIX_NVRTC": "/opt/x/libnvrtc.so.13", "CUDA_HOME": "/opt/cuda"],
            cudaFolders: ["/usr/local/cuda-13.0", "/usr/local/cuda-12.8"])
        #expect(list.first == "/opt/x/libnvrtc.so.13")
        #expect(list.contains("libnvrtc.so.12"))
        let home = list.firstIndex(of: "/opt/cuda/lib64/libnvrtc.so.13")
        let local = list.firstIndex(of: "/usr/local/cuda/lib64/libnvrtc.so.13")
        let versioned = list.firstIndex(of: "/usr/local/cuda-13.0/lib64/libnvrtc.so.13")
        #expect(home != nil && local != nil && versioned != nil)
        if let home, let local, let versioned { #expect(home < local && local < versioned) }
        #expect(Set(list).count == list.count, "no candidate twice")
    }

    @Test func driverSearchStartsWithTheLoaderName() {
        let list = LibrarySearch.driverCandidates(environment: [:])
        #expect(list.first == "libcuda.so.1")
        #expect(list.contains("/usr/local/nvidia/lib64/libcuda.so.1"))
        #expect(
            LibrarySearch.driverCandidates(environment: ["FOUROVERSIX_LIBCUDA": "/x/libcuda.so.1"]).first
                == "/x/libcuda.so.1")
    }

    @Test func compileTargets() {
        // Hopper with an NVRTC that knows it: machine code for sm_90, software FP4.
        #expect(
            CompileTarget.choose(
                computeCapability: 90, supported: [75, 80, 86, 89, 90, 100, 120],
                preferHardwareFP4: true)
                == CompileTarget(architecture: "sm_90", cubin: true, hardwareFP4: false))
        // Blackwell: the architecture-specific target with the hardware E2M1 conversion.
        #expect(
            CompileTarget.choose(computeCapability: 100, supported: [90, 100], preferHardwareFP4: true)
                == CompileTarget(architecture: "sm_100a", cubin: true, hardwareFP4: true))
        #expect(
            CompileTarget.choose(computeCapability: 100, supported: [90, 100], preferHardwareFP4: false)
                == CompileTarget(architecture: "sm_100", cubin: true, hardwareFP4: false))
        // A GPU newer than NVRTC: PTX for the newest architecture below it.
        #expect(
            CompileTarget.choose(computeCapability: 120, supported: [80, 90], preferHardwareFP4: true)
                == CompileTarget(architecture: "compute_90", cubin: false, hardwareFP4: false))
    }

    /// Where NVRTC is installed (no GPU needed): the Blackwell variant of the kernels, with the
    /// hardware E2M1 conversion, compiles (it cannot run here; the GPU tests compile and run the
    /// device's own variant).
    /// Skipped, with the reason shown, where NVRTC is missing or older than 12.8 (sm_100a needs 12.8+).
    @Test(.enabled(if: nvrtcCompilesBlackwell, "NVRTC 12.8 or newer is not installed (sm_100a needs it)"))
    func blackwellKernelsCompile() throws {
        let (path, major, minor) = try CUDAKernelSource.nvrtcVersion().get()
        print("NVRTC \(major).\(minor) at \(path)")
        switch CUDAKernelSource.compile(architecture: "sm_100a", elementType: .bf16, hardwareFP4: true) {
        case .success(let bytes): #expect(bytes > 0)
        case .failure(let why): Issue.record("\(why)")
        }
    }
}

/// Whether NVRTC is installed in a version that knows sm_100a (12.8 or newer).
let nvrtcCompilesBlackwell: Bool = {
    guard let (_, major, minor) = try? CUDAKernelSource.nvrtcVersion().get() else { return false }
    return major >= 13 || (major == 12 && minor >= 8)
}()
