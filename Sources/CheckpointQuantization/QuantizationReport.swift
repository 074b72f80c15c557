// What `quantize` did, layer by layer: errors, the share of blocks that chose 4, sizes.
//
// Promises: relative errors are Σ(x̂−x)²/Σx² per layer; totals weight layers by energy
// (Σ errors / Σ energies); sizes are bytes of the stored tensors before and after.
// Encodes to JSON with snake_case keys (`--report FILE.json`).

import Foundation

public struct LayerReport: Codable, Sendable {
    public var module: String
    public var shape: [Int]
    public var dtype: String
    public var fusedGroup: String?
    public var amax: Float
    /// Relative MSE of standard NVFP4 (`static_6`, its own amax).
    public var baselineRelativeError: Double
    /// Relative MSE of the rule used.
    public var relativeError: Double
    /// Share of blocks that chose scale 4 (0 for static rules).
    public var shareOfBlocksChoosing4: Double
    public var bytesBefore: Int
    public var bytesAfter: Int
    /// Σx², Σ(x̂−x)² (baseline) and Σ(x̂−x)² (rule): kept for totals.
    public var energy: Double
    public var baselineSquaredError: Double
    public var squaredError: Double
    public var blocks: Int
    public var blocksChoosing4: Int
}

public struct SkippedModule: Codable, Sendable {
    public var module: String
    public var reason: String
}

public struct QuantizationTotals: Codable, Sendable {
    public var quantizedLayers: Int
    public var quantizedElements: Int
    public var baselineRelativeError: Double
    public var relativeError: Double
    public var shareOfBlocksChoosing4: Double
    public var checkpointBytesBefore: Int
    public var checkpointBytesAfter: Int
    public var seconds: Double
    public var quantizedElementsPerSecond: Double
}

public struct QuantizationReport: Codable, Sendable {
    public var model: String
    public var output: String
    public var convention: String
    public var rule: String
    public var layers: [LayerReport]
    public var skipped: [SkippedModule]
    public var totals: QuantizationTotals

    public func jsonData() throws -> Data { try snakeCaseJSON(self) }

    static func totals(layers: [LayerReport], before: Int, after: Int, seconds: Double) -> QuantizationTotals {
        let energy = layers.reduce(0) { $0 + $1.energy }
        let elements = layers.reduce(0) { $0 + $1.shape.reduce(1, *) }
        let blocks = layers.reduce(0) { $0 + $1.blocks }
        return QuantizationTotals(
            quantizedLayers: layers.count, quantizedElements: elements,
            baselineRelativeError: energy == 0 ? 0 : layers.reduce(0) { $0 + $1.baselineSquaredError } / energy,
            relativeError: energy == 0 ? 0 : layers.reduce(0) { $0 + $1.squaredError } / energy,
            shareOfBlocksChoosing4: blocks == 0
                ? 0 : Double(layers.reduce(0) { $0 + $1.blocksChoosing4 }) / Double(blocks),
            checkpointBytesBefore: before, checkpointBytesAfter: after, seconds: seconds,
            quantizedElementsPerSecond: seconds > 0 ? Double(elements) / seconds : 0)
    }
}

/// `value` as pretty, key-sorted JSON with snake_case keys (the reports' and summaries' form).
func snakeCaseJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
}
