// GGUFValue.swift — metadata values of a GGUF file: the 13 value types, scalars and (nested) arrays.
// Promises: a value is exactly what the file stores (no conversions on reading); arrays keep their
// element type even when empty, and numeric arrays are stored as typed Swift arrays (one allocation,
// not one enum per element). The accessors convert only where no information is lost.

/// The value type numbers of GGUF metadata (`gguf_type`).
public enum GGUFValueType: UInt32, Sendable, CaseIterable {
    case uint8 = 0
    case int8 = 1
    case uint16 = 2
    case int16 = 3
    case uint32 = 4
    case int32 = 5
    case float32 = 6
    case bool = 7
    case string = 8
    case array = 9
    case uint64 = 10
    case int64 = 11
    case float64 = 12

    /// The fewest bytes one value of this type occupies in a file (a string is at least its 8-byte
    /// length, an array at least its 4-byte element type and 8-byte count).
    var minimumEncodedSize: Int {
        switch self {
        case .uint8, .int8, .bool: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .uint64, .int64, .float64, .string: 8
        case .array: 12
        }
    }
}

/// One metadata value.
public enum GGUFValue: Sendable, Equatable {
    case uint8(UInt8)
    case int8(Int8)
    case uint16(UInt16)
    case int16(Int16)
    case uint32(UInt32)
    case int32(Int32)
    case uint64(UInt64)
    case int64(Int64)
    case float32(Float)
    case float64(Double)
    case bool(Bool)
    case string(String)
    case array(GGUFArray)

    /// The type number this value has in the file.
    public var type: GGUFValueType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .uint64: .uint64
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .bool: .bool
        case .string: .string
        case .array: .array
        }
    }

    /// The value of any integer type, when it fits in `Int`.
    public var integer: Int? {
        switch self {
        case .uint8(let v): Int(v)
        case .int8(let v): Int(v)
        case .uint16(let v): Int(v)
        case .int16(let v): Int(v)
        case .uint32(let v): Int(v)
        case .int32(let v): Int(v)
        case .uint64(let v): Int(exactly: v)
        case .int64(let v): Int(exactly: v)
        default: nil
        }
    }

    /// The value of a float32 or float64.
    public var double: Double? {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        default: nil
        }
    }

    /// The value of a bool.
    public var bool: Bool? {
        if case .bool(let v) = self { return v }
        return nil
    }

    /// The value of a string.
    public var string: String? {
        if case .string(let v) = self { return v }
        return nil
    }

    /// The value of an array.
    public var array: GGUFArray? {
        if case .array(let v) = self { return v }
        return nil
    }
}

/// A metadata array: all elements have one type, which may itself be array (nested arrays).
public enum GGUFArray: Sendable, Equatable {
    case uint8([UInt8])
    case int8([Int8])
    case uint16([UInt16])
    case int16([Int16])
    case uint32([UInt32])
    case int32([Int32])
    case uint64([UInt64])
    case int64([Int64])
    case float32([Float])
    case float64([Double])
    case bool([Bool])
    case string([String])
    case array([GGUFArray])

    /// The element type.
    public var elementType: GGUFValueType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .uint64: .uint64
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .bool: .bool
        case .string: .string
        case .array: .array
        }
    }

    /// The number of elements.
    public var count: Int {
        switch self {
        case .uint8(let v): v.count
        case .int8(let v): v.count
        case .uint16(let v): v.count
        case .int16(let v): v.count
        case .uint32(let v): v.count
        case .int32(let v): v.count
        case .uint64(let v): v.count
        case .int64(let v): v.count
        case .float32(let v): v.count
        case .float64(let v): v.count
        case .bool(let v): v.count
        case .string(let v): v.count
        case .array(let v): v.count
        }
    }

    /// The elements of a string array.
    public var strings: [String]? {
        if case .string(let v) = self { return v }
        return nil
    }

    /// The elements of an integer array of any integer type, when every one fits in `Int`.
    public var integers: [Int]? {
        switch self {
        case .uint8(let v): return v.map { Int($0) }
        case .int8(let v): return v.map { Int($0) }
        case .uint16(let v): return v.map { Int($0) }
        case .int16(let v): return v.map { Int($0) }
        case .uint32(let v): return v.map { Int($0) }
        case .int32(let v): return v.map { Int($0) }
        case .uint64(let v):
            var result: [Int] = []
            result.reserveCapacity(v.count)
            for x in v {
                guard let i = Int(exactly: x) else { return nil }
                result.append(i)
            }
            return result
        case .int64(let v): return v.map { Int($0) }
        default: return nil
        }
    }

    /// The elements of a float32 array.
    public var floats: [Float]? {
        if case .float32(let v) = self { return v }
        return nil
    }
}
