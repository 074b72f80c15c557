// FuzzTests.swift — damaged files never crash the reader: seeded byte flips, truncations, length
// prefix rewrites and header splices of valid files either open (and then every tensor lies inside
// the file) or throw a SafeTensorsError.

import TestSupport
import Testing

@testable import SafeTensors

@Suite struct FuzzTests {
    /// Valid seeds: the Python reference file and one of this module's own files with several dtypes.
    static func seeds() throws -> [[UInt8]] {
        let folder = TemporaryFolder()
        let path = folder.file("seed.safetensors")
        try writeSafeTensors(
            path: path,
            tensors: [
                (TensorSpec(name: "a", dtype: .BF16, shape: [2, 3]), randomBytes(12, seed: 1)),
                (TensorSpec(name: "e", dtype: .F8_E4M3, shape: [0]), []),
                (TensorSpec(name: "b", dtype: .I64, shape: [2]), randomBytes(16, seed: 2)),
            ], metadata: ["format": "pt"])
        return [pythonReferenceFile, readFile(path)]
    }

    /// Applies one seeded mutation.
    static func mutate(_ original: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = original
        guard bytes.count > 9 else { return bytes + [UInt8(truncatingIfNeeded: rng.next())] }
        // Where the header ends according to the (possibly already damaged) prefix, kept in 9...count.
        let declared = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        let headerEnd = max(9, 8 + Int(min(declared, UInt64(bytes.count - 8))))
        switch rng.next() % 7 {
        case 0:  // flip bits of a few bytes anywhere
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            }
        case 1:  // replace a header byte with a JSON-significant character
            let specials = Array("{}[]\",:-0123456789. e\\".utf8)
            let at = 8 + Int(rng.next() % UInt64(headerEnd - 8))
            bytes[at] = specials[Int(rng.next() % UInt64(specials.count))]
        case 2:  // truncate
            bytes.removeLast(1 + Int(rng.next() % UInt64(bytes.count)))
        case 3:  // rewrite the length prefix near or far from the truth
            var length = UInt64(headerEnd - 8)
            switch rng.next() % 3 {
            case 0: length = length &+ UInt64(bitPattern: Int64(rng.next() % 33) - 16)
            case 1: length = rng.next()
            default: length = rng.next() % UInt64(bytes.count + 64)
            }
            for k in 0..<8 { bytes[k] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(k))) }
        case 4:  // delete a run of header bytes (keeping the prefix)
            let at = 8 + Int(rng.next() % UInt64(headerEnd - 8))
            bytes.removeSubrange(at..<min(headerEnd, at + 1 + Int(rng.next() % 8)))
        case 5:  // increment or decrement a digit in the header (offsets and shapes)
            let digits = (8..<headerEnd).filter { (48...57).contains(bytes[$0]) }
            if let at = digits.randomElement(using: &rng) {
                bytes[at] = rng.next() % 2 == 0 ? max(48, bytes[at] &- 1) : min(57, bytes[at] &+ 1)
            }
        default:  // splice a header fragment onto itself
            let from = 8 + Int(rng.next() % UInt64(headerEnd - 8))
            let to = 8 + Int(rng.next() % UInt64(headerEnd - 8))
            let count = min(1 + Int(rng.next() % 24), headerEnd - from)
            bytes.insert(contentsOf: bytes[from..<(from + count)], at: to)
        }
        return bytes
    }

    /// Every accepted tensor must lie inside the file and match its shape, and the tensors must
    /// cover the data section exactly, one after another from byte 0.
    static func checkAccepted(_ file: SafeTensorsFile) throws {
        var checksum = 0
        var end = 0
        for info in file.tensors {
            #expect(info.dataOffsets.lowerBound == end)
            end = info.dataOffsets.upperBound
            #expect(info.dataOffsets.upperBound <= file.dataSectionSize)
            #expect(info.byteCount == info.elementCount * info.dtype.byteSize)
            let raw = try file.bytes(info.name)
            checksum &+= raw.reduce(0) { $0 &+ Int($1) }  // touch every byte
            file.releasePages(info.name)
        }
        #expect(end == file.dataSectionSize)
        _ = checksum
    }

    @Test func mutatedFilesOpenOrThrowButNeverCrash() throws {
        let folder = TemporaryFolder()
        var rng = SplitMix64(seed: 0x4F53_6978)
        var opened = 0, rejected = 0
        for (s, seed) in try Self.seeds().enumerated() {
            for i in 0..<300 {
                let path = folder.write(Self.mutate(seed, &rng), to: "fuzz-\(s)-\(i % 8).safetensors")
                do {
                    try Self.checkAccepted(try SafeTensorsFile(path: path))
                    opened += 1
                } catch {
                    _ = "\(error)"
                    rejected += 1
                }
            }
        }
        #expect(opened > 10)
        #expect(rejected > 100)
    }

    @Test func mutatedHeadersInMemoryNeverCrash() throws {
        var rng = SplitMix64(seed: 2024)
        var outcomes: [String: Int] = [:]
        for seed in try Self.seeds() {
            for _ in 0..<4000 {
                var bytes = Self.mutate(seed, &rng)
                if rng.next() % 4 == 0 { bytes = Self.mutate(bytes, &rng) }
                let outcome: String
                do {
                    let parsed = try bytes.withUnsafeBytes { (raw) throws(SafeTensorsError) in
                        try HeaderParser.parseFile(raw, path: "fuzz")
                    }
                    var end = 0
                    for info in parsed.tensors {
                        #expect(info.dataOffsets.lowerBound == end)
                        end = info.dataOffsets.upperBound
                    }
                    #expect(parsed.dataStart + end == bytes.count)
                    outcome = "ok"
                } catch {
                    outcome = String("\(error)".split(separator: ":")[1])
                }
                outcomes[outcome, default: 0] += 1
            }
        }
        #expect(outcomes["ok", default: 0] > 50)
        #expect(outcomes.count >= 8)  // many different errors were reached
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(seed: 99)
        var accepted = 0, rejected = 0
        for size in 0..<300 {
            var bytes = randomBytes(size, seed: rng.next())
            if size >= 8, rng.next() % 2 == 0 {
                let length = UInt64(rng.next() % UInt64(size - 7))
                for k in 0..<8 { bytes[k] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(k))) }
                if size > 8 { bytes[8] = UInt8(ascii: "{") }
            }
            // Each file is either valid (its tensors lie inside it, sized by dtype and shape) or a
            // typed error naming the file.
            do {
                let parsed = try bytes.withUnsafeBytes { (raw) throws(SafeTensorsError) in
                    try HeaderParser.parseFile(raw, path: "random")
                }
                #expect(parsed.dataStart <= bytes.count)
                for info in parsed.tensors {
                    #expect(parsed.dataStart + info.dataOffsets.upperBound <= bytes.count)
                    #expect(info.byteCount == info.elementCount * info.dtype.byteSize)
                }
                accepted += 1
            } catch let error as SafeTensorsError {
                #expect(error.description.contains("random"), "\(error)")
                rejected += 1
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
        // None of these 300 is a valid file (a parser that starts accepting one shows here).
        #expect(accepted == 0 && rejected == 300)
    }
}
