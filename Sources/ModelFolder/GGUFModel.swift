// A GGUF file (llama.cpp's format) seen as a Hugging Face model folder: the config.json its
// metadata implies and its tensors under their Hugging Face names, dequantized to float32.
//
// Promises: `GGUFModel(path:)` maps and validates the file (GGUF's reader) and accepts the
// Llama-family architectures `llama`, `mistral`, `qwen2` and `qwen3` (anything else is
// `unsupportedArchitecture`); `config` holds what transformers' GGUF loader derives from the
// `<arch>.*` keys (hidden size, FFN size, layers, heads, key/value heads, head_dim, rope theta, RMS
// epsilon, context length, vocabulary size, tied embeddings when there is no `output.weight`,
// bos/eos ids), and `rope.scaling.type` other than none/linear is an error naming the key. Every
// tensor maps to one Hugging Face name (`token_embd` → `model.embed_tokens`, `blk.N.attn_q` →
// `model.layers.N.self_attn.q_proj`, …); a tensor without a mapping is an error naming it, never
// silently dropped. `floats(_:)` is gguf-py's dequantization (bit-identical) followed, for
// `llama`/`mistral` `attn_q`/`attn_k` weights and biases, by undoing llama.cpp's row permutation
// (transformers' `reverse_permute_weights`): a pure row reordering, so values stay exact.

import Foundation
import GGUF
import JSONText

public final class GGUFModel: @unchecked Sendable {
    /// The architectures whose GGUF layout this adapter maps, with their transformers classes.
    public static let architectures = [
        "llama": "LlamaForCausalLM", "mistral": "MistralForCausalLM", "qwen2": "Qwen2ForCausalLM",
        "qwen3": "Qwen3ForCausalLM",
    ]

    public let file: GGUFFile
    /// `general.architecture` (llama, mistral, qwen2, qwen3).
    public let architecture: String
    /// The config.json equivalent (path: the GGUF file's path + " (config)").
    public let config: ConfigFile
    /// Hugging Face tensor names, in the file's order.
    public let tensorNames: [String]
    private let sourceName: [String: String]
    /// Hugging Face names whose rows llama.cpp permuted, with the head count of the permutation.
    private let permutedHeads: [String: Int]

    /// True when `path` is a regular file that starts with the GGUF magic.
    public static func isGGUF(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data("GGUF".utf8)
    }

    public init(path: String) throws {
        file = try GGUFFile(path: path)
        let m = file.metadata
        guard let arch = m["general.architecture"]?.string else {
            throw ModelFolderError.missingConfigKey(path: path, key: "general.architecture")
        }
        guard let className = Self.architectures[arch] else {
            throw ModelFolderError.unsupportedArchitecture("\(arch) (GGUF general.architecture of \(path))")
        }
        architecture = arch
        func key(_ k: String) -> String { "\(arch).\(k)" }
        func int(_ k: String) throws -> Int? {
            guard let v = m[key(k)] else { return nil }
            guard let n = v.integer else {
                throw ModelFolderError.invalidConfigValue(path: path, key: key(k), reason: "not an integer")
            }
            return n
        }
        func required(_ k: String) throws -> Int {
            guard let n = try int(k) else { throw ModelFolderError.missingConfigKey(path: path, key: key(k)) }
            return n
        }
        func float(_ k: String) throws -> Double? {
            guard let v = m[key(k)] else { return nil }
            guard let d = v.double else {
                throw ModelFolderError.invalidConfigValue(path: path, key: key(k), reason: "not a number")
            }
            return d
        }

        let hidden = try required("embedding_length"), heads = try required("attention.head_count")
        let kvHeads = try int("attention.head_count_kv") ?? heads
        let layers = try required("block_count"), ffn = try required("feed_forward_length")
        let headDim = try int("attention.key_length") ?? int("rope.dimension_count") ?? (heads > 0 ? hidden / heads : 0)
        if let type = m[key("rope.scaling.type")]?.string, type != "none" && type != "linear" {
            throw ModelFolderError.invalidConfigValue(
                path: path, key: key("rope.scaling.type"), reason: "\(type) is not supported (none, linear)")
        }
        guard let embedding = file.info("token_embd.weight"), embedding.shape.count == 2 else {
            throw ModelFolderError.missingConfigKey(path: path, key: "token_embd.weight (tensor)")
        }
        let vocab = try int("vocab_size") ?? embedding.shape[0]
        let tied = file.info("output.weight") == nil

        var members: [JSONMember] = []
        func put(_ k: String, _ v: JSONValue) { members.append(JSONMember(key: k, value: v)) }
        func number(_ d: Double) -> JSONValue { .otherNumber("\(d)") }
        put("architectures", .array([.string(className)]))
        put("model_type", .string(arch))
        put("hidden_size", .integer(hidden))
        put("intermediate_size", .integer(ffn))
        put("num_hidden_layers", .integer(layers))
        put("num_attention_heads", .integer(heads))
        put("num_key_value_heads", .integer(kvHeads))
        put("head_dim", .integer(headDim))
        put("hidden_act", .string("silu"))
        put("vocab_size", .integer(vocab))
        put("rms_norm_eps", number(try float("attention.layer_norm_rms_epsilon") ?? 1e-6))
        put("rope_theta", number(try float("rope.freq_base") ?? 10000))
        if m[key("rope.scaling.type")]?.string == "linear", let factor = try float("rope.scaling.factor") {
            put(
                "rope_scaling",
                .object([
                    JSONMember(key: "rope_type", value: .string("linear")),
                    JSONMember(key: "factor", value: number(factor)),
                ]))
        }
        if let n = try int("context_length") { put("max_position_embeddings", .integer(n)) }
        put("tie_word_embeddings", .bool(tied))
        put("attention_bias", .bool(arch != "qwen2" && file.info("blk.0.attn_q.bias") != nil))
        put("mlp_bias", .bool(false))
        put("bos_token_id", m["tokenizer.ggml.bos_token_id"]?.integer.map { .integer($0) } ?? .null)
        put("eos_token_id", m["tokenizer.ggml.eos_token_id"]?.integer.map { .integer($0) } ?? .null)
        put("torch_dtype", .string("float32"))
        config = ConfigFile(json: .object(members), path: path + " (config)")

        let permutes = arch == "llama" || arch == "mistral"
        var names: [String] = [], source: [String: String] = [:], permuted: [String: Int] = [:]
        for t in file.tensors {
            guard let hf = Self.huggingFaceName(t.name) else {
                throw ModelFolderError.invalidConfigValue(
                    path: path, key: t.name, reason: "GGUF tensor without a Hugging Face counterpart for \(arch)")
            }
            names.append(hf)
            source[hf] = t.name
            if permutes && (t.name.contains(".attn_q.") || t.name.contains(".attn_k.")) {
                let n = t.name.contains(".attn_q.") ? heads : kvHeads
                let rows = t.shape[0]
                guard n > 0, rows % (2 * n) == 0 else {
                    throw ModelFolderError.invalidConfigValue(
                        path: path, key: t.name, reason: "\(rows) rows are not \(n) heads of an even size")
                }
                permuted[hf] = n
            }
        }
        tensorNames = names
        sourceName = source
        permutedHeads = permuted
    }

    /// The Hugging Face name of a llama.cpp tensor name, nil when it has none.
    public static func huggingFaceName(_ gguf: String) -> String? {
        switch gguf {
        case "token_embd.weight": return "model.embed_tokens.weight"
        case "output_norm.weight": return "model.norm.weight"
        case "output.weight": return "lm_head.weight"
        default: break
        }
        let parts = gguf.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "blk", let layer = Int(parts[1]), layer >= 0,
            parts[3] == "weight" || parts[3] == "bias"
        else { return nil }
        let modules = [
            "attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
            "attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
            "attn_output": "self_attn.o_proj", "attn_q_norm": "self_attn.q_norm", "attn_k_norm": "self_attn.k_norm",
            "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj", "ffn_down": "mlp.down_proj",
        ]
        guard let module = modules[String(parts[2])] else { return nil }
        return "model.layers.\(layer).\(module).\(parts[3])"
    }

    /// The llama.cpp name of a Hugging Face tensor name of this file.
    public func ggufName(of name: String) -> String? { sourceName[name] }

    /// The tensor's GGUF info (type, dimensions), by Hugging Face name.
    public func info(_ name: String) -> GGUFTensorInfo? { sourceName[name].flatMap { file.info($0) } }

    /// Row-major shape (outermost first), by Hugging Face name.
    public func shape(of name: String) -> [Int]? { info(name)?.shape }

    /// The tensor as float32 in Hugging Face layout: dequantized, q/k rows un-permuted.
    public func floats(_ name: String) throws -> [Float] {
        guard let source = sourceName[name] else { throw GGUFError.tensorNotFound(path: file.path, tensor: name) }
        let values = try file.dequantize(source)
        guard let heads = permutedHeads[name] else { return values }
        return Self.reversePermutedRows(values, rows: file.info(source)!.shape[0], heads: heads)
    }

    /// Releases the mapped pages of a tensor (by Hugging Face name).
    public func releasePages(_ name: String) {
        if let source = sourceName[name] { file.releasePages(source) }
    }

    /// Undoes llama.cpp's `permute(w, n_head)`: Hugging Face row h·d + t·d/2 + j is GGUF row
    /// h·d + 2j + t (d = rows / heads; t ∈ {0, 1}, j < d/2). Works for weights and biases.
    public static func reversePermutedRows(_ values: [Float], rows: Int, heads: Int) -> [Float] {
        let cols = values.count / rows, headRows = rows / heads, half = headRows / 2
        var out = [Float](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for h in 0..<heads {
                    for t in 0..<2 {
                        for j in 0..<half {
                            let hfRow = h * headRows + t * half + j, ggufRow = h * headRows + 2 * j + t
                            for c in 0..<cols { dst[hfRow * cols + c] = src[ggufRow * cols + c] }
                        }
                    }
                }
            }
        }
        return out
    }
}
