// Quantizing one checkpoint tensor, and measuring what quantization costs it.
//
// Promises: `quantizeTensor` reads a 2-D BF16/F16/F32/F64 tensor straight from its
// (memory-mapped) shard and returns the core's `QuantizedTensor` from the fast kernels,
// bit-identical with the scalar reference; errors name the file and tensor. Relative
// errors are Σ(x̂−x)² / Σx², accumulated in double precision, in the tensor's own basis.

import BlockFormats
import BlockQuantization
import CPUKernels
import SafeTensors
import Synchronization

/// A quantization failure with the file and tensor it concerns.
public struct TensorQuantizationError: Error, CustomStringConvertible {
    public let path: String
    public let tensor: String
    public let underlying: QuantizationError
    public var description: String { "\(path): tensor '\(tensor)': \(underlying)" }

    public init(path: String, tensor: String, underlying: QuantizationError) {
        self.path = path
        self.tensor = tensor
        self.underlying = underlying
    }
}

/// A format and rule pair, written `FORMAT:RULE` (e.g. `nvfp4:mse`) or `FORMAT` for its default rule.
public struct QuantizationVariant: Hashable, Sendable, CustomStringConvertible {
    public let format: BlockFormat
    public let rule: ScaleRule

    public init(_ format: BlockFormat, _ rule: ScaleRule) {
        self.format = format
        self.rule = rule
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let format = BlockFormat(rawValue: parts[0].lowercased()) else { return nil }
        let rule = parts.count == 2 ? ScaleRule(rawValue: parts[1].lowercased()) : format.defaultRule
        guard let rule, format.supportedRules.contains(rule) else { return nil }
        self.init(format, rule)
    }

    public var description: String { "\(format.rawValue):\(rule.rawValue)" }
    public var config: QuantizationConfig { QuantizationConfig(format: format, rule: rule) }

    /// The comparison the `error` command shows by default.
    public static let defaultComparison: [QuantizationVariant] = [
        .init(.nvfp4, .static6), .init(.nvfp4, .mse), .init(.nvfp4, .mae), .init(.nvfp4, .absMax),
        .init(.mxfp4, .static6), .init(.nvint4, .static6),
    ]
}

public enum TensorQuantization {
    /// Quantizes a 2-D floating-point tensor of a shard with the fast CPU kernels (bit-identical
    /// with `ReferenceQuantizer`), reading it in place.
    public static func quantizeTensor(
        _ file: SafeTensorsFile, _ name: String, config: QuantizationConfig,
        amax: Float? = nil,
        threads: Int = CPUParallel.defaultThreadCount
    ) throws -> QuantizedTensor {
        let (rows, cols) = try file.matrixShape(name)
        return try file.withElements(name) { x in
            do {
                return try CPUQuantizer.quantize(
                    x, rows: rows, cols: cols, config: config, amax: amax, threads: threads)
            } catch let error as QuantizationError {
                throw TensorQuantizationError(path: file.path, tensor: name, underlying: error)
            }
        }
    }

    /// The amax `quantizeTensor` would use with `config` (for sharing one amax over a fused group).
    public static func amax(
        _ file: SafeTensorsFile, _ name: String, config: QuantizationConfig,
        threads: Int = CPUParallel.defaultThreadCount
    ) throws -> Float {
        let (rows, cols) = try file.matrixShape(name)
        return try file.withElements(name) { x in
            do {
                return try CPUQuantizer.amax(x, rows: rows, cols: cols, config: config, threads: threads)
            } catch let error as QuantizationError {
                throw TensorQuantizationError(path: file.path, tensor: name, underlying: error)
            }
        }
    }

    /// Σ(x̂−x)² and Σx² in double precision, for a tensor quantized without transpose or RHT.
    /// Works through row chunks (dequantizing each into a small buffer), so memory stays
    /// near the quantized tensor's own size; chunk sums merge in a fixed order.
    public static func errorSums(
        original x: TensorElements, quantized q: QuantizedTensor,
        threads: Int = CPUParallel.defaultThreadCount
    ) -> (squaredError: Double, energy: Double) {
        precondition(
            !q.config.rht && !q.config.transpose && q.config.scaleLayout == .rowMajor,
            "error sums are measured in the source basis of row-major, untransformed tensors")
        return chunkedSums(rows: q.rows, cols: q.cols, threads: threads) { rows, buffer in
            chunkSums(x, q, rows: rows, buffer: buffer)
        }
    }

    /// `errorSums` of `x` against its round-to-nearest standard NVFP4 (`static_6`) quantization
    /// at `amax` — the same sums, bit for bit, as `errorSums(original: x, quantized:
    /// CPUQuantizer.quantize(x, …, config: static_6, amax: amax))` — but each chunk of rows is
    /// quantized on its own (1-D blocks lie within a row) and measured while it is still in
    /// cache: no tensor-sized codes are made, and the source is read once more, not twice.
    public static func baselineErrorSums(
        original x: TensorElements, rows: Int, cols: Int, amax: Float,
        threads: Int = CPUParallel.defaultThreadCount
    ) throws(QuantizationError) -> (squaredError: Double, energy: Double) {
        let config = QuantizationConfig(format: .nvfp4, rule: .static6)
        let failure = Mutex<QuantizationError?>(nil)
        let sums = chunkedSums(rows: rows, cols: cols, threads: threads) { chunk, buffer in
            let part = x.elements((chunk.lowerBound * cols)..<(chunk.upperBound * cols))
            do throws(QuantizationError) {
                let q = try CPUQuantizer.quantize(
                    part, rows: chunk.count, cols: cols, config: config, amax: amax, threads: 1)
                return chunkSums(part, q, rows: 0..<chunk.count, buffer: buffer)
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
                return (0, 0)
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return sums
    }

    /// The chunk loop of the error sums: rows in chunks of about 64 K elements, `body` per chunk
    /// (with a per-thread buffer of one chunk's floats), chunk sums merged in chunk order.
    static func chunkedSums(
        rows: Int, cols: Int, threads: Int,
        _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Float>) -> (Double, Double)
    ) -> (squaredError: Double, energy: Double) {
        let rowsPerChunk = max(1, 65_536 / max(cols, 1))
        let chunks = (rows + rowsPerChunk - 1) / rowsPerChunk
        var partial = [(Double, Double)](repeating: (0, 0), count: chunks)
        partial.withUnsafeMutableBufferPointer { out in
            let results = SendablePointer(out.baseAddress!)
            CPUParallel.parallelFor(chunks, threads: threads) { range in
                let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: rowsPerChunk * cols)
                defer { buffer.deallocate() }
                for chunk in range {
                    let rows = (chunk * rowsPerChunk)..<min(rows, (chunk + 1) * rowsPerChunk)
                    results.p[chunk] = body(rows, buffer)
                }
            }
        }
        return partial.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }

    /// Σ(x̂−x)² and Σx² of rows `rows` of `q` against its source `x`: the AVX2 kernel reading
    /// codes and scales directly where it applies, else the rows dequantized into `buffer`.
    static func chunkSums(
        _ x: TensorElements, _ q: QuantizedTensor, rows: Range<Int>, buffer: UnsafeMutableBufferPointer<Float>
    ) -> (Double, Double) {
        var err = 0.0, energy = 0.0
        if CPUQuantizer.rowErrorAccumulators(
            x, q, rows: rows,
            { _, e, s in
                err += Double(e.sum())
                energy += Double(s.sum())
            })
        {
            return (err, energy)
        }
        let slice = q.rowSlice(rows)
        let b = UnsafeMutableBufferPointer(rebasing: buffer[0..<(rows.count * q.cols)])
        CPUQuantizer.dequantize(slice, into: b, threads: 1)
        for r in 0..<rows.count {
            let sums = rowErrorSums(
                x, offset: (rows.lowerBound + r) * q.cols, dequantized: b.baseAddress! + r * q.cols, count: q.cols)
            err += sums.0
            energy += sums.1
        }
        return (err, energy)
    }
}

/// Σ(x̂−x)² and Σx² of one row: 8-lane float accumulators (a row is short enough for float
/// partial sums; rows add up in double).
@inline(__always)
func rowErrorSums(_ x: TensorElements, offset: Int, dequantized d: UnsafePointer<Float>, count n: Int) -> (
    Double, Double
) {
    var err = SIMD8<Float>(), energy = SIMD8<Float>()
    var tailErr = 0.0, tailEnergy = 0.0
    let vectors = n / 8
    func accumulate(_ load: (Int) -> SIMD8<Float>) {
        for v in 0..<vectors {
            let xv = load(offset + 8 * v)
            let dv = SIMD8<Float>(UnsafeBufferPointer(start: d + 8 * v, count: 8))
            let diff = dv - xv
            err += diff * diff
            energy += xv * xv
        }
    }
    switch x {
    case let .f32(b):
        accumulate { SIMD8<Float>(UnsafeBufferPointer(rebasing: b[$0..<($0 + 8)])) }
    case let .bf16(b):
        accumulate { i in
            let bits = SIMD8<UInt16>(UnsafeBufferPointer(rebasing: b[i..<(i + 8)]))
            return unsafeBitCast(SIMD8<UInt32>(truncatingIfNeeded: bits) &<< 16, to: SIMD8<Float>.self)
        }
    case .f16:
        accumulate { i in SIMD8<Float>((0..<8).map { x.value(at: i + $0) }) }
    }
    for i in (8 * vectors)..<n {
        let v = Double(x.value(at: offset + i)), e = Double(d[i]) - v
        tailErr += e * e
        tailEnergy += v * v
    }
    return (Double(err.sum()) + tailErr, Double(energy.sum()) + tailEnergy)
}

extension QuantizedTensor {
    /// Rows `range` of a row-major tensor as a tensor of its own (scales are stored per row,
    /// also for 2-D tiles).
    public func rowSlice(_ range: Range<Int>) -> QuantizedTensor {
        precondition(config.scaleLayout == .rowMajor, "row slices need row-major scales")
        var copy = self
        copy.rows = range.count
        copy.sourceRows = range.count
        copy.codes = Array(codes[(range.lowerBound * packedRowBytes)..<(range.upperBound * packedRowBytes)])
        copy.scales = Array(scales[(range.lowerBound * scaleCols)..<(range.upperBound * scaleCols)])
        return copy
    }
}

/// Quantization error of one tensor under several variants.
public struct TensorErrorReport: Sendable {
    public let name: String
    public let shape: [Int]
    /// Σ(x̂−x)² per variant, in `variants` order.
    public let squaredErrors: [Double]
    /// Σx².
    public let energy: Double
    /// Blocks that chose the alternative (4, or INT for IF4), and blocks, per variant.
    public let alternativeBlocks: [Int]
    public let blocks: [Int]

    /// Relative MSE Σ(x̂−x)²/Σx² per variant (0 for an all-zero tensor).
    public var relativeErrors: [Double] { squaredErrors.map { energy == 0 ? 0 : $0 / energy } }

    /// Measures every variant on a 2-D floating tensor.
    public static func measure(
        _ file: SafeTensorsFile, _ name: String,
        variants: [QuantizationVariant]
    ) throws -> TensorErrorReport {
        let (rows, cols) = try file.matrixShape(name)
        var errors: [Double] = [], alternatives: [Int] = [], blocks: [Int] = [], energy = 0.0
        for variant in variants {
            let q = try TensorQuantization.quantizeTensor(file, name, config: variant.config)
            let sums = try file.withElements(name) { TensorQuantization.errorSums(original: $0, quantized: q) }
            errors.append(sums.squaredError)
            energy = sums.energy
            alternatives.append(q.alternativeBlockCount)
            blocks.append(q.blockCount)
        }
        return TensorErrorReport(
            name: name, shape: [rows, cols], squaredErrors: errors, energy: energy,
            alternativeBlocks: alternatives, blocks: blocks)
    }
}
