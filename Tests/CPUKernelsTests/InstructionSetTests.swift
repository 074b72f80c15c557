// Both kernel instruction sets against the scalar reference on shapes that fill the AVX2
// kernels' superblocks (256 values per row segment) — whole ones read straight from F32, BF16
// and F16 rows, a ragged last one, several windows per row — and the choice of instruction
// set (FOUROVERSIX_CPU_ISA). On a machine without AVX2 only the SIMD4 path runs.

import BlockFormats
import BlockQuantization
import CPUKernelsISA
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct InstructionSetTests {
    static let configs: [QuantizationConfig] = [
        QuantizationConfig(format: .nvfp4, rule: .static6),
        QuantizationConfig(format: .nvfp4, rule: .static4),
        QuantizationConfig(format: .nvfp4, rule: .mse),
        QuantizationConfig(format: .nvfp4, rule: .mae),
        QuantizationConfig(format: .nvfp4, rule: .absMax),
        QuantizationConfig(format: .nvint4, rule: .static6),
        QuantizationConfig(format: .if4, rule: .mse),
        QuantizationConfig(format: .if4, rule: .mae),
        QuantizationConfig(format: .if4, rule: .absMax),
        QuantizationConfig(format: .nvfp4, rule: .mse, scaleLayout: .swizzled128x4),
        QuantizationConfig(format: .nvfp4, rule: .static6, transpose: true),
        QuantizationConfig(format: .nvfp4, rule: .mse, rht: true),
        QuantizationConfig(format: .nvfp4, rule: .absMax, transpose: true, rht: true),
        QuantizationConfig(format: .nvfp4, rule: .static6, rounding: .stochastic(seed: 7)),
        QuantizationConfig(format: .nvint4, rule: .static6, rounding: .stochastic(seed: 8)),
        QuantizationConfig(format: .nvfp4, rule: .static4, rounding: .stochastic(seed: 9), transpose: true, rht: true),
        QuantizationConfig(format: .nvfp4, rule: .mse, rounding: .stochastic(seed: 10)),
        QuantizationConfig(format: .nvfp4, rule: .mse, rounding: .stochasticUnbiased(seed: 11)),
        QuantizationConfig(format: .nvfp4, rule: .mae, rounding: .stochasticUnbiased(seed: 12), transpose: true),
        QuantizationConfig(format: .nvfp4, rule: .absMax, rounding: .stochastic(seed: 13), rht: true),
        QuantizationConfig(format: .mxfp4, rule: .static6),
        QuantizationConfig(format: .mxfp4, rule: .static4, scaleLayout: .swizzled128x4),
        QuantizationConfig(format: .mxfp4, rule: .static6, rounding: .stochastic(seed: 14), transpose: true),
        QuantizationConfig(format: .mxfp4, rule: .static6, rht: true),
    ]

    /// The AVX2 noise generator equals `StochasticNoise.value` for runs of every length up to two
    /// vectors past a multiple of 8, from indices near 0 and near the 64-bit wrap.
    @Test func avx2NoiseEqualsTheScalarNoise() throws {
        try #require(QuantizationISA.avx2.isAvailable)
        for seed: UInt64 in [0, 1, 0xDEAD_BEEF, .max] {
            let key = StochasticNoise.key(seed: seed)
            for first: UInt64 in [0, 1, 12_345_677, .max - 40, .max] {
                for count in [0, 1, 3, 7, 8, 9, 15, 16, 17, 64, 71] {
                    var out = [Float](repeating: .nan, count: count + 1)
                    out.withUnsafeMutableBufferPointer { fos_stochastic_noise_avx2(key, first, count, $0.baseAddress!) }
                    let expected = (0..<count).map { StochasticNoise.value(key: key, index: first &+ UInt64($0)) }
                    #expect(
                        out[..<count].map(\.bitPattern) == expected.map(\.bitPattern), "seed \(seed) first \(first)")
                    #expect(out[count].isNaN, "wrote past the run")
                }
            }
        }
    }

    /// F32 inputs, every distribution, columns around superblock and window boundaries.
    @Test(arguments: [256, 272, 512, 784, 8192 + 48])
    func wideRows(_ cols: Int) {
        let rows = cols > 4096 ? 3 : 5
        for (i, config) in Self.configs.enumerated() {
            for dist in Distribution.allCases {
                let values = dist.sample(rows * cols, cols: cols, seed: UInt64(cols * 31 + i))
                let result = compare(
                    values, rows: rows, cols: cols, config: config, threads: [1, 2],
                    checkDequantize: i == 0)
                #expect(result == nil, "\(dist): \(result ?? "")")
            }
        }
    }

    /// BF16 and F16 rows staged straight from the source (16-bit transposes, F16C widening).
    @Test(arguments: [256, 528, 1024])
    func halfPrecisionRows(_ cols: Int) throws {
        let rows = 4
        for (i, config) in Self.configs.enumerated() {
            for dist in [Distribution.normal, .outliers, .ties, .zeroBlocks, .tiny] {
                let base = dist.sample(rows * cols, cols: cols, seed: UInt64(7 * cols + i))
                for problem in try Self.halfPrecisionMismatches(base, rows: rows, cols: cols, config: config) {
                    Issue.record("\(dist): \(problem)")
                }
            }
        }
    }

    /// Transposed tensors tall enough for whole transposed panels (128 source columns × 256 source
    /// rows are staged at once), with ragged panels beside them, in F32, BF16 and F16.
    @Test(arguments: [(256, 128), (528, 136), (300, 40)])
    func transposedPanels(_ rows: Int, _ cols: Int) throws {
        let configs = [
            QuantizationConfig(format: .nvfp4, rule: .static6, transpose: true),
            QuantizationConfig(format: .nvfp4, rule: .mse, transpose: true),
            QuantizationConfig(format: .nvfp4, rule: .mae, transpose: true, rht: true),
            QuantizationConfig(format: .nvint4, rule: .static6, transpose: true, scaleLayout: .swizzled128x4),
        ]
        for (i, config) in configs.enumerated() {
            let base = Distribution.heavyTailed.sample(rows * cols, cols: cols, seed: UInt64(rows + i))
                .map { $0 * 0.01 }
            let result = compare(base, rows: rows, cols: cols, config: config, threads: [1, 2], checkDequantize: false)
            #expect(result == nil, "\(result ?? "")")
            for problem in try Self.halfPrecisionMismatches(base, rows: rows, cols: cols, config: config) {
                Issue.record("\(problem)")
            }
        }
    }

    /// 2-D tiles (16 rows, 32 for MXFP4, share each block's scale): whole and ragged tiles, whole and ragged
    /// superblocks, F32 and 16-bit inputs, with the options the 2-D kernels combine with.
    @Test(arguments: [(32, 256), (37, 528), (16, 784), (5, 272)])
    func twoDimensionalTiles(_ rows: Int, _ cols: Int) throws {
        let configs = [
            QuantizationConfig(format: .nvfp4, rule: .static6, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .static4, blockScale2D: true),
            QuantizationConfig(format: .nvint4, rule: .static6, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .static6, rounding: .stochastic(seed: 5), blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .static6, transpose: true, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .static6, rht: true, blockScale2D: true),
            QuantizationConfig(
                format: .nvint4, rule: .static6, transpose: true, rht: true, blockScale2D: true,
                scaleLayout: .swizzled128x4),
            QuantizationConfig(format: .nvfp4, rule: .mse, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .mae, transpose: true, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .absMax, rht: true, blockScale2D: true),
            QuantizationConfig(format: .nvfp4, rule: .mse, blockScale2D: true, scaleLayout: .swizzled128x4),
            QuantizationConfig(format: .mxfp4, rule: .static6, blockScale2D: true),
            QuantizationConfig(format: .mxfp4, rule: .static4, transpose: true, blockScale2D: true),
        ]
        for (i, config) in configs.enumerated() {
            for dist in [Distribution.normal, .outliers, .zeroBlocks, .tiny] {
                let base = dist.sample(rows * cols, cols: cols, seed: UInt64(rows * 7 + cols + i))
                let result = compare(
                    base, rows: rows, cols: cols, config: config, threads: [1, 2], checkDequantize: i == 0)
                #expect(result == nil, "\(config.label) \(dist): \(result ?? "")")
                for problem in try Self.halfPrecisionMismatches(base, rows: rows, cols: cols, config: config) {
                    Issue.record("\(dist): \(problem)")
                }
            }
        }
    }

    /// `values` rounded to BF16 and to F16, quantized from those inputs by every instruction set,
    /// against the reference on their exact float32 values: the differences found.
    static func halfPrecisionMismatches(
        _ values: [Float], rows: Int, cols: Int,
        config: QuantizationConfig
    ) throws -> [String] {
        let bf16 = values.map { BFloat16.bits(from: $0) }
        let f16 = values.map { Float16Bits.bits(from: max(-60000, min(60000, $0))) }
        var problems: [String] = []
        for (bitsArray, isBF16) in [(bf16, true), (f16, false)] {
            let widened = bitsArray.map { isBF16 ? BFloat16.float(fromBits: $0) : Float16Bits.float(fromBits: $0) }
            let expected = try ReferenceQuantizer.quantize(widened, rows: rows, cols: cols, config: config)
            for isa in availableISAs {
                let got = try bitsArray.withUnsafeBufferPointer { b throws(QuantizationError) in
                    try CPUQuantizer.quantize(
                        isBF16 ? .bf16(b) : .f16(b), rows: rows, cols: cols, config: config,
                        amax: nil, threads: 2, minimumPerThread: 1, isa: isa)
                }
                if let m = mismatch(got, expected) {
                    problems.append("\(config.label) \(isBF16 ? "bf16" : "f16") \(isa): \(m)")
                }
            }
        }
        return problems
    }

    /// Supplied amaxes far from the data: saturated and tiny scales, and the edges of the range
    /// the AVX2 4/6 kernel admits (outside it the SIMD4 kernel runs).
    @Test func suppliedAmaxRange() {
        let (rows, cols) = (3, 512)
        let values = Distribution.mixedScales.sample(rows * cols, cols: cols, seed: 12)
        for amax: Float in [0x1p-101, 0x1p-100, 1e-20, 1e-3, 0.5, 3, 1e4, 1e20, 0x1p100, 0x1p101] {
            for config in Self.configs.prefix(9) {
                let result = compare(
                    values.map { $0 * 1e-12 }, rows: rows, cols: cols, config: config, amax: amax,
                    threads: [2], checkDequantize: false)
                #expect(result == nil, "amax \(amax): \(result ?? "")")
            }
        }
    }

    /// The environment variable forces the SIMD4 fallback; otherwise AVX2 wherever it exists.
    @Test func choice() {
        #expect(QuantizationISA.choose(environment: "sse2", avx2Available: true) == .sse2)
        #expect(QuantizationISA.choose(environment: "SSE2", avx2Available: true) == .sse2)
        #expect(QuantizationISA.choose(environment: nil, avx2Available: true) == .avx2)
        #expect(QuantizationISA.choose(environment: "avx2", avx2Available: false) == .sse2)
        #expect(QuantizationISA.choose(environment: nil, avx2Available: false) == .sse2)
        #expect(QuantizationISA.sse2.isAvailable)
    }
}
