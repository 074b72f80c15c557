// SpecialTokens: which ids a tokenizer adds around a text when it encodes "with special tokens",
// decided from the tokenizer's own definition, as transformers decides it.
//
// Promises: `SpecialTokenRule.read` gives the ids `tokenizer(text)` (add_special_tokens=True) puts
// before and after the text in transformers 4.x:
// - a Llama-style tokenizer class named in tokenizer_config.json (Llama, CodeLlama, Gemma, Cohere:
//   add_bos_token defaults to true; GPT-NeoX: false; add_eos_token defaults to false) rebuilds the
//   template from `add_bos_token` / `add_eos_token` and the config's bos/eos tokens;
// - any other tokenizer uses tokenizer.json's `post_processor`: TemplateProcessing (its `single`
//   template), RobertaProcessing and BertProcessing (cls … sep), ByteLevel (adds nothing), or a
//   Sequence of them applied in order; no post-processor adds nothing.
// Nothing is guessed from token names. A post-processor this module cannot reproduce is a
// `TokenizerError` naming the file. (transformers 5.x keeps tokenizer.json's post-processor even
// for the Llama-style classes; the two agree wherever the config and tokenizer.json agree.)

import JSONText

/// The ids added around a single text, and where that rule came from.
public struct SpecialTokenRule: Sendable, Equatable, CustomStringConvertible {
    /// Ids put before the text (e.g. `[<s>]`, `[[CLS]]`).
    public var prefix: [Int]
    /// Ids put after the text (e.g. `[</s>]`, `[[SEP]]`).
    public var suffix: [Int]
    /// Which file and field decided it, for run headers ("tokenizer.json post_processor", …).
    public var origin: String

    public init(prefix: [Int] = [], suffix: [Int] = [], origin: String) {
        self.prefix = prefix
        self.suffix = suffix
        self.origin = origin
    }

    /// The beginning-of-sequence id when the rule puts exactly one id before the text.
    public var bos: Int? { prefix.count == 1 ? prefix[0] : nil }

    public var description: String {
        let parts = [prefix.isEmpty ? nil : "prefix \(prefix)", suffix.isEmpty ? nil : "suffix \(suffix)"]
            .compactMap { $0 }
        return (parts.isEmpty ? "adds no special tokens" : parts.joined(separator: ", ")) + " (\(origin))"
    }
}

extension SpecialTokenRule {
    /// tokenizer_config.json classes whose transformers 4.x tokenizer rebuilds its post-processor
    /// from add_bos_token / add_eos_token, with the class defaults (bos, eos).
    static let flagDrivenClasses: [String: (bos: Bool, eos: Bool)] = [
        "LlamaTokenizer": (true, false), "CodeLlamaTokenizer": (true, false), "GemmaTokenizer": (true, false),
        "CohereTokenizer": (true, false), "GPTNeoXTokenizer": (false, false),
    ]

    /// The rule of the tokenizer.json at `path` (`root` is its parsed content) and the
    /// tokenizer_config.json beside it; `bos` / `eos` are the ids the config files name.
    static func read(
        tokenizerJSON root: JSONValue, path: String, config: TokenizerConfigFlags,
        bos: Int?, eos: Int?
    ) throws(TokenizerError) -> SpecialTokenRule {
        if let className = config.tokenizerClass,
            let defaults = flagDrivenClasses[className.hasSuffix("Fast") ? String(className.dropLast(4)) : className]
        {
            let addBOS = config.addBOSToken ?? defaults.bos, addEOS = config.addEOSToken ?? defaults.eos
            var rule = SpecialTokenRule(
                origin: "tokenizer_config.json \(className): add_bos_token \(addBOS), add_eos_token \(addEOS)")
            if addBOS {
                guard let bos else {
                    throw .missingField(path: config.path, field: "bos_token (add_bos_token is true)")
                }
                rule.prefix = [bos]
            }
            if addEOS {
                guard let eos else {
                    throw .missingField(path: config.path, field: "eos_token (add_eos_token is true)")
                }
                rule.suffix = [eos]
            }
            return rule
        }
        guard let processor = root["post_processor"], !processor.isNull else {
            return SpecialTokenRule(origin: "tokenizer.json has no post_processor")
        }
        var rule = SpecialTokenRule(origin: "tokenizer.json post_processor")
        try apply(processor, to: &rule, path: path)
        return rule
    }

    /// Wraps `rule` in what one post-processor adds to a single sequence.
    private static func apply(_ p: JSONValue, to rule: inout SpecialTokenRule, path: String) throws(TokenizerError) {
        func malformed(_ field: String) -> TokenizerError {
            .missingField(path: path, field: "post_processor.\(field)")
        }
        guard let type = p["type"]?.string else { throw malformed("type") }
        switch type {
        case "ByteLevel":
            return
        case "Sequence":
            guard let list = p["processors"]?.array else { throw malformed("processors") }
            for inner in list { try apply(inner, to: &rule, path: path) }
        case "BertProcessing", "RobertaProcessing":
            guard let cls = p["cls"]?.array, cls.count == 2, let clsID = cls[1].int else { throw malformed("cls") }
            guard let sep = p["sep"]?.array, sep.count == 2, let sepID = sep[1].int else { throw malformed("sep") }
            rule.prefix.insert(clsID, at: 0)
            rule.suffix.append(sepID)
        case "TemplateProcessing":
            guard let single = p["single"]?.array else { throw malformed("single") }
            let specials = p["special_tokens"]
            var before: [Int] = [], after: [Int] = [], sawSequence = false
            for piece in single {
                if let sequence = piece["Sequence"] {
                    guard sequence["id"]?.string == "A", !sawSequence else {
                        throw malformed("single (one $A expected)")
                    }
                    sawSequence = true
                } else if let name = piece["SpecialToken"]?["id"]?.string {
                    guard let ids = specials?[name]?["ids"]?.array else {
                        throw malformed("special_tokens[\"\(name)\"].ids")
                    }
                    var values: [Int] = []
                    for v in ids {
                        guard let id = v.int else { throw malformed("special_tokens[\"\(name)\"].ids") }
                        values.append(id)
                    }
                    if sawSequence { after += values } else { before += values }
                } else {
                    throw malformed("single")
                }
            }
            guard sawSequence else { throw malformed("single (no $A)") }
            rule.prefix = before + rule.prefix
            rule.suffix += after
        default:
            throw .unsupportedComponent(path: path, component: "post_processor", type: type)
        }
    }
}

/// What tokenizer_config.json says about adding special tokens.
struct TokenizerConfigFlags {
    /// The config file's path (for messages), or "tokenizer_config.json" when there is none.
    var path = "tokenizer_config.json"
    var tokenizerClass: String?
    var addBOSToken: Bool?
    var addEOSToken: Bool?
}
