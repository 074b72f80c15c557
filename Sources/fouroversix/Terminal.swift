// Terminal output: progress bars on a TTY, plain lines elsewhere.
//
// Promises: progress goes to standard error and only when it is a terminal, so piped
// output (and `--json`) stays clean; the bar is erased when the work ends.

import CheckpointQuantization
import Foundation

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
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\r\(bar) \(done)/\(total) \(unit)"
        if totalBytes > 0 { line += "  \(formatBytes(self.bytes))/\(formatBytes(totalBytes))" }
        let elapsed = Date().timeIntervalSince(start)
        if done > 0 && done < total {
            line += "  ETA \(Int(elapsed / Double(done) * Double(total - done)))s"
        }
        line += "  " + String(label.suffix(40))
        FileHandle.standardError.write(Data((line.padding(toLength: 110, withPad: " ", startingAt: 0)).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 110) + "\r").utf8))
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

/// On SIGINT/SIGTERM, delete temporary outputs before exiting, so an interrupted run leaves
/// nothing that looks like a result.
func installInterruptCleanup() {
    for sig in [SIGINT, SIGTERM] {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler {
            TemporaryPaths.removeAll()
            FileHandle.standardError.write(Data("\ninterrupted: temporary output removed\n".utf8))
            exit(130)
        }
        source.resume()
        interruptSources.append(source)
    }
}

nonisolated(unsafe) private var interruptSources: [DispatchSourceSignal] = []

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
