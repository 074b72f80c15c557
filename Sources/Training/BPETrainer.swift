// Trains a GPT-2-style byte-level BPE on a text and writes it as a Hugging Face tokenizer.json.
//
// Promises: the vocabulary is the 256 byte-level symbols (ids 0–255, by byte value), then one
// token per merge in merge order, then the special token `<|endoftext|>` (BOS and EOS) last,
// so `vocabularySize` ids in all. Words are split as GPT-2's pre-tokenizer regex does
// (contractions, ` ?letters`, ` ?digits`, ` ?other`, whitespace runs); each merge joins the
// most frequent adjacent pair (ties: the smaller pair of ids), a pure function of the text.
// The tokenizer.json is a standard ByteLevel BPE (pre-tokenizer and decoder ByteLevel, no
// normalizer) that `tokenizers` and this project's `Tokenizer` load; encoding is left to them.

import Foundation

public struct TrainedBPE: Sendable {
    /// Byte-level token strings in id order (without the special token).
    public let tokens: [String]
    /// Merges in rank order, as pairs of token strings.
    public let merges: [(String, String)]
    public static let specialToken = "<|endoftext|>"

    /// Total ids including the special token.
    public var vocabularySize: Int { tokens.count + 1 }
    public var specialTokenID: Int { tokens.count }

    /// The tokenizer.json object.
    public func tokenizerJSON() -> [String: Any] {
        var vocab: [String: Int] = [:]
        for (i, t) in tokens.enumerated() { vocab[t] = i }
        let byteLevel: [String: Any] = [
            "type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true,
        ]
        return [
            "version": "1.0",
            "truncation": NSNull(),
            "padding": NSNull(),
            "added_tokens": [
                [
                    "id": specialTokenID, "content": Self.specialToken, "single_word": false, "lstrip": false,
                    "rstrip": false, "normalized": false, "special": true,
                ] as [String: Any]
            ],
            "normalizer": NSNull(),
            "pre_tokenizer": byteLevel,
            "post_processor": byteLevel,
            "decoder": byteLevel,
            "model": [
                "type": "BPE", "dropout": NSNull(), "unk_token": NSNull(), "continuing_subword_prefix": NSNull(),
                "end_of_word_suffix": NSNull(), "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
                "vocab": vocab, "merges": merges.map { [$0.0, $0.1] },
            ] as [String: Any],
        ]
    }

    /// tokenizer_config.json: names the special token as BOS and EOS.
    public func tokenizerConfigJSON() -> [String: Any] {
        [
            "bos_token": Self.specialToken, "eos_token": Self.specialToken, "unk_token": NSNull(),
            "add_bos_token": true, "add_eos_token": false, "model_max_length": 1_000_000,
            "tokenizer_class": "PreTrainedTokenizerFast", "clean_up_tokenization_spaces": false,
        ]
    }
}

public enum BPETrainer {
    /// GPT-2's byte → printable character map (bytes_to_unicode).
    public static let byteSymbols: [String] = {
        var printable = Array(33...126) + Array(161...172) + Array(174...255)
        var chars = printable
        var extra = 0
        for b in 0..<256 where !printable.contains(b) {
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
        }
        var out = [String](repeating: "", count: 256)
        for (b, c) in zip(printable, chars) { out[b] = String(UnicodeScalar(UInt32(c))!) }
        return out
    }()

    /// Trains `vocabularySize − 257` merges on `text`.
    public static func train(text: String, vocabularySize: Int) -> TrainedBPE {
        precondition(vocabularySize >= 257, "a byte-level BPE needs at least 257 ids")
        // Word frequencies.
        var counts: [[UInt8]: Int] = [:]
        for w in preTokenize(text) { counts[w, default: 0] += 1 }
        let sortedWords = counts.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var words: [[Int32]] = sortedWords.map { $0.map { Int32($0) } }
        let freq: [Int] = sortedWords.map { counts[$0]! }

        var tokens = byteSymbols
        var merges: [(String, String)] = []
        @inline(__always) func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }
        var pairCount: [UInt64: Int] = [:]
        var pairWords: [UInt64: [Int]] = [:]
        for (wi, w) in words.enumerated() where w.count > 1 {
            for j in 0..<(w.count - 1) {
                let k = key(w[j], w[j + 1])
                pairCount[k, default: 0] += freq[wi]
                pairWords[k, default: []].append(wi)
            }
        }
        let target = vocabularySize - 257
        while merges.count < target {
            var best: UInt64 = 0, bestCount = 0
            for (k, c) in pairCount where c > bestCount || (c == bestCount && c > 0 && k < best) {
                best = k
                bestCount = c
            }
            guard bestCount > 0 else { break }
            let a = Int32(truncatingIfNeeded: best >> 32), b = Int32(truncatingIfNeeded: best & 0xFFFF_FFFF)
            let newID = Int32(tokens.count)
            tokens.append(tokens[Int(a)] + tokens[Int(b)])
            merges.append((tokens[Int(a)], tokens[Int(b)]))
            var seen = Set<Int>()
            for wi in pairWords[best] ?? [] where seen.insert(wi).inserted {
                let w = words[wi]
                // Remove the word's pairs, merge, add them back.
                for j in 0..<(w.count - 1) { pairCount[key(w[j], w[j + 1])]! -= freq[wi] }
                var merged: [Int32] = []
                merged.reserveCapacity(w.count)
                var j = 0
                while j < w.count {
                    if j + 1 < w.count && w[j] == a && w[j + 1] == b {
                        merged.append(newID)
                        j += 2
                    } else {
                        merged.append(w[j])
                        j += 1
                    }
                }
                words[wi] = merged
                if merged.count > 1 {
                    for j in 0..<(merged.count - 1) {
                        let k = key(merged[j], merged[j + 1])
                        pairCount[k, default: 0] += freq[wi]
                        if merged[j] == newID || merged[j + 1] == newID { pairWords[k, default: []].append(wi) }
                    }
                }
            }
            pairCount[best] = nil
            pairWords[best] = nil
        }
        return TrainedBPE(tokens: tokens, merges: merges)
    }

    private enum CharClass { case letter, number, space, other }

    private static func charClass(_ s: Unicode.Scalar) -> CharClass {
        if s.properties.isWhitespace { return .space }
        if s.properties.isAlphabetic { return .letter }
        if s.properties.numericType != nil { return .number }
        return .other
    }

    /// GPT-2's pre-tokenizer split, as UTF-8 byte strings:
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    static func preTokenize(_ text: String) -> [[UInt8]] {
        let scalars = Array(text.unicodeScalars)
        let classes = scalars.map(charClass)
        var out: [[UInt8]] = []
        var i = 0
        let n = scalars.count
        func emit(_ from: Int, _ to: Int) {
            var bytes: [UInt8] = []
            for s in scalars[from..<to] {
                if s.isASCII { bytes.append(UInt8(s.value)) } else { UTF8.encode(s) { bytes.append($0) } }
            }
            out.append(bytes)
        }
        while i < n {
            // Contractions.
            if scalars[i] == "'" {
                var matched = 0
                for suffix in ["s", "t", "re", "ve", "m", "ll", "d"] {
                    let sc = Array(suffix.unicodeScalars)
                    if i + 1 + sc.count <= n && Array(scalars[(i + 1)..<(i + 1 + sc.count)]) == sc {
                        matched = sc.count
                        break
                    }
                }
                if matched > 0 {
                    emit(i, i + 1 + matched)
                    i += 1 + matched
                    continue
                }
            }
            var start = i
            var j = i
            if scalars[i] == " " && i + 1 < n && classes[i + 1] != .space { j = i + 1 }
            let cls = classes[j]
            if cls != .space {
                var e = j + 1
                while e < n && classes[e] == cls { e += 1 }
                emit(start, e)
                i = e
                continue
            }
            // Whitespace run.
            var e = i
            while e < n && classes[e] == .space { e += 1 }
            if e < n && e - i > 1 { e -= 1 }  // leave the last one to prefix the next word
            start = i
            emit(start, e)
            i = e
        }
        return out
    }
}
