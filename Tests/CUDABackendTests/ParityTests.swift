// GPU against CPU, bit for bit: the reference fixture inputs under every fixture configuration,
// seeded random inputs of many shapes and distributions under every configuration the quantizers
// accept (format × rule × rounding × transpose × RHT × 2-D × scale layout × input type),
// supplied amax values, input errors, and dequantization.
//
// Expected values come from `ReferenceQuantizer` (itself bit-exact with the published reference);
// actual values from `CUDAQuantizer`. Every test here is skipped, with the reason printed, where
// no CUDA driver, GPU or NVRTC loads.

import BlockFormats
import BlockQuantization
import CUDABackend
import Testing

@Suite(.enabled(if: GPU.available, "needs an NVIDIA GPU with its driver and NVRTC (reason printed above)"))
struct GPUParityTests {
    @Test(arguments: FixtureInputs.cases)
    func fixtureCase(_ c: FixtureCase) throws {
        let input = FixtureInputs.bf16Bits(c.input)
        let floats = input.bits.map(BFloat16.float(fromBits:))
        try expectParity(
            floats, .bf16(input.bits), rows: input.rows, cols: input.cols, config: c.config,
            label: "\(c.name) bf16")
        try expectParity(
            floats, .f32(floats), rows: input.rows, cols: input.cols, config: c.config,
            label: "\(c.name) f32")
        // The same case with stochastic rounding and with the swizzled scale layout.
        var stochastic = c.config
        stochastic.rounding = .stochastic(seed: 0xF0F0_1234)
        try expectParity(
            floats, .bf16(input.bits), rows: input.rows, cols: input.cols, config: stochastic,
            label: "\(c.name) bf16 stochastic")
        var swizzled = c.config
        swizzled.scaleLayout = .swizzled128x4
        try expectParity(
            floats, .bf16(input.bits), rows: input.rows, cols: input.cols, config: swizzled,
            label: "\(c.name) bf16 swizzled")
    }

    static let shapes: [(Int, Int)] = [
        (1, 1), (1, 16), (3, 15), (2, 17), (5, 31), (7, 32), (4, 33), (33, 64), (17, 128), (16, 127), (129, 48),
        (40, 96), (64, 256), (31, 160),
    ]

    /// Each configuration on three (shape, distribution, input type) triples.
    @Test(arguments: Array(allConfigs.indices))
    func randomInputs(_ index: Int) throws {
        let config = allConfigs[index]
        for k in 0..<3 {
            let (rows, cols) = Self.shapes[(index * 7 + k * 5) % Self.shapes.count]
            let distribution = Distribution.allCases[(index * 3 + k) % Distribution.allCases.count]
            let type = CUDAElementType.allCases[(index + k) % 3]
            let raw = distribution.values(count: rows * cols, seed: UInt64(index * 31 + k))
            let (floats, tensor) = hostTensor(raw, type)
            try expectParity(
                floats, tensor, rows: rows, cols: cols, config: config,
                label: "\(describe(config)) \(rows)×\(cols) \(distribution) \(type)")
        }
    }

    /// Larger tensors: several thread blocks, every tile path, all three input types.
    @Test(arguments: [
        QuantizationConfig(rule: .static6), QuantizationConfig(rule: .mse),
        QuantizationConfig(rule: .mse, transpose: true), QuantizationConfig(rule: .mse, rht: true),
        QuantizationConfig(rule: .mse, blockScale2D: true),
        QuantizationConfig(rule: .mae, rht: true, blockScale2D: true),
        QuantizationConfig(rule: .absMax, blockScale2D: true),
        QuantizationConfig(rule: .static6, transpose: true, blockScale2D: true),
        QuantizationConfig(rule: .mse, rounding: .stochastic(seed: 99), transpose: true, rht: true),
        QuantizationConfig(rule: .mse, rounding: .stochasticUnbiased(seed: 99)),
        QuantizationConfig(format: .if4, rule: .mse, rounding: .stochasticUnbiased(seed: 7), blockScale2D: true),
        QuantizationConfig(format: .if4, rule: .mae), QuantizationConfig(format: .mxfp4, blockScale2D: true),
        QuantizationConfig(format: .nvint4, transpose: true),
        QuantizationConfig(rule: .static6, transpose: true, scaleLayout: .swizzled128x4),
        QuantizationConfig(rule: .absMax, transpose: true, rht: true),
    ])
    func largerTensors(_ config: QuantizationConfig) throws {
        for (i, type) in CUDAElementType.allCases.enumerated() {
            let (rows, cols) = [(256, 1024), (300, 520), (1024, 96)][i]
            let raw = Distribution.outliers.values(count: rows * cols, seed: UInt64(rows + cols))
            let (floats, tensor) = hostTensor(raw, type)
            try expectParity(
                floats, tensor, rows: rows, cols: cols, config: config,
                label: "\(describe(config)) \(rows)×\(cols) \(type)")
        }
    }

    /// Blocks on both sides of the kernels' check that every product x · k stays nonzero (below
    /// it each code's sign comes from its product; above it one sign serves both 4/6
    /// candidates): maxima up to 2^26 beside the least BF16 and F32 values and -0.
    @Test(arguments: [
        QuantizationConfig(rule: .static6), QuantizationConfig(rule: .mse), QuantizationConfig(rule: .mae),
        QuantizationConfig(rule: .absMax), QuantizationConfig(rule: .mse, transpose: true),
        QuantizationConfig(rule: .mse, blockScale2D: true), QuantizationConfig(rule: .static6, blockScale2D: true),
    ])
    func productsRoundingToZero(_ config: QuantizationConfig) throws {
        let raw = Distribution.hugeBesideLeast.values(count: 64 * 128, seed: 3)
        for type in [CUDAElementType.bf16, .f32] {
            let (floats, tensor) = hostTensor(raw, type)
            try expectParity(
                floats, tensor, rows: 64, cols: 128, config: config,
                label: "\(describe(config)) \(type)")
        }
    }

    /// Supplied amaxes down to tensor scales whose block multipliers overflow (1e-34: the scalar
    /// path defines those blocks) and that overflow themselves (1e-38: stored as zeros).
    @Test(arguments: [Float(0), 0.5, 1, 3, 1e-20, 1e-34, 1e-38])
    func suppliedAmax(_ factor: Float) throws {
        let raw = Distribution.normal.values(count: 48 * 64, seed: 5)
        let trueAmax = raw.map(abs).max()!
        for (format, rule) in formatRules {
            for rht in [false, true] {
                let config = QuantizationConfig(format: format, rule: rule, rht: rht)
                try expectParity(
                    raw, .f32(raw), rows: 48, cols: 64, config: config, amax: trueAmax * factor,
                    label: "\(describe(config)) amax ×\(factor)")
            }
        }
    }

    /// Tensors whose amax lies between 5e-36 and 2e-32: below about 1e-35 the tensor scale overflows
    /// (stored as zeros), up to about 2e-32 some block multipliers overflow (the scalar reference
    /// defines those blocks), above it the kernels run. Computed and supplied amax alike.
    @Test(arguments: [Float(5e-36), 1e-35, 3e-35, 1e-34, 1e-33, 5e-33, 2e-32, 3e-32])
    func tinyAmax(_ amax: Float) throws {
        let raw = Distribution.outliers.values(count: 32 * 64, seed: 11)
        let peak = raw.map(abs).max()!
        let scaled = raw.map { $0 / peak * amax }
        for (format, rule) in formatRules where format != .mxfp4 {
            for config in [
                QuantizationConfig(format: format, rule: rule),
                QuantizationConfig(format: format, rule: rule, rounding: .stochastic(seed: 3), transpose: true),
                QuantizationConfig(format: format, rule: rule, blockScale2D: true),
            ] {
                try expectParity(
                    scaled, .f32(scaled), rows: 32, cols: 64, config: config,
                    label: "\(describe(config)) amax \(amax)")
                try expectParity(
                    scaled, .f32(scaled), rows: 32, cols: 64, config: config, amax: amax,
                    label: "\(describe(config)) supplied amax \(amax)")
            }
        }
    }

    @Test func nonFiniteInputsAreRejectedLikeTheReference() throws {
        let gpu = try GPU.quantizer
        var values = Distribution.normal.values(count: 64, seed: 1)
        values[37] = .nan
        do {
            _ = try gpu.quantize(values, rows: 4, cols: 16, config: QuantizationConfig())
            Issue.record("a NaN input was accepted")
        } catch QuantizationError.nonFinite(let index, let value) {
            #expect(index == 37 && value.isNaN)
        }
        var bits = values.map(BFloat16.bits(from:))
        bits[37] = 0x3F80
        bits[50] = 0x7F80  // +infinity
        do {
            _ = try gpu.quantize(bf16Bits: bits, rows: 4, cols: 16, config: QuantizationConfig())
            Issue.record("an infinite BF16 input was accepted")
        } catch let error as QuantizationError {
            #expect(error == .nonFinite(index: 50, value: .infinity))
        }
        #expect(throws: QuantizationError.emptyQuantizationAxis(rows: 3, cols: 0)) {
            try gpu.quantize([], rows: 3, cols: 0, config: QuantizationConfig())
        }
        #expect(throws: QuantizationError.self) {
            try gpu.quantize([1, 2, 3], rows: 2, cols: 2, config: QuantizationConfig())
        }
        #expect(throws: QuantizationError.self) {
            try gpu.quantize(
                [Float](repeating: 1, count: 16), rows: 1, cols: 16,
                config: QuantizationConfig(format: .mxfp4, rule: .mse))
        }
    }

    @Test func emptyRowsGiveEmptyOutputs() throws {
        let gpu = try GPU.quantizer
        let q = try gpu.quantize([], rows: 0, cols: 32, config: QuantizationConfig())
        let r = try ReferenceQuantizer.quantize([], rows: 0, cols: 32, config: QuantizationConfig())
        #expect(q == r)
    }
}
