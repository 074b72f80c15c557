// Inputs near the float32 maximum: the fast quantizer against the scalar reference bit for bit
// on both sides of the RHT fallback threshold (`QuantizationPolicy.rhtFallbackMagnitude`, 2^124),
// every format and rule, with and without RHT; an input whose RHT overflows float32 is rejected
// with a typed error by both (it used to trap the process); and what quantizing
// Float.greatestFiniteMagnitude gives, checked against values worked out from the spec.

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct NearFloatMaxTests {
    /// Magnitudes just below, at and above the fallback threshold, up to the float maximum.
    static let magnitudes: [Float] = [
        Float(0x1p124).nextDown, 0x1p124, Float(0x1p124).nextUp, 0x1p125, 0x1p126, .greatestFiniteMagnitude,
    ]

    /// A row of R's transposed sign pattern: `g · R` of these 16 values puts 4·m in output 0
    /// (every product is +m/4), so the RHT of m ≥ about 2^126 overflows.
    static func concentratedGroup(_ m: Float) -> [Float] { RandomHadamard.signs.map { $0 * m } }

    /// Normal values with a few elements of magnitude `m` scattered over rows and groups (no group's
    /// RHT can overflow: each holds one large value, which the transform divides by 4).
    static func scattered(_ m: Float, rows: Int, cols: Int) -> [Float] {
        var x = Distribution.normal.sample(rows * cols, cols: cols, seed: 0x0BF1)
        for (k, i) in [3, cols + 17, 5 * cols + 32, (rows - 1) * cols + cols - 1].enumerated() {
            x[i] = k % 2 == 0 ? m : -m
        }
        return x
    }

    /// Every format, rule and option (transpose, RHT, 2-D, stochastic, layout), CPU at 1 and 2
    /// threads against the reference: codes, scales, amax, counts and dequantized values.
    @Test(arguments: NearFloatMaxTests.magnitudes)
    func fastPathEqualsTheReference(_ m: Float) {
        let (rows, cols) = (20, 37)
        let x = Self.scattered(m, rows: rows, cols: cols)
        for (format, rule) in formatRules {
            for config in allOptionConfigs(format, rule) {
                let result = compare(x, rows: rows, cols: cols, config: config, threads: [1, 2])
                #expect(result == nil, "m = \(m): \(result ?? "")")
            }
        }
        // Every element large: the whole tensor is near m (and every RHT group holds several), with
        // one group whose transform is 4·m (below 2^124 the largest input the fast path's RHT sees,
        // and its largest output).
        if m <= 0x1p124 {
            var big = Distribution.normal.sample(rows * cols, cols: cols, seed: 7).map { max(-m, min(m, $0 * m / 4)) }
            big.replaceSubrange((2 * cols)..<(2 * cols + 16), with: Self.concentratedGroup(m))
            for (format, rule) in formatRules {
                for rht in [false, true] {
                    let config = QuantizationConfig(format: format, rule: rule, rht: rht)
                    let result = compare(big, rows: rows, cols: cols, config: config, threads: [2])
                    #expect(result == nil, "m = \(m), every element large: \(result ?? "")")
                }
            }
        }
    }

    /// An input whose RHT overflows: both quantizers throw `rhtOverflow` with the input's largest
    /// magnitude, with or without a supplied amax, for every format and rule (and `amax` too);
    /// without RHT the same input quantizes, the CPU equal to the reference. Just below the
    /// overflow the transform is finite and both agree.
    @Test func overflowingRHTIsRejected() throws {
        let (rows, cols) = (3, 32)
        for m: Float in [0x1p126, .greatestFiniteMagnitude] {
            var x = Distribution.normal.sample(rows * cols, cols: cols, seed: 11)
            x.replaceSubrange((cols + 16)..<(cols + 32), with: Self.concentratedGroup(m))
            for (format, rule) in formatRules {
                for supplied: Float? in [nil, 3] {
                    let config = QuantizationConfig(
                        format: format, rule: rule, rht: true, blockScale2D: supplied != nil)
                    let reference = Result { () throws(QuantizationError) in
                        try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config, amax: supplied)
                    }
                    let fast = Result { () throws(QuantizationError) in
                        try x.withUnsafeBufferPointer { b throws(QuantizationError) in
                            try CPUQuantizer.quantize(
                                .f32(b), rows: rows, cols: cols, config: config, amax: supplied,
                                threads: 2, minimumPerThread: 1)
                        }
                    }
                    for (name, result) in [("reference", reference), ("CPU", fast)] {
                        guard case .failure(.rhtOverflow(let magnitude)) = result else {
                            Issue.record("\(name) \(config.label) m = \(m): expected rhtOverflow, got \(result)")
                            continue
                        }
                        #expect(magnitude == m)
                    }
                }
                let amax = Result { () throws(QuantizationError) in
                    try x.withUnsafeBufferPointer { b throws(QuantizationError) in
                        try CPUQuantizer.amax(
                            .f32(b), rows: rows, cols: cols,
                            config: QuantizationConfig(format: format, rule: rule, rht: true))
                    }
                }
                if format == .mxfp4 {
                    #expect(try amax.get() == 1)
                } else {
                    #expect(amax == .failure(.rhtOverflow(maxMagnitude: m)), "amax \(format)/\(rule)")
                }
                let plain = compare(
                    x, rows: rows, cols: cols, config: QuantizationConfig(format: format, rule: rule),
                    threads: [1, 2])
                #expect(plain == nil, "without RHT, m = \(m): \(plain ?? "")")
            }
        }
        // 2^125 concentrated: the transform gives 2^127, finite; the scalar path runs.
        var x = Distribution.normal.sample(rows * cols, cols: cols, seed: 12)
        x.replaceSubrange(0..<16, with: Self.concentratedGroup(0x1p125))
        for (format, rule) in formatRules {
            let config = QuantizationConfig(format: format, rule: rule, rht: true)
            let result = compare(x, rows: rows, cols: cols, config: config, threads: [1, 2])
            #expect(result == nil, "2^125 concentrated: \(result ?? "")")
            if format != .mxfp4 {
                #expect(try ReferenceQuantizer.quantize(x, rows: rows, cols: cols, config: config).amax == 0x1p127)
            }
        }
    }

    /// Float.greatestFiniteMagnitude without RHT, standard NVFP4, worked out from the spec:
    /// amax = max; enc = 2688 / max; the block holding max has scale (max / 6) · enc = 448 → E4M3
    /// 0x7E and the element code 7 (6); a block of ±1 has scale (1 / 6) · enc, a float32 value
    /// far below E4M3's smallest subnormal (2^-9), so byte 0 and every code +0 (spec §1: a block
    /// whose scale is 0 stores +0, also for −1).
    /// Dequantization follows the spec's order ((q · scale) · amax) · (1 / 2688): 6 · 448 · max
    /// overflows, so the largest element decodes to +∞ — the spec's arithmetic, not a library
    /// choice; elements in blocks with scale 0 decode to ±0.
    @Test func greatestFiniteMagnitudeWithoutRHT() throws {
        let max = Float.greatestFiniteMagnitude
        var x = [Float](repeating: 1, count: 32)
        x[0] = max
        x[5] = -max / 2
        x[17] = -1
        let expectedScale: [UInt8] = [0x7E, 0]
        for threads in [1, 2] {
            let q = try x.withUnsafeBufferPointer { b throws(QuantizationError) in
                try CPUQuantizer.quantize(
                    .f32(b), rows: 1, cols: 32, config: QuantizationConfig(rule: .static6),
                    amax: nil, threads: threads, minimumPerThread: 1)
            }
            #expect(q.amax == max && q.scales == expectedScale)
            let codes = NibblePacking.unpack(q.codes)
            // The 1s of block 0 scale to about 1.8e-38 → code 0; −max/2 to −3 → code 0xD (sign | index 5).
            var expectedCodes = [UInt8](repeating: 0, count: 32)
            expectedCodes[0] = 7
            expectedCodes[5] = 0xD
            #expect(codes == expectedCodes)
            let d = CPUQuantizer(threads: threads).dequantize(q)
            #expect(d[0] == .infinity && d[5] == -.infinity, "\(d[0]) \(d[5])")
            #expect(d.indices.filter { $0 != 0 && $0 != 5 }.allSatisfy { d[$0] == 0 })
            #expect(bitDifference(d, ReferenceQuantizer.dequantize(q)) == nil)
        }
    }
}
