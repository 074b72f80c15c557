// The dispatch policy of `BlockQuantizer`, written once for every quantizer: which steps of an
// implementation run for which input (validation before the scan, the scan before anything
// else, no rotated amax when one is supplied or the format is MXFP4, zeros and the scalar path
// without the block pass), that the shortcuts equal the full scalar path bit for bit, and that
// BF16/F16 element views quantize like their widened float32 values.

import BlockFormats
import Testing

@testable import BlockQuantization

/// The steps an implementation was asked for, in order.
final class StepLog {
    var steps: [String] = []
}

/// The reference's steps, logged.
struct LoggingQuantizer: BlockQuantizer {
    typealias Failure = QuantizationError
    typealias Prepared = PreprocessedMatrix
    let log: StepLog
    let reference = ReferenceQuantizer()

    func scan(_ x: TensorElements) -> ElementScan {
        log.steps.append("scan")
        return reference.scan(x)
    }

    func prepare(_ x: TensorElements, _ g: QuantizationGeometry) -> PreprocessedMatrix {
        log.steps.append("prepare")
        return reference.prepare(x, g)
    }

    func rotatedAmax(_ prepared: PreprocessedMatrix, _ g: QuantizationGeometry) -> Float {
        log.steps.append("rotatedAmax")
        return reference.rotatedAmax(prepared, g)
    }

    func quantizeBlocks(
        _ prepared: PreprocessedMatrix, _ g: QuantizationGeometry,
        context: TensorQuantizationContext
    ) -> QuantizedTensor {
        log.steps.append("quantizeBlocks")
        return reference.quantizeBlocks(prepared, g, context: context)
    }

    func dequantize(_ q: QuantizedTensor) -> [Float] { reference.dequantize(q) }
}

/// Quantizes through the logging quantizer; returns the result (or error) and the steps taken.
func logged(
    _ x: [Float], rows: Int, cols: Int, config: QuantizationConfig,
    amax: Float? = nil
) -> (result: Result<QuantizedTensor, QuantizationError>, steps: [String]) {
    let log = StepLog()
    let result = x.withTensorElements { e in
        Result { () throws(QuantizationError) in
            try LoggingQuantizer(log: log).quantize(e, rows: rows, cols: cols, config: config, amax: amax)
        }
    }
    return (result, log.steps)
}

@Suite struct QuantizationPolicyTests {
    let x = testValues(32 * 48, seed: 5)

    @Test func ordinaryTensorsRunTheBlockPass() throws {
        let config = QuantizationConfig(rule: .mse)
        let (result, steps) = logged(x, rows: 32, cols: 48, config: config)
        #expect(steps == ["scan", "prepare", "quantizeBlocks"])
        let scalar = x.withUnsafeBufferPointer {
            ReferenceQuantizer.quantizeScalar(
                .f32($0), QuantizationGeometry(rows: 32, cols: 48, config: config), amax: nil)
        }
        #expect(try result.get() == scalar)
    }

    @Test func theRotatedAmaxIsAskedOnlyWhenNeeded() throws {
        let rht = QuantizationConfig(rule: .mse, rht: true)
        #expect(
            logged(x, rows: 32, cols: 48, config: rht).steps == ["scan", "prepare", "rotatedAmax", "quantizeBlocks"])
        #expect(logged(x, rows: 32, cols: 48, config: rht, amax: 3).steps == ["scan", "prepare", "quantizeBlocks"])
        let mx = QuantizationConfig(format: .mxfp4, rht: true)
        let (result, steps) = logged(x, rows: 32, cols: 48, config: mx)
        #expect(steps == ["scan", "prepare", "quantizeBlocks"])
        #expect(try result.get().amax == 1)
    }

    /// amax 0 and tensor scales that overflow are zeros; scales whose block multipliers could
    /// overflow take the scalar path — neither runs the block pass, and both equal the full
    /// scalar path bit for bit for every format and rule.
    @Test(arguments: [Float(0), 1e-34, 1e-36, 1e-38, 0x1p-149])
    func tinyAmaxesSkipTheBlockPassAndEqualTheScalarPath(_ amax: Float) throws {
        for format in BlockFormat.allCases where format != .mxfp4 {
            for rule in format.supportedRules {
                for config in [
                    QuantizationConfig(format: format, rule: rule),
                    QuantizationConfig(
                        format: format, rule: rule, transpose: true, blockScale2D: true,
                        scaleLayout: .swizzled128x4),
                ] {
                    let (result, steps) = logged(x, rows: 32, cols: 48, config: config, amax: amax)
                    #expect(steps == ["scan", "prepare"], "\(format) \(rule) amax \(amax)")
                    let scalar = x.withUnsafeBufferPointer {
                        ReferenceQuantizer.quantizeScalar(
                            .f32($0), QuantizationGeometry(rows: 32, cols: 48, config: config),
                            amax: amax)
                    }
                    #expect(try result.get() == scalar, "\(format) \(rule) amax \(amax)")
                }
            }
        }
    }

    @Test func allZeroTensorsAreZerosWithoutTheBlockPass() throws {
        let zeros = [Float](repeating: 0, count: 20 * 40)
        let config = QuantizationConfig(rule: .mse)
        let (result, steps) = logged(zeros, rows: 20, cols: 40, config: config)
        #expect(steps == ["scan", "prepare"])
        let q = try result.get()
        #expect(q == QuantizedTensor.zeros(QuantizationGeometry(rows: 20, cols: 40, config: config), amax: 0))
        #expect(q.blockCount == 20 * 3 && q.paddedCols == 48)
    }

    @Test func inputsThatCouldOverflowTheRHTTakeTheScalarPath() throws {
        var big = x
        big[7] = 0x1p125
        let config = QuantizationConfig(rule: .static6, rht: true)
        let (result, steps) = logged(big, rows: 32, cols: 48, config: config)
        #expect(steps == ["scan"])
        let scalar = big.withUnsafeBufferPointer {
            ReferenceQuantizer.quantizeScalar(
                .f32($0), QuantizationGeometry(rows: 32, cols: 48, config: config), amax: nil)
        }
        #expect(try result.get() == scalar)
        // Without RHT the same input is ordinary.
        #expect(
            logged(big, rows: 32, cols: 48, config: QuantizationConfig(rule: .static6)).steps
                == ["scan", "prepare", "quantizeBlocks"])
    }

    @Test func checksComeFirstThenTheScanThenNothing() {
        var bad = x
        bad[100] = .nan
        bad[200] = .infinity
        let config = QuantizationConfig()
        let nan = logged(bad, rows: 32, cols: 48, config: config)
        #expect(nan.steps == ["scan"])
        switch nan.result {
        case .failure(.nonFinite(let index, let value)): #expect(index == 100 && value.isNaN)
        default: Issue.record("expected the NaN at 100, got \(nan.result)")
        }
        // A shape error wins over the NaN and nothing is scanned.
        let shape = logged(bad, rows: 31, cols: 48, config: config)
        #expect(shape.steps.isEmpty)
        #expect(throws: QuantizationError.shapeMismatch(expected: 31 * 48, actual: 32 * 48)) { try shape.result.get() }
        let rule = logged(x, rows: 32, cols: 48, config: QuantizationConfig(format: .mxfp4, rule: .mse))
        #expect(rule.steps.isEmpty)
        #expect(throws: QuantizationError.unsupportedRule(format: .mxfp4, rule: .mse)) { try rule.result.get() }
        let amax = logged(x, rows: 32, cols: 48, config: config, amax: -1)
        #expect(amax.steps.isEmpty)
        #expect(throws: QuantizationError.invalidAmax(-1)) { try amax.result.get() }
    }

    @Test func amaxFollowsThePolicy() throws {
        let log = StepLog()
        let q = LoggingQuantizer(log: log)
        try x.withTensorElements { (e) throws(QuantizationError) in
            #expect(try q.amax(e, rows: 32, cols: 48, config: QuantizationConfig()) == x.map(abs).max()!)
            #expect(log.steps == ["scan"])
            #expect(try q.amax(e, rows: 32, cols: 48, config: QuantizationConfig(format: .mxfp4, rht: true)) == 1)
            log.steps = []
            let rht = QuantizationConfig(rht: true)
            let a = try q.amax(e, rows: 32, cols: 48, config: rht)
            #expect(log.steps == ["scan", "prepare", "rotatedAmax"])
            #expect(a == (try ReferenceQuantizer.quantize(x, rows: 32, cols: 48, config: rht)).amax)
        }
    }

    @Test func halfPrecisionViewsQuantizeLikeTheirFloatValues() throws {
        let bf16 = x.map(BFloat16.bits(from:)), f16 = x.map(Float16Bits.bits(from:))
        for config in [QuantizationConfig(rule: .mse), QuantizationConfig(format: .if4, transpose: true, rht: true)] {
            let fromBF16 = try bf16.withTensorElements(as: .bf16) { (e) throws(QuantizationError) in
                try ReferenceQuantizer().quantize(e, rows: 32, cols: 48, config: config)
            }
            #expect(
                fromBF16
                    == (try ReferenceQuantizer.quantize(
                        bf16.map(BFloat16.float(fromBits:)), rows: 32, cols: 48,
                        config: config)))
            let fromF16 = try f16.withTensorElements(as: .f16) { (e) throws(QuantizationError) in
                try ReferenceQuantizer().quantize(e, rows: 32, cols: 48, config: config)
            }
            #expect(
                fromF16
                    == (try ReferenceQuantizer.quantize(
                        f16.map(Float16Bits.float(fromBits:)), rows: 32, cols: 48,
                        config: config)))
        }
        var bad = f16
        bad[9] = 0xFC00  // -infinity
        bad[30] = 0x7E00  // NaN
        #expect(throws: QuantizationError.nonFinite(index: 9, value: -.infinity)) {
            try bad.withTensorElements(as: .f16) { (e) throws(QuantizationError) in
                try ReferenceQuantizer().quantize(e, rows: 32, cols: 48, config: QuantizationConfig())
            }
        }
    }
}
