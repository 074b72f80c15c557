// The hidden names of unfinished outputs, and their removal.
//
// Promises: an output OUT is built under `.OUT.partial-<pid>-<n>` next to it (`n`: lowercase
// hex), so the owner of every leftover is known; `.OUT.partial-<pid>-<n>.old` is a previous OUT
// moved aside while the new one is renamed into place. `clean` removes the partials of one
// output whose pid satisfies a predicate — in the output's folder and, when OUT is a folder,
// inside it — and puts a moved-aside `.old` back when OUT itself is missing, so no finished
// result is ever deleted.

import Foundation

public enum PartialOutputs {
    /// The hidden temporary path of `target` for this process (`n` tells several apart).
    public static func temporaryPath(for target: String, n: UInt32 = UInt32.random(in: 0...UInt32.max)) -> String {
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        return (parent == "/" ? "" : parent) + "/." + url.lastPathComponent + ".partial-\(getpid())-"
            + String(n, radix: 16)
    }

    /// A leftover of some output: its path, the pid that made it, and whether it is a moved-aside old output.
    struct Leftover {
        var path: String
        var pid: Int32
        var old: Bool
    }

    /// Parses `.NAME.partial-PID-HEX[.old]`; `name` nil accepts any NAME.
    static func parse(_ entry: String, name: String?) -> (pid: Int32, old: Bool)? {
        guard entry.hasPrefix("."), let range = entry.range(of: ".partial-", options: .backwards) else { return nil }
        let entryName = entry[entry.index(after: entry.startIndex)..<range.lowerBound]
        if let name, entryName != name { return nil }
        var tail = entry[range.upperBound...]
        let old = tail.hasSuffix(".old")
        if old { tail = tail.dropLast(4) }
        let parts = tail.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        return (pid, old)
    }

    /// Leftovers of `target` (absolute): beside it, and inside it when it is a folder.
    static func leftovers(of target: String) -> [Leftover] {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        var found: [Leftover] = []
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] {
            if let p = parse(entry, name: url.lastPathComponent) {
                found.append(Leftover(path: parent + "/" + entry, pid: p.pid, old: p.old))
            }
        }
        if PathIdentity.isDirectory(target) {
            for entry in (try? fm.contentsOfDirectory(atPath: target)) ?? [] {
                if let p = parse(entry, name: nil) {
                    found.append(Leftover(path: target + "/" + entry, pid: p.pid, old: p.old))
                }
            }
        }
        return found
    }

    /// Removes the leftovers of `target` whose pid satisfies `owner`; returns the pids whose
    /// leftovers were removed (or restored).
    @discardableResult
    static func clean(_ target: String, owner: (Int32) -> Bool) -> [Int32] {
        var pids: [Int32] = []
        for leftover in leftovers(of: target) where owner(leftover.pid) {
            // A moved-aside old output whose replacement never arrived is the output: put it back.
            let beside =
                URL(fileURLWithPath: leftover.path).deletingLastPathComponent().path
                == URL(fileURLWithPath: target).deletingLastPathComponent().path
            if leftover.old && beside && !PathIdentity.exists(target) {
                if rename(leftover.path, target) == 0 { pids.append(leftover.pid) }
                continue
            }
            if remove(leftover.path) { pids.append(leftover.pid) }
        }
        return pids
    }

    /// Deletes a file or folder, retrying while a writer of this process may still add to it.
    private static func remove(_ path: String) -> Bool {
        for _ in 0..<5 {
            do {
                try FileManager.default.removeItem(atPath: path)
                return true
            } catch {
                if !PathIdentity.exists(path) { return true }
                usleep(20_000)
            }
        }
        return false
    }

    /// Whether process `pid` is gone (kill(pid, 0) fails with ESRCH).
    static func processIsGone(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }
}
