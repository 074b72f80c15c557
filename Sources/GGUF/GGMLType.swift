// GGMLType.swift — the tensor element types a GGUF file can declare (ggml's `ggml_type`).
// Promises: the raw values are ggml's type numbers; `blockSize` elements are stored in `typeSize`
// bytes (the table of gguf-py's GGML_QUANT_SIZES); numbers ggml has retired (4, 5, 31-33, 36-38)
// are not cases, so a file using them is rejected as having an unknown type.

/// A ggml tensor type. The raw value is the number stored in a GGUF tensor info.
public enum GGMLType: UInt32, Sendable, CaseIterable {
    case F32 = 0
    case F16 = 1
    case Q4_0 = 2
    case Q4_1 = 3
    case Q5_0 = 6
    case Q5_1 = 7
    case Q8_0 = 8
    case Q8_1 = 9
    case Q2_K = 10
    case Q3_K = 11
    case Q4_K = 12
    case Q5_K = 13
    case Q6_K = 14
    case Q8_K = 15
    case IQ2_XXS = 16
    case IQ2_XS = 17
    case IQ3_XXS = 18
    case IQ1_S = 19
    case IQ4_NL = 20
    case IQ3_S = 21
    case IQ2_S = 22
    case IQ4_XS = 23
    case I8 = 24
    case I16 = 25
    case I32 = 26
    case I64 = 27
    case F64 = 28
    case IQ1_M = 29
    case BF16 = 30
    case TQ1_0 = 34
    case TQ2_0 = 35
    case MXFP4 = 39
    case NVFP4 = 40
    case Q1_0 = 41

    /// The types `GGUFFile.dequantize` turns into float32 (those of gguf-py's `quants.dequantize`
    /// that this module implements).
    public static let dequantizable: [GGMLType] = [
        .F32, .F16, .BF16, .Q8_0, .Q4_0, .Q4_1, .Q5_0, .Q5_1, .Q2_K, .Q3_K, .Q4_K, .Q5_K, .Q6_K, .NVFP4,
    ]

    /// The name used by ggml and gguf-py ("Q4_K", "BF16", ...).
    public var name: String { String(describing: self) }

    /// The number of elements in one block (1 for the plain types, 32 or 256 for quantized ones).
    public var blockSize: Int {
        switch self {
        case .F32, .F16, .BF16, .F64, .I8, .I16, .I32, .I64: 1
        case .Q4_0, .Q4_1, .Q5_0, .Q5_1, .Q8_0, .Q8_1, .IQ4_NL, .MXFP4: 32
        case .NVFP4: 64
        case .Q1_0: 128
        case .Q2_K, .Q3_K, .Q4_K, .Q5_K, .Q6_K, .Q8_K, .IQ2_XXS, .IQ2_XS, .IQ3_XXS, .IQ1_S, .IQ3_S,
            .IQ2_S, .IQ4_XS, .IQ1_M, .TQ1_0, .TQ2_0:
            256
        }
    }

    /// The number of bytes one block occupies.
    public var typeSize: Int {
        let k = 256  // QK_K
        switch self {
        case .F32, .I32: return 4
        case .F16, .BF16, .I16: return 2
        case .F64, .I64: return 8
        case .I8: return 1
        case .Q4_0: return 2 + 16
        case .Q4_1: return 2 + 2 + 16
        case .Q5_0: return 2 + 4 + 16
        case .Q5_1: return 2 + 2 + 4 + 16
        case .Q8_0: return 2 + 32
        case .Q8_1: return 4 + 4 + 32
        case .Q2_K: return 2 + 2 + k / 16 + k / 4
        case .Q3_K: return 2 + k / 4 + k / 8 + 12
        case .Q4_K: return 2 + 2 + k / 2 + 12
        case .Q5_K: return 2 + 2 + k / 2 + k / 8 + 12
        case .Q6_K: return 2 + k / 2 + k / 4 + k / 16
        case .Q8_K: return 4 + k + k / 8
        case .IQ2_XXS: return 2 + k / 4
        case .IQ2_XS: return 2 + k / 4 + k / 32
        case .IQ3_XXS: return 2 + k / 4 + k / 8
        case .IQ1_S: return 2 + k / 8 + k / 16
        case .IQ4_NL: return 2 + 16
        case .IQ3_S: return 2 + k / 4 + k / 8 + k / 32 + 4
        case .IQ2_S: return 2 + k / 4 + k / 16
        case .IQ4_XS: return 2 + 2 + k / 2 + k / 64
        case .IQ1_M: return k / 8 + k / 16 + k / 32
        case .TQ1_0: return 2 + 4 * 13
        case .TQ2_0: return 2 + 64
        case .MXFP4: return 1 + 16
        case .NVFP4: return 4 + 32
        case .Q1_0: return 2 + 16
        }
    }

    /// True when `GGUFFile.dequantize` supports this type.
    public var isDequantizable: Bool { Self.dequantizable.contains(self) }
}
