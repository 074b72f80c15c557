// Runs the built `fouroversix` executable (SwiftPM builds it next to the test bundle): the one
// runner of every CLI test, with FOUROVERSIX_HOME set to this checkout for the bundled model.

import Foundation
import TestSupport

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The directory of the test binary, where `swift build` also put `fouroversix`.
let productsDirectory: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return (exe as NSString).deletingLastPathComponent
}()

/// `started`, when given, runs as soon as the process has started (to signal it mid-run).
func runCLI(
    _ arguments: [String], in directory: String? = nil,
    started: ((Process) -> Void)? = nil
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: productsDirectory + "/fouroversix")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["FOUROVERSIX_HOME"] = repositoryRoot
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    started?(process)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "fouroversix-cli-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
