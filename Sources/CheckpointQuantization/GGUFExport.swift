// NVFP4 checkpoint → a GGUF file for llama.cpp (architecture `llama`).
//
// Promises (docs/formats.md):
// - every quantized module whose input dimension is a multiple of 64 becomes a ggml NVFP4 tensor
//   (type 40) holding our E2M1 codes and E4M3 block scales unchanged (`NVFP4Blocks.pack`), plus an
//   F32 `<name>.scale` tensor of one value, the ModelOpt multiplier `amax/(M·S)` (`weight_scale_2`),
//   which llama.cpp multiplies into the matmul output — so a 4/6 tensor (M·S = 6·256) is carried
//   without loss; a calibrated input scale goes to `<name>.input_scale` the same way;
// - a quantized module whose input dimension is not a multiple of 64 is written as F32 holding
//   our dequantized weights (the same numbers, unpacked);
// - q/k rows (weights and their block scales together) are permuted as convert_hf_to_gguf.py's
//   `LlamaModel.permute`; 1-D tensors and norms are F32; other tensors keep F32/F16/BF16;
// - tensor names are llama.cpp's; metadata: llama.* hyper-parameters and the tokenizer from
//   tokenizer.json (+ tokenizer_config.json): `tokenizer.ggml.model` gpt2 (byte-level BPE) or
//   llama (Metaspace BPE with byte fallback), tokens, token types, merges or scores, special ids;
// - when the checkpoint records its rule and exact amax (ours), `fouroversix.rule` and one
//   `fouroversix.amax.<tensor>` F32 key per NVFP4 tensor (ModelFolder's `GGUFModel` keys), so that
//   reading the file back gives the core's dequantization bit for bit; llama.cpp ignores them.

import BlockFormats
import BlockQuantization
import Foundation
import GGUF
import ModelFolder
import OutputSafety
import SafeTensors

public enum GGUFExport {
    /// Writes the NVFP4 checkpoint in `quantizedDirectory` (either convention) as a GGUF file.
    public static func write(quantizedDirectory: String, to path: String, overwrite: Bool) throws {
        // Refuses an existing file without `overwrite` (replaced by the writer's rename when complete).
        try OutputPolicy.prepare(
            OutputRequest(path, .file, inputs: [quantizedDirectory], existing: overwrite ? .replace : .refuse))
        let q = try QuantizedCheckpoint.open(quantizedDirectory)
        let config = q.checkpoint.config
        let hp = try LlamaHyperParameters(config, path: quantizedDirectory)
        let modules = Dictionary(uniqueKeysWithValues: q.modules.map { ($0.packed.name, $0) })
        let moduleTensors = Set(q.modules.flatMap(\.tensorNames))

        var specs: [GGUFTensorSpec] = []
        var exactAmax: [(key: String, value: GGUFValue)] = []
        var producers: [() throws -> [UInt8]] = []
        func add(_ spec: GGUFTensorSpec, _ data: @escaping () throws -> [UInt8]) {
            specs.append(spec)
            producers.append(data)
        }
        for t in q.checkpoint.tensors {
            if let m = modules[t.name] {
                let name = try ggufName(m.module + ".weight", path: quantizedDirectory)
                let heads = hp.permutationHeads(m.module)
                if m.cols % NVFP4Blocks.blockValues == 0 {
                    add(GGUFTensorSpec(name: name, type: .NVFP4, dimensions: [m.cols, m.rows])) {
                        var codes = Array(try m.packed.shard.bytes(m.packed.name))
                        var scales = Array(try m.blockScales.shard.bytes(m.blockScales.name))
                        if let heads {
                            codes = permuteRows(codes, rows: m.rows, heads: heads)
                            scales = permuteRows(scales, rows: m.rows, heads: heads)
                        }
                        return NVFP4Blocks.pack(codes: codes, scales: scales, rows: m.rows, cols: m.cols)
                    }
                    let multiplier = try multiplierScale(q, m)
                    if q.rule != nil, let amax = q.exactAmax[m.module] {
                        exactAmax.append((GGUFModel.amaxKey(of: name), .float32(amax)))
                    }
                    add(
                        GGUFTensorSpec(
                            name: name.replacingOccurrences(of: ".weight", with: ".scale"), type: .F32,
                            dimensions: [1])
                    ) { floatBytes([multiplier]) }
                    if let input = m.inputScale {
                        let stored = try input.shard.bytes(input.name).loadUnaligned(as: Float.self)
                        let multiplierForm = q.convention == .compressedTensors ? 1 / stored : stored
                        add(
                            GGUFTensorSpec(
                                name: name.replacingOccurrences(of: ".weight", with: ".input_scale"),
                                type: .F32, dimensions: [1])
                        ) { floatBytes([multiplierForm]) }
                    }
                } else {
                    add(GGUFTensorSpec(name: name, type: .F32, dimensions: [m.cols, m.rows])) {
                        let w = try q.dequantizedWeight(m)
                        return floatBytes(heads.map { permuteRows(w, rows: m.rows, heads: $0) } ?? w)
                    }
                }
                continue
            }
            if moduleTensors.contains(t.name) || t.name.hasSuffix("rotary_emb.inv_freq") { continue }
            let name = try ggufName(t.name, path: quantizedDirectory)
            let shape = t.info.shape
            let keepType: GGMLType? = [DType.F32: GGMLType.F32, .F16: .F16, .BF16: .BF16][t.info.dtype]
            guard let keepType else {
                throw CheckpointError.unsupportedDType(path: t.shard.path, tensor: t.name, dtype: t.info.dtype.rawValue)
            }
            let module = String(t.name.dropLast(".weight".count))
            let heads = shape.count == 2 && t.name.hasSuffix(".weight") ? hp.permutationHeads(module) : nil
            let type: GGMLType = shape.count <= 1 || name.hasSuffix("_norm.weight") ? .F32 : keepType
            add(GGUFTensorSpec(name: name, type: type, dimensions: shape.reversed())) {
                if type == .F32 && keepType != .F32 || heads != nil {
                    var x = try t.shard.floats(t.name)
                    if let heads { x = permuteRows(x, rows: shape[0], heads: heads) }
                    return type == .F32 ? floatBytes(x) : try bytes(of: x, as: t.info.dtype)
                }
                return Array(try t.shard.bytes(t.name))
            }
        }

        var metadata = hp.metadata(name: URL(fileURLWithPath: quantizedDirectory).lastPathComponent)
        metadata += try GGUFTokenizerMetadata.read(directory: quantizedDirectory, config: config)
        if let rule = q.rule, !exactAmax.isEmpty {
            metadata += [(GGUFModel.ruleKey, .string(rule.rawValue))] + exactAmax
        }
        try GGUFWriter.write(to: path, metadata: metadata, tensors: specs) { i in try producers[i]() }
    }

    /// Fails, naming the model's own files, when `modelDirectory` cannot become a GGUF file (a
    /// config that is not Llama's, a tokenizer that is missing or not BPE): checked before any
    /// quantization work.
    static func checkExportable(modelDirectory: String) throws {
        let config = try readJSONObject(modelDirectory + "/config.json")
        _ = try LlamaHyperParameters(config, path: modelDirectory)
        _ = try GGUFTokenizerMetadata.read(directory: modelDirectory, config: config)
    }

    /// The tensor scale as llama.cpp applies it: a multiplier of the matmul output, `amax/(M·S)`
    /// (from the exact amax when we wrote the checkpoint).
    static func multiplierScale(_ q: QuantizedCheckpoint, _ m: QuantizedModule) throws -> Float {
        if let rule = q.rule, let amax = q.exactAmax[m.module] {
            return ScaleConstants(format: .nvfp4, rule: rule).decodeScale(amax: amax)
        }
        let stored = try q.storedTensorScale(m)
        return q.convention == .compressedTensors ? 1 / stored : stored
    }

    /// llama.cpp's name of a Hugging Face Llama tensor.
    static func ggufName(_ name: String, path: String) throws -> String {
        let fixed = [
            "model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight",
            "lm_head.weight": "output.weight",
        ]
        if let n = fixed[name] { return n }
        let parts = name.split(separator: ".").map(String.init)
        let layerParts: [String: String] = [
            "input_layernorm": "attn_norm", "post_attention_layernorm": "ffn_norm",
            "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
            "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
            "mlp.down_proj": "ffn_down",
        ]
        if parts.count >= 5, parts[0] == "model", parts[1] == "layers", let layer = Int(parts[2]) {
            let inner = parts[3..<(parts.count - 1)].joined(separator: ".")
            if let mapped = layerParts[inner] { return "blk.\(layer).\(mapped).\(parts.last!)" }
        }
        throw CheckpointError.inconsistent(
            path: path,
            reason: "tensor '\(name)' has no llama.cpp name (only Llama-architecture tensors are exported to GGUF)")
    }

    /// convert_hf_to_gguf.py's `LlamaModel.permute` on whole rows: within each head of `rows/heads`
    /// rows, new row `2i + j` is old row `j·half + i`.
    static func permuteRows<T>(_ x: [T], rows: Int, heads: Int) -> [T] {
        let rowLength = x.count / rows, headDim = rows / heads, half = headDim / 2
        var out = x
        for h in 0..<heads {
            for i in 0..<half {
                for j in 0..<2 {
                    let target = (h * headDim + 2 * i + j) * rowLength,
                        source = (h * headDim + j * half + i) * rowLength
                    for k in 0..<rowLength { out[target + k] = x[source + k] }
                }
            }
        }
        return out
    }

    /// The inverse of `permuteRows` (GGUF order back to Hugging Face order).
    static func unpermuteRows<T>(_ x: [T], rows: Int, heads: Int) -> [T] {
        let rowLength = x.count / rows, headDim = rows / heads, half = headDim / 2
        var out = x
        for h in 0..<heads {
            for i in 0..<half {
                for j in 0..<2 {
                    let target = (h * headDim + j * half + i) * rowLength,
                        source = (h * headDim + 2 * i + j) * rowLength
                    for k in 0..<rowLength { out[target + k] = x[source + k] }
                }
            }
        }
        return out
    }
}

func floatBytes(_ x: [Float]) -> [UInt8] { x.withUnsafeBytes { Array($0) } }

/// The Llama hyper-parameters of config.json, as llama.cpp's `llama.*` keys.
struct LlamaHyperParameters {
    let layers, hidden, intermediate, heads, kvHeads, headDim, vocab, context: Int
    let ropeTheta, rmsEps: Float

    init(_ c: [String: Any], path: String) throws {
        func int(_ k: String) -> Int? { (c[k] as? NSNumber)?.intValue }
        func float(_ k: String) -> Float? { (c[k] as? NSNumber)?.floatValue }
        let type = c["model_type"] as? String
        guard type == "llama", let layers = int("num_hidden_layers"), let hidden = int("hidden_size"),
            let intermediate = int("intermediate_size"), let heads = int("num_attention_heads"),
            let vocab = int("vocab_size")
        else {
            throw CheckpointError.inconsistent(
                path: path, reason: "GGUF export needs a Llama config.json (model_type llama, got \(type ?? "none"))")
        }
        self.layers = layers
        self.hidden = hidden
        self.intermediate = intermediate
        self.heads = heads
        kvHeads = int("num_key_value_heads") ?? heads
        headDim = int("head_dim") ?? hidden / heads
        self.vocab = vocab
        context = int("max_position_embeddings") ?? 2048
        // transformers 5 keeps it in `rope_parameters`.
        ropeTheta =
            float("rope_theta") ?? ((c["rope_parameters"] as? [String: Any])?["rope_theta"] as? NSNumber)?.floatValue
            ?? 10000
        rmsEps = float("rms_norm_eps") ?? 1e-6
        if let scaling = c["rope_scaling"], !(scaling is NSNull) {
            throw CheckpointError.inconsistent(path: path, reason: "rope_scaling is not exported to GGUF yet")
        }
    }

    /// Heads of the q/k row permutation for module `m`, nil for other modules.
    func permutationHeads(_ m: String) -> Int? {
        if m.hasSuffix("self_attn.q_proj") { return heads }
        if m.hasSuffix("self_attn.k_proj") { return kvHeads }
        return nil
    }

    func metadata(name: String) -> [(key: String, value: GGUFValue)] {
        var m: [(key: String, value: GGUFValue)] = [
            ("general.architecture", .string("llama")), ("general.type", .string("model")),
            ("general.name", .string(name)),
            ("general.file_type", .uint32(39)),  // LlamaFileType.MOSTLY_NVFP4
            ("general.quantization_version", .uint32(2)),
            ("llama.block_count", .uint32(UInt32(layers))), ("llama.context_length", .uint32(UInt32(context))),
            ("llama.embedding_length", .uint32(UInt32(hidden))),
            ("llama.feed_forward_length", .uint32(UInt32(intermediate))),
            ("llama.attention.head_count", .uint32(UInt32(heads))),
            ("llama.attention.head_count_kv", .uint32(UInt32(kvHeads))),
            ("llama.rope.freq_base", .float32(ropeTheta)), ("llama.attention.layer_norm_rms_epsilon", .float32(rmsEps)),
            ("llama.vocab_size", .uint32(UInt32(vocab))), ("llama.rope.dimension_count", .uint32(UInt32(headDim))),
        ]
        if headDim != hidden / heads {
            m.append(("llama.attention.key_length", .uint32(UInt32(headDim))))
            m.append(("llama.attention.value_length", .uint32(UInt32(headDim))))
        }
        return m
    }
}
