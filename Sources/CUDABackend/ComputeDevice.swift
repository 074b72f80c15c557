// Where quantization runs: the CPU kernels or the first CUDA GPU.
//
// Promises: `.cpu` opens nothing (nil); `.cuda` opens GPU 0 with its kernels compiled, or
// throws `CUDAUnavailable` saying why (no driver, no GPU, no NVRTC, …). Results are the same
// bit for bit on either device.

public enum ComputeDevice: String, CaseIterable, Sendable {
    case cpu, cuda

    /// The GPU quantizer for `.cuda`, nil for `.cpu`.
    public func openGPU() throws -> CUDAQuantizer? {
        guard self == .cuda else { return nil }
        switch CUDAQuantizer.open() {
        case let .success(gpu): return gpu
        case let .failure(reason): throw reason
        }
    }
}
