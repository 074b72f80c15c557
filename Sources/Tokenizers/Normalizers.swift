// Normalizers: the `normalizer` section of tokenizer.json, applied to each run of text between
// added tokens before pre-tokenization — Sequence, Prepend, Replace, NFC/NFD/NFKC/NFKD,
// Lowercase, Strip, StripAccents, ByteLevel. Text is UTF-8 bytes in and out.

import Foundation

indirect enum Normalizer: Sendable {
    case sequence([Normalizer])
    case prepend([UInt8])
    case replace(pattern: TextPattern, content: [UInt8])
    case nfc, nfd, nfkc, nfkd
    case lowercase
    case strip(left: Bool, right: Bool)
    case stripAccents
    case byteLevel

    func normalize(_ text: [UInt8]) -> [UInt8] {
        switch self {
        case .sequence(let steps):
            var t = text
            for s in steps { t = s.normalize(t) }
            return t
        case .prepend(let p):
            return text.isEmpty ? text : p + text
        case .replace(let pattern, let content):
            let matches = pattern.matches(in: text)
            if matches.isEmpty { return text }
            var out: [UInt8] = []
            out.reserveCapacity(text.count + matches.count * content.count)
            var previous = 0
            for m in matches {
                out += text[previous..<m.lowerBound]
                out += content
                previous = m.upperBound
            }
            out += text[previous...]
            return out
        case .nfc:
            return Array(String(decoding: text, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        case .nfd:
            return Array(String(decoding: text, as: UTF8.self).decomposedStringWithCanonicalMapping.utf8)
        case .nfkc:
            return Array(String(decoding: text, as: UTF8.self).precomposedStringWithCompatibilityMapping.utf8)
        case .nfkd:
            return Array(String(decoding: text, as: UTF8.self).decomposedStringWithCompatibilityMapping.utf8)
        case .lowercase:
            var out: [UInt8] = []
            out.reserveCapacity(text.count)
            for s in String(decoding: text, as: UTF8.self).unicodeScalars {
                if s.isASCII {
                    let v = UInt8(s.value)
                    out.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
                } else {
                    out += Array(s.properties.lowercaseMapping.utf8)
                }
            }
            return out
        case .strip(let left, let right):
            let (scalars, offsets) = scalarsWithOffsets(text)
            var lo = 0
            var hi = scalars.count
            if left { while lo < hi && isWhitespace(scalars[lo]) { lo += 1 } }
            if right { while hi > lo && isWhitespace(scalars[hi - 1]) { hi -= 1 } }
            return Array(text[offsets[lo]..<offsets[hi]])
        case .stripAccents:
            var out: [UInt8] = []
            out.reserveCapacity(text.count)
            for s in String(decoding: text, as: UTF8.self).unicodeScalars {
                switch s.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: appendUTF8(s.value, to: &out)
                }
            }
            return out
        case .byteLevel:
            return ByteLevelMapping.encode(text)
        }
    }
}
