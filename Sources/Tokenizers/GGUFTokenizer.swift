// GGUFTokenizer.swift — the tokenizer a GGUF file describes in its `tokenizer.ggml.*` metadata, built
// as transformers 5.x builds it (`from_pretrained(..., gguf_file=...)`, integrations/gguf).
// Promises: `GGUFTokenizerFiles` gives the tokenizer.json and tokenizer_config.json contents of that
// tokenizer, and `Tokenizer(gguf:)` encodes exactly as it does:
// - `gpt2` (byte-level BPE): tokens outside GPT-2's byte alphabet respelled byte by byte, the file's
//   merges, the pre-tokenizer regex `tokenizer.ggml.pre` names in transformers' table (llama-bpe,
//   qwen2, tekken, gpt-4o, ... as Split + ByteLevel) or GPT-2's ByteLevel for any other name
//   (`default`, `smollm`, ...), ByteLevel decoder;
// - `llama` (SentencePiece BPE with byte fallback): Metaspace (prepend "first"), the file's merges
//   or, without them, merges recovered from the scores as transformers' `generate_merges` does;
//   Gemma and Phi-3 files, which transformers treats specially, are refused;
// - control tokens (type 3; for gpt2 only those spelled in the byte alphabet) become special added
//   tokens, user-defined ones (type 4) found in the vocabulary plain added tokens, and the bos / eos /
//   unk / pad tokens named by id special ones; `add_bos_token` (default true for `llama`) and
//   `add_eos_token` decide the post-processor template.
// Anything else (t5 and other models, ids out of range, malformed merges) is a `TokenizerError`.

import GGUF
import JSONText

/// tokenizer.json and tokenizer_config.json equivalent to what transformers builds from a GGUF file.
public struct GGUFTokenizerFiles: Sendable {
    /// The content of a tokenizer.json.
    public let tokenizerJSON: JSONValue
    /// The content of a tokenizer_config.json: add_bos_token, add_eos_token, the bos / eos / unk /
    /// pad token names (null where the file names none), tokenizer_class and, when the file has
    /// one, chat_template.
    public let tokenizerConfig: JSONValue

    /// Reads the tokenizer metadata of `file`.
    public init(_ file: GGUFFile) throws(TokenizerError) {
        let reader = GGUFTokenizerReader(file: file)
        (tokenizerJSON, tokenizerConfig) = try reader.files()
    }
}

extension Tokenizer {
    /// The tokenizer described by the metadata of a GGUF file (see `GGUFTokenizerFiles`).
    public convenience init(gguf file: GGUFFile) throws(TokenizerError) {
        let files = try GGUFTokenizerFiles(file)
        let config = ConfigFile(
            path: file.path + " (tokenizer_config)", json: files.tokenizerConfig, isTokenizerConfig: true)
        try self.init(tokenizerJSON: files.tokenizerJSON, path: file.path, settings: specialTokenSettings([config]))
    }
}

/// The pre-tokenizer regexes of transformers' GGUF_PRE_TOKENIZER_SPLITS, by `tokenizer.ggml.pre`.
enum GGUFPreTokenizerSplits {
    static let tekken =
        #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+"#
        + #"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*"#
        + #"|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    static let gpt4o =
        #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#
        + #"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#
        + #"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    static let qwen35 =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}"#
        + #"| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#

    static let byName: [String: String] = {
        var table: [String: String] = [:]
        for name in [
            "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2",
            "jina-v5-nano", "dbrx", "smaug-bpe",
        ] {
            table[name] = TextPattern.llama3Source
        }
        for name in ["qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "megrez"] {
            table[name] = TextPattern.qwen2Source
        }
        for name in ["gpt-4o", "llama4", "kanana2", "talkie", "minimax-m2"] { table[name] = gpt4o }
        table["tekken"] = tekken
        table["qwen35"] = qwen35
        return table
    }()
}

/// Turns GGUF tokenizer metadata into tokenizer.json / tokenizer_config.json trees.
struct GGUFTokenizerReader {
    let file: GGUFFile

    private var path: String { file.path }
    private func missing(_ field: String) -> TokenizerError { .missingField(path: path, field: field) }

    /// Token types of llama.cpp's `llama_token_type`.
    private static let controlType = 3, userDefinedType = 4

    func files() throws(TokenizerError) -> (JSONValue, JSONValue) {
        let m = file.metadata
        guard let model = m["tokenizer.ggml.model"]?.string else { throw missing("tokenizer.ggml.model") }
        let architecture = m["general.architecture"]?.string ?? ""

        let byteLevel: Bool
        switch model {
        case "gpt2":
            byteLevel = true
        case "llama":
            guard !["gemma", "gemma2", "gemma3", "phi3"].contains(architecture) else {
                throw .unsupportedComponent(
                    path: path, component: "GGUF sentencepiece tokenizer of architecture", type: architecture)
            }
            byteLevel = false
        default:
            throw .unsupportedModel(path: path, type: model)
        }
        guard let tokens = m["tokenizer.ggml.tokens"]?.array?.strings else { throw missing("tokenizer.ggml.tokens") }
        let types = m["tokenizer.ggml.token_type"]?.array?.integers ?? []

        // The vocabulary, as a Python dict {token: index}: first position, last index.
        var vocabOrder: [[UInt8]] = []
        var vocab: [[UInt8]: Int] = [:]
        for (index, token) in tokens.enumerated() {
            var key = Array(token.utf8)
            if byteLevel && ByteLevelMapping.decode(token) == nil { key = ByteLevelMapping.encode(key) }
            if vocab.updateValue(index, forKey: key) == nil { vocabOrder.append(key) }
        }
        let merges = try mergePairs(tokens: tokens)

        // Special tokens named by id (tokenizer_config.json's bos_token, ...).
        func named(_ key: String) throws(TokenizerError) -> String? {
            guard let value = m["tokenizer.ggml.\(key)"] else { return nil }
            guard let id = value.integer, tokens.indices.contains(id) else {
                throw .invalidVocabulary(path: path, reason: "tokenizer.ggml.\(key) is not the index of a token")
            }
            return tokens[id]
        }
        let specialNames = [
            ("bos_token", try named("bos_token_id")), ("eos_token", try named("eos_token_id")),
            ("unk_token", try named("unknown_token_id")), ("pad_token", try named("padding_token_id")),
        ]
        let addBOS = m["tokenizer.ggml.add_bos_token"]?.bool ?? (model == "llama")
        let addEOS = m["tokenizer.ggml.add_eos_token"]?.bool ?? false

        // Added tokens: control, then user-defined, then the named special tokens, as transformers adds them.
        var added: [(id: Int, content: String, special: Bool)] = []
        var addedIDs: [[UInt8]: Int] = [:]
        var nextID = (vocab.values.max() ?? -1) + 1
        func add(_ token: String, special: Bool) {
            let key = Array(token.utf8)
            guard addedIDs[key] == nil else { return }
            let id: Int
            if let existing = vocab[key] {
                id = existing
            } else {
                id = nextID
                nextID += 1
            }
            addedIDs[key] = id
            added.append((id, token, special))
        }
        for (token, type) in zip(tokens, types) where type == Self.controlType {
            if !byteLevel || ByteLevelMapping.decode(token) != nil { add(token, special: true) }
        }
        for (token, type) in zip(tokens, types) where type == Self.userDefinedType {
            let key = Array(token.utf8)
            if vocab[key] != nil || addedIDs[key] != nil { add(token, special: false) }
        }
        for case (_, let name?) in specialNames { add(name, special: true) }
        added.sort { $0.id < $1.id }

        let tokenizer = JSONValue.object([
            member("version", .string("1.0")),
            member("truncation", .null),
            member("padding", .null),
            member(
                "added_tokens",
                .array(
                    added.map { token in
                        .object([
                            member("id", .integer(token.id)), member("content", .string(token.content)),
                            member("single_word", .bool(false)), member("lstrip", .bool(false)),
                            member("rstrip", .bool(false)),
                            member("normalized", .bool(false)), member("special", .bool(token.special)),
                        ])
                    })),
            member("normalizer", .null),
            member("pre_tokenizer", preTokenizer(byteLevel: byteLevel, pre: m["tokenizer.ggml.pre"]?.string)),
            member(
                "post_processor",
                postProcessor(
                    bos: addBOS ? specialNames[0].1 : nil, eos: addEOS ? specialNames[1].1 : nil, ids: addedIDs,
                    vocab: vocab)),
            member("decoder", decoder(byteLevel: byteLevel)),
            member(
                "model",
                .object([
                    member("type", .string("BPE")),
                    member("dropout", .null),
                    member("unk_token", .null),
                    member("continuing_subword_prefix", byteLevel ? .string("") : .null),
                    member("end_of_word_suffix", byteLevel ? .string("") : .null),
                    member("fuse_unk", .bool(!byteLevel)),
                    member("byte_fallback", .bool(!byteLevel)),
                    member("ignore_merges", .bool(false)),
                    member(
                        "vocab",
                        .object(vocabOrder.map { member(String(decoding: $0, as: UTF8.self), .integer(vocab[$0]!)) })),
                    member("merges", .array(merges.map { .array([.string($0.0), .string($0.1)]) })),
                ])),
        ])

        var config: [JSONMember] = [
            member("add_bos_token", .bool(addBOS)),
            member("add_eos_token", .bool(addEOS)),
        ]
        for (key, name) in specialNames { config.append(member(key, name.map { .string($0) } ?? .null)) }
        config.append(member("tokenizer_class", .string("PreTrainedTokenizerFast")))
        if let template = m["tokenizer.chat_template"]?.string {
            config.append(member("chat_template", .string(template)))
        }
        return (tokenizer, .object(config))
    }

    private func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    /// The merges as pairs: the file's "a b" lines, or the ones the scores imply.
    private func mergePairs(tokens: [String]) throws(TokenizerError) -> [(String, String)] {
        if let lines = file.metadata["tokenizer.ggml.merges"]?.array?.strings {
            var pairs: [(String, String)] = []
            pairs.reserveCapacity(lines.count)
            for (rank, line) in lines.enumerated() {
                let parts = line.utf8.split(separator: 0x20, omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    throw .invalidVocabulary(
                        path: path, reason: "merge \(rank + 1) is not two tokens separated by one space")
                }
                pairs.append((String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self)))
            }
            return pairs
        }
        guard let scores = file.metadata["tokenizer.ggml.scores"]?.array?.floats else {
            throw missing("tokenizer.ggml.merges (or tokenizer.ggml.scores to recover them from)")
        }
        return Self.generatedMerges(tokens: tokens, scores: scores)
    }

    /// transformers' `generate_merges(vocab, vocab_scores)` with the scores given: every way to cut a
    /// token (by code points) into two vocabulary tokens, each token's cuts ordered by the pieces'
    /// indices, then all of them by (score, left length, right length) descending, ties in that order.
    static func generatedMerges(tokens: [String], scores: [Float]) -> [(String, String)] {
        var index: [[UInt8]: Int] = [:]
        for (i, token) in tokens.enumerated() { index[Array(token.utf8)] = i }
        // dict(zip(tokens, scores)): first position, last score.
        var scoreOrder: [[UInt8]] = []
        var score: [[UInt8]: Float] = [:]
        for (token, value) in zip(tokens, scores) {
            let key = Array(token.utf8)
            if score.updateValue(value, forKey: key) == nil { scoreOrder.append(key) }
        }
        var candidates: [(left: [UInt8], right: [UInt8], score: Float, leftLength: Int, rightLength: Int)] = []
        for key in scoreOrder {
            let text = String(decoding: key, as: UTF8.self)
            let scalars = Array(text.unicodeScalars)
            var local: [(left: [UInt8], right: [UInt8], leftLength: Int, rightLength: Int)] = []
            var cut = 0
            for split in 1..<max(1, scalars.count) {
                cut += String(scalars[split - 1]).utf8.count
                let left = Array(key[..<cut]), right = Array(key[cut...])
                if index[left] != nil && index[right] != nil {
                    local.append((left, right, split, scalars.count - split))
                }
            }
            let ordered = local.enumerated().sorted { a, b in
                let ka = (index[a.element.left]!, index[a.element.right]!),
                    kb = (index[b.element.left]!, index[b.element.right]!)
                return ka != kb ? ka < kb : a.offset < b.offset
            }
            for (_, m) in ordered { candidates.append((m.left, m.right, score[key]!, m.leftLength, m.rightLength)) }
        }
        let sorted = candidates.enumerated().sorted { a, b in
            let ka = (a.element.score, a.element.leftLength, a.element.rightLength)
            let kb = (b.element.score, b.element.leftLength, b.element.rightLength)
            if ka != kb { return ka > kb }
            return a.offset < b.offset
        }
        return sorted.map {
            (String(decoding: $0.element.left, as: UTF8.self), String(decoding: $0.element.right, as: UTF8.self))
        }
    }

    private func preTokenizer(byteLevel: Bool, pre: String?) -> JSONValue {
        guard byteLevel else {
            return .object([
                member("type", .string("Metaspace")), member("replacement", .string("\u{2581}")),
                member("prepend_scheme", .string("first")), member("split", .bool(false)),
            ])
        }
        func byteLevelStep(useRegex: Bool) -> JSONValue {
            .object([
                member("type", .string("ByteLevel")), member("add_prefix_space", .bool(false)),
                member("trim_offsets", .bool(true)), member("use_regex", .bool(useRegex)),
            ])
        }
        guard let pre, let pattern = GGUFPreTokenizerSplits.byName[pre] else { return byteLevelStep(useRegex: true) }
        return .object([
            member("type", .string("Sequence")),
            member(
                "pretokenizers",
                .array([
                    .object([
                        member("type", .string("Split")),
                        member("pattern", .object([member("Regex", .string(pattern))])),
                        member("behavior", .string("Isolated")), member("invert", .bool(false)),
                    ]),
                    byteLevelStep(useRegex: false),
                ])),
        ])
    }

    private func decoder(byteLevel: Bool) -> JSONValue {
        if byteLevel {
            return .object([
                member("type", .string("ByteLevel")), member("add_prefix_space", .bool(true)),
                member("trim_offsets", .bool(true)), member("use_regex", .bool(true)),
            ])
        }
        return .object([
            member("type", .string("Sequence")),
            member(
                "decoders",
                .array([
                    .object([
                        member("type", .string("Replace")),
                        member("pattern", .object([member("String", .string("\u{2581}"))])),
                        member("content", .string(" ")),
                    ]),
                    .object([member("type", .string("ByteFallback"))]),
                    .object([member("type", .string("Fuse"))]),
                    .object([
                        member("type", .string("Strip")), member("content", .string(" ")),
                        member("start", .integer(1)), member("stop", .integer(0)),
                    ]),
                ])),
        ])
    }

    /// transformers' TemplateProcessing for add_bos_token / add_eos_token: `bos $A eos` and
    /// `bos $A eos bos $B eos` (the second sequence with type id 1), each special token present only if added.
    private func postProcessor(bos: String?, eos: String?, ids: [[UInt8]: Int], vocab: [[UInt8]: Int]) -> JSONValue {
        func special(_ name: String, _ typeID: Int) -> JSONValue {
            .object([
                member("SpecialToken", .object([member("id", .string(name)), member("type_id", .integer(typeID))]))
            ])
        }
        func sequence(_ id: String, _ typeID: Int) -> JSONValue {
            .object([member("Sequence", .object([member("id", .string(id)), member("type_id", .integer(typeID))]))])
        }
        func part(_ id: String, _ typeID: Int) -> [JSONValue] {
            (bos.map { [special($0, typeID)] } ?? []) + [sequence(id, typeID)]
                + (eos.map { [special($0, typeID)] } ?? [])
        }
        var specials: [JSONMember] = []
        for name in [bos, eos].compactMap({ $0 }) where !specials.contains(where: { $0.key == name }) {
            let key = Array(name.utf8)
            let id = ids[key] ?? vocab[key] ?? 0
            specials.append(
                member(
                    name,
                    .object([
                        member("id", .string(name)), member("ids", .array([.integer(id)])),
                        member("tokens", .array([.string(name)])),
                    ])))
        }
        return .object([
            member("type", .string("TemplateProcessing")),
            member("single", .array(part("A", 0))),
            member("pair", .array(part("A", 0) + part("B", 1))),
            member("special_tokens", .object(specials)),
        ])
    }
}
