// DisplayPath.swift — a path as a report shows it.
// Promises: `displayPath` writes a path that lies inside `currentDirectory` as "./" + its
// relative part (after resolving "." and ".." and, for a relative path, `currentDirectory`); any
// other path — outside it, or the directory itself — comes back exactly as given. It reads no
// file system state but the process's current directory, and only when none is passed.

import Foundation

/// `path` relative to `currentDirectory` when it lies inside it (`./name`), else as given.
public func displayPath(
    _ path: String,
    currentDirectory: String = FileManager.default.currentDirectoryPath
) -> String {
    let base = URL(fileURLWithPath: currentDirectory, isDirectory: true).standardizedFileURL
    let full = URL(fileURLWithPath: path, relativeTo: base).absoluteURL.standardizedFileURL.path
    let cwd = base.path
    return full.hasPrefix(cwd + "/") ? "." + full.dropFirst(cwd.count) : path
}
