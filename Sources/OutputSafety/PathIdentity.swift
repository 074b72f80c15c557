// Which file system object a path names: its canonical form and its device + inode.
//
// Promises: `canonical` makes a path absolute (against the current directory), resolves every
// symbolic link of the part that exists and appends the rest unchanged, so two spellings of one
// place (relative, `..`, a link to it) compare equal; `identity` is (device, inode) of what the
// path names after following links (hard links compare equal too); `isInside` compares
// canonical paths component-wise.

import Foundation

enum PathIdentity {
    /// (st_dev, st_ino) of what `path` names, following links; nil when nothing is there.
    static func identity(_ path: String) -> (UInt64, UInt64)? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return (UInt64(s.st_dev), UInt64(s.st_ino))
    }

    static func sameObject(_ a: String, _ b: String) -> Bool {
        guard let x = identity(a), let y = identity(b) else { return false }
        return x == y
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// `path` absolute, with the links of its existing part resolved.
    static func canonical(_ path: String) -> String {
        var head = absolute(path)
        var rest: [String] = []
        while head != "/" && !exists(head) {
            rest.insert((head as NSString).lastPathComponent, at: 0)
            head = (head as NSString).deletingLastPathComponent
        }
        var resolved = head
        if let real = realpath(head, nil) {
            resolved = String(cString: real)
            free(real)
        }
        guard !rest.isEmpty else { return resolved }
        return (resolved == "/" ? "" : resolved) + "/" + rest.joined(separator: "/")
    }

    /// Whether something is at `path` (a dangling link counts as nothing).
    static func exists(_ path: String) -> Bool { identity(path) != nil }

    static func isDirectory(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether canonical path `inner` lies strictly inside canonical path `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }

    /// The deepest existing folder on the way to `path` (absolute), or the path itself if it exists.
    static func nearestExisting(_ path: String) -> String {
        var head = absolute(path)
        while head != "/" && !exists(head) { head = (head as NSString).deletingLastPathComponent }
        return head
    }
}
