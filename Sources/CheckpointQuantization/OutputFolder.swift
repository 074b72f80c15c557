// An output folder that appears complete or not at all.
//
// Promises: the target is first checked by OutputSafety's `OutputPolicy` (not an input, not
// inside or around one, an existing target only with overwriting allowed; stale partials of
// dead runs removed; interrupts clean up); work happens in a hidden temporary folder next to
// the target (`.NAME.partial-PID-N`); `commit()` renames it into place (replacing an existing
// target only when allowed, after the new one is complete); `discard()` — also called on
// deinit without a commit — deletes it.

import Foundation
import OutputSafety

public final class OutputFolder {
    public let target: String
    public let temporary: String
    private var committed = false

    /// `inputs`: the folders and files the output is made from (refused as, inside or around it).
    public init(target: String, overwrite: Bool, inputs: [String] = []) throws {
        try OutputPolicy.prepare(
            OutputRequest(target, .folder, inputs: inputs, existing: overwrite ? .replace : .refuse))
        let fm = FileManager.default
        self.target =
            URL(fileURLWithPath: target.hasPrefix("/") ? target : fm.currentDirectoryPath + "/" + target)
            .standardizedFileURL.path
        temporary = PartialOutputs.temporaryPath(for: self.target)
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw CheckpointError.cannotWrite(path: target, reason: error.localizedDescription)
        }
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
                throw CheckpointError.cannotWrite(
                    path: target, reason: "cannot move the existing folder aside: \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(atPath: temporary, toPath: target)
        } catch {
            if let old { try? fm.moveItem(atPath: old, toPath: target) }
            throw CheckpointError.cannotWrite(path: target, reason: error.localizedDescription)
        }
        committed = true
        if let old { try? fm.removeItem(atPath: old) }
    }

    public func discard() {
        guard !committed else { return }
        try? FileManager.default.removeItem(atPath: temporary)
    }

    deinit { discard() }
}
