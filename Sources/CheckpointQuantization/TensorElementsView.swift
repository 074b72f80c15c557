// Zero-copy views of safetensors tensors as the fast kernels' input.
//
// Promises: `withElements` hands BF16, F16 and F32 tensors to `body` straight from the
// memory-mapped file (copying only when the data is misaligned for its type); F64 is
// narrowed to float32 first. Other dtypes are a typed error naming the file and tensor.

import CPUKernels
import SafeTensors
import TensorIO

extension SafeTensorsFile {
    public func withElements<R>(_ name: String, _ body: (TensorElements) throws -> R) throws -> R {
        guard let info = info(name) else { throw SafeTensorsError.tensorNotFound(path: path, tensor: name) }
        let raw = try bytes(name)
        let n = info.elementCount
        switch info.dtype {
        case .F32 where Int(bitPattern: raw.baseAddress) % 4 == 0 || n == 0:
            return try body(.f32(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: Float.self), count: n)))
        case .BF16 where Int(bitPattern: raw.baseAddress) % 2 == 0 || n == 0:
            return try body(.bf16(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt16.self), count: n)))
        case .F16 where Int(bitPattern: raw.baseAddress) % 2 == 0 || n == 0:
            return try body(.f16(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt16.self), count: n)))
        case .BF16, .F16:
            let copy = (0..<n).map { raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self) }
            return try copy.withUnsafeBufferPointer { try body(info.dtype == .BF16 ? .bf16($0) : .f16($0)) }
        default:
            let values = try floats(name)  // F32 misaligned, F64, or a typed error for other dtypes
            return try values.withUnsafeBufferPointer { try body(.f32($0)) }
        }
    }
}
