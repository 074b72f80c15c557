// OutputSafety: the one output check (inputs, links, containment, existing outputs, places
// where nothing can be created) and the removal of partials left by dead processes.

import Foundation
import TestSupport
import Testing

@testable import OutputSafety

@Suite struct OutputPolicyTests {
    func scratch() -> String {
        let path = NSTemporaryDirectory() + "outputsafety-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func refusal(_ r: OutputRequest) -> String? {
        do {
            try OutputPolicy.check(r)
            return nil
        } catch { return error.description }
    }

    @Test func anOutputThatIsTheInputIsRefusedByAnySpelling() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in.safetensors"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.safetensors", withDestinationPath: input)
        #expect(link(input, dir + "/hard.safetensors") == 0)
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        for spelling in [input, dir + "/sub/../in.safetensors", dir + "/link.safetensors", dir + "/hard.safetensors"] {
            let message = refusal(OutputRequest(spelling, .file, inputs: [input], existing: .replace))
            #expect(
                message?.contains("is the input file \(input) itself") == true, "\(spelling): \(message ?? "accepted")")
            #expect(message?.contains(spelling) == true)
        }
    }

    @Test func outputFoldersMayNotBeContainOrLieInsideAnInputFolder() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/model"
        try FileManager.default.createDirectory(atPath: model, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: model + "/config.json"))
        #expect(refusal(OutputRequest(model, .folder, inputs: [model], existing: .replace))?.contains("itself") == true)
        #expect(
            refusal(OutputRequest(model + "/q", .folder, inputs: [model], existing: .replace))?
                .contains("lies inside the input folder") == true)
        #expect(
            refusal(OutputRequest(dir, .folder, inputs: [model], existing: .replace))?
                .contains("contains the input folder") == true)
        #expect(refusal(OutputRequest(dir + "/elsewhere", .folder, inputs: [model], existing: .refuse)) == nil)
    }

    @Test func existingOutputsNeedOverwriteAndKindsMustMatch() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([1]).write(to: URL(fileURLWithPath: dir + "/out.json"))
        try FileManager.default.createDirectory(atPath: dir + "/full", withIntermediateDirectories: true)
        try Data([1]).write(to: URL(fileURLWithPath: dir + "/full/x"))
        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        #expect(refusal(OutputRequest(dir + "/out.json", .file, existing: .refuse))?.contains("--overwrite") == true)
        #expect(refusal(OutputRequest(dir + "/out.json", .file, existing: .replace)) == nil)
        #expect(refusal(OutputRequest(dir + "/full", .folder, existing: .refuse))?.contains("already exists") == true)
        #expect(refusal(OutputRequest(dir + "/full", .folder, existing: .addTo)) == nil)
        #expect(refusal(OutputRequest(dir + "/empty", .folder, existing: .refuse)) == nil)
        #expect(
            refusal(OutputRequest(dir + "/full", .file, existing: .replace, role: "report file"))
                == "report file \(dir)/full is a folder; give a file path")
        #expect(refusal(OutputRequest(dir + "/out.json", .folder, existing: .replace))?.contains("is a file") == true)
        #expect(
            refusal(OutputRequest(dir + "/out.json/x.json", .file, existing: .refuse))?
                .contains("\(dir)/out.json is a file, not a folder") == true)
    }

    @Test func placesWhereNothingCanBeCreatedAreRefusedAndMissingParentsAreMade() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: OutputError.self) {
            try OutputPolicy.prepare(OutputRequest("/proc/x", .folder, existing: .addTo))
        }
        try OutputPolicy.prepare(OutputRequest(dir + "/a/b/report.json", .file, existing: .refuse))
        #expect(PathIdentity.isDirectory(dir + "/a/b"))
        // The probe leaves nothing behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/a/b").isEmpty)
    }

    @Test func partialNamesCarryThePidAndParseBack() {
        let name = (PartialOutputs.temporaryPath(for: "/tmp/out.safetensors", n: 0xbeef) as NSString).lastPathComponent
        #expect(name == ".out.safetensors.partial-\(getpid())-beef")
        #expect(PartialOutputs.parse(name, name: "out.safetensors")?.pid == getpid())
        #expect(PartialOutputs.parse(name + ".old", name: "out.safetensors")?.old == true)
        #expect(PartialOutputs.parse(name, name: "other") == nil)
        #expect(PartialOutputs.parse(".out.partial-12", name: "out") == nil)
        #expect(PartialOutputs.parse(".out.partial-x-1", name: "out") == nil)
        #expect(PartialOutputs.parse(".out.partial-12-1G", name: "out") == nil)
    }

    @Test func stalePartialsOfDeadProcessesAreRemovedOthersKept() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadProcessID()
        let fm = FileManager.default
        let stale = dir + "/.q.partial-\(dead)-1a"
        try fm.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try Data(repeating: 0, count: 1000).write(to: URL(fileURLWithPath: stale + "/model.safetensors"))
        let live = dir + "/.q.partial-\(getpid())-2"
        try fm.createDirectory(atPath: live, withIntermediateDirectories: true)
        let otherOutput = dir + "/.other.partial-\(dead)-3"
        try fm.createDirectory(atPath: otherOutput, withIntermediateDirectories: true)
        let notices = try OutputPolicy.prepare(OutputRequest(dir + "/q", .folder, existing: .refuse))
        #expect(
            notices == [
                "removed an unfinished output of \(dir)/q "
                    + "left by an interrupted run (process \(dead), no longer running)"
            ])
        #expect(!fm.fileExists(atPath: stale))
        #expect(fm.fileExists(atPath: live) && fm.fileExists(atPath: otherOutput))
        #expect(try OutputPolicy.prepare(OutputRequest(dir + "/q", .folder, existing: .refuse)).isEmpty)
    }

    @Test func aMovedAsideOldOutputWhoseReplacementNeverCameIsPutBack() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadProcessID()
        let old = dir + "/.q.partial-\(dead)-5.old"
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
        try Data([4]).write(to: URL(fileURLWithPath: old + "/config.json"))
        try OutputPolicy.prepare(OutputRequest(dir + "/q", .folder, existing: .replace))
        #expect(FileManager.default.fileExists(atPath: dir + "/q/config.json"))
        #expect(!FileManager.default.fileExists(atPath: old))
    }

    @Test func theInterruptMessageIsOneLine() {
        #expect(
            InterruptCleanup.message(signal: "SIGINT", removed: ["out.safetensors"])
                == "interrupted (SIGINT): removed the unfinished out.safetensors")
        #expect(
            InterruptCleanup.message(signal: "SIGHUP", removed: [])
                == "interrupted (SIGHUP): nothing unfinished was left")
    }
}
