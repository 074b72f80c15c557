// The one quantize → dequantize helper: `CPUQuantizer.roundTrip` returns exactly the
// reference's quantized tensor and its dequantization, in the quantized orientation or back
// in the source basis (RHT inverted, padding dropped, transpose undone), for every option.

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct RoundTripTests {
    @Test(arguments: [(rows: 24, cols: 40), (rows: 17, cols: 64), (rows: 33, cols: 7)])
    func roundTripsAreTheReferencesBitForBit(_ shape: (rows: Int, cols: Int)) throws {
        var g = SplitMix64(seed: UInt64(shape.rows * 1000 + shape.cols))
        let x = (0..<(shape.rows * shape.cols)).map { i in g.normal() * (i % 29 == 3 ? 30 : 1) }
        for format in BlockFormat.allCases {
            for config in allOptionConfigs(format, format.defaultRule) where config.scaleLayout == .rowMajor {
                let q = try ReferenceQuantizer.quantize(x, rows: shape.rows, cols: shape.cols, config: config)
                let quantizedBasis = ReferenceQuantizer.dequantize(q)
                let sourceBasis = ReferenceQuantizer.restoreSourceBasis(quantizedBasis, of: q)
                #expect(sourceBasis.count == x.count)
                for (basis, expected) in [(RoundTripBasis.quantized, quantizedBasis), (.source, sourceBasis)] {
                    let got = try x.withTensorElements { (e) throws(QuantizationError) in
                        try CPUQuantizer.roundTrip(
                            e, rows: shape.rows, cols: shape.cols, config: config, basis: basis,
                            threads: 2)
                    }
                    #expect(got.quantized == q, "\(config.label) \(basis)")
                    #expect(got.values.map(\.bitPattern) == expected.map(\.bitPattern), "\(config.label) \(basis)")
                    #expect(
                        CPUQuantizer.dequantize(q, basis: basis, threads: 1).map(\.bitPattern)
                            == expected.map(\.bitPattern), "\(config.label) \(basis)")
                }
            }
        }
    }

    @Test func aSuppliedAmaxIsUsedAndErrorsAreTheQuantizers() throws {
        let x: [Float] = (0..<64).map { Float($0 % 13) - 6 }
        let config = QuantizationConfig(rule: .mse)
        let got = try x.withTensorElements { (e) throws(QuantizationError) in
            try CPUQuantizer.roundTrip(e, rows: 4, cols: 16, config: config, amax: 12, basis: .source)
        }
        #expect(got.quantized == (try ReferenceQuantizer.quantize(x, rows: 4, cols: 16, config: config, amax: 12)))
        var bad = x
        bad[5] = .infinity
        #expect(throws: QuantizationError.nonFinite(index: 5, value: .infinity)) {
            try bad.withTensorElements { (e) throws(QuantizationError) in
                try CPUQuantizer.roundTrip(e, rows: 4, cols: 16, config: config, basis: .quantized)
            }
        }
    }
}
