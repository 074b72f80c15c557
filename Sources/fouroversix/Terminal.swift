// Terminal output: progress bars on a TTY, plain lines elsewhere; JSON and errors.
//
// Promises: progress goes to standard error and only when it is a terminal, so piped
// output (and `--json`) stays clean; each update is one row fitted to the terminal's width
// (ProgressDisplay), and the bar is erased when the work ends. `printJSONObject` prints
// sorted-key, pretty JSON on one stdout write; errors go to standard error.

import Foundation
import OutputSafety
import ProgressDisplay
import ReportText

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

/// `object` as pretty, key-sorted JSON (Foundation's writer) on standard output.
func printJSONObject(_ object: Any) {
    let data = try! JSONSerialization.data(
        withJSONObject: object,
        options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
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
