// A Hugging Face model folder (or a single safetensors file) opened for reading.
//
// Promises: `ModelCheckpoint.open` finds the weights (`model.safetensors`, or the shards
// named by `model.safetensors.index.json`, or every `*.safetensors` file when there is no
// index), memory-maps and validates each shard, and checks that the index and the shards
// agree; every failure is a `CheckpointError` naming the file and tensor.

import Foundation
import SafeTensors

public enum CheckpointError: Error, CustomStringConvertible {
    case notFound(path: String)
    case missingConfig(directory: String)
    case invalidJSON(path: String, reason: String)
    case noWeights(directory: String)
    case indexNamesMissingShard(index: String, shard: String)
    case indexTensorMissing(index: String, tensor: String, shard: String)
    case duplicateTensor(tensor: String, firstShard: String, secondShard: String)
    case unsupportedDType(path: String, tensor: String, dtype: String)
    case outputExists(path: String)
    case cannotWrite(path: String, reason: String)
    case notQuantized(directory: String)
    case inconsistent(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(path): return "\(path): no such file or directory"
        case let .missingConfig(directory): return "\(directory): config.json is missing (is this a Hugging Face model folder?)"
        case let .invalidJSON(path, reason): return "\(path): invalid JSON: \(reason)"
        case let .noWeights(directory): return "\(directory): no model.safetensors, model.safetensors.index.json or *.safetensors file"
        case let .indexNamesMissingShard(index, shard): return "\(index): names shard '\(shard)', which does not exist"
        case let .indexTensorMissing(index, tensor, shard): return "\(index): tensor '\(tensor)' is mapped to '\(shard)', which does not contain it"
        case let .duplicateTensor(tensor, a, b): return "tensor '\(tensor)' appears in both \(a) and \(b)"
        case let .unsupportedDType(path, tensor, dtype): return "\(path): tensor '\(tensor)': dtype \(dtype) is not supported here (use BF16, F16 or F32)"
        case let .outputExists(path): return "\(path): already exists (pass --overwrite to replace it)"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        case let .notQuantized(directory): return "\(directory): not a quantized checkpoint (no compressed-tensors or ModelOpt NVFP4 tensors found)"
        case let .inconsistent(path, reason): return "\(path): \(reason)"
        }
    }
}

/// One tensor of a checkpoint and the shard that holds it.
public struct CheckpointTensor: Sendable {
    public let info: TensorInfo
    public let shard: SafeTensorsFile
    public var name: String { info.name }
}

public final class ModelCheckpoint: @unchecked Sendable {
    /// The folder (or, for a single file, the folder holding it).
    public let directory: String
    /// Parsed `config.json` (empty when opening a bare safetensors file).
    public let config: [String: Any]
    /// Shards in file-name order.
    public let shards: [SafeTensorsFile]
    /// Every tensor, in shard order then file order.
    public let tensors: [CheckpointTensor]
    /// `model.safetensors.index.json` when the checkpoint has one.
    public let indexPath: String?

    public func tensor(_ name: String) -> CheckpointTensor? { byName[name] }
    private let byName: [String: CheckpointTensor]

    /// Opens a model folder, or a single `.safetensors` file when `requireConfig` is false.
    public static func open(_ path: String, requireConfig: Bool = true) throws -> ModelCheckpoint {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CheckpointError.notFound(path: path)
        }
        if !isDirectory.boolValue {
            let file = try SafeTensorsFile(path: path)
            return try ModelCheckpoint(directory: (path as NSString).deletingLastPathComponent,
                                       config: [:], shards: [file], indexPath: nil)
        }
        let configPath = (path as NSString).appendingPathComponent("config.json")
        var config: [String: Any] = [:]
        if FileManager.default.fileExists(atPath: configPath) {
            config = try readJSONObject(configPath)
        } else if requireConfig {
            throw CheckpointError.missingConfig(directory: path)
        }
        let indexPath = (path as NSString).appendingPathComponent("model.safetensors.index.json")
        if FileManager.default.fileExists(atPath: indexPath) {
            let index = try readJSONObject(indexPath)
            guard let weightMap = index["weight_map"] as? [String: String] else {
                throw CheckpointError.invalidJSON(path: indexPath, reason: "no \"weight_map\" object")
            }
            var shards: [String: SafeTensorsFile] = [:]
            for shardName in Set(weightMap.values).sorted() {
                let shardPath = (path as NSString).appendingPathComponent(shardName)
                guard FileManager.default.fileExists(atPath: shardPath) else {
                    throw CheckpointError.indexNamesMissingShard(index: indexPath, shard: shardName)
                }
                shards[shardName] = try SafeTensorsFile(path: shardPath)
            }
            for (tensor, shardName) in weightMap where shards[shardName]?.info(tensor) == nil {
                throw CheckpointError.indexTensorMissing(index: indexPath, tensor: tensor, shard: shardName)
            }
            let ordered = shards.keys.sorted().map { shards[$0]! }
            return try ModelCheckpoint(directory: path, config: config, shards: ordered, indexPath: indexPath)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".safetensors") }.sorted()
        guard !names.isEmpty else { throw CheckpointError.noWeights(directory: path) }
        let shards = try names.map { try SafeTensorsFile(path: (path as NSString).appendingPathComponent($0)) }
        return try ModelCheckpoint(directory: path, config: config, shards: shards, indexPath: nil)
    }

    private init(directory: String, config: [String: Any], shards: [SafeTensorsFile], indexPath: String?) throws {
        self.directory = directory
        self.config = config
        self.shards = shards
        self.indexPath = indexPath
        var tensors: [CheckpointTensor] = []
        var byName: [String: CheckpointTensor] = [:]
        for shard in shards {
            for info in shard.tensors {
                let t = CheckpointTensor(info: info, shard: shard)
                if let previous = byName[info.name] {
                    throw CheckpointError.duplicateTensor(tensor: info.name, firstShard: previous.shard.path,
                                                          secondShard: shard.path)
                }
                byName[info.name] = t
                tensors.append(t)
            }
        }
        self.tensors = tensors
        self.byName = byName
    }

    /// The total size of the weights in bytes.
    public var weightBytes: Int { tensors.reduce(0) { $0 + $1.info.byteCount } }
}

/// Reads a JSON object from a file, as a typed error when it is missing or malformed.
public func readJSONObject(_ path: String) throws -> [String: Any] {
    guard let data = FileManager.default.contents(atPath: path) else { throw CheckpointError.notFound(path: path) }
    do {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CheckpointError.invalidJSON(path: path, reason: "not a JSON object")
        }
        return object
    } catch let error as CheckpointError {
        throw error
    } catch {
        throw CheckpointError.invalidJSON(path: path, reason: error.localizedDescription)
    }
}
