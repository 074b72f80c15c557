// The one loader of test fixtures: a folder of files read whole, as bytes, text, JSON or
// little-endian integers.
//
// Promises: every accessor reads the named file in the folder given at creation (a test target's
// resource folder, from its own `Bundle.module`); a missing or malformed fixture stops the test
// process with the file's path (a fixture is part of the test, not an input that may be absent).

import Foundation

public struct FixtureFolder: Sendable {
    public let directory: URL

    public init(_ directory: URL) { self.directory = directory }

    /// The fixture folder `Fixtures` of a test target's resource bundle.
    public init(bundle: Bundle) {
        guard let url = bundle.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("no Fixtures folder in \(bundle.bundlePath)")
        }
        self.init(url)
    }

    public func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    public func path(_ name: String) -> String { url(name).path }

    public func data(_ name: String) -> Data {
        do { return try Data(contentsOf: url(name)) } catch { fatalError("fixture \(path(name)): \(error)") }
    }

    public func bytes(_ name: String) -> [UInt8] { [UInt8](data(name)) }

    public func text(_ name: String) -> String { String(decoding: data(name), as: UTF8.self) }

    public func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        do { return try JSONDecoder().decode(type, from: data(name)) } catch {
            fatalError("fixture \(path(name)): \(error)")
        }
    }

    /// The file as little-endian Int32 values.
    public func int32s(_ name: String) -> [Int] {
        data(name).withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map {
                Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)))
            }
        }
    }
}
