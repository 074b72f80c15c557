// Support.swift — helpers shared by the GGUF tests: the committed fixtures and their manifest (read
// through TestSupport's fixture loader), a byte-level GGUF image builder for hand-made (and hostile)
// files, and temporary files.

import Foundation
import TestSupport
import Testing

@testable import GGUF

/// The manifest written by tools/gguf-fixtures/make_fixtures.py.
struct Manifest: Decodable {
    struct Tensor: Decodable {
        let name: String
        let type: String
        let shape: [Int]
        let bytes: Int
        let offset: Int
        let expected: Int?
    }

    struct File: Decodable {
        let data_offset: Int
        let tensors: [Tensor]
    }

    let quant_sizes: [String: [Int]]
    let files: [String: File]
}

enum Fixtures {
    static let folder = FixtureFolder(bundle: .module)

    static func path(_ name: String) -> String { folder.path(name) }

    static let manifest = folder.decode(Manifest.self, from: "expected.json")

    /// gguf.quants.dequantize of every dequantizable fixture tensor, as float32 bit patterns.
    static let expectedBits: [UInt32] = folder.data("expected.bin").withUnsafeBytes { raw in
        (0..<(raw.count / 4)).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
    }

    static func bytes(_ name: String) -> [UInt8] { folder.bytes(name) }
}

/// A fresh file path under the temporary directory; the file is removed when the object goes away.
final class TemporaryFile {
    let path = FileManager.default.temporaryDirectory.path + "/GGUFTests-" + UUID().uuidString + ".gguf"

    init(_ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Opens `bytes` as a file, returning the file or the error.
func open(_ bytes: [UInt8]) -> Result<GGUFFile, GGUFError> {
    let file = TemporaryFile(bytes)
    do throws(GGUFError) {
        return .success(try GGUFFile(path: file.path))
    } catch {
        return .failure(error)
    }
}

/// Little-endian encodings of GGUF's primitive fields.
enum Encode {
    static func u32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
    static func u64(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
    static func string(_ s: String) -> [UInt8] { u64(UInt64(s.utf8.count)) + Array(s.utf8) }
    static func rawString(_ bytes: [UInt8]) -> [UInt8] { u64(UInt64(bytes.count)) + bytes }

    /// One metadata entry: key, value type, payload (already encoded).
    static func entry(_ key: String, _ type: UInt32, _ payload: [UInt8]) -> [UInt8] {
        string(key) + u32(type) + payload
    }

    /// One tensor info.
    static func tensor(_ name: String, dims: [UInt64], type: UInt32, offset: UInt64) -> [UInt8] {
        string(name) + u32(UInt32(dims.count)) + dims.flatMap(u64) + u32(type) + u64(offset)
    }
}

/// A GGUF file image assembled field by field, so that tests can get any part wrong on purpose.
struct GGUFImage {
    var magic: [UInt8] = Array("GGUF".utf8)
    var version: UInt32 = 3
    var entries: [[UInt8]] = []
    var tensors: [[UInt8]] = []
    /// Overrides of the counts written in the header (default: the number of entries / tensors).
    var keyCount: UInt64?
    var tensorCount: UInt64?
    /// The data section starts at the header's end rounded up to this.
    var alignment = 32
    var data: [UInt8] = []

    var header: [UInt8] {
        magic + Encode.u32(version) + Encode.u64(tensorCount ?? UInt64(tensors.count))
            + Encode.u64(keyCount ?? UInt64(entries.count)) + entries.flatMap { $0 } + tensors.flatMap { $0 }
    }

    var bytes: [UInt8] {
        var result = header
        while result.count % alignment != 0 { result.append(0) }
        return result + data
    }
}
