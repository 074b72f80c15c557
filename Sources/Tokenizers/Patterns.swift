// Patterns: the `Pattern` side of `tokenizers` — find the non-overlapping matches of a literal
// string, a single character, or a regular expression in UTF-8 text, and `NormalizedString::split`
// with its five SplitDelimiterBehaviors. The GPT-2 pattern (and the Llama 3 one) are matched by
// hand-written scanners over Unicode scalars; other regexes go to NSRegularExpression (ICU) with
// `\s` / `\S` spelled out as Oniguruma's meaning, the Unicode White_Space property.

import Foundation

/// How the matches of a pattern become pieces (`SplitDelimiterBehavior`).
enum SplitBehavior: Sendable {
    case removed, isolated, mergedWithPrevious, mergedWithNext, contiguous

    init?(name: String) {
        switch name.lowercased() {
        case "removed": self = .removed
        case "isolated": self = .isolated
        case "merged_with_previous", "mergedwithprevious": self = .mergedWithPrevious
        case "merged_with_next", "mergedwithnext": self = .mergedWithNext
        case "contiguous": self = .contiguous
        default: return nil
        }
    }
}

/// An NSRegularExpression that is only ever used for matching (immutable, thread-safe).
struct CompiledRegex: @unchecked Sendable {
    let regex: NSRegularExpression
}

enum TextPattern: Sendable {
    /// A literal string (as `SplitPattern::String`, matched left to right, non-overlapping).
    case string([UInt8])
    /// Every occurrence of one character, each a separate match.
    case character(UInt32)
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    case gpt2
    /// The Llama 3 pattern; `maxDigits` is 3 for Llama 3 (`\p{N}{1,3}`), 1 for Qwen 2 (`\p{N}`).
    case llama3(maxDigits: Int)
    case regex(CompiledRegex)

    static let gpt2Source = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
    static let llama3Source =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}"#
        + #"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    static let qwen2Source =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}"#
        + #"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#

    /// Builds a pattern for an Oniguruma regex source; nil when NSRegularExpression rejects it.
    static func regex(source: String) -> TextPattern? {
        if source == gpt2Source { return .gpt2 }
        if source == llama3Source { return .llama3(maxDigits: 3) }
        if source == qwen2Source { return .llama3(maxDigits: 1) }
        guard let re = try? NSRegularExpression(pattern: oniguruma(toICU: source), options: []) else { return nil }
        return .regex(CompiledRegex(regex: re))
    }

    /// Rewrites `\s` / `\S` as `\p{White_Space}` / `\P{White_Space}`, Oniguruma's meaning. (ICU's
    /// documentation gives `\s` as [\t\n\f\r\p{Z}]; its matcher agrees with White_Space today, but
    /// spelling it out does not depend on that.)
    static func oniguruma(toICU source: String) -> String {
        var out = ""
        var escaped = false
        for ch in source.unicodeScalars {
            if escaped {
                escaped = false
                switch ch {
                case "s": out += #"\p{White_Space}"#
                case "S": out += #"\P{White_Space}"#
                default: out.unicodeScalars.append("\\"); out.unicodeScalars.append(ch)
                }
            } else if ch == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        if escaped { out += "\\" }
        return out
    }

    /// The non-overlapping matches, in order, as byte ranges of `text`.
    func matches(in text: [UInt8]) -> [Range<Int>] {
        switch self {
        case .string(let needle):
            return literalMatches(of: needle, in: text)
        case .character(let c):
            var out: [Range<Int>] = []
            text.withUnsafeBufferPointer { t in
                var i = 0
                while i < t.count {
                    let (v, n) = decodeScalar(t, at: i)
                    if v == c { out.append(i..<(i + n)) }
                    i += n
                }
            }
            return out
        case .gpt2:
            return gpt2Matches(text)
        case .llama3(let maxDigits):
            return llama3Matches(text, maxDigits: maxDigits)
        case .regex(let compiled):
            return regexMatches(compiled.regex, text)
        }
    }

    /// `Pattern::find_matches`: the whole text as alternating (range, isMatch) pieces.
    func findMatches(in text: [UInt8]) -> [(range: Range<Int>, isMatch: Bool)] {
        if text.isEmpty { return [(0..<0, false)] }
        var out: [(range: Range<Int>, isMatch: Bool)] = []
        var previous = 0
        for m in matches(in: text) {
            if previous != m.lowerBound { out.append((previous..<m.lowerBound, false)) }
            out.append((m, true))
            previous = m.upperBound
        }
        if previous != text.count { out.append((previous..<text.count, false)) }
        return out
    }

    /// `NormalizedString::split`: the pieces of `text` under `behavior` (empty pieces dropped).
    func split(_ text: [UInt8], behavior: SplitBehavior, invert: Bool = false) -> [Range<Int>] {
        var matches = findMatches(in: text)
        if invert { matches = matches.map { ($0.range, !$0.isMatch) } }
        return applySplitBehavior(matches, behavior)
    }
}

func applySplitBehavior(_ matches: [(range: Range<Int>, isMatch: Bool)], _ behavior: SplitBehavior) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    switch behavior {
    case .isolated:
        pieces = matches.map { $0.range }
    case .removed:
        pieces = matches.filter { !$0.isMatch }.map { $0.range }
    case .contiguous:
        var previousMatch = false
        for m in matches {
            if m.isMatch == previousMatch, let last = pieces.last {
                pieces[pieces.count - 1] = last.lowerBound..<m.range.upperBound
            } else {
                pieces.append(m.range)
            }
            previousMatch = m.isMatch
        }
    case .mergedWithPrevious:
        var previousMatch = false
        for m in matches {
            if m.isMatch && !previousMatch, let last = pieces.last {
                pieces[pieces.count - 1] = last.lowerBound..<m.range.upperBound
            } else {
                pieces.append(m.range)
            }
            previousMatch = m.isMatch
        }
    case .mergedWithNext:
        var previousMatch = false
        for m in matches.reversed() {
            if m.isMatch && !previousMatch, let last = pieces.last {
                pieces[pieces.count - 1] = m.range.lowerBound..<last.upperBound
            } else {
                pieces.append(m.range)
            }
            previousMatch = m.isMatch
        }
        pieces.reverse()
    }
    return pieces.filter { !$0.isEmpty }
}

private func literalMatches(of needle: [UInt8], in text: [UInt8]) -> [Range<Int>] {
    guard !needle.isEmpty, needle.count <= text.count else { return [] }
    var out: [Range<Int>] = []
    text.withUnsafeBufferPointer { t in
        needle.withUnsafeBufferPointer { n in
            let first = n[0]
            var i = 0
            let last = t.count - n.count
            while i <= last {
                if t[i] == first {
                    var j = 1
                    while j < n.count && t[i + j] == n[j] { j += 1 }
                    if j == n.count {
                        out.append(i..<(i + n.count))
                        i += n.count
                        continue
                    }
                }
                i += 1
            }
        }
    }
    return out
}

// MARK: - GPT-2 pattern

/// Matches `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
/// with leftmost-first alternation, as Oniguruma does.
func gpt2Matches(_ text: [UInt8]) -> [Range<Int>] {
    let (scalars, offsets) = scalarsWithOffsets(text)
    let n = scalars.count
    var classes = [CharClass](repeating: .other, count: n)
    for i in 0..<n { classes[i] = charClass(scalars[i]) }
    var out: [Range<Int>] = []
    out.reserveCapacity(n / 3 + 1)
    let apostrophe = UInt32(UInt8(ascii: "'"))
    let space = UInt32(0x20)

    func run(_ from: Int, _ cls: CharClass) -> Int {
        var j = from
        while j < n && classes[j] == cls { j += 1 }
        return j
    }

    var i = 0
    while i < n {
        var end = -1
        let c = scalars[i]
        // 's 't 're 've 'm 'll 'd
        if c == apostrophe && i + 1 < n {
            let c1 = scalars[i + 1]
            switch c1 {
            case UInt32(UInt8(ascii: "s")), UInt32(UInt8(ascii: "t")), UInt32(UInt8(ascii: "m")),
                UInt32(UInt8(ascii: "d")):
                end = i + 2
            case UInt32(UInt8(ascii: "r")), UInt32(UInt8(ascii: "v")):
                if i + 2 < n && scalars[i + 2] == UInt32(UInt8(ascii: "e")) { end = i + 3 }
            case UInt32(UInt8(ascii: "l")):
                if i + 2 < n && scalars[i + 2] == UInt32(UInt8(ascii: "l")) { end = i + 3 }
            default:
                break
            }
        }
        if end < 0 {
            // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`, in that order.
            let hasSpace = c == space && i + 1 < n
            for cls in [CharClass.letter, .number, .other] {
                if hasSpace && classes[i + 1] == cls {
                    end = run(i + 1, cls)
                    break
                }
                if classes[i] == cls {
                    end = run(i, cls)
                    break
                }
            }
        }
        if end < 0 {
            // classes[i] is whitespace: `\s+(?!\S)` then `\s+`.
            let j = run(i, .whitespace)
            if j == n || j - i < 2 {
                end = j
            } else {
                end = j - 1
            }
        }
        out.append(offsets[i]..<offsets[end])
        i = end
    }
    return out
}

// MARK: - Llama 3 pattern

/// Matches the Llama 3 pattern (`TextPattern.llama3Source`)
/// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|`
/// ` ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
/// (and Qwen 2's, where the digit run is `\p{N}`, via `maxDigits`).
func llama3Matches(_ text: [UInt8], maxDigits: Int) -> [Range<Int>] {
    let (scalars, offsets) = scalarsWithOffsets(text)
    let n = scalars.count
    var classes = [CharClass](repeating: .other, count: n)
    for i in 0..<n { classes[i] = charClass(scalars[i]) }
    var out: [Range<Int>] = []
    out.reserveCapacity(n / 3 + 1)

    @inline(__always) func isCRLF(_ v: UInt32) -> Bool { v == 0x0D || v == 0x0A }
    /// Case-insensitive ASCII letter test that also accepts the letters' Unicode case variants
    /// (ſ for s, K for k are not needed here: only s t r e v m l d occur).
    @inline(__always) func isLetter(_ v: UInt32, _ lower: UInt8) -> Bool {
        if v == UInt32(lower) || v == UInt32(lower - 32) { return true }
        return lower == UInt8(ascii: "s") && v == 0x017F  // LATIN SMALL LETTER LONG S folds to s
    }
    func run(_ from: Int, _ cls: CharClass) -> Int {
        var j = from
        while j < n && classes[j] == cls { j += 1 }
        return j
    }

    var i = 0
    while i < n {
        var end = -1
        let c = scalars[i]
        // (?i:'s|'t|'re|'ve|'m|'ll|'d)
        if c == 0x27 && i + 1 < n {
            let c1 = scalars[i + 1]
            if isLetter(c1, UInt8(ascii: "s")) || isLetter(c1, UInt8(ascii: "t"))
                || isLetter(c1, UInt8(ascii: "m")) || isLetter(c1, UInt8(ascii: "d"))
            {
                end = i + 2
            } else if i + 2 < n {
                let c2 = scalars[i + 2]
                if (isLetter(c1, UInt8(ascii: "r")) || isLetter(c1, UInt8(ascii: "v")))
                    && isLetter(c2, UInt8(ascii: "e"))
                {
                    end = i + 3
                } else if isLetter(c1, UInt8(ascii: "l")) && isLetter(c2, UInt8(ascii: "l")) {
                    end = i + 3
                }
            }
        }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if end < 0 {
            if classes[i] == .letter {
                end = run(i, .letter)
            } else if classes[i] != .number && !isCRLF(c) && i + 1 < n && classes[i + 1] == .letter {
                end = run(i + 1, .letter)
            }
        }
        // \p{N}{1,maxDigits}
        if end < 0 && classes[i] == .number {
            var j = i
            while j < n && j - i < maxDigits && classes[j] == .number { j += 1 }
            end = j
        }
        // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
        if end < 0 {
            var start = -1
            if c == 0x20 && i + 1 < n && classes[i + 1] == .other {
                start = i + 1
            } else if classes[i] == .other {
                start = i
            }
            if start >= 0 {
                var j = run(start, .other)
                while j < n && isCRLF(scalars[j]) { j += 1 }
                end = j
            }
        }
        if end < 0 {
            // classes[i] is whitespace. `\s*[\r\n]+`: the whitespace run, backtracked to its last CR/LF.
            let j = run(i, .whitespace)
            var lastNewline = -1
            for k in i..<j where isCRLF(scalars[k]) { lastNewline = k }
            if lastNewline >= 0 {
                end = lastNewline + 1
            } else if j == n || j - i < 2 {
                // `\s+(?!\S)` then `\s+`
                end = j
            } else {
                end = j - 1
            }
        }
        out.append(offsets[i]..<offsets[end])
        i = end
    }
    return out
}

// MARK: - NSRegularExpression

private func regexMatches(_ re: NSRegularExpression, _ text: [UInt8]) -> [Range<Int>] {
    let string = String(decoding: text, as: UTF8.self)
    let ascii = text.allSatisfy { $0 < 0x80 }
    // utf16 offset -> utf8 offset (the identity for ASCII text)
    var map: [Int] = []
    if !ascii {
        map.reserveCapacity(text.count + 1)
        var u8 = 0
        for s in string.unicodeScalars {
            let l8 = UTF8.width(s)
            let l16 = UTF16.width(s)
            for _ in 0..<l16 { map.append(u8) }
            u8 += l8
        }
        map.append(u8)
    }
    let length = ascii ? text.count : map.count - 1
    var out: [Range<Int>] = []
    for m in re.matches(in: string, options: [], range: NSRange(location: 0, length: length)) {
        let r = m.range
        if r.location == NSNotFound { continue }
        out.append(ascii ? r.location..<(r.location + r.length) : map[r.location]..<map[r.location + r.length])
    }
    return out
}
