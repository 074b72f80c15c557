// Terminal output: progress bars on a TTY, plain lines elsewhere.
//
// Promises: progress goes to standard error and only when it is a terminal, so piped
// output (and `--json`) stays clean; each update is one row fitted to the terminal's width
// (ProgressDisplay), and the bar is erased when the work ends.

import Foundation
import OutputSafety
import ProgressDisplay

final class ProgressBar {
    private let total: Int
    private let unit: String
    private let enabled: Bool
    private var done = 0
    private var bytes = 0
    var bytesDone: Int { bytes }
    private let totalBytes: Int
    private let start = Date()

    init(total: Int, unit: String, totalBytes: Int = 0) {
        self.total = total
        self.unit = unit
        self.totalBytes = totalBytes
        self.enabled = isatty(STDERR_FILENO) != 0 && total > 0
    }

    func advance(bytes: Int = 0, label: String = "") {
        done += 1
        self.bytes += bytes
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        let eta = done > 0 && done < total ? "ETA \(Int(elapsed / Double(done) * Double(total - done)))s" : nil
        let line = ProgressLine.fit(
            done: done, total: total, unit: unit,
            bytes: totalBytes > 0 ? "\(formatBytes(self.bytes))/\(formatBytes(totalBytes))" : nil, eta: eta,
            label: label, columns: TerminalWidth.columns)
        FileHandle.standardError.write(Data((ProgressLine.erase + line).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(ProgressLine.erase.utf8))
    }
}

/// `body`'s result, with `finish` run when it returns or throws (before the caller prints).
func finishing<T>(_ finish: () -> Void, _ body: () throws -> T) rethrows -> T {
    defer { finish() }
    return try body()
}

func formatBytes(_ n: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(n), unit = 0
    while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
    return unit == 0 ? "\(n) B" : String(format: "%.1f %@", value, units[unit])
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
}

/// Checks every output of a command before any work (OutputSafety's one policy) and prints
/// its notices (stale partials removed) on standard error.
func prepareOutputs(_ requests: [OutputRequest]) throws {
    for notice in try OutputPolicy.prepare(requests) {
        FileHandle.standardError.write(Data((notice + "\n").utf8))
    }
}

/// A one-line runtime error of a command (printed as "Error: …", exit status 1).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `path` relative to the current directory when it lies inside it (`./name`), else as given.
func displayPath(_ path: String) -> String {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    return full.hasPrefix(cwd + "/") ? "." + full.dropFirst(cwd.count) : path
}
