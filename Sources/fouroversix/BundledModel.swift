// Where the bundled model (stories260K) and texts live.
//
// Promises: finds the project's `Models/` and `Data/` folders from $FOUROVERSIX_HOME, the
// current directory or the executable's location (walking up from `.build/<config>/`), so
// `swift run fouroversix …` and a copied binary next to a checkout both work; otherwise a
// clear error saying how to point at a model.

import Foundation

struct BundledResourceMissing: Error, CustomStringConvertible {
    let what: String
    var description: String {
        "the bundled \(what) was not found; run from the FourOverSix checkout, "
            + "set FOUROVERSIX_HOME to it, or pass a path"
    }
}

enum BundledModel {
    static let name = "stories260K"

    /// The project root holding `Models/stories260K`.
    static func projectRoot() -> String? {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["FOUROVERSIX_HOME"] { candidates.append(home) }
        candidates.append(FileManager.default.currentDirectoryPath)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            for _ in 0..<5 {
                candidates.append(dir)
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        return candidates.first {
            FileManager.default.fileExists(atPath: "\($0)/Models/\(name)/config.json")
        }
    }

    /// `Models/stories260K` of the project.
    static func directory() throws -> String {
        guard let root = projectRoot() else { throw BundledResourceMissing(what: "model \(name)") }
        return "\(root)/Models/\(name)"
    }

    /// A file of the project's `Data/` folder.
    static func dataFile(_ file: String) throws -> String {
        guard let root = projectRoot(), FileManager.default.fileExists(atPath: "\(root)/Data/\(file)") else {
            throw BundledResourceMissing(what: "text Data/\(file)")
        }
        return "\(root)/Data/\(file)"
    }
}
