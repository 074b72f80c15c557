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
//
// NVFP4 (ggml type 40): a weight's F32 companions `<name>.scale` (the tensor scale, a multiplier
// llama.cpp applies to the matmul output; absent means 1) and `<name>.input_scale` are not
// tensors of the model: `floats` gives the weight with its tensor scale applied — in the core's
// exact order `((E2M1·E4M3)·amax)·(1/(M·S))` (BlockQuantization's dequantization, bit-identical
// with `fouroversix dequantize` of the same quantization) when the file records `fouroversix.rule`
// and the weight's `fouroversix.amax.<name>` (as `quantize --convention gguf` writes them; an amax
// that does not give the stored `.scale` is refused), else as llama.cpp does, gguf-py's block
// decoding times the multiplier. A companion without an NVFP4 weight, or not one finite F32
// value ≥ 0, is an error naming it.

import BlockQuantization
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
    /// The NVFP4 weights, by Hugging Face name.
    public let nvfp4Weights: [String: NVFP4Weight]

    /// An NVFP4 weight's tensor scale and, when the producer recorded them, its rule and exact amax.
    public struct NVFP4Weight: Sendable {
        /// `<name>.scale` (1 when absent): `amax/(M·S)`, the multiplier of the dequantized blocks.
        public let multiplier: Float
        /// `<name>.input_scale` (W4A4), in the multiplier form.
        public let inputScale: Float?
        /// `fouroversix.rule` and `fouroversix.amax.<name>` (our files).
        public let rule: ScaleRule?
        public let exactAmax: Float?
    }

    /// The metadata keys with which `quantize --convention gguf` records the 4/6 rule and each
    /// NVFP4 tensor's exact amax (llama.cpp ignores keys it does not know).
    public static let ruleKey = "fouroversix.rule"
    public static func amaxKey(of ggufTensor: String) -> String { "fouroversix.amax." + ggufTensor }

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
        let companions = try Self.nvfp4Companions(file)
        let rule = try Self.recordedRule(file)
        var nvfp4: [String: NVFP4Weight] = [:]
        for t in file.tensors {
            if companions.names.contains(t.name) { continue }
            guard let hf = Self.huggingFaceName(t.name) else {
                throw ModelFolderError.invalidConfigValue(
                    path: path, key: t.name, reason: "GGUF tensor without a Hugging Face counterpart for \(arch)")
            }
            names.append(hf)
            source[hf] = t.name
            if t.type == .NVFP4 {
                nvfp4[hf] = try Self.nvfp4Weight(
                    t.name, file: file, rule: rule, scale: companions.scale[t.name],
                    inputScale: companions.inputScale[t.name])
            }
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
        nvfp4Weights = nvfp4
    }

    /// The `.scale` / `.input_scale` companions of NVFP4 weights: their names and values by weight.
    private static func nvfp4Companions(_ file: GGUFFile) throws
        -> (names: Set<String>, scale: [String: Float], inputScale: [String: Float])
    {
        var names = Set<String>(), scale: [String: Float] = [:], input: [String: Float] = [:]
        for t in file.tensors {
            let suffix = [".input_scale", ".scale"].first { t.name.hasSuffix($0) }
            guard let suffix else { continue }
            let weight = String(t.name.dropLast(suffix.count)) + ".weight"
            guard file.info(weight)?.type == .NVFP4 else {
                throw ModelFolderError.invalidGGUF(
                    path: file.path, what: "tensor '\(t.name)'",
                    reason: "a tensor scale without an NVFP4 weight '\(weight)'")
            }
            let value = t.type == .F32 && t.elementCount == 1 ? try file.dequantize(t.name)[0] : nil
            guard let value, value.isFinite, value >= 0 else {
                throw ModelFolderError.invalidGGUF(
                    path: file.path, what: "tensor '\(t.name)'",
                    reason: "a tensor scale must be one finite F32 value ≥ 0 (\(t.type.name) \(t.shape)"
                        + (value.map { ", \($0)" } ?? "") + ")")
            }
            names.insert(t.name)
            if suffix == ".scale" { scale[weight] = value } else { input[weight] = value }
        }
        return (names, scale, input)
    }

    /// `fouroversix.rule`, nil when absent; an unknown rule is an error.
    private static func recordedRule(_ file: GGUFFile) throws -> ScaleRule? {
        guard let value = file.metadata[ruleKey] else { return nil }
        guard let text = value.string, let rule = ScaleRule(rawValue: text) else {
            let rules = ScaleRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw ModelFolderError.invalidGGUF(
                path: file.path, what: "metadata \(ruleKey)",
                reason: "\(value) is not a 4/6 rule (\(rules))")
        }
        return rule
    }

    /// One NVFP4 weight: its multiplier and, with the recorded rule, its exact amax — checked to
    /// give the stored multiplier bit for bit (the tensors are the model; a stale key is refused).
    private static func nvfp4Weight(
        _ name: String, file: GGUFFile, rule: ScaleRule?, scale: Float?,
        inputScale: Float?
    ) throws -> NVFP4Weight {
        let multiplier = scale ?? 1
        guard let rule, let recorded = file.metadata[amaxKey(of: name)] else {
            return NVFP4Weight(multiplier: multiplier, inputScale: inputScale, rule: nil, exactAmax: nil)
        }
        guard case .float32(let amax) = recorded else {
            throw ModelFolderError.invalidGGUF(
                path: file.path, what: "metadata \(amaxKey(of: name))",
                reason: "not an F32 value")
        }
        let expected = ScaleConstants(format: .nvfp4, rule: rule).decodeScale(amax: amax)
        guard expected.bitPattern == multiplier.bitPattern else {
            throw ModelFolderError.invalidGGUF(
                path: file.path, what: "metadata \(amaxKey(of: name))",
                reason: "amax \(amax) with rule \(rule.rawValue) gives the tensor scale \(expected), but the file "
                    + "stores \(multiplier) (the tensors are the model: remove the fouroversix.* keys or export again)")
        }
        return NVFP4Weight(multiplier: multiplier, inputScale: inputScale, rule: rule, exactAmax: amax)
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

    /// The tensor as float32 in Hugging Face layout: dequantized (an NVFP4 weight with its tensor
    /// scale), q/k rows un-permuted.
    public func floats(_ name: String) throws -> [Float] {
        guard let source = sourceName[name] else { throw GGUFError.tensorNotFound(path: file.path, tensor: name) }
        var values: [Float]
        if let w = nvfp4Weights[name], let rule = w.rule, let amax = w.exactAmax, let info = file.info(source) {
            let (rows, cols) = (info.shape[0], info.elementCount / info.shape[0])
            let (codes, scales) = NVFP4Blocks.unpack(try file.bytes(source), rows: rows, cols: cols)
            values = ReferenceQuantizer.dequantize(
                .storedNVFP4(rule: rule, rows: rows, cols: cols, amax: amax, codes: codes, scales: scales))
        } else {
            values = try file.dequantize(source)
            if let m = nvfp4Weights[name]?.multiplier { for i in values.indices { values[i] *= m } }
        }
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
