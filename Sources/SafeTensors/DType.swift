// DType.swift — the element types a safetensors file can declare.
// Promises: the raw values are exactly the dtype strings of the safetensors format
// ("BF16", "F8_E4M3", ...), `byteSize` is the storage size of one element, and
// `isFloatingPoint` is true only for the unquantized float formats (BF16, F16, F32, F64).

/// An element type of a safetensors tensor. The raw value is the string used in the file header.
public enum DType: String, Sendable, CaseIterable {
    case BF16, F16, F32, F64
    case I8, I16, I32, I64
    case U8, U16, U32, U64
    case BOOL
    case F8_E4M3, F8_E5M2, F8_E8M0

    /// Bytes per element.
    public var byteSize: Int {
        switch self {
        case .I8, .U8, .BOOL, .F8_E4M3, .F8_E5M2, .F8_E8M0: 1
        case .BF16, .F16, .I16, .U16: 2
        case .F32, .I32, .U32: 4
        case .F64, .I64, .U64: 8
        }
    }

    /// True for BF16, F16, F32 and F64: the full-precision float formats a quantizer takes as input.
    /// The 8-bit float formats answer false: they are already quantized storage.
    public var isFloatingPoint: Bool {
        switch self {
        case .BF16, .F16, .F32, .F64: true
        default: false
        }
    }
}
