// GGUFTensorInfo.swift — one tensor of a validated GGUF file.
// Promises: a `GGUFTensorInfo` only comes out of header validation, so its type is known, its
// row length is a whole number of blocks, its element and byte counts do not overflow, and its
// bytes [offset, offset + byteCount) lie inside the data section, aligned, overlapping no other tensor.

/// A tensor described by a GGUF file.
public struct GGUFTensorInfo: Sendable, Equatable {
    /// The tensor's name (e.g. "blk.0.attn_q.weight").
    public let name: String
    /// The element type.
    public let type: GGMLType
    /// The dimensions in ggml order, as stored: `dimensions[0]` is the contiguous row length
    /// (ggml's ne[0]), the last one is outermost. Empty only if the file declares zero dimensions.
    public let dimensions: [Int]
    /// Where the bytes start, relative to the start of the data section (a multiple of the alignment).
    public let offset: Int
    /// The number of bytes: `elementCount / type.blockSize * type.typeSize`.
    public let byteCount: Int

    init(name: String, type: GGMLType, dimensions: [Int], offset: Int, byteCount: Int) {
        self.name = name
        self.type = type
        self.dimensions = dimensions
        self.offset = offset
        self.byteCount = byteCount
    }

    /// The dimensions outermost first (row-major), as numpy, PyTorch and safetensors write them:
    /// `dimensions` reversed. A [vocab, hidden] embedding has dimensions [hidden, vocab].
    public var shape: [Int] { dimensions.reversed() }

    /// The number of elements: the product of the dimensions.
    public var elementCount: Int { dimensions.contains(0) ? 0 : dimensions.reduce(1, *) }
}
