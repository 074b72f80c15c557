// A Hugging Face model folder (or a single safetensors file) opened for reading: its config.json
// and its weights.
//
// Promises: `ModelCheckpoint.open` reads config.json once (`ConfigFile`, JSONText), finds the
// weights (`model.safetensors`, or the shards named by `model.safetensors.index.json`, or every
// `*.safetensors` file when there is no index), memory-maps and validates each shard, and checks
// that the index and the shards agree and that no tensor appears twice; every failure is a
// `ModelFolderError` naming the file and tensor. `quantizedConvention` says whether the weights
// are an NVFP4 checkpoint (by `QuantizedTensorNames`, the one place that knows the suffixes).

import Foundation
import SafeTensors

/// One tensor of a checkpoint and the shard that holds it.
public struct CheckpointTensor: Sendable {
    public let info: TensorInfo
    public let shard: SafeTensorsFile
    public var name: String { info.name }
}

public final class ModelCheckpoint: @unchecked Sendable {
    /// The folder (or, for a single file, the folder holding it).
    public let directory: String
    /// config.json (nil when opening a bare safetensors file or a folder without one).
    public let configFile: ConfigFile?
    /// Shards in file-name order.
    public let shards: [SafeTensorsFile]
    /// Every tensor, in shard order then file order.
    public let tensors: [CheckpointTensor]
    /// `model.safetensors.index.json` when the checkpoint has one.
    public let indexPath: String?

    public func tensor(_ name: String) -> CheckpointTensor? { byName[name] }
    private let byName: [String: CheckpointTensor]

    /// The config.json object as Foundation values (empty without one), for writers.
    public var config: [String: Any] { configFile?.foundationObject ?? [:] }

    /// The NVFP4 convention the tensor names follow, or nil for a plain checkpoint.
    public var quantizedConvention: QuantizedTensorNames? { QuantizedTensorNames.detect(in: tensors.lazy.map(\.name)) }

    /// Opens a model folder, or a single `.safetensors` file when `requireConfig` is false.
    public static func open(_ path: String, requireConfig: Bool = true) throws -> ModelCheckpoint {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ModelFolderError.notFound(path: path)
        }
        if !isDirectory.boolValue {
            let file = try SafeTensorsFile(path: path)
            return try ModelCheckpoint(
                directory: (path as NSString).deletingLastPathComponent,
                configFile: nil, shards: [file], indexPath: nil)
        }
        let configPath = (path as NSString).appendingPathComponent("config.json")
        var configFile: ConfigFile?
        if FileManager.default.fileExists(atPath: configPath) {
            configFile = try ConfigFile(path: configPath)
        } else if requireConfig {
            throw ModelFolderError.missingConfig(directory: path)
        }
        let indexPath = (path as NSString).appendingPathComponent("model.safetensors.index.json")
        if FileManager.default.fileExists(atPath: indexPath) {
            let index = try ConfigFile(path: indexPath)
            guard let members = index["weight_map"]?.members else {
                throw ModelFolderError.invalidJSON(path: indexPath, reason: "no \"weight_map\" object")
            }
            var weightMap: [String: String] = [:]
            for m in members {
                guard let shard = m.value.string else {
                    throw ModelFolderError.invalidJSON(
                        path: indexPath, reason: "weight_map \"\(m.key)\" is not a string")
                }
                weightMap[m.key] = shard
            }
            var shards: [String: SafeTensorsFile] = [:]
            for shardName in Set(weightMap.values).sorted() {
                let shardPath = (path as NSString).appendingPathComponent(shardName)
                guard FileManager.default.fileExists(atPath: shardPath) else {
                    throw ModelFolderError.indexNamesMissingShard(index: indexPath, shard: shardName)
                }
                shards[shardName] = try SafeTensorsFile(path: shardPath)
            }
            for (tensor, shardName) in weightMap.sorted(by: { $0.key < $1.key })
            where shards[shardName]?.info(tensor) == nil {
                throw ModelFolderError.indexTensorMissing(index: indexPath, tensor: tensor, shard: shardName)
            }
            let ordered = shards.keys.sorted().map { shards[$0]! }
            return try ModelCheckpoint(directory: path, configFile: configFile, shards: ordered, indexPath: indexPath)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".safetensors") }.sorted()
        guard !names.isEmpty else { throw ModelFolderError.noWeights(directory: path) }
        let shards = try names.map { try SafeTensorsFile(path: (path as NSString).appendingPathComponent($0)) }
        return try ModelCheckpoint(directory: path, configFile: configFile, shards: shards, indexPath: nil)
    }

    private init(directory: String, configFile: ConfigFile?, shards: [SafeTensorsFile], indexPath: String?) throws {
        self.directory = directory
        self.configFile = configFile
        self.shards = shards
        self.indexPath = indexPath
        var tensors: [CheckpointTensor] = []
        var byName: [String: CheckpointTensor] = [:]
        for shard in shards {
            for info in shard.tensors {
                let t = CheckpointTensor(info: info, shard: shard)
                if let previous = byName[info.name] {
                    throw ModelFolderError.duplicateTensor(
                        tensor: info.name, firstShard: previous.shard.path,
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
