// TestSupport.swift — helpers shared by the SafeTensors tests: private temporary folders, raw file
// construction from a header string, seeded random bytes, and error capture.

import Foundation
import TestSupport
import Testing

@testable import SafeTensors

/// A fresh folder under the system temporary directory, removed when the object goes away.
final class TemporaryFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/SafeTensorsTests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// The names of everything in the folder (hidden files included), sorted.
    func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) -> String {
        let target = file(name)
        try! Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// Reads a whole file (tests only).
func readFile(_ path: String) -> [UInt8] {
    [UInt8](FileManager.default.contents(atPath: path) ?? Data())
}

/// A safetensors image: the 8-byte little-endian length (or `length`, if given), the header, then `data`.
func image(header: String, data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
    let json = Array(header.utf8)
    return image(headerBytes: json, data: data, length: length)
}

func image(headerBytes json: [UInt8], data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
    var bytes: [UInt8] = []
    var prefix = length ?? UInt64(json.count)
    for _ in 0..<8 {
        bytes.append(UInt8(truncatingIfNeeded: prefix))
        prefix >>= 8
    }
    return bytes + json + data
}

/// Opens `path`, returning the error or nil if it opened.
func openError(_ path: String) -> SafeTensorsError? {
    do {
        _ = try SafeTensorsFile(path: path)
        return nil
    } catch {
        return error
    }
}

/// Runs `body`, returning the SafeTensorsError it threw or nil. (Untyped so closures inside
/// `#expect` infer; any other error type is recorded as a test failure.)
func caught(_ body: () throws -> Void) -> SafeTensorsError? {
    do {
        try body()
        return nil
    } catch let error as SafeTensorsError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// `count` seeded pseudo-random bytes.
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var generator = SplitMix64(seed: seed)
    var bytes = [UInt8](repeating: 0, count: count)
    bytes.withUnsafeMutableBytes { raw in
        var offset = 0
        while offset + 8 <= count {
            raw.storeBytes(of: generator.next(), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        var word = generator.next()
        while offset < count {
            raw[offset] = UInt8(truncatingIfNeeded: word)
            word >>= 8
            offset += 1
        }
    }
    return bytes
}

/// Whether a buffer holds exactly `expected` (memcmp, fast even in debug builds).
func sameBytes(_ buffer: UnsafeRawBufferPointer, _ expected: [UInt8]) -> Bool {
    guard buffer.count == expected.count else { return false }
    guard let base = buffer.baseAddress, !expected.isEmpty else { return true }
    return expected.withUnsafeBytes { memcmp(base, $0.baseAddress!, expected.count) == 0 }
}

/// Bytes from a hex string; whitespace is ignored.
func bytes(hex: String) -> [UInt8] {
    let digits = hex.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
    var result: [UInt8] = []
    result.reserveCapacity(digits.count / 2)
    var iterator = digits.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
        result.append(UInt8(String(high) + String(low), radix: 16)!)
    }
    return result
}

/// The tensor's bytes copied out of the file.
func tensorBytes(_ file: SafeTensorsFile, _ name: String) throws(SafeTensorsError) -> [UInt8] {
    Array(try file.bytes(name))
}
