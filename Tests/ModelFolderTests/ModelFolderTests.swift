// ModelFolder: config.json read once on JSONText with typed, key-naming errors; its Foundation
// view re-serializes to the same bytes as JSONSerialization's own parse (so writers that copy
// config.json keep its bytes); the quantized-name conventions; folder errors.

import Foundation
import JSONText
import ModelFolder
import SafeTensors
import TestSupport
import Testing

@Suite struct ModelFolderTests {
    func config(_ text: String) throws -> ConfigFile { try ConfigFile(bytes: Array(text.utf8), path: "c.json") }

    @Test func typedAccessNamesTheKey() throws {
        let c = try config(
            #"{"a": 3, "b": 1e-5, "c": true, "d": "x", "e": [1, 2], "f": null, "g": {"h": 2.5}, "s": ["p"]}"#)
        #expect(try c.int("a") == 3 && c.double("b") == 1e-5 && c.bool("c") == true && c.string("d") == "x")
        #expect(try c.ints("e") == [1, 2] && c.ints("a") == [3] && c.strings("s") == ["p"])
        #expect(try c.int("f") == nil && c.int("missing") == nil && !c.has("f") && c.has("a"))
        #expect(try c.object("g")?.double("h") == 2.5)
        #expect(
            throws: ModelFolderError.invalidConfigValue(path: "c.json", key: "d", reason: "not an integer (a string)")
        ) {
            try c.int("d")
        }
        #expect(
            throws: ModelFolderError.invalidConfigValue(path: "c.json", key: "a", reason: "not a boolean (a number)")
        ) {
            try c.bool("a")
        }
        #expect(throws: ModelFolderError.self) { try config("[1]") }
        #expect(throws: ModelFolderError.self) { try config("{\"a\": 1,}") }
    }

    /// Rewriting config.json from the Foundation view gives JSONSerialization's bytes.
    @Test func foundationViewKeepsTheBytesOfARewrite() throws {
        let path = bundledModel + "/config.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let viaFoundation = try JSONSerialization.jsonObject(with: data)
        let viaConfigFile = try ConfigFile(path: path).foundationObject
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys]
        #expect(
            try JSONSerialization.data(withJSONObject: viaConfigFile, options: options)
                == JSONSerialization.data(withJSONObject: viaFoundation, options: options))
    }

    @Test func quantizedConventionsAreRecognisedByTheirMarker() {
        #expect(QuantizedTensorNames.detect(in: ["a.weight", "a.weight_scale"]) == nil)
        #expect(QuantizedTensorNames.detect(in: ["a.weight", "a.weight_scale_2"]) == .modelopt)
        #expect(QuantizedTensorNames.detect(in: ["a.weight_scale_2", "b.weight_packed"]) == .compressedTensors)
        #expect(QuantizedTensorNames.compressedTensors.module(marking: "m.x.weight_packed") == "m.x")
        #expect(QuantizedTensorNames.modelopt.module(marking: "m.x.weight_scale") == nil)
        #expect(QuantizedTensorNames.modelopt.inputScaleName("m") == "m.input_scale")
        #expect(QuantizedTensorNames.compressedTensors.tensorScaleName("m") == "m.weight_global_scale")
    }

    @Test func folderErrorsNameTheFile() throws {
        let dir = NSTemporaryDirectory() + "fos-folder-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(throws: ModelFolderError.missingConfig(directory: dir)) { try ModelCheckpoint.open(dir) }
        try "{}".write(toFile: dir + "/config.json", atomically: true, encoding: .utf8)
        #expect(throws: ModelFolderError.noWeights(directory: dir)) { try ModelCheckpoint.open(dir) }
        let spec = TensorSpec(name: "w", dtype: .F32, shape: [1])
        for shard in ["a.safetensors", "b.safetensors"] {
            try writeSafeTensors(path: dir + "/" + shard, tensors: [(spec, [0, 0, 128, 63])])
        }
        #expect(
            throws: ModelFolderError.duplicateTensor(
                tensor: "w", firstShard: dir + "/a.safetensors",
                secondShard: dir + "/b.safetensors")
        ) {
            try ModelCheckpoint.open(dir)
        }
        try #"{"weight_map": {"w": "a.safetensors", "v": "a.safetensors"}}"#
            .write(toFile: dir + "/model.safetensors.index.json", atomically: true, encoding: .utf8)
        #expect(
            throws: ModelFolderError.indexTensorMissing(
                index: dir + "/model.safetensors.index.json", tensor: "v",
                shard: "a.safetensors")
        ) {
            try ModelCheckpoint.open(dir)
        }
        try #"{"weight_map": {"w": "a.safetensors"}}"#
            .write(toFile: dir + "/model.safetensors.index.json", atomically: true, encoding: .utf8)
        let folder = try ModelCheckpoint.open(dir)
        #expect(folder.shards.count == 1 && folder.tensors.map(\.name) == ["w"] && folder.configFile != nil)
        #expect(folder.quantizedConvention == nil)
    }
}
