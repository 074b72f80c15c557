// What can go wrong with the CUDA backend, as values.
//
// Promises: "no driver / no GPU / no NVRTC / kernels do not compile" is a `CUDAUnavailable` with
// a reason and a one-line detail, returned from `open()`, never a crash; failures after a
// successful open (out of memory, a launch error) are thrown as `CUDAError` naming the call.

/// Why the CUDA backend cannot be used on this machine.
public struct CUDAUnavailable: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Reason: String, Sendable, Equatable {
        /// `FOUROVERSIX_CUDA=0` (or `off`) in the environment.
        case disabled
        /// No `libcuda.so.1` could be loaded (no NVIDIA driver installed).
        case driverNotFound
        case driverSymbolMissing
        /// `cuInit` failed (e.g. the driver is present but no GPU is visible).
        case driverInitFailed
        case noDevice
        case contextFailed
        /// No NVRTC library could be loaded (the CUDA toolkit's `libnvrtc.so` is missing).
        case nvrtcNotFound
        case nvrtcSymbolMissing
        /// NVRTC could not compile the kernels for this GPU, or the driver refused the module.
        case compileFailed
    }

    public let reason: Reason
    public let detail: String

    public init(_ reason: Reason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "CUDA unavailable (\(reason.rawValue)): \(detail)" }
}

/// A CUDA call that failed after the backend was opened.
public struct CUDAError: Error, Sendable, CustomStringConvertible {
    /// The driver or NVRTC function, or the backend operation.
    public let call: String
    /// The CUresult / nvrtcResult (0 when the failure is the backend's own check).
    public let code: Int32
    public let message: String

    public init(call: String, code: Int32, message: String) {
        self.call = call
        self.code = code
        self.message = message
    }

    public var description: String { "\(call) failed (\(code)): \(message)" }
}
