// The fast quantizer against the scalar reference, bit for bit: codes, scale bytes, amax,
// block counts and dequantized values, for every format × rule × option, on shapes at block
// boundaries, several distributions, inputs in F32/BF16/F16, and threads 1, 2, 3, 7.

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

let formatRules: [(BlockFormat, ScaleRule)] = BlockFormat.allCases.flatMap { f in f.supportedRules.map { (f, $0) } }

@Suite struct QuantizerParityTests {
    /// Every option combination (transpose, RHT, 2-D, stochastic, scale layout) of every
    /// format and rule, on a ragged shape (rows and columns off every block boundary).
    @Test(arguments: formatRules.map { "\($0.0.rawValue)/\($0.1.rawValue)" })
    func everyOption(_ name: String) {
        let (format, rule) = formatRules.first { "\($0.0.rawValue)/\($0.1.rawValue)" == name }!
        let (rows, cols) = (20, 37)
        for (i, config) in allOptionConfigs(format, rule).enumerated() {
            let dist: Distribution = [.normal, .heavyTailed, .outliers, .ties][i % 4]
            let values = dist.sample(rows * cols, cols: cols, seed: UInt64(i))
            let result = compare(values, rows: rows, cols: cols, config: config, threads: [i % 2 == 0 ? 2 : 3])
            #expect(result == nil, "\(dist): \(result ?? "")")
        }
    }

    /// Shapes on and around block boundaries, rows not divisible by the thread counts.
    @Test(arguments: [1, 15, 16, 17, 31, 32, 33, 64, 127, 128, 129])
    func shapes(_ cols: Int) {
        let configs = [
            QuantizationConfig(format: .nvfp4, rule: .static6),
            QuantizationConfig(format: .nvfp4, rule: .mse),
            QuantizationConfig(format: .nvfp4, rule: .absMax, blockScale2D: true),
            QuantizationConfig(format: .mxfp4, rule: .static6),
            QuantizationConfig(format: .if4, rule: .mae, transpose: true),
            QuantizationConfig(format: .nvint4, rule: .static6, scaleLayout: .swizzled128x4),
        ]
        for rows in [3, 17] {
            for (i, config) in configs.enumerated() {
                let values = Distribution.normal.sample(rows * cols, cols: cols, seed: UInt64(rows * 1000 + cols + i))
                let result = compare(values, rows: rows, cols: cols, config: config, threads: [1, 2, 7])
                #expect(result == nil, "\(result ?? "")")
            }
        }
    }

    /// Every distribution with the default rule of every format, 1-D and 2-D.
    @Test(arguments: Distribution.allCases)
    func distributions(_ dist: Distribution) {
        let (rows, cols) = (24, 48)
        for format in BlockFormat.allCases {
            for twoD in [false, true] {
                let config = QuantizationConfig(format: format, blockScale2D: twoD)
                let values = dist.sample(rows * cols, cols: cols, seed: 99)
                let result = compare(values, rows: rows, cols: cols, config: config)
                #expect(result == nil, "\(result ?? "")")
            }
        }
        // Every 4/6 and IF4 rule on this distribution.
        for (format, rule) in formatRules where rule.isAdaptive {
            let values = dist.sample(rows * cols, cols: cols, seed: 5)
            let result = compare(
                values, rows: rows, cols: cols, config: QuantizationConfig(format: format, rule: rule),
                threads: [2])
            #expect(result == nil, "\(result ?? "")")
        }
    }

    /// A supplied amax: smaller than the data (scales saturate), larger, zero, tiny, and so
    /// tiny that the tensor scale is degenerate (stored as zeros).
    @Test func suppliedAmax() {
        let (rows, cols) = (9, 50)
        let values = Distribution.normal.sample(rows * cols, cols: cols, seed: 4)
        for amax: Float in [0.5, 3, 1000, 0, 1e-20, 1e-30, 1e-34, 1e-38] {
            for (format, rule) in formatRules {
                let config = QuantizationConfig(format: format, rule: rule)
                let result = compare(values, rows: rows, cols: cols, config: config, amax: amax, threads: [1, 2])
                #expect(result == nil, "amax \(amax): \(result ?? "")")
            }
        }
    }

    /// Tiny supplied amax, where the fast path hands the tensor to the scalar reference: checked
    /// against what the spec and README "Numerics" say, not against the reference.
    @Test func tinySuppliedAmaxFollowsTheSpec() throws {
        let (rows, cols) = (9, 50)
        let values = Distribution.normal.sample(rows * cols, cols: cols, seed: 4)
        func fast(_ config: QuantizationConfig, amax: Float) throws -> QuantizedTensor {
            try values.withUnsafeBufferPointer { b throws(QuantizationError) in
                try CPUQuantizer.quantize(
                    .f32(b), rows: rows, cols: cols, config: config, amax: amax, threads: 2,
                    minimumPerThread: 1)
            }
        }
        // amax 1e-38: M·S / amax overflows float32, so there is no tensor scale and the tensor is
        // stored as zeros (every scale byte and every code 0).
        for (format, rule) in formatRules where format != .mxfp4 {
            let q = try fast(QuantizationConfig(format: format, rule: rule), amax: 1e-38)
            #expect(
                q.amax == 1e-38 && q.scales.allSatisfy { $0 == 0 } && q.codes.allSatisfy { $0 == 0 },
                "\(format.rawValue)/\(rule.rawValue)")
        }
        // amax 1e-34 (finite tensor scale, dec below 2^-116): every block maximum is far above the
        // amax, so every E4M3 scale saturates at 448 (byte 0x7E) and every element at ±6 (code 7
        // with x's sign bit), as standard NVFP4 defines saturation.
        let q = try fast(QuantizationConfig(rule: .static6), amax: 1e-34)
        #expect(q.scales.allSatisfy { $0 == 0x7E })
        let codes = NibblePacking.unpack(q.codes)
        for r in 0..<rows {
            for c in 0..<cols {
                let x = values[r * cols + c]
                #expect(codes[r * q.paddedCols + c] == (x < 0 ? 0xF : 0x7), "(\(r), \(c)) x = \(x)")
            }
        }
    }

    /// The fast dequantizer (a table per scale byte) against the spec's formula written out here:
    /// x̂ = ((q · scale) · amax) · r with r = 1 / (M·S) rounded to float32, E2M1 magnitudes
    /// 0, ½, 1, 1½, 2, 3, 4, 6 (bit 3 the sign) and E4M3 = (1 + m/8)·2^(e−7), subnormal m/8 · 2^−6.
    @Test(arguments: [(ScaleRule.static6, Float(6 * 448)), (.mse, Float(6 * 256))])
    func dequantizationFollowsTheSpecFormula(_ rule: ScaleRule, _ productMS: Float) throws {
        let magnitudes: [Float] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
        func e2m1(_ code: UInt8) -> Float { (code & 8 != 0 ? -1 : 1) * magnitudes[Int(code & 7)] }
        func e4m3(_ byte: UInt8) -> Float {
            let e = Int(byte >> 3) & 0xF, m = Float(byte & 7)
            let magnitude = e == 0 ? m / 8 * 0x1p-6 : (1 + m / 8) * Float(sign: .plus, exponent: e - 7, significand: 1)
            return byte & 0x80 != 0 ? -magnitude : magnitude
        }
        // Row b: scale byte b (E4M3 NaN bytes 0x7F and 0xFF left out); its 16 elements are the 16 codes.
        let bytes = (0...255).map(UInt8.init).filter { $0 & 0x7F != 0x7F }
        let rows = bytes.count, cols = 16
        let packedRow: [UInt8] = (0..<8).map { k in UInt8(2 * k) | UInt8(2 * k + 1) << 4 }
        for amax: Float in [3.7, 1e-3, 448 * 6] {
            let q = QuantizedTensor(
                config: QuantizationConfig(rule: rule), rows: rows, cols: cols, paddedCols: cols,
                sourceRows: rows, sourceCols: cols, amax: amax,
                codes: Array([[UInt8]](repeating: packedRow, count: rows).joined()), scales: bytes,
                alternativeBlockCount: 0, blockCount: rows)
            let r = 1 / productMS
            var expected: [Float] = []
            for byte in bytes {
                for code in 0..<UInt8(16) { expected.append(((e2m1(code) * e4m3(byte)) * amax) * r) }
            }
            for threads in [1, 3] {
                for isa in availableISAs {
                    var got = [Float](repeating: .nan, count: rows * cols)
                    got.withUnsafeMutableBufferPointer {
                        CPUQuantizer.dequantize(q, into: $0, threads: threads, minimumPerThread: 1, isa: isa)
                    }
                    #expect(bitDifference(got, expected) == nil, "amax \(amax), threads \(threads), \(isa)")
                    var bf = [UInt16](repeating: 0, count: rows * cols)
                    bf.withUnsafeMutableBufferPointer {
                        CPUQuantizer.dequantizeBF16(q, into: $0, threads: threads, minimumPerThread: 1, isa: isa)
                    }
                    #expect(bf == expected.map(BFloat16.bits(from:)), "BF16, amax \(amax), threads \(threads), \(isa)")
                }
                // The AVX2 decoder's non-temporal stores (used for outputs larger than the caches).
                if QuantizationISA.avx2.isAvailable {
                    let f = UnsafeMutableRawPointer.allocate(byteCount: 4 * rows * cols, alignment: 64)
                    let h = UnsafeMutableRawPointer.allocate(byteCount: 2 * rows * cols, alignment: 64)
                    defer { f.deallocate(); h.deallocate() }
                    let fb = UnsafeMutableBufferPointer(
                        start: f.bindMemory(to: Float.self, capacity: rows * cols),
                        count: rows * cols)
                    let hb = UnsafeMutableBufferPointer(
                        start: h.bindMemory(to: UInt16.self, capacity: rows * cols),
                        count: rows * cols)
                    CPUQuantizer.dequantize(
                        q, into: fb, threads: threads, minimumPerThread: 1, isa: .avx2,
                        streamingBytes: 0)
                    CPUQuantizer.dequantizeBF16(
                        q, into: hb, threads: threads, minimumPerThread: 1, isa: .avx2,
                        streamingBytes: 0)
                    #expect(bitDifference(Array(fb), expected) == nil, "streamed, amax \(amax), threads \(threads)")
                    #expect(Array(hb) == expected.map(BFloat16.bits(from:)), "streamed BF16, amax \(amax)")
                }
            }
        }
    }

    /// BF16 and F16 inputs are read directly; the reference sees their exact float32 values.
    @Test func halfPrecisionInputs() throws {
        let (rows, cols) = (19, 70)
        let base = Distribution.heavyTailed.sample(rows * cols, cols: cols, seed: 8).map { $0 * 0.01 }
        let bf16 = base.map { BFloat16.bits(from: $0) }
        let f16 = base.map { Float16Bits.bits(from: max(-60000, min(60000, $0))) }
        for config in [
            QuantizationConfig(), QuantizationConfig(rht: true), QuantizationConfig(transpose: true),
            QuantizationConfig(format: .mxfp4, blockScale2D: true, scaleLayout: .swizzled128x4),
        ] {
            for (bitsArray, widen) in [(bf16, BFloat16.float(fromBits:)), (f16, Float16Bits.float(fromBits:))] {
                let isBF16 = widen(0x3F80) == 1
                let expected = try ReferenceQuantizer.quantize(
                    bitsArray.map(widen), rows: rows, cols: cols, config: config)
                for t in [1, 2, 3] {
                    for isa in availableISAs {
                        let got = try bitsArray.withUnsafeBufferPointer { b throws(QuantizationError) in
                            try CPUQuantizer.quantize(
                                isBF16 ? .bf16(b) : .f16(b), rows: rows, cols: cols,
                                config: config, amax: nil, threads: t, minimumPerThread: 1,
                                isa: isa)
                        }
                        #expect(
                            mismatch(got, expected) == nil,
                            "\(config.label) \(isBF16 ? "bf16" : "f16") \(isa) threads \(t)")
                    }
                    let a = try bitsArray.withUnsafeBufferPointer { b throws(QuantizationError) in
                        try CPUQuantizer.amax(
                            isBF16 ? .bf16(b) : .f16(b), rows: rows, cols: cols, config: config, threads: t)
                    }
                    #expect(a == expected.amax)
                }
            }
        }
        // Every F16 bit pattern that is finite widens exactly.
        let all = (0..<UInt16(0xFFFF)).filter { ($0 & 0x7C00) != 0x7C00 }
        var padded = all
        while padded.count % 8 != 0 { padded.append(0) }
        let widened = [Float](unsafeUninitializedCapacity: padded.count) { buf, n in
            padded.withUnsafeBufferPointer { widen(.f16($0), start: 0, count: padded.count, into: buf.baseAddress!) }
            n = padded.count
        }
        for (h, v) in zip(all, widened) { #expect(v.bitPattern == Float16Bits.float(fromBits: h).bitPattern) }
    }

    /// The same errors as the reference, in the same order of checks.
    @Test func validationErrors() {
        func fast(
            _ v: [Float], _ rows: Int, _ cols: Int, _ config: QuantizationConfig = QuantizationConfig(),
            amax: Float? = nil
        ) -> QuantizationError? {
            do {
                _ = try v.withUnsafeBufferPointer { b throws(QuantizationError) in
                    try CPUQuantizer.quantize(.f32(b), rows: rows, cols: cols, config: config, amax: amax, threads: 2)
                }
                return nil
            } catch { return error }
        }
        func reference(
            _ v: [Float], _ rows: Int, _ cols: Int, _ config: QuantizationConfig = QuantizationConfig(),
            amax: Float? = nil
        ) -> QuantizationError? {
            do {
                _ = try ReferenceQuantizer.quantize(v, rows: rows, cols: cols, config: config, amax: amax); return nil
            } catch { return error }
        }
        var v = Distribution.normal.sample(40 * 1000, cols: 1000, seed: 1)
        v[12345] = .nan
        v[30000] = .infinity
        if case let .nonFinite(index, _) = fast(v, 40, 1000) {
            #expect(index == 12345)
        } else {
            Issue.record("no nonFinite")
        }
        v[12345] = 1
        #expect(fast(v, 40, 1000) == .nonFinite(index: 30000, value: .infinity))
        #expect(fast(v, 40, 1000, QuantizationConfig(rht: true)) == .nonFinite(index: 30000, value: .infinity))
        #expect(fast(v, 40, 1000, amax: 2) == .nonFinite(index: 30000, value: .infinity))
        let w = [Float](repeating: 1, count: 12)
        for (rows, cols, config, amax) in [
            (3, 4, QuantizationConfig(format: .mxfp4, rule: .mse), nil as Float?),
            (3, 5, QuantizationConfig(), nil), (12, 0, QuantizationConfig(), nil),
            (0, 12, QuantizationConfig(transpose: true), nil),
            (3, 4, QuantizationConfig(), -1), (3, 4, QuantizationConfig(), .nan),
            (3, 4, QuantizationConfig(), .infinity),
        ] {
            let input = rows * cols == 12 || cols == 5 ? w : []
            // (Compared by description: NaN payloads make `==` false for equal errors.)
            #expect(
                fast(input, rows, cols, config, amax: amax)?.description
                    == reference(input, rows, cols, config, amax: amax)?.description)
            #expect(fast(input, rows, cols, config, amax: amax) != nil)
        }
        // Half-precision non-finite values are found too.
        var h = [UInt16](repeating: 0x3C00, count: 100)
        h[77] = 0x7C00
        let err: QuantizationError? = h.withUnsafeBufferPointer { b -> QuantizationError? in
            do {
                _ = try CPUQuantizer.quantize(.f16(b), rows: 10, cols: 10, config: QuantizationConfig()); return nil
            } catch { return error as? QuantizationError }
        }
        #expect(err == .nonFinite(index: 77, value: .infinity))
    }

    /// Tensors with no rows (a real quantization axis, nothing on it) quantize to nothing.
    @Test func emptyTensors() {
        for config in [
            QuantizationConfig(), QuantizationConfig(format: .mxfp4, scaleLayout: .swizzled128x4),
            QuantizationConfig(transpose: true, blockScale2D: true),
        ] {
            let (rows, cols) = config.transpose ? (16, 0) : (0, 16)
            #expect(compare([], rows: rows, cols: cols, config: config, threads: [1, 2]) == nil, "\(config.label)")
        }
    }

    /// Public amax agrees with what quantize uses, for every pre-processing.
    @Test func amaxMatchesQuantize() throws {
        let (rows, cols) = (21, 40)
        let values = Distribution.outliers.sample(rows * cols, cols: cols, seed: 12)
        for config in [
            QuantizationConfig(), QuantizationConfig(rht: true), QuantizationConfig(transpose: true, rht: true),
            QuantizationConfig(format: .mxfp4),
        ] {
            let expected = try ReferenceQuantizer.quantize(values, rows: rows, cols: cols, config: config).amax
            let got = try values.withUnsafeBufferPointer { b throws(QuantizationError) in
                try CPUQuantizer.amax(.f32(b), rows: rows, cols: cols, config: config, threads: 3)
            }
            #expect(got.bitPattern == expected.bitPattern, "\(config.label)")
        }
    }

    /// Larger tensors: several staging windows per row, several transposed panels.
    @Test func largerTensors() {
        for (rows, cols, config) in [
            (40, 4200, QuantizationConfig(format: .nvfp4, rule: .mse)),
            (600, 40, QuantizationConfig(format: .nvfp4, rule: .static6, transpose: true)),
            (300, 40, QuantizationConfig(format: .mxfp4, rule: .static4, transpose: true)),
        ] {
            let values = Distribution.heavyTailed.sample(rows * cols, cols: cols, seed: 21)
            let result = compare(
                values, rows: rows, cols: cols, config: config, threads: [2, 3], checkDequantize: false)
            #expect(result == nil, "\(result ?? "")")
        }
    }
}
