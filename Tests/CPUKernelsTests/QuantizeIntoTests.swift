// `quantize(…, into:)`: the result is the plain `quantize`'s bit for bit whatever the output held
// before, the output's arrays are written again when their sizes fit (no new allocation), a
// copy that shares them is left alone, and an error leaves the output unchanged.

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct QuantizeIntoTests {
    func quantizer(_ isa: QuantizationISA, threads: Int = 2) -> CPUQuantizer {
        CPUQuantizer(threads: threads, minimumPerThread: 1, isa: isa)
    }

    func quantize(_ q: CPUQuantizer, _ v: [Float], _ rows: Int, _ cols: Int, _ c: QuantizationConfig) throws
        -> QuantizedTensor
    {
        try v.withUnsafeBufferPointer { b throws(QuantizationError) in
            try q.quantize(.f32(b), rows: rows, cols: cols, config: c)
        }
    }

    func quantize(
        _ q: CPUQuantizer, _ v: [Float], _ rows: Int, _ cols: Int, _ c: QuantizationConfig,
        into output: inout QuantizedTensor
    ) throws {
        try v.withUnsafeBufferPointer { b throws(QuantizationError) in
            try q.quantize(.f32(b), rows: rows, cols: cols, config: c, into: &output)
        }
    }

    /// Every option of every format and rule on a ragged shape: the output first holds another
    /// tensor's result with every byte then set to 0xFF (stale padding included), so a byte the
    /// kernels did not write would show.
    @Test(arguments: formatRules.map { "\($0.0.rawValue)/\($0.1.rawValue)" })
    func sameResultInReusedArrays(_ name: String) throws {
        let (format, rule) = formatRules.first { "\($0.0.rawValue)/\($0.1.rawValue)" == name }!
        let (rows, cols) = (20, 37)
        for isa in availableISAs {
            let q = quantizer(isa)
            for (i, config) in allOptionConfigs(format, rule).enumerated() {
                let values = Distribution.normal.sample(rows * cols, cols: cols, seed: UInt64(i))
                let other = Distribution.heavyTailed.sample(rows * cols, cols: cols, seed: UInt64(i + 100))
                let expected = try quantize(q, values, rows, cols, config)
                var output = try quantize(q, other, rows, cols, config)
                output.codes.withUnsafeMutableBufferPointer { $0.update(repeating: 0xFF) }
                output.scales.withUnsafeMutableBufferPointer { $0.update(repeating: 0xFF) }
                let before = output.codes.withUnsafeBufferPointer { $0.baseAddress }
                try quantize(q, values, rows, cols, config, into: &output)
                let m = mismatch(output, expected)
                #expect(m == nil, "\(config.label) \(isa): \(m ?? "")")
                #expect(output.codes.withUnsafeBufferPointer { $0.baseAddress } == before, "\(config.label) \(isa)")
            }
        }
    }

    /// Another shape, or a format whose scale array has another size: new arrays, same result.
    @Test func otherSizesAllocate() throws {
        let q = quantizer(.selected)
        let nvfp4 = QuantizationConfig(format: .nvfp4, rule: .mse)
        var output = try quantize(q, Distribution.normal.sample(20 * 37, cols: 37, seed: 1), 20, 37, nvfp4)
        let values = Distribution.normal.sample(24 * 64, cols: 64, seed: 2)
        try quantize(q, values, 24, 64, nvfp4, into: &output)
        #expect(mismatch(output, try quantize(q, values, 24, 64, nvfp4)) == nil)
        // MXFP4 (blocks of 32) of the same shape: same code bytes, half the scale bytes.
        let mxfp4 = QuantizationConfig(format: .mxfp4)
        try quantize(q, values, 24, 64, mxfp4, into: &output)
        #expect(mismatch(output, try quantize(q, values, 24, 64, mxfp4)) == nil)
    }

    /// A copy sharing the output's arrays keeps its values (they are copied, not written).
    @Test func sharedArraysAreNotWritten() throws {
        let q = quantizer(.selected)
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        let first = Distribution.normal.sample(16 * 64, cols: 64, seed: 3)
        var output = try quantize(q, first, 16, 64, config)
        let kept = output
        let values = Distribution.outliers.sample(16 * 64, cols: 64, seed: 4)
        try quantize(q, values, 16, 64, config, into: &output)
        #expect(mismatch(output, try quantize(q, values, 16, 64, config)) == nil)
        #expect(kept.codes != output.codes)
        #expect(mismatch(kept, try quantize(q, first, 16, 64, config)) == nil)
    }

    /// A NaN input or a shape mismatch throws and leaves the output as it was.
    @Test func errorLeavesOutputUnchanged() throws {
        let q = quantizer(.selected)
        let config = QuantizationConfig(format: .nvfp4, rule: .mse)
        var output = try quantize(q, Distribution.normal.sample(16 * 64, cols: 64, seed: 5), 16, 64, config)
        let before = output
        var bad = Distribution.normal.sample(16 * 64, cols: 64, seed: 6)
        bad[77] = .nan
        #expect(throws: QuantizationError.self) { try quantize(q, bad, 16, 64, config, into: &output) }
        #expect(output == before)
        #expect(throws: QuantizationError.self) { try quantize(q, bad, 16, 63, config, into: &output) }
        #expect(output == before)
    }
}
