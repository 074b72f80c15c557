// HeaderEncoder.swift — builds the header a writer puts at the start of a safetensors file.
// Promises: the JSON lists "__metadata__" first (only if non-empty, keys sorted so output is
// deterministic), then the tensors in declared order with data offsets assigned back to back in
// that order; it is padded with spaces so the data section starts at an 8-byte aligned offset;
// the result reads back through HeaderParser as the same tensors and metadata.

import JSONText

enum HeaderEncoder {
    /// The data section starts at a multiple of this many bytes from the start of the file.
    static let alignment = 8

    /// The complete file prefix (8-byte length + padded JSON) and each tensor's data offsets.
    /// The specs must already be validated (unique names, valid shapes).
    static func encode(
        tensors: [(spec: TensorSpec, byteCount: Int)], metadata: [String: String]
    ) -> (prefix: [UInt8], offsets: [Range<Int>]) {
        var json = "{"
        var first = true
        if !metadata.isEmpty {
            json += jsonQuoted("__metadata__") + ":{"
            var firstKey = true
            for key in metadata.keys.sorted() {
                if !firstKey { json += "," }
                firstKey = false
                json += jsonQuoted(key) + ":" + jsonQuoted(metadata[key]!)
            }
            json += "}"
            first = false
        }
        var offsets: [Range<Int>] = []
        offsets.reserveCapacity(tensors.count)
        var position = 0
        for (spec, byteCount) in tensors {
            if !first { json += "," }
            first = false
            let range = position..<(position + byteCount)
            offsets.append(range)
            position = range.upperBound
            json += jsonQuoted(spec.name)
            json += ":{\"dtype\":\"\(spec.dtype.rawValue)\",\"shape\":["
            json += spec.shape.map(String.init).joined(separator: ",")
            json += "],\"data_offsets\":[\(range.lowerBound),\(range.upperBound)]}"
        }
        json += "}"

        var header = Array(json.utf8)
        let unaligned = (HeaderParser.prefixLength + header.count) % alignment
        if unaligned != 0 {
            header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: alignment - unaligned))
        }
        var prefix: [UInt8] = []
        prefix.reserveCapacity(HeaderParser.prefixLength + header.count)
        var length = UInt64(header.count)
        for _ in 0..<HeaderParser.prefixLength {
            prefix.append(UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        prefix.append(contentsOf: header)
        return (prefix, offsets)
    }
}
