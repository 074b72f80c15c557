// The swizzled 128×4 scale layout against an independent implementation of the layout the
// reference and cuBLAS read: PyTorch's `to_blocked` (torchao, the cuBLAS block-scaling-factors
// layout), written out here as the tensor operations it is, not with `ScaleLayout`'s index
// formula — over whole scale matrices and whole quantized tensors, on shapes whose scale rows
// are not a multiple of 128 and whose scale columns are not a multiple of 4.
//
//     padded = zeros(128·⌈R/128⌉, 4·⌈C/4⌉); padded[:R, :C] = scales
//     blocks = padded.view(⌈R/128⌉, 128, ⌈C/4⌉, 4).permute(0, 2, 1, 3)
//     return blocks.reshape(-1, 4, 32, 4).transpose(1, 2).reshape(-1, 32, 16).flatten()

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

/// A contiguous row-major tensor of `shape`, its axes permuted (PyTorch's `permute` followed by
/// `contiguous()`): axis k of the result is axis `order[k]` of the input.
func permutedAxes<T>(_ a: [T], shape: [Int], _ order: [Int]) -> [T] {
    precondition(a.count == shape.reduce(1, *) && order.sorted() == Array(shape.indices))
    var strides = [Int](repeating: 1, count: shape.count)
    for k in stride(from: shape.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * shape[k + 1] }
    let outShape = order.map { shape[$0] }
    var out: [T] = []
    out.reserveCapacity(a.count)
    var index = [Int](repeating: 0, count: shape.count)  // multi-index into the result
    for _ in 0..<a.count {
        var offset = 0
        for k in index.indices { offset += index[k] * strides[order[k]] }
        out.append(a[offset])
        var k = index.count - 1
        while k >= 0 {
            index[k] += 1
            if index[k] < outShape[k] { break }
            index[k] = 0
            k -= 1
        }
    }
    return out
}

/// PyTorch's `to_blocked` of a row-major `[rows, cols]` scale matrix (reshapes of contiguous
/// data are free; the two permutes are materialised).
func toBlocked(_ scales: [UInt8], rows: Int, cols: Int) -> [UInt8] {
    let rowBlocks = (rows + 127) / 128, colBlocks = (cols + 3) / 4
    var padded = [UInt8](repeating: 0, count: rowBlocks * 128 * colBlocks * 4)
    for r in 0..<rows {
        for c in 0..<cols { padded[r * colBlocks * 4 + c] = scales[r * cols + c] }
    }
    let blocks = permutedAxes(padded, shape: [rowBlocks, 128, colBlocks, 4], [0, 2, 1, 3])
    return permutedAxes(blocks, shape: [blocks.count / 512, 4, 32, 4], [0, 2, 1, 3])
}

@Suite struct SwizzledScaleLayoutTests {
    /// Scale-matrix shapes: rows on and off multiples of 128 (and of 32, the inner stripe),
    /// columns on and off multiples of 4.
    static let matrixShapes: [(Int, Int)] = [
        (1, 1), (1, 4), (5, 3), (31, 2), (32, 4), (33, 5), (127, 4), (128, 4), (128, 8), (129, 1),
        (130, 3), (200, 6), (256, 8), (257, 9), (300, 7), (383, 12), (384, 13),
    ]

    /// The test's `to_blocked` reproduces the spec's worked examples (§5), so it is the layout
    /// the spec means and not a mirror of a mistake.
    @Test func toBlockedMatchesTheSpecExamples() {
        var m = [UInt8](repeating: 0, count: 128 * 8)
        m[5 * 8 + 2] = 1
        m[5 * 8 + 5] = 2
        let blocked = toBlocked(m, rows: 128, cols: 8)
        #expect(blocked.count == 1024)
        #expect(blocked.firstIndex(of: 1) == 82 && blocked.firstIndex(of: 2) == 593)
    }

    /// `ScaleLayout.swizzle` of whole matrices equals `to_blocked` byte for byte (padding
    /// included), and `unswizzle` of `to_blocked` gives the matrix back.
    @Test func swizzleEqualsToBlocked() {
        var g = SplitMix64(seed: 0x5C41E)
        for (rows, cols) in Self.matrixShapes {
            // Bytes 1…255: a zero in the matrix could hide a padding byte in the wrong place.
            let m = (0..<(rows * cols)).map { _ in UInt8(1 + g.next() % 255) }
            let expected = toBlocked(m, rows: rows, cols: cols)
            let swizzled = ScaleLayout.swizzle(m, rows: rows, cols: cols)
            #expect(swizzled == expected, "\(rows)×\(cols)")
            #expect(ScaleLayout.swizzledByteCount(rows: rows, cols: cols) == expected.count, "\(rows)×\(cols)")
            #expect(ScaleLayout.unswizzle(expected, rows: rows, cols: cols) == m, "\(rows)×\(cols)")
        }
    }

    /// Quantized tensors with the swizzled layout — from the reference and from the CPU
    /// kernels, which write swizzled bytes directly — hold `to_blocked` of the row-major scales,
    /// for every format (IF4's flag bit included), 1-D and 2-D scales, with and without
    /// transpose, on tensors whose scale matrices are ragged in both directions.
    @Test func quantizedTensorsHoldToBlockedScales() throws {
        // (rows, cols) of the source tensor; the scale matrix is [rows, ⌈cols/16⌉] (⌈cols/32⌉
        // for MXFP4), or [cols, ⌈rows/16⌉] transposed.
        let shapes: [(Int, Int)] = [(130, 48), (200, 100), (257, 144), (33, 272), (128, 64), (48, 130)]
        let configs: [QuantizationConfig] = [
            QuantizationConfig(format: .nvfp4, rule: .static6),
            QuantizationConfig(format: .nvfp4, rule: .mse, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .absMax, transpose: true),
            QuantizationConfig(format: .mxfp4, rule: .static6),
            QuantizationConfig(format: .mxfp4, rule: .static4, transpose: true, blockScale2D: true),
            QuantizationConfig(format: .nvint4, rule: .static6, rht: true),
            QuantizationConfig(format: .if4, rule: .mae),
            QuantizationConfig(format: .if4, rule: .mse, rounding: .stochastic(seed: 3), transpose: true),
        ]
        for (rows, cols) in shapes {
            let x = Distribution.mixedScales.sample(rows * cols, cols: cols, seed: UInt64(rows * 7 + cols))
            for config in configs {
                let label = "\(config.label) [\(rows)×\(cols)]"
                let rowMajor = try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config)
                let expected = toBlocked(rowMajor.scales, rows: rowMajor.rows, cols: rowMajor.scaleCols)
                // The shape must exercise the padding it claims to.
                #expect(rowMajor.scales.count == rowMajor.rows * rowMajor.scaleCols)
                #expect(Set(rowMajor.scales).count > 1, "\(label): the scales do not vary")
                let swizzledConfig = config.withLayout(.swizzled128x4)
                var results = [
                    (
                        "reference",
                        try ReferenceQuantizer.quantize(
                            x, rows: rows, cols: cols,
                            config: swizzledConfig)
                    )
                ]
                for threads in [1, 3] {
                    let q = try x.withUnsafeBufferPointer { b throws(QuantizationError) in
                        try CPUQuantizer.quantize(
                            .f32(b), rows: rows, cols: cols, config: swizzledConfig, amax: nil,
                            threads: threads, minimumPerThread: 1)
                    }
                    results.append(("CPU threads \(threads)", q))
                }
                for (name, q) in results {
                    #expect(q.scales == expected, "\(label) \(name): scales are not to_blocked's")
                    #expect(q.codes == rowMajor.codes, "\(label) \(name): codes")
                    #expect(q.rowMajorScales() == rowMajor.scales, "\(label) \(name): unswizzled")
                }
                #expect(rowMajor.withScaleLayout(.swizzled128x4).scales == expected, "\(label) withScaleLayout")
                // The CPU dequantizer reads the swizzled bytes where `to_blocked` put them.
                let swizzled = results[0].1
                var got = [Float](repeating: .nan, count: swizzled.rows * swizzled.cols)
                got.withUnsafeMutableBufferPointer {
                    CPUQuantizer.dequantize(swizzled, into: $0, threads: 2, minimumPerThread: 1)
                }
                #expect(bitDifference(got, ReferenceQuantizer.dequantize(rowMajor)) == nil, "\(label) dequantized")
            }
        }
    }
}
