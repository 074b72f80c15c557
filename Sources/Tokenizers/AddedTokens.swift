// AddedTokens: the `added_tokens` of tokenizer.json (special tokens such as <s>, </s>, <unk>, and
// user-added tokens) and `AddedVocabulary::find_matches`: split a text into runs of plain text and
// whole added tokens, leftmost-longest, honouring single_word / lstrip / rstrip. Tokens with
// normalized=false are matched in the raw text; normalized=true ones in the normalized text.

struct AddedToken: Sendable {
    let id: Int
    let content: String
    let singleWord: Bool
    let lstrip: Bool
    let rstrip: Bool
    let normalized: Bool
    let special: Bool
}

/// One piece of a split text: either plain text (a byte range) or a matched added token.
enum AddedSplit: Equatable {
    case text(Range<Int>)
    case token(id: Int, range: Range<Int>)
}

/// A byte trie over a set of patterns, matched leftmost-longest like aho-corasick's
/// `MatchKind::LeftmostLongest` (ties between equal patterns go to the first one listed).
struct PatternTrie: Sendable {
    private var children: [[UInt8: Int32]] = [[:]]
    private var terminal: [Int32] = [-1]  // pattern index ending at a node, or -1
    private var firstByte = [Bool](repeating: false, count: 256)
    private(set) var isEmpty = true

    init(patterns: [[UInt8]]) {
        for (index, p) in patterns.enumerated() where !p.isEmpty {
            isEmpty = false
            firstByte[Int(p[0])] = true
            var node = 0
            for b in p {
                if let child = children[node][b] {
                    node = Int(child)
                } else {
                    children.append([:])
                    terminal.append(-1)
                    children[node][b] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            if terminal[node] < 0 { terminal[node] = Int32(index) }
        }
    }

    /// The longest pattern starting at `start`: (pattern index, end offset).
    @inline(__always)
    func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> (pattern: Int, end: Int)? {
        guard firstByte[Int(text[start])] else { return nil }
        var node = 0
        var best: (Int, Int)?
        var i = start
        while i < text.count, let child = children[node][text[i]] {
            node = Int(child)
            i += 1
            if terminal[node] >= 0 { best = (Int(terminal[node]), i) }
        }
        return best
    }
}

struct AddedVocabulary: Sendable {
    let tokens: [AddedToken]
    let byID: [Int: AddedToken]
    let byContent: [[UInt8]: Int]
    let specialIDs: Set<Int>
    /// Patterns for tokens matched in the raw text, and the token each pattern stands for.
    private let rawTrie: PatternTrie
    private let rawTokens: [AddedToken]
    /// Patterns for tokens matched in the normalized text (contents normalized first).
    private let normalizedTrie: PatternTrie
    private let normalizedTokens: [AddedToken]

    init(tokens: [AddedToken], normalizer: Normalizer?) {
        self.tokens = tokens
        var byID: [Int: AddedToken] = [:]
        var byContent: [[UInt8]: Int] = [:]
        var special = Set<Int>()
        for t in tokens {
            byID[t.id] = t
            byContent[Array(t.content.utf8)] = t.id
            if t.special { special.insert(t.id) }
        }
        self.byID = byID
        self.byContent = byContent
        self.specialIDs = special
        // `tokenizers` lists special tokens first, then the others, each in file order.
        let ordered = tokens.filter { $0.special } + tokens.filter { !$0.special }
        let raw = ordered.filter { !$0.normalized }
        let norm = ordered.filter { $0.normalized }
        rawTokens = raw
        rawTrie = PatternTrie(patterns: raw.map { Array($0.content.utf8) })
        normalizedTokens = norm
        normalizedTrie = PatternTrie(
            patterns: norm.map { token in
                let bytes = Array(token.content.utf8)
                return normalizer?.normalize(bytes) ?? bytes
            })
    }

    func split(raw text: [UInt8]) -> [AddedSplit] {
        findMatches(text, trie: rawTrie, tokens: rawTokens)
    }

    func split(normalized text: [UInt8]) -> [AddedSplit] {
        findMatches(text, trie: normalizedTrie, tokens: normalizedTokens)
    }

    /// `AddedVocabulary::find_matches`. Empty text pieces are not returned.
    private func findMatches(_ text: [UInt8], trie: PatternTrie, tokens: [AddedToken]) -> [AddedSplit] {
        if text.isEmpty { return [] }
        if trie.isEmpty { return [.text(0..<text.count)] }
        var splits: [AddedSplit] = []
        text.withUnsafeBufferPointer { t in
            var startOffset = 0
            var i = 0
            while i < t.count {
                guard let m = trie.longestMatch(in: t, at: i) else { i += 1; continue }
                var start = i
                var stop = m.end
                i = m.end
                let token = tokens[m.pattern]
                if token.singleWord {
                    let startSpace = start == 0 || !endsWithWordCharacter(t, before: start)
                    let stopSpace = stop == t.count || !startsWithWordCharacter(t, at: stop)
                    if !startSpace || !stopSpace { continue }
                }
                if token.lstrip {
                    var newStart = start
                    while newStart > 0 {
                        var k = newStart - 1
                        while k > 0 && (t[k] & 0xC0) == 0x80 { k -= 1 }
                        if !isWhitespace(decodeScalar(t, at: k).value) { break }
                        newStart = k
                    }
                    start = max(newStart, startOffset)
                }
                if token.rstrip {
                    while stop < t.count {
                        let (v, n) = decodeScalar(t, at: stop)
                        if !isWhitespace(v) { break }
                        stop += n
                    }
                }
                if startOffset < start { splits.append(.text(startOffset..<start)) }
                splits.append(.token(id: token.id, range: start..<stop))
                startOffset = stop
            }
            if startOffset < t.count { splits.append(.text(startOffset..<t.count)) }
        }
        return splits
    }

    private func endsWithWordCharacter(_ t: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var k = end - 1
        while k > 0 && (t[k] & 0xC0) == 0x80 { k -= 1 }
        return isWordCharacter(decodeScalar(t, at: k).value)
    }

    private func startsWithWordCharacter(_ t: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        isWordCharacter(decodeScalar(t, at: start).value)
    }
}
