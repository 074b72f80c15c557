// Tokenizer: the public face of the module. Loads a Hugging Face tokenizer.json (BPE models:
// SentencePiece-style with byte fallback as in Llama 2, and GPT-2 style byte-level) and encodes /
// decodes exactly as the `tokenizers` library does with add_special_tokens=False: added tokens are
// split out of the raw text first, each remaining run is normalized, pre-tokenized into words and
// run through BPE. `encode(_:addSpecialTokens: true)` adds the ids of the tokenizer's own
// special-token rule (`SpecialTokenRule`: the post_processor, or a Llama-style config's flags).

import Foundation
import JSONText

public final class Tokenizer: Sendable {
    private let model: BPEModel
    private let added: AddedVocabulary
    private let normalizer: Normalizer?
    private let preTokenizer: PreTokenizer?
    private let decoder: Decoder?
    /// Ids whose token text is a special added token (what `skip_special_tokens` drops).
    private let specialIDs: Set<Int>

    /// The id `encode(_:addBOS: true)` puts first: `bos_token` of tokenizer_config.json (or
    /// special_tokens_map.json) beside tokenizer.json; without a config entry, "<s>" or
    /// "<|endoftext|>" when the vocabulary has one. nil when the config sets it to null.
    public let bosTokenID: Int?
    /// `eos_token` of the config files; otherwise "</s>" or "<|endoftext|>" when present.
    public let eosTokenID: Int?
    /// The ids `encode(_:addSpecialTokens: true)` adds around a text, as transformers adds them.
    public let specialTokens: SpecialTokenRule
    /// One more than the largest id of the model vocabulary and the added tokens (for the usual
    /// gap-free vocabularies this is `get_vocab_size(with_added_tokens=True)`).
    public let vocabularySize: Int

    /// Loads `path` (a tokenizer.json). Special-token names are read from tokenizer_config.json
    /// (falling back to special_tokens_map.json) in the same directory, when present.
    public convenience init(contentsOf path: String) throws(TokenizerError) {
        try self.init(tokenizerJSON: readJSONFile(path), path: path, settings: readSpecialTokenSettings(besides: path))
    }

    /// Builds the tokenizer described by `root` (the content of a tokenizer.json; `path` names it in
    /// errors) with the special-token settings of its tokenizer_config.json.
    init(tokenizerJSON root: JSONValue, path: String, settings: SpecialTokenSettings) throws(TokenizerError) {
        let definition = try TokenizerJSONReader(path: path).read(root)
        model = definition.model
        normalizer = definition.normalizer
        preTokenizer = definition.preTokenizer
        decoder = definition.decoder
        added = AddedVocabulary(tokens: definition.addedTokens, normalizer: definition.normalizer)
        var special = Set<Int>()
        for t in definition.addedTokens where t.special {
            special.insert(t.id)
            // `tokenizers` compares token text, so a model entry spelled the same is special too.
            if let id = model.vocab[Array(t.content.utf8)].map({ Int($0) }), added.byID[id] == nil {
                special.insert(id)
            }
        }
        specialIDs = special

        var maxID = -1
        for id in model.idToToken.keys { maxID = max(maxID, Int(id)) }
        for t in definition.addedTokens { maxID = max(maxID, t.id) }
        vocabularySize = maxID + 1

        bosTokenID = Tokenizer.resolve(settings.bos, ["<s>", "<|endoftext|>"], added, model)
        eosTokenID = Tokenizer.resolve(settings.eos, ["</s>", "<|endoftext|>"], added, model)
        specialTokens = try SpecialTokenRule.read(
            tokenizerJSON: root, path: path, config: settings.flags,
            bos: bosTokenID, eos: eosTokenID)
    }

    private static func resolve(
        _ setting: SpecialTokenSetting, _ fallbacks: [String],
        _ added: AddedVocabulary, _ model: BPEModel
    ) -> Int? {
        switch setting {
        case .none: return nil
        case .named(let name): return lookup(name, added, model)
        case .unspecified:
            for f in fallbacks { if let id = lookup(f, added, model) { return id } }
            return nil
        }
    }

    private static func lookup(_ token: String, _ added: AddedVocabulary, _ model: BPEModel) -> Int? {
        let bytes = Array(token.utf8)
        if let id = added.byContent[bytes] { return id }
        return model.vocab[bytes].map { Int($0) }
    }

    // MARK: vocabulary

    /// The vocabulary entry of `id` as stored in tokenizer.json (e.g. "▁the", "Ġthe", "<0x0A>").
    public func token(for id: Int) -> String? {
        if let t = added.byID[id] { return t.content }
        guard id >= 0, id <= Int(Int32.max) else { return nil }
        return model.idToToken[Int32(id)]
    }

    /// The id of a vocabulary entry (added tokens first, then the model vocabulary).
    public func id(for token: String) -> Int? {
        Tokenizer.lookup(token, added, model)
    }

    // MARK: encode

    /// Token ids of `text` as transformers' `tokenizer(text)["input_ids"]` gives them: with
    /// `addSpecialTokens`, the ids of `specialTokens` around the text; without, as
    /// `tokenizer.encode(text, add_special_tokens=False)`.
    public func encode(_ text: String, addSpecialTokens: Bool) -> [Int] {
        guard addSpecialTokens else { return encode(text) }
        return specialTokens.prefix + encode(text) + specialTokens.suffix
    }

    /// Token ids of `text`, as `tokenizer.encode(text, add_special_tokens=False).ids` in
    /// `tokenizers`; `addBOS` puts `bosTokenID` (when known) in front.
    public func encode(_ text: String, addBOS: Bool = false) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count / 3 + 2)
        if addBOS, let bos = bosTokenID { ids.append(bos) }
        let bytes = Array(text.utf8)
        var cache: [[UInt8]: [Int32]] = [:]
        for split in added.split(raw: bytes) {
            switch split {
            case .token(let id, _):
                ids.append(id)
            case .text(let range):
                var piece = Array(bytes[range])
                if let normalizer { piece = normalizer.normalize(piece) }
                let atStart = range.lowerBound == 0
                for inner in added.split(normalized: piece) {
                    switch inner {
                    case .token(let id, _):
                        ids.append(id)
                    case .text(let r):
                        let start = Piece(bytes: Array(piece[r]), atStart: atStart && r.lowerBound == 0)
                        let words = preTokenizer?.preTokenize([start]) ?? [start]
                        for word in words {
                            model.tokenize(word.bytes, into: &ids, cache: &cache)
                        }
                    }
                }
            }
        }
        return ids
    }

    // MARK: decode

    /// Text of `ids`, as `tokenizer.decode(ids, skip_special_tokens=...)` in `tokenizers`.
    /// Ids outside the vocabulary are ignored.
    public func decode(_ ids: [Int], skipSpecialTokens: Bool = true) -> String {
        var tokens: [String] = []
        tokens.reserveCapacity(ids.count)
        for id in ids {
            if skipSpecialTokens && specialIDs.contains(id) { continue }
            guard let t = token(for: id) else { continue }
            tokens.append(t)
        }
        if let decoder { return decoder.decode(tokens) }
        return tokens.joined(separator: " ")
    }
}
