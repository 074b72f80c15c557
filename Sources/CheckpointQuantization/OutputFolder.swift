// An output folder that appears complete or not at all.
//
// Promises: work happens in a hidden temporary folder next to the target
// (`.NAME.partial-PID-RANDOM`); `commit()` renames it into place (replacing an existing
// target only when allowed, after the new one is complete); `discard()` — also called on
// deinit without a commit — deletes it. An existing target is refused up front unless
// overwriting is allowed.

import Foundation

public final class OutputFolder {
    public let target: String
    public let temporary: String
    private var committed = false

    public init(target: String, overwrite: Bool) throws {
        let fm = FileManager.default
        let absolute = target.hasPrefix("/") ? target : fm.currentDirectoryPath + "/" + target
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        self.target = url.path
        if fm.fileExists(atPath: self.target) && !overwrite { throw CheckpointError.outputExists(path: target) }
        let parent = url.deletingLastPathComponent().path
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw CheckpointError.cannotWrite(path: parent, reason: error.localizedDescription)
        }
        temporary = parent + "/." + url.lastPathComponent + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw CheckpointError.cannotWrite(path: temporary, reason: error.localizedDescription)
        }
        TemporaryPaths.register(temporary)
    }

    /// Path of a file inside the temporary folder.
    public func path(_ name: String) -> String { temporary + "/" + name }

    /// Moves the finished folder into place.
    public func commit() throws {
        let fm = FileManager.default
        var old: String?
        if fm.fileExists(atPath: target) {
            old = temporary + ".old"
            do { try fm.moveItem(atPath: target, toPath: old!) } catch {
                throw CheckpointError.cannotWrite(path: target, reason: "cannot move the existing folder aside: \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(atPath: temporary, toPath: target)
        } catch {
            if let old { try? fm.moveItem(atPath: old, toPath: target) }
            throw CheckpointError.cannotWrite(path: target, reason: error.localizedDescription)
        }
        committed = true
        TemporaryPaths.unregister(temporary)
        if let old { try? fm.removeItem(atPath: old) }
    }

    public func discard() {
        guard !committed else { return }
        try? FileManager.default.removeItem(atPath: temporary)
        TemporaryPaths.unregister(temporary)
    }

    deinit { discard() }
}

/// Temporary outputs to delete if the process is interrupted (see the CLI's signal handler).
public enum TemporaryPaths {
    nonisolated(unsafe) private static var paths: Set<String> = []
    private static let lock = NSLock()

    public static func register(_ p: String) { lock.withLock { _ = paths.insert(p) } }
    public static func unregister(_ p: String) { lock.withLock { _ = paths.remove(p) } }

    /// Deletes every registered temporary output.
    public static func removeAll() {
        let all = lock.withLock { paths }
        for p in all { try? FileManager.default.removeItem(atPath: p) }
    }
}
