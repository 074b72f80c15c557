// Checkpoints of a training run in the Hugging Face Llama layout, and reading them back.
//
// Promises: a checkpoint folder holds config.json (LlamaForCausalLM, read back through
// ModelCore's `ModelConfiguration`), model.safetensors (F32
// master weights under HF names), the tokenizer files and generation_config.json — nothing
// else at the top level, so loaders that read every *.safetensors there see only the model —
// and, for resuming, training/optimizer.safetensors (AdamW moments, "<name>.exp_avg" /
// "<name>.exp_avg_sq") and training/trainer_state.json (options, completed steps, optimizer
// update count). Every file is written to a temporary name and renamed; trainer_state.json is
// written last and both safetensors files record the step in their metadata, so a resume
// detects a checkpoint torn by a crash.

import Foundation
import ModelCore
import SafeTensors

/// What trainer_state.json holds.
public struct TrainerState: Sendable, Codable {
    public var completedSteps: Int
    public var optimizerUpdates: Int
    public var options: TrainingOptions
    public var initialLoss: Double?
    /// Wall seconds spent in training steps so far (for tokens/s across resumes).
    public var trainingSeconds: Double
}

public enum TrainingCheckpoint {
    public static let stateFile = "trainer_state.json"
    /// The subfolder holding the optimizer and trainer state.
    public static let stateFolder = "training"

    public static func save(
        to directory: String, parameters p: ModelParameters, optimizer: AdamWState,
        state: TrainerState, tokenizerFiles: [String: Data], bosID: Int?, eosID: Int?
    ) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stepTag = ["format": "pt", "training_step": String(state.completedSteps)]
        let config = p.config.huggingFaceConfig(bosTokenID: bosID, eosTokenID: eosID)
        try writeJSON(config, to: "\(directory)/config.json")
        var generation: [String: Any] = ["_from_model_config": true]
        if let bosID { generation["bos_token_id"] = bosID }
        if let eosID { generation["eos_token_id"] = eosID }
        try writeJSON(generation, to: "\(directory)/generation_config.json")
        for (name, data) in tokenizerFiles.sorted(by: { $0.key < $1.key }) {
            try data.write(to: URL(fileURLWithPath: "\(directory)/\(name)"), options: .atomic)
        }
        try writeTensors(
            p.tensors.map { ($0.name, $0.shape, $0.values) }, to: "\(directory)/model.safetensors", metadata: stepTag)
        var moments: [(String, [Int], [Float])] = []
        for (m, v) in zip(optimizer.firstMoment.tensors, optimizer.secondMoment.tensors) {
            moments.append(("\(m.name).exp_avg", m.shape, m.values))
            moments.append(("\(v.name).exp_avg_sq", v.shape, v.values))
        }
        let stateDirectory = "\(directory)/\(stateFolder)"
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        try writeTensors(moments, to: "\(stateDirectory)/optimizer.safetensors", metadata: stepTag)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(state).write(to: URL(fileURLWithPath: "\(stateDirectory)/\(stateFile)"), options: .atomic)
    }

    /// Loads the model of a checkpoint folder (config.json + model.safetensors).
    public static func loadParameters(from directory: String) throws -> ModelParameters {
        let configPath = "\(directory)/config.json"
        var config = try ModelConfiguration(contentsOf: configPath)
        if let problem = config.trainingProblem { throw TrainingError.checkpoint(path: configPath, reason: problem) }
        // The trainer's configurations carry no bos/eos (the corpus gives them when writing).
        config.bosTokenID = nil
        config.eosTokenIDs = []
        let file = try SafeTensorsFile(path: "\(directory)/model.safetensors")
        var p = ModelParameters.zeros(config)
        for i in p.tensors.indices {
            p.tensors[i].values = try read(file, p.tensors[i].name, shape: p.tensors[i].shape)
        }
        let expected = Set(p.tensors.map(\.name))
        if let extra = file.tensorNames.first(where: { !expected.contains($0) }) {
            throw TrainingError.checkpoint(path: file.path, reason: "unexpected tensor '\(extra)' for this config")
        }
        return p
    }

    /// Everything a resume needs; checks that the three files come from the same step.
    public static func loadForResume(from directory: String) throws -> (ModelParameters, AdamWState, TrainerState) {
        var stateDirectory = "\(directory)/\(stateFolder)"
        if !FileManager.default.fileExists(atPath: "\(stateDirectory)/\(stateFile)"),
            FileManager.default.fileExists(atPath: "\(directory)/\(stateFile)")
        {
            stateDirectory = directory  // the first layout kept the state at the top level
        }
        let statePath = "\(stateDirectory)/\(stateFile)"
        guard let data = FileManager.default.contents(atPath: statePath) else {
            throw TrainingError.checkpoint(
                path: statePath, reason: "missing: not a training checkpoint (or written by another tool)")
        }
        let state = try JSONDecoder().decode(TrainerState.self, from: data)
        let p = try loadParameters(from: directory)
        let opt = try SafeTensorsFile(path: "\(stateDirectory)/optimizer.safetensors")
        let model = try SafeTensorsFile(path: "\(directory)/model.safetensors")
        for f in [opt, model] where f.metadata["training_step"] != String(state.completedSteps) {
            throw TrainingError.checkpoint(
                path: f.path,
                reason:
                    "written at step \(f.metadata["training_step"] ?? "?"), "
                    + "trainer_state.json says \(state.completedSteps): "
                    + "the checkpoint is torn; use an earlier one"
            )
        }
        var m = ModelParameters.zeros(p.config), v = ModelParameters.zeros(p.config)
        for i in m.tensors.indices {
            m.tensors[i].values = try read(opt, "\(m.tensors[i].name).exp_avg", shape: m.tensors[i].shape)
            v.tensors[i].values = try read(opt, "\(v.tensors[i].name).exp_avg_sq", shape: v.tensors[i].shape)
        }
        return (p, AdamWState(firstMoment: m, secondMoment: v, updates: state.optimizerUpdates), state)
    }

    private static func read(_ file: SafeTensorsFile, _ name: String, shape: [Int]) throws -> [Float] {
        guard let info = file.info(name) else {
            throw TrainingError.checkpoint(path: file.path, reason: "missing tensor '\(name)'")
        }
        guard info.shape == shape else {
            throw TrainingError.checkpoint(
                path: file.path, reason: "tensor '\(name)' has shape \(info.shape), expected \(shape)")
        }
        return try file.floats(name)
    }

    private static func writeTensors(_ tensors: [(String, [Int], [Float])], to path: String, metadata: [String: String])
        throws
    {
        let specs = tensors.map { TensorSpec(name: $0.0, dtype: .F32, shape: $0.1) }
        let writer = try SafeTensorsWriter(path: path, tensors: specs, metadata: metadata)
        for t in tensors {
            try t.2.withUnsafeBytes { b in try writer.write(b) }
        }
        try writer.finish()
    }

    static func writeJSON(_ object: Any, to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
