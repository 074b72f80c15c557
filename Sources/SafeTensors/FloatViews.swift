// Float views of safetensors tensors.
//
// Promises: `floats(_:)` widens BF16, F16, F32 and F64 tensors to float32 (exactly for the
// first three; F64 rounds to nearest); other dtypes are a typed error naming the file and
// tensor. `withElements` hands BF16, F16 and F32 tensors to its body as a `TensorElements`
// view straight from the memory-mapped file (copying only when the data is misaligned for
// its type; F64 is narrowed to float32 first). `bytes(of:as:)` narrows float32 back to a
// storage dtype with round-half-to-even.

import BlockFormats

public enum FloatViewError: Error, CustomStringConvertible, Equatable {
    case notFloatingPoint(path: String, tensor: String, dtype: DType)
    case notAMatrix(path: String, tensor: String, shape: [Int])
    case unsupportedOutputDType(DType)

    public var description: String {
        switch self {
        case let .notFloatingPoint(path, tensor, dtype):
            return "\(path): tensor '\(tensor)': dtype \(dtype.rawValue) is not a floating-point type "
                + "(BF16, F16, F32, F64)"
        case let .notAMatrix(path, tensor, shape):
            return "\(path): tensor '\(tensor)': shape \(shape) is not 2-D"
        case let .unsupportedOutputDType(dtype):
            return "cannot store float values as \(dtype.rawValue) (use BF16, F16 or F32)"
        }
    }
}

extension SafeTensorsFile {
    /// The tensor widened to float32, row-major.
    public func floats(_ name: String) throws -> [Float] {
        guard let info = info(name) else { throw SafeTensorsError.tensorNotFound(path: path, tensor: name) }
        guard info.dtype.isFloatingPoint else {
            throw FloatViewError.notFloatingPoint(path: path, tensor: name, dtype: info.dtype)
        }
        let raw = try bytes(name)
        let n = info.elementCount
        var out = [Float](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { o in
            switch info.dtype {
            case .F32:
                for i in 0..<n { o[i] = raw.loadUnaligned(fromByteOffset: 4 * i, as: Float.self) }
            case .BF16:
                for i in 0..<n {
                    o[i] = BFloat16.float(fromBits: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                }
            case .F16:
                for i in 0..<n {
                    o[i] = Float16Bits.float(fromBits: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                }
            case .F64:
                for i in 0..<n { o[i] = Float(raw.loadUnaligned(fromByteOffset: 8 * i, as: Double.self)) }
            default:
                preconditionFailure("checked above")
            }
        }
        return out
    }

    /// The tensor as a `TensorElements` view, valid inside `body`: BF16, F16 and F32 read in
    /// place from the mapping; F64 (and misaligned F32) narrowed to a float32 copy.
    public func withElements<R>(_ name: String, _ body: (TensorElements) throws -> R) throws -> R {
        guard let info = info(name) else { throw SafeTensorsError.tensorNotFound(path: path, tensor: name) }
        let raw = try bytes(name)
        let n = info.elementCount
        let address = Int(bitPattern: raw.baseAddress)
        func view<T>(_ type: T.Type) -> UnsafeBufferPointer<T> {
            UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: T.self), count: n)
        }
        switch info.dtype {
        case .F32 where address % 4 == 0 || n == 0:
            return try body(.f32(view(Float.self)))
        case .BF16 where address % 2 == 0 || n == 0:
            return try body(.bf16(view(UInt16.self)))
        case .F16 where address % 2 == 0 || n == 0:
            return try body(.f16(view(UInt16.self)))
        case .BF16, .F16:
            let copy = (0..<n).map { raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self) }
            return try copy.withUnsafeBufferPointer { try body(info.dtype == .BF16 ? .bf16($0) : .f16($0)) }
        default:
            let values = try floats(name)  // F32 misaligned, F64, or a typed error for other dtypes
            return try values.withUnsafeBufferPointer { try body(.f32($0)) }
        }
    }

    /// `(rows, cols)` of a 2-D tensor.
    public func matrixShape(_ name: String) throws -> (rows: Int, cols: Int) {
        guard let info = info(name) else { throw SafeTensorsError.tensorNotFound(path: path, tensor: name) }
        guard info.shape.count == 2 else {
            throw FloatViewError.notAMatrix(path: path, tensor: name, shape: info.shape)
        }
        return (info.shape[0], info.shape[1])
    }
}

/// Little-endian bytes of float32 values stored as `dtype` (BF16, F16 or F32).
public func bytes(of values: [Float], as dtype: DType) throws(FloatViewError) -> [UInt8] {
    switch dtype {
    case .F32:
        return values.withUnsafeBytes { Array($0) }
    case .BF16:
        return values.map(BFloat16.bits(from:)).withUnsafeBytes { Array($0) }
    case .F16:
        return values.map(Float16Bits.bits(from:)).withUnsafeBytes { Array($0) }
    default:
        throw .unsupportedOutputDType(dtype)
    }
}
