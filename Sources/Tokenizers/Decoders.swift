// Decoders: the `decoder` section of tokenizer.json, turning token strings back into text exactly
// as `Decoder::decode_chain` does — Sequence, Replace, ByteFallback (<0xXX> runs to UTF-8, or one
// U+FFFD per byte when invalid), Fuse, Strip, Metaspace, ByteLevel (lossy UTF-8), BPEDecoder.

indirect enum Decoder: Sendable {
    case sequence([Decoder])
    case replace(pattern: TextPattern, content: [UInt8])
    case byteFallback
    case fuse
    case strip(content: UInt32, start: Int, stop: Int)
    case metaspace(replacement: UInt32, prependScheme: PrependScheme)
    case byteLevel
    case bpe(suffix: [UInt8])

    func decode(_ tokens: [String]) -> String {
        decodeChain(tokens).joined()
    }

    func decodeChain(_ tokens: [String]) -> [String] {
        switch self {
        case .sequence(let steps):
            var t = tokens
            for s in steps { t = s.decodeChain(t) }
            return t

        case .replace(let pattern, let content):
            return tokens.map { token in
                let bytes = Array(token.utf8)
                let matches = pattern.matches(in: bytes)
                if matches.isEmpty { return token }
                var out: [UInt8] = []
                var previous = 0
                for m in matches {
                    out += bytes[previous..<m.lowerBound]
                    out += content
                    previous = m.upperBound
                }
                out += bytes[previous...]
                return String(decoding: out, as: UTF8.self)
            }

        case .byteFallback:
            var out: [String] = []
            out.reserveCapacity(tokens.count)
            var pending: [UInt8] = []
            func flush() {
                if pending.isEmpty { return }
                if isValidUTF8(pending) {
                    out.append(String(decoding: pending, as: UTF8.self))
                } else {
                    for _ in pending { out.append("\u{FFFD}") }
                }
                pending.removeAll(keepingCapacity: true)
            }
            for token in tokens {
                if let b = Decoder.byteTokenValue(token) {
                    pending.append(b)
                } else {
                    flush()
                    out.append(token)
                }
            }
            flush()
            return out

        case .fuse:
            return [tokens.joined()]

        case .strip(let content, let start, let stop):
            return tokens.map { token in
                let scalars = Array(token.unicodeScalars)
                var startCut = 0
                for i in 0..<min(start, scalars.count) {
                    if scalars[i].value == content { startCut = i + 1 } else { break }
                }
                var stopCut = scalars.count
                if stop > 0 {
                    for i in 0..<min(stop, scalars.count) {
                        let index = scalars.count - i - 1
                        if scalars[index].value == content { stopCut = index } else { break }
                    }
                }
                if stopCut <= startCut { return "" }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[startCut..<stopCut])
                return String(s)
            }

        case .metaspace(let replacement, let scheme):
            return tokens.enumerated().map { (i, token) in
                var s = String.UnicodeScalarView()
                for c in token.unicodeScalars {
                    if c.value == replacement {
                        if i == 0 && scheme != .never { continue }
                        s.append(" ")
                    } else {
                        s.append(c)
                    }
                }
                return String(s)
            }

        case .byteLevel:
            var bytes: [UInt8] = []
            for token in tokens {
                if let b = ByteLevelMapping.decode(token) {
                    bytes += b
                } else {
                    bytes += Array(token.utf8)
                }
            }
            return [lossyString(bytes)]

        case .bpe(let suffix):
            let last = tokens.count - 1
            return tokens.enumerated().map { (i, token) in
                Decoder.replace(pattern: .string(suffix), content: i == last ? [] : [0x20]).decodeChain([token])[0]
            }
        }
    }

    /// The byte of a "<0xXX>" token (`u8::from_str_radix(&token[3..5], 16)` on a 6-byte token).
    static func byteTokenValue(_ token: String) -> UInt8? {
        let u = token.utf8
        guard u.count == 6 else { return nil }
        let b = Array(u)
        guard b[0] == UInt8(ascii: "<"), b[1] == UInt8(ascii: "0"), b[2] == UInt8(ascii: "x"),
            b[5] == UInt8(ascii: ">")
        else { return nil }
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        if b[3] == UInt8(ascii: "+"), let lo = hex(b[4]) { return lo }  // Rust accepts a leading '+'
        guard let hi = hex(b[3]), let lo = hex(b[4]) else { return nil }
        return hi << 4 | lo
    }
}
