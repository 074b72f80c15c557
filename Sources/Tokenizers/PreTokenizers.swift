// PreTokenizers: the `pre_tokenizer` section of tokenizer.json — how normalized text is cut into
// the "words" the BPE model sees: Metaspace (▁ for spaces, prepend scheme always/first/never,
// optional split), ByteLevel (GPT-2 regex split + byte-to-character mapping), Split, Sequence,
// Whitespace, WhitespaceSplit, Digits, Punctuation, BertPreTokenizer, CharDelimiterSplit.

/// A piece of normalized text on its way to becoming words.
struct Piece {
    var bytes: [UInt8]
    /// Whether this piece begins at offset 0 of the original input (Metaspace prepend_scheme "first").
    var atStart: Bool
}

enum PrependScheme: Sendable {
    case always, first, never
}

indirect enum PreTokenizer: Sendable {
    case sequence([PreTokenizer])
    case byteLevel(addPrefixSpace: Bool, useRegex: Bool)
    case metaspace(replacement: UInt32, prependScheme: PrependScheme, split: Bool)
    case split(pattern: TextPattern, behavior: SplitBehavior, invert: Bool)
    case whitespace
    case whitespaceSplit
    case digits(individual: Bool)
    case punctuation(SplitBehavior)
    case bert
    case charDelimiter(UInt32)

    func preTokenize(_ pieces: [Piece]) -> [Piece] {
        switch self {
        case .sequence(let steps):
            var p = pieces
            for s in steps { p = s.preTokenize(p) }
            return p
        case .byteLevel(let addPrefixSpace, let useRegex):
            var out: [Piece] = []
            out.reserveCapacity(pieces.count)
            for piece in pieces {
                var bytes = piece.bytes
                if addPrefixSpace && bytes.first != 0x20 { bytes.insert(0x20, at: 0) }
                if useRegex {
                    for r in gpt2Matches(bytes) where !r.isEmpty {
                        out.append(
                            Piece(
                                bytes: ByteLevelMapping.encode(Array(bytes[r])),
                                atStart: piece.atStart && r.lowerBound == 0))
                    }
                } else if !bytes.isEmpty {
                    out.append(Piece(bytes: ByteLevelMapping.encode(bytes), atStart: piece.atStart))
                }
            }
            return out
        case .metaspace(let replacement, let scheme, let split):
            let rep = utf8Bytes(of: replacement)
            var out: [Piece] = []
            for piece in pieces {
                var bytes = Normalizer.replace(pattern: .string([0x20]), content: rep).normalize(piece.bytes)
                let startsWithReplacement = bytes.count >= rep.count && Array(bytes[0..<rep.count]) == rep
                switch scheme {
                case .always: if !startsWithReplacement { bytes = rep + bytes }
                case .first: if !startsWithReplacement && piece.atStart { bytes = rep + bytes }
                case .never: break
                }
                if split {
                    let ranges = TextPattern.character(replacement).split(bytes, behavior: .mergedWithNext)
                    for r in ranges {
                        out.append(Piece(bytes: Array(bytes[r]), atStart: piece.atStart && r.lowerBound == 0))
                    }
                } else if !bytes.isEmpty {
                    out.append(Piece(bytes: bytes, atStart: piece.atStart))
                }
            }
            return out
        case .split(let pattern, let behavior, let invert):
            return splitEach(pieces) { pattern.split($0, behavior: behavior, invert: invert) }
        case .whitespace:
            // `\w+|[^\w\s]+`, keeping the matches and removing what lies between them.
            return splitEach(pieces) { bytes in
                classRuns(bytes) { v in isWhitespace(v) ? 0 : (isWordCharacter(v) ? 1 : 2) }
                    .filter { $0.cls != 0 }.map { $0.range }
            }
        case .whitespaceSplit:
            return splitEach(pieces) { bytes in
                classRuns(bytes) { isWhitespace($0) ? 0 : 1 }.filter { $0.cls != 0 }.map { $0.range }
            }
        case .digits(let individual):
            return splitEach(pieces) { bytes in
                applySplitBehavior(charMatches(bytes, isNumeric), individual ? .isolated : .contiguous)
            }
        case .punctuation(let behavior):
            return splitEach(pieces) { bytes in applySplitBehavior(charMatches(bytes, isPunctuation), behavior) }
        case .bert:
            let ws = PreTokenizer.whitespaceSplit.preTokenize(pieces)
            return splitEach(ws) { bytes in applySplitBehavior(charMatches(bytes, isPunctuation), .isolated) }
        case .charDelimiter(let c):
            return splitEach(pieces) { bytes in TextPattern.character(c).split(bytes, behavior: .removed) }
        }
    }
}

private func splitEach(_ pieces: [Piece], _ split: ([UInt8]) -> [Range<Int>]) -> [Piece] {
    var out: [Piece] = []
    out.reserveCapacity(pieces.count)
    for piece in pieces {
        for r in split(piece.bytes) where !r.isEmpty {
            out.append(Piece(bytes: Array(piece.bytes[r]), atStart: piece.atStart && r.lowerBound == 0))
        }
    }
    return out
}

/// Maximal runs of characters with the same class.
private func classRuns(_ bytes: [UInt8], _ cls: (UInt32) -> Int) -> [(range: Range<Int>, cls: Int)] {
    var out: [(range: Range<Int>, cls: Int)] = []
    bytes.withUnsafeBufferPointer { b in
        var i = 0
        while i < b.count {
            let (v, n) = decodeScalar(b, at: i)
            let c = cls(v)
            if let last = out.last, last.cls == c, last.range.upperBound == i {
                out[out.count - 1].range = last.range.lowerBound..<(i + n)
            } else {
                out.append((i..<(i + n), c))
            }
            i += n
        }
    }
    return out
}

/// `find_matches` for a character predicate: every matching character is its own match.
private func charMatches(_ bytes: [UInt8], _ predicate: (UInt32) -> Bool) -> [(range: Range<Int>, isMatch: Bool)] {
    if bytes.isEmpty { return [(0..<0, false)] }
    var out: [(range: Range<Int>, isMatch: Bool)] = []
    bytes.withUnsafeBufferPointer { b in
        var last = 0
        var i = 0
        while i < b.count {
            let (v, n) = decodeScalar(b, at: i)
            if predicate(v) {
                if last < i { out.append((last..<i, false)) }
                out.append((i..<(i + n), true))
                last = i + n
            }
            i += n
        }
        if last < b.count { out.append((last..<b.count, false)) }
    }
    return out
}
