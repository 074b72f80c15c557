// TensorInfo.swift — descriptions of tensors: `TensorInfo` (one entry of a validated file header)
// and `TensorSpec` (what a writer is told to write), plus overflow-checked shape arithmetic.
// Promises: a `TensorInfo` only ever comes out of header validation, so its element and byte counts
// are known not to overflow and its `dataOffsets` span exactly `byteCount` bytes.

/// One tensor of a validated safetensors file.
public struct TensorInfo: Sendable, Equatable {
    /// The tensor's name (its key in the header).
    public let name: String
    /// The element type.
    public let dtype: DType
    /// The dimensions, outermost first (row-major). Empty for a scalar.
    public let shape: [Int]
    /// Where the bytes lie, relative to the start of the data section (not of the file).
    public let dataOffsets: Range<Int>

    init(name: String, dtype: DType, shape: [Int], dataOffsets: Range<Int>) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.dataOffsets = dataOffsets
    }

    /// The number of elements: the product of `shape` (1 for a scalar, 0 if any dimension is 0).
    public var elementCount: Int { shape.contains(0) ? 0 : shape.reduce(1, *) }

    /// The number of bytes: `elementCount * dtype.byteSize`, which equals `dataOffsets.count`.
    public var byteCount: Int { dataOffsets.count }
}

/// A tensor to be written: name, element type and shape. The bytes are supplied separately.
public struct TensorSpec: Sendable, Equatable {
    /// The tensor's name; must be unique within a file and must not be "__metadata__".
    public let name: String
    /// The element type.
    public let dtype: DType
    /// The dimensions, outermost first (row-major). Empty for a scalar.
    public let shape: [Int]

    /// Describes a tensor to write. Shapes are checked by the writer (no negative dimensions,
    /// no overflow), which throws `SafeTensorsError.invalidShape` for a bad one.
    public init(name: String, dtype: DType, shape: [Int]) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
    }

    /// The number of bytes the tensor occupies: product of `shape` times `dtype.byteSize`.
    /// Only meaningful for a valid shape; an invalid one (negative dimension or overflow) gives -1.
    public var byteCount: Int {
        switch Shape.byteCount(shape: shape, dtype: dtype) {
        case .success(let count): count
        case .failure: -1
        }
    }
}

/// Overflow-checked shape arithmetic shared by the header parser and the writer.
enum Shape {
    struct Problem: Error {
        let reason: String
    }

    /// The product of the dimensions, or a reason why it cannot be computed.
    static func elementCount(_ shape: [Int]) -> Result<Int, Problem> {
        var count = 1
        for (axis, dimension) in shape.enumerated() {
            if dimension < 0 {
                return .failure(Problem(reason: "dimension \(axis) is negative (\(dimension))"))
            }
        }
        // A zero dimension makes the product 0 whatever the others are: check it before multiplying
        // so that e.g. [0, huge, huge] is accepted as the empty tensor it is.
        if shape.contains(0) { return .success(0) }
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow {
                return .failure(Problem(reason: "element count of shape \(shape) overflows"))
            }
            count = product
        }
        return .success(count)
    }

    /// The byte count (element count times element size), or a reason why it cannot be computed.
    static func byteCount(shape: [Int], dtype: DType) -> Result<Int, Problem> {
        switch elementCount(shape) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let count):
            let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.byteSize)
            if overflow {
                return .failure(Problem(reason: "byte count of shape \(shape) with dtype \(dtype.rawValue) overflows"))
            }
            return .success(bytes)
        }
    }
}
