// The `tokenizer.ggml.*` metadata of a GGUF file, from a Hugging Face tokenizer.json.
//
// Promises: BPE tokenizers only. A byte-level BPE (a ByteLevel pre-tokenizer) becomes
// `tokenizer.ggml.model = gpt2` with its tokens (as stored: byte-level characters), merges
// ("a b", in rank order) and `tokenizer.ggml.pre` ("smollm" when digits are split one by one
// before ByteLevel, else "gpt2"); a Metaspace BPE with byte fallback (Llama/SentencePiece style)
// becomes `llama` with tokens, scores (−id: vocabulary order is merge priority; 0 for special and
// byte tokens) and `add_space_prefix`. Token types: CONTROL for special added tokens, USER_DEFINED
// for other added tokens, BYTE for `<0xNN>` pieces, NORMAL otherwise. bos/eos/unk/pad ids and
// add_bos/add_eos come from tokenizer_config.json, falling back to config.json; the chat
// template is copied when present. Anything else is an error, never a guess.

import Foundation
import GGUF

enum GGUFTokenizerMetadata {
    static func read(directory: String, config: [String: Any]) throws -> [(key: String, value: GGUFValue)] {
        let path = directory + "/tokenizer.json"
        let json = try readJSONObject(path)
        let tokenizerConfig = (try? readJSONObject(directory + "/tokenizer_config.json")) ?? [:]
        guard let model = json["model"] as? [String: Any], model["type"] as? String == "BPE",
            let vocab = model["vocab"] as? [String: Any]
        else { throw CheckpointError.inconsistent(path: path, reason: "only BPE tokenizers are exported to GGUF") }

        var idOf: [String: Int] = [:]
        for (token, id) in vocab {
            guard let id = (id as? NSNumber)?.intValue else {
                throw CheckpointError.inconsistent(path: path, reason: "token '\(token)' has no integer id")
            }
            idOf[token] = id
        }
        var special = Set<Int>(), added = Set<Int>()
        for entry in (json["added_tokens"] as? [[String: Any]]) ?? [] {
            guard let id = (entry["id"] as? NSNumber)?.intValue, let content = entry["content"] as? String else {
                continue
            }
            idOf[content] = id
            added.insert(id)
            if entry["special"] as? Bool == true { special.insert(id) }
        }
        let count = max((config["vocab_size"] as? NSNumber)?.intValue ?? 0, (idOf.values.max() ?? -1) + 1)
        var tokens = [String?](repeating: nil, count: count)
        for (token, id) in idOf where id >= 0 && id < count { tokens[id] = token }
        let names = tokens.enumerated().map { $0.element ?? "[PAD\($0.offset)]" }

        func isByteToken(_ s: String) -> Bool {
            s.count == 6 && s.hasPrefix("<0x") && s.hasSuffix(">") && UInt8(s.dropFirst(3).prefix(2), radix: 16) != nil
        }
        let types: [Int32] = names.enumerated().map { id, token in
            if special.contains(id) { return 3 }  // CONTROL
            if added.contains(id) || tokens[id] == nil { return tokens[id] == nil ? 5 : 4 }  // UNUSED / USER_DEFINED
            return isByteToken(token) && model["byte_fallback"] as? Bool == true ? 6 : 1  // BYTE / NORMAL
        }

        let preTokenizers = flatten(json["pre_tokenizer"])
        let byteLevel = preTokenizers.contains { $0["type"] as? String == "ByteLevel" }
        let metaspace = preTokenizers.first { $0["type"] as? String == "Metaspace" }
        var out: [(key: String, value: GGUFValue)] = []
        if byteLevel {
            let digits = preTokenizers.contains {
                $0["type"] as? String == "Digits" && $0["individual_digits"] as? Bool == true
            }
            out.append(("tokenizer.ggml.model", .string("gpt2")))
            out.append(("tokenizer.ggml.pre", .string(digits ? "smollm" : "gpt2")))
            out.append(("tokenizer.ggml.tokens", .array(.string(names))))
            out.append(("tokenizer.ggml.token_type", .array(.int32(types))))
            out.append(("tokenizer.ggml.merges", .array(.string(try merges(model, path: path)))))
            out.append(("tokenizer.ggml.add_space_prefix", .bool(false)))
        } else if let metaspace, model["byte_fallback"] as? Bool == true {
            out.append(("tokenizer.ggml.model", .string("llama")))
            out.append(("tokenizer.ggml.pre", .string("default")))
            out.append(("tokenizer.ggml.tokens", .array(.string(names))))
            let scores: [Float] = types.enumerated().map { id, type in type == 1 ? -Float(id) : 0 }
            out.append(("tokenizer.ggml.scores", .array(.float32(scores))))
            out.append(("tokenizer.ggml.token_type", .array(.int32(types))))
            out.append(
                (
                    "tokenizer.ggml.add_space_prefix",
                    .bool((metaspace["prepend_scheme"] as? String ?? "always") != "never")
                ))
        } else {
            throw CheckpointError.inconsistent(
                path: path, reason: "the pre-tokenizer is neither ByteLevel nor Metaspace with byte fallback")
        }

        func specialId(_ key: String, _ configKey: String) -> Int? {
            if let text = tokenText(tokenizerConfig[key]), let id = idOf[text] { return id }
            return (config[configKey] as? NSNumber)?.intValue
        }
        for (key, configKey, name) in [
            ("bos_token", "bos_token_id", "bos"), ("eos_token", "eos_token_id", "eos"),
            ("unk_token", "unk_token_id", "unknown"), ("pad_token", "pad_token_id", "padding"),
        ] {
            if let id = specialId(key, configKey), id >= 0 {
                out.append(("tokenizer.ggml.\(name)_token_id", .uint32(UInt32(id))))
            }
        }
        let addBos = tokenizerConfig["add_bos_token"] as? Bool ?? !byteLevel
        out.append(("tokenizer.ggml.add_bos_token", .bool(addBos)))
        if let addEos = tokenizerConfig["add_eos_token"] as? Bool {
            out.append(("tokenizer.ggml.add_eos_token", .bool(addEos)))
        }
        if let template = tokenizerConfig["chat_template"] as? String {
            out.append(("tokenizer.chat_template", .string(template)))
        }
        return out
    }

    /// A pre-tokenizer and the members of a Sequence, flattened.
    static func flatten(_ node: Any?) -> [[String: Any]] {
        guard let node = node as? [String: Any] else { return [] }
        if node["type"] as? String == "Sequence" {
            return ((node["pretokenizers"] as? [Any]) ?? []).flatMap { flatten($0) }
        }
        return [node]
    }

    /// Merges as "a b" strings; tokenizer.json stores "a b" or ["a", "b"].
    static func merges(_ model: [String: Any], path: String) throws -> [String] {
        try ((model["merges"] as? [Any]) ?? []).map { m in
            if let s = m as? String { return s }
            if let pair = m as? [String], pair.count == 2 {
                guard !pair[0].contains(" "), !pair[1].contains(" ") else {
                    throw CheckpointError.inconsistent(
                        path: path, reason: "merge \(pair) contains a space; GGUF merges cannot carry it")
                }
                return pair.joined(separator: " ")
            }
            throw CheckpointError.inconsistent(path: path, reason: "a merge is neither a string nor a pair")
        }
    }

    /// A special token of tokenizer_config.json: a string or {"content": ...}.
    static func tokenText(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        return (v as? [String: Any])?["content"] as? String
    }
}
