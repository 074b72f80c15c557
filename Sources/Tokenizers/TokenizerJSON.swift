// TokenizerJSON: reads a Hugging Face tokenizer.json (and the tokenizer_config.json /
// special_tokens_map.json beside it) into this module's components, with the same defaults as the
// `tokenizers` deserializers. Anything it cannot reproduce exactly is refused with a
// TokenizerError that names the file and the component, rather than silently approximated.

import Foundation
import JSONText

struct TokenizerDefinition {
    let model: BPEModel
    let addedTokens: [AddedToken]
    let normalizer: Normalizer?
    let preTokenizer: PreTokenizer?
    let decoder: Decoder?
}

/// What a config file says about one special token.
enum SpecialTokenSetting {
    case unspecified
    case none  // explicitly null
    case named(String)
}

func readFileBytes(_ path: String) throws(TokenizerError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        throw .fileNotFound(path: path)
    }
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return [UInt8](data)
    } catch {
        throw .unreadable(path: path, reason: "\(error.localizedDescription)")
    }
}

/// Parses a JSON file. Strings keep their exact characters and objects their member order (a
/// vocabulary may hold both "é" and "e\u{301}" as two tokens); a UTF-8 byte order mark is skipped,
/// and nesting is allowed up to 512 levels (tokenizer files need fewer than 10).
func readJSONFile(_ path: String) throws(TokenizerError) -> JSONValue {
    let bytes = try readFileBytes(path)
    do {
        return try JSONReader.parse(bytes, maxDepth: 512, allowsByteOrderMark: true)
    } catch {
        throw .invalidJSON(path: path, reason: error.description)
    }
}

struct TokenizerJSONReader {
    let path: String

    func missing(_ field: String) -> TokenizerError { .missingField(path: path, field: field) }
    func unsupported(_ component: String, _ type: String) -> TokenizerError {
        .unsupportedComponent(path: path, component: component, type: type)
    }

    func read(_ root: JSONValue) throws(TokenizerError) -> TokenizerDefinition {
        guard root.members != nil else { throw missing("(top-level object)") }
        guard let modelJSON = root["model"], modelJSON.members != nil else { throw missing("model") }
        let model = try readModel(modelJSON)
        let normalizer = try root["normalizer"].flatMap { v throws(TokenizerError) in try readNormalizer(v) }
        let preTokenizer = try root["pre_tokenizer"].flatMap { v throws(TokenizerError) in try readPreTokenizer(v) }
        let decoder = try root["decoder"].flatMap { v throws(TokenizerError) in try readDecoder(v) }

        var added: [AddedToken] = []
        if let list = root["added_tokens"], !list.isNull {
            guard let items = list.array else { throw missing("added_tokens") }
            for (i, item) in items.enumerated() {
                guard let id = item["id"]?.int, let content = item["content"]?.string else {
                    throw missing("added_tokens[\(i)]")
                }
                added.append(
                    AddedToken(
                        id: id, content: content,
                        singleWord: item["single_word"]?.bool ?? false,
                        lstrip: item["lstrip"]?.bool ?? false,
                        rstrip: item["rstrip"]?.bool ?? false,
                        normalized: item["normalized"]?.bool ?? !(item["special"]?.bool ?? false),
                        special: item["special"]?.bool ?? false))
            }
        }
        return TokenizerDefinition(
            model: model, addedTokens: added, normalizer: normalizer,
            preTokenizer: preTokenizer, decoder: decoder)
    }

    // MARK: model

    func readModel(_ m: JSONValue) throws(TokenizerError) -> BPEModel {
        if let type = m["type"]?.string, type != "BPE" {
            throw .unsupportedModel(path: path, type: type)
        }
        if m["type"] == nil && m["merges"] == nil {
            // Untyped models without merges are WordPiece / WordLevel / Unigram.
            let guess =
                m["vocab"]?.array != nil
                ? "Unigram" : (m["max_input_chars_per_word"] != nil ? "WordPiece" : "WordLevel")
            throw .unsupportedModel(path: path, type: guess)
        }
        guard let vocabMembers = m["vocab"]?.members else { throw missing("model.vocab") }
        var vocab: [[UInt8]: Int32] = [:]
        vocab.reserveCapacity(vocabMembers.count)
        var idToToken: [Int32: String] = [:]
        idToToken.reserveCapacity(vocabMembers.count)
        for member in vocabMembers {
            let (token, value) = (member.key, member.value)
            guard let id = value.int, id >= 0, id < Int(Int32.max) else { throw missing("model.vocab[\"\(token)\"]") }
            vocab[Array(token.utf8)] = Int32(id)
            idToToken[Int32(id)] = token
        }

        var merges: [(left: [UInt8], right: [UInt8])] = []
        if let list = m["merges"], !list.isNull {
            guard let items = list.array else { throw missing("model.merges") }
            merges.reserveCapacity(items.count)
            for (rank, item) in items.enumerated() {
                if let line = item.string {
                    let bytes = Array(line.utf8)
                    let parts = bytes.split(separator: 0x20, omittingEmptySubsequences: false)
                    guard parts.count == 2 else {
                        throw .invalidVocabulary(
                            path: path, reason: "merge \(rank + 1) \"\(line)\" is not two tokens separated by one space"
                        )
                    }
                    merges.append((Array(parts[0]), Array(parts[1])))
                } else if let pair = item.array, pair.count == 2, let a = pair[0].string, let b = pair[1].string {
                    merges.append((Array(a.utf8), Array(b.utf8)))
                } else {
                    throw missing("model.merges[\(rank)]")
                }
            }
        }
        if let dropout = m["dropout"]?.double, dropout > 0, dropout < 1 {
            throw unsupported("BPE option", "dropout \(dropout) (random segmentation)")
        }
        do {
            return try BPEModel(
                vocab: vocab, idToToken: idToToken, merges: merges,
                unkToken: m["unk_token"]?.string,
                byteFallback: m["byte_fallback"]?.bool ?? false,
                fuseUnk: m["fuse_unk"]?.bool ?? false,
                ignoreMerges: m["ignore_merges"]?.bool ?? false,
                continuingSubwordPrefix: m["continuing_subword_prefix"]?.string,
                endOfWordSuffix: m["end_of_word_suffix"]?.string)
        } catch {
            switch error {
            case .unknownMergeToken(let t):
                throw .invalidVocabulary(path: path, reason: "merge uses token \"\(t)\" that is not in the vocabulary")
            }
        }
    }

    // MARK: shared pieces

    func typeName(_ v: JSONValue, _ component: String) throws(TokenizerError) -> String {
        guard let t = v["type"]?.string else { throw missing("\(component).type") }
        return t
    }

    func readChar(_ v: JSONValue, _ key: String, _ component: String, default d: UInt32? = nil) throws(TokenizerError)
        -> UInt32
    {
        guard let s = v[key]?.string else {
            if let d { return d }
            throw missing("\(component).\(key)")
        }
        let scalars = Array(s.unicodeScalars)
        guard scalars.count == 1 else { throw missing("\(component).\(key) (one character)") }
        return scalars[0].value
    }

    func readPattern(_ v: JSONValue?, _ component: String) throws(TokenizerError) -> TextPattern {
        guard let v else { throw missing("\(component).pattern") }
        if let s = v["String"]?.string { return .string(Array(s.utf8)) }
        if let r = v["Regex"]?.string {
            guard let p = TextPattern.regex(source: r) else { throw unsupported("\(component) regex", r) }
            return p
        }
        throw missing("\(component).pattern")
    }

    func readPrependScheme(_ v: JSONValue) throws(TokenizerError) -> PrependScheme {
        var scheme = PrependScheme.always
        if let s = v["prepend_scheme"]?.string {
            switch s {
            case "always": scheme = .always
            case "first": scheme = .first
            case "never": scheme = .never
            default: throw unsupported("Metaspace prepend_scheme", s)
            }
        }
        if v["add_prefix_space"]?.bool == false { scheme = .never }
        return scheme
    }

    // MARK: normalizer

    func readNormalizer(_ v: JSONValue) throws(TokenizerError) -> Normalizer? {
        if v.isNull { return nil }
        let type = try typeName(v, "normalizer")
        switch type {
        case "Sequence":
            guard let items = v["normalizers"]?.array else { throw missing("normalizer.normalizers") }
            var steps: [Normalizer] = []
            for item in items { if let n = try readNormalizer(item) { steps.append(n) } }
            return .sequence(steps)
        case "Prepend":
            guard let p = v["prepend"]?.string else { throw missing("normalizer.prepend") }
            return .prepend(Array(p.utf8))
        case "Replace":
            guard let content = v["content"]?.string else { throw missing("normalizer.content") }
            return .replace(pattern: try readPattern(v["pattern"], "Replace normalizer"), content: Array(content.utf8))
        case "NFC": return .nfc
        case "NFD": return .nfd
        case "NFKC": return .nfkc
        case "NFKD": return .nfkd
        case "Lowercase": return .lowercase
        case "Strip":
            return .strip(left: v["strip_left"]?.bool ?? true, right: v["strip_right"]?.bool ?? true)
        case "StripAccents": return .stripAccents
        case "ByteLevel": return .byteLevel
        default:
            throw unsupported("normalizer", type)
        }
    }

    // MARK: pre-tokenizer

    func readPreTokenizer(_ v: JSONValue) throws(TokenizerError) -> PreTokenizer? {
        if v.isNull { return nil }
        let type = try typeName(v, "pre_tokenizer")
        switch type {
        case "Sequence":
            guard let items = v["pretokenizers"]?.array else { throw missing("pre_tokenizer.pretokenizers") }
            var steps: [PreTokenizer] = []
            for item in items { if let p = try readPreTokenizer(item) { steps.append(p) } }
            return .sequence(steps)
        case "ByteLevel":
            return .byteLevel(
                addPrefixSpace: v["add_prefix_space"]?.bool ?? true, useRegex: v["use_regex"]?.bool ?? true)
        case "Metaspace":
            return .metaspace(
                replacement: try readChar(v, "replacement", "Metaspace", default: 0x2581),
                prependScheme: try readPrependScheme(v), split: v["split"]?.bool ?? true)
        case "Split":
            let behaviorName = v["behavior"]?.string ?? "Isolated"
            guard let behavior = SplitBehavior(name: behaviorName) else {
                throw unsupported("Split behavior", behaviorName)
            }
            return .split(
                pattern: try readPattern(v["pattern"], "Split pre-tokenizer"), behavior: behavior,
                invert: v["invert"]?.bool ?? false)
        case "Whitespace": return .whitespace
        case "WhitespaceSplit": return .whitespaceSplit
        case "Digits": return .digits(individual: v["individual_digits"]?.bool ?? false)
        case "Punctuation":
            let behaviorName = v["behavior"]?.string ?? "Isolated"
            guard let behavior = SplitBehavior(name: behaviorName) else {
                throw unsupported("Punctuation behavior", behaviorName)
            }
            return .punctuation(behavior)
        case "BertPreTokenizer": return .bert
        case "CharDelimiterSplit":
            return .charDelimiter(try readChar(v, "delimiter", "CharDelimiterSplit"))
        default:
            throw unsupported("pre-tokenizer", type)
        }
    }

    // MARK: decoder

    func readDecoder(_ v: JSONValue) throws(TokenizerError) -> Decoder? {
        if v.isNull { return nil }
        let type = try typeName(v, "decoder")
        switch type {
        case "Sequence":
            guard let items = v["decoders"]?.array else { throw missing("decoder.decoders") }
            var steps: [Decoder] = []
            for item in items { if let d = try readDecoder(item) { steps.append(d) } }
            return .sequence(steps)
        case "Replace":
            guard let content = v["content"]?.string else { throw missing("decoder.content") }
            return .replace(pattern: try readPattern(v["pattern"], "Replace decoder"), content: Array(content.utf8))
        case "ByteFallback": return .byteFallback
        case "Fuse": return .fuse
        case "Strip":
            // Counts of characters to strip: `tokenizers` reads them as usize, so negatives are malformed.
            let start = v["start"]?.int ?? 0, stop = v["stop"]?.int ?? 0
            guard start >= 0 else { throw missing("Strip decoder.start") }
            guard stop >= 0 else { throw missing("Strip decoder.stop") }
            return .strip(content: try readChar(v, "content", "Strip decoder", default: 0x20), start: start, stop: stop)
        case "Metaspace":
            return .metaspace(
                replacement: try readChar(v, "replacement", "Metaspace decoder", default: 0x2581),
                prependScheme: try readPrependScheme(v))
        case "ByteLevel": return .byteLevel
        case "BPEDecoder":
            return .bpe(suffix: Array((v["suffix"]?.string ?? "</w>").utf8))
        default:
            throw unsupported("decoder", type)
        }
    }
}

/// Reads `bos_token` / `eos_token` from tokenizer_config.json, falling back to
/// special_tokens_map.json, in the directory of `tokenizerPath`, and tokenizer_config.json's
/// `tokenizer_class`, `add_bos_token` and `add_eos_token`. A missing or unreadable config
/// leaves the settings unspecified.
func readSpecialTokenSettings(besides tokenizerPath: String) -> SpecialTokenSettings {
    let directory = (tokenizerPath as NSString).deletingLastPathComponent
    var files: [ConfigFile] = []
    for name in ["tokenizer_config.json", "special_tokens_map.json"] {
        let path = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path), let json = try? readJSONFile(path) else { continue }
        files.append(ConfigFile(path: path, json: json, isTokenizerConfig: name == "tokenizer_config.json"))
    }
    return specialTokenSettings(files)
}

/// bos / eos names and the tokenizer_config.json flags.
typealias SpecialTokenSettings = (bos: SpecialTokenSetting, eos: SpecialTokenSetting, flags: TokenizerConfigFlags)

/// A parsed tokenizer_config.json or special_tokens_map.json.
struct ConfigFile {
    var path: String
    var json: JSONValue
    var isTokenizerConfig: Bool
}

/// The settings of parsed config files: bos / eos from the first that names them (tokenizer_config.json
/// comes first, special_tokens_map.json is the fallback); the flags from tokenizer_config.json.
func specialTokenSettings(_ files: [ConfigFile]) -> SpecialTokenSettings {
    var bos = SpecialTokenSetting.unspecified
    var eos = SpecialTokenSetting.unspecified
    var flags = TokenizerConfigFlags()
    for file in files {
        let (path, json) = (file.path, file.json)
        func setting(_ key: String) -> SpecialTokenSetting {
            guard let v = json[key] else { return .unspecified }
            if v.isNull { return .none }
            if let s = v.string { return .named(s) }
            if let s = v["content"]?.string { return .named(s) }
            return .unspecified
        }
        if case .unspecified = bos { bos = setting("bos_token") }
        if case .unspecified = eos { eos = setting("eos_token") }
        if file.isTokenizerConfig {
            flags = TokenizerConfigFlags(
                path: path, tokenizerClass: json["tokenizer_class"]?.string,
                addBOSToken: json["add_bos_token"]?.bool, addEOSToken: json["add_eos_token"]?.bool)
        }
    }
    return (bos, eos, flags)
}
