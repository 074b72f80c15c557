// The one typed view of a row-major tensor's elements: float32, or BF16 / F16 bit patterns,
// read in place.
//
// Promises: a `TensorElements` never owns or copies its elements; `value(at:)` widens an
// element to float32 exactly (BlockFormats' BF16/F16 conversions), `floatArray()` widens all
// of them, `firstNonFinite()` finds the first NaN or infinity in row-major order. The view is
// only valid while the memory it points to is (inside the `with…` closure that made it).

/// The element types of a `TensorElements` view.
public enum TensorElementType: String, Sendable, CaseIterable, Hashable {
    case f32, bf16, f16

    /// Bytes per element (4 or 2).
    public var byteSize: Int { self == .f32 ? 4 : 2 }
}

/// A row-major tensor of F32, BF16 or F16 elements, read in place. BF16 and F16 are raw IEEE
/// bit patterns. Sendable because it is only read; whoever makes one keeps the memory alive.
public enum TensorElements: @unchecked Sendable {
    case f32(UnsafeBufferPointer<Float>)
    case bf16(UnsafeBufferPointer<UInt16>)
    case f16(UnsafeBufferPointer<UInt16>)

    public var count: Int {
        switch self {
        case let .f32(b): return b.count
        case let .bf16(b): return b.count
        case let .f16(b): return b.count
        }
    }

    public var elementType: TensorElementType {
        switch self {
        case .f32: return .f32
        case .bf16: return .bf16
        case .f16: return .f16
        }
    }

    /// Bytes per element (4 or 2).
    public var elementSize: Int { elementType.byteSize }

    /// The elements' bytes, as stored.
    public var rawBytes: UnsafeRawBufferPointer {
        switch self {
        case let .f32(b): return UnsafeRawBufferPointer(b)
        case let .bf16(b): return UnsafeRawBufferPointer(b)
        case let .f16(b): return UnsafeRawBufferPointer(b)
        }
    }

    /// Elements `range` as a view of their own (a block of whole rows, for chunked passes).
    public func elements(_ range: Range<Int>) -> TensorElements {
        switch self {
        case let .f32(b): return .f32(UnsafeBufferPointer(rebasing: b[range]))
        case let .bf16(b): return .bf16(UnsafeBufferPointer(rebasing: b[range]))
        case let .f16(b): return .f16(UnsafeBufferPointer(rebasing: b[range]))
        }
    }

    /// Element `i` widened to float32 (scalar; for tails, fallbacks and error reports).
    @inlinable
    public func value(at i: Int) -> Float {
        switch self {
        case let .f32(b): return b[i]
        case let .bf16(b): return BFloat16.float(fromBits: b[i])
        case let .f16(b): return Float16Bits.float(fromBits: b[i])
        }
    }

    /// The whole tensor widened to float32 (only for scalar paths: it copies every element).
    public func floatArray() -> [Float] {
        switch self {
        case let .f32(b): return Array(b)
        case let .bf16(b): return b.map(BFloat16.float(fromBits:))
        case let .f16(b): return b.map(Float16Bits.float(fromBits:))
        }
    }

    /// The first NaN or infinity in row-major order, with its value widened to float32.
    public func firstNonFinite() -> (index: Int, value: Float)? {
        let index: Int?
        switch self {
        case let .f32(b): index = b.firstIndex { !$0.isFinite }
        case let .bf16(b): index = b.firstIndex { $0 & 0x7F80 == 0x7F80 }
        case let .f16(b): index = b.firstIndex { $0 & 0x7C00 == 0x7C00 }
        }
        return index.map { ($0, value(at: $0)) }
    }
}

extension Array where Element == Float {
    /// The array as a float32 `TensorElements` view, valid inside `body`.
    @inlinable
    public func withTensorElements<R, E: Error>(_ body: (TensorElements) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeBufferPointer { b in
            do throws(E) { return .success(try body(.f32(b))) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

extension Array where Element == UInt16 {
    /// The array of BF16 or F16 bit patterns as a `TensorElements` view, valid inside `body`.
    /// - Precondition: `type` is `.bf16` or `.f16`.
    @inlinable
    public func withTensorElements<R, E: Error>(
        as type: TensorElementType,
        _ body: (TensorElements) throws(E) -> R
    ) throws(E) -> R {
        precondition(type != .f32, "UInt16 arrays hold BF16 or F16 bit patterns")
        let result: Result<R, E> = withUnsafeBufferPointer { b in
            do throws(E) {
                return .success(try body(type == .bf16 ? .bf16(b) : .f16(b)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
