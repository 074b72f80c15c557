// The trainer's side of ModelCore's one configuration type: the presets, the config.json a
// checkpoint carries read back through ModelFolder, and the trainer_state.json form (earlier
// checkpoints, written by the former TrainingModelConfig, still decode).

import Foundation
import ModelCore
import ModelFolder
import Testing

@Suite struct ModelConfigurationTests {
    @Test func presetsHaveTheDocumentedShapes() throws {
        #expect(ModelConfiguration.presetNames == ["tiny", "small", "medium", "base"])
        let shapes = ModelConfiguration.presetNames.map { ModelConfiguration.preset($0, vocabularySize: 1024)! }.map {
            [$0.hiddenSize, $0.intermediateSize, $0.layerCount, $0.headCount, $0.contextLength]
        }
        #expect(
            shapes == [[64, 176, 2, 2, 64], [128, 352, 4, 4, 128], [256, 688, 4, 4, 256], [384, 1024, 6, 6, 256]])
        for name in ModelConfiguration.presetNames {
            let c = ModelConfiguration.preset(name, vocabularySize: 1024)!
            #expect(c.trainingProblem == nil, "\(name)")
            #expect(c.keyValueHeadCount == c.headCount && c.tieWordEmbeddings && c.bosTokenID == nil)
        }
        #expect(ModelConfiguration.preset("huge", vocabularySize: 1024) == nil)
        var gqa = ModelConfiguration.preset("tiny", vocabularySize: 64)!
        gqa.keyValueHeadCount = 1
        #expect(gqa.trainingProblem?.contains("grouped-query") == true)
    }

    @Test func theCheckpointConfigReadsBackEqual() throws {
        let c = ModelConfiguration.llama(
            vocabularySize: 320, hiddenSize: 32, intermediateSize: 64, layers: 2, heads: 2, contextLength: 32,
            tieEmbeddings: false, initializerRange: 0.05)
        let json = try JSONSerialization.data(withJSONObject: c.huggingFaceConfig(bosTokenID: 0, eosTokenID: 0))
        var read = try ModelConfiguration(config: try ConfigFile(bytes: [UInt8](json), path: "config.json"))
        #expect(read.bosTokenID == 0 && read.eosTokenIDs == [0])
        read.bosTokenID = nil
        read.eosTokenIDs = []
        #expect(read == c)
    }

    @Test func trainerStateFormKeepsItsKeysAndEarlierFilesDecode() throws {
        let c = ModelConfiguration.preset("small", vocabularySize: 1024)!
        let encoded = try JSONEncoder().encode(c)
        #expect(try JSONDecoder().decode(ModelConfiguration.self, from: encoded) == c)
        let keys = try JSONSerialization.jsonObject(with: encoded) as! [String: Any]
        for key in [
            "vocabularySize", "hiddenSize", "intermediateSize", "layers", "heads", "contextLength", "ropeTheta",
            "rmsNormEpsilon", "tieEmbeddings", "initializerRange",
        ] {
            #expect(keys[key] != nil, "\(key)")
        }
        // The `model` object of a trainer_state.json written before ModelCore existed.
        let earlier = #"""
            {"vocabularySize": 1024, "hiddenSize": 128, "intermediateSize": 352, "layers": 4, "heads": 4,
             "contextLength": 128, "ropeTheta": 10000, "rmsNormEpsilon": 9.9999997473787516e-06,
             "tieEmbeddings": true, "initializerRange": 0.019999999552965164}
            """#
        #expect(try JSONDecoder().decode(ModelConfiguration.self, from: Data(earlier.utf8)) == c)
    }
}
