// FuzzTests.swift — damaged files never crash the reader: seeded bit flips, truncations, rewritten
// count / length / offset / type fields, deleted and spliced header runs of the valid fixtures
// either parse (and then every tensor lies inside the file and dequantizes to its element count)
// or throw a GGUFError.

import TestSupport
import Testing

@testable import GGUF

@Suite struct FuzzTests {
    static let seeds: [(name: String, bytes: [UInt8], headerEnd: Int)] = [
        ("types.gguf", Fixtures.bytes("types.gguf"), Fixtures.manifest.files["types.gguf"]!.data_offset),
        ("metadata.gguf", Fixtures.bytes("metadata.gguf"), Fixtures.manifest.files["metadata.gguf"]!.data_offset),
    ]

    /// Values that make counts, lengths, dimensions, types and offsets interesting.
    static let interesting: [UInt64] = [
        0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 31, 32, 33, 63, 64, 255, 256, 1 << 31, 1 << 32, (1 << 32) - 1,
        1 << 62, 1 << 63, UInt64.max, UInt64.max - 31,
    ]

    /// Applies one seeded mutation, mostly inside the header (before `headerEnd`).
    static func mutate(_ original: [UInt8], headerEnd: Int, _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = original
        let header = max(1, min(headerEnd, bytes.count))
        func at() -> Int { Int(rng.next() % UInt64(header)) }
        switch rng.next() % 7 {
        case 0:  // flip bits of a few bytes, in the header or anywhere
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let index = rng.next() % 4 == 0 ? Int(rng.next() % UInt64(bytes.count)) : at()
                bytes[index] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            }
        case 1:  // truncate
            bytes.removeLast(1 + Int(rng.next() % UInt64(bytes.count)))
        case 2, 3:  // overwrite a 4- or 8-byte field with an interesting or random value
            let width = rng.next() % 2 == 0 ? 4 : 8
            let index = at()
            var value = rng.next() % 3 == 0 ? rng.next() : interesting[Int(rng.next() % UInt64(interesting.count))]
            if rng.next() % 4 == 0 { value = value &+ UInt64(bitPattern: Int64(rng.next() % 9) - 4) }
            for k in 0..<width where index + k < bytes.count {
                bytes[index + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))
            }
        case 4:  // delete a run of header bytes
            let index = at()
            bytes.removeSubrange(index..<min(bytes.count, index + 1 + Int(rng.next() % 16)))
        case 5:  // duplicate a run of header bytes elsewhere in the header
            let from = at()
            let count = min(1 + Int(rng.next() % 48), bytes.count - from)
            bytes.insert(contentsOf: bytes[from..<(from + count)], at: at())
        default:  // set one header byte to a value-type / tensor-type-like number
            bytes[at()] = UInt8(truncatingIfNeeded: rng.next() % 50)
        }
        return bytes
    }

    /// Parses `bytes`; if accepted, checks every tensor's range and dequantizes the supported ones.
    /// Returns whether the file was accepted.
    @discardableResult
    static func exercise(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let parsed: ParsedGGUF
            do throws(GGUFError) {
                parsed = try GGUFHeaderParser.parse(raw, path: "fuzz.gguf")
            } catch {
                #expect(!error.description.contains("\n"))
                return false
            }
            for tensor in parsed.tensors {
                let start = parsed.dataStart + tensor.offset
                #expect(start >= 0 && start + tensor.byteCount <= raw.count)
                guard tensor.type.isDequantizable, start + tensor.byteCount <= raw.count else { continue }
                let elements = tensor.elementCount
                // Byte count = elements / block size × block bytes, and the bytes are in the file: the
                // output allocation is bounded by the file size, whatever the header declares.
                #expect(elements / tensor.type.blockSize * tensor.type.typeSize == tensor.byteCount)
                var output = [Float](repeating: 0, count: elements)
                output.withUnsafeMutableBufferPointer { buffer in
                    GGUFDequantization.dequantize(
                        UnsafeRawBufferPointer(rebasing: raw[start..<(start + tensor.byteCount)]),
                        type: tensor.type, into: buffer)
                }
            }
            return true
        }
    }

    @Test(arguments: 0..<2)
    func mutatedFixturesNeverCrash(_ seedIndex: Int) {
        let seed = Self.seeds[seedIndex]
        #expect(Self.exercise(seed.bytes))
        var rng = SplitMix64(seed: 0x6767_7566 + UInt64(seedIndex))
        var accepted = 0
        let rounds = 5000
        for _ in 0..<rounds {
            var bytes = seed.bytes
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                bytes = Self.mutate(bytes, headerEnd: seed.headerEnd, &rng)
                if bytes.isEmpty { break }
            }
            if Self.exercise(bytes) { accepted += 1 }
        }
        // Both outcomes occur: mutations of the data section keep files valid, header damage does not.
        #expect(accepted > 0 && accepted < rounds, "\(seed.name): \(accepted) of \(rounds) accepted")
    }

    @Test func randomBytesAfterAValidPrefixNeverCrash() {
        var rng = SplitMix64(seed: 42)
        let prefix = Array("GGUF".utf8) + Encode.u32(3)
        for _ in 0..<2000 {
            let count = Int(rng.next() % 200)
            let tail = (0..<count).map { _ in
                UInt8(truncatingIfNeeded: rng.next() % 4 == 0 ? rng.next() : rng.next() % 16)
            }
            Self.exercise(prefix + tail)
        }
    }
}
