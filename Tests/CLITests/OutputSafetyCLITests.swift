// Outputs are safe (README "Safety"): no command writes over its input, into or around an
// input folder, or over an existing output without --overwrite; every output path is checked
// before any work; SIGINT/SIGTERM/SIGHUP remove the unfinished output and exit 128 + signal;
// partials of dead runs are removed on start.

import Foundation
import SafeTensors
import TestSupport
import Testing

@Suite(.serialized) struct OutputSafetyCLITests {
    func listing(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func quantizeTensorsNeverWritesOverItsInput() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in.safetensors"
        _ = try CLITests().writeInput(input)
        let before = contents(input)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.safetensors", withDestinationPath: input)
        #expect(link(input, dir + "/hard.safetensors") == 0)
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        for output in [input, dir + "/sub/../in.safetensors", dir + "/link.safetensors", dir + "/hard.safetensors"] {
            for extra in [[], ["--overwrite"]] {
                let r = try runCLI(["quantize-tensors", input, "-o", output] + extra)
                #expect(r.status == 1, "\(output) \(extra)")
                #expect(r.stderr.contains("output file \(output) is the input file \(input) itself"), "\(r.stderr)")
                #expect(contents(input) == before)
            }
        }
        #expect(listing(dir) == ["hard.safetensors", "in.safetensors", "link.safetensors", "sub"])
    }

    @Test func quantizeTensorsReplacesAnExistingOutputOnlyWithOverwrite() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try CLITests().writeInput(dir + "/in.safetensors")
        let output = dir + "/out.safetensors"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: output))
        let refused = try runCLI(["quantize-tensors", dir + "/in.safetensors", "-o", output])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("output file \(output) already exists; pass --overwrite to replace it"))
        #expect(contents(output) == Data("precious".utf8))
        let replaced = try runCLI(["quantize-tensors", dir + "/in.safetensors", "-o", output, "--overwrite"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try SafeTensorsFile(path: output).info("w.qdata") != nil)
    }

    @Test func checkpointOutputsMayNotBeContainOrLieInsideTheInputFolder() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/model"
        try FileManager.default.copyItem(atPath: bundledModel, toPath: model)
        let files = listing(model)
        let weights = contents(model + "/model.safetensors")
        let cases: [([String], String)] = [
            (["-o", model, "--overwrite"], "output folder \(model) is the input folder \(model) itself"),
            (["-o", model + "/q"], "output folder \(model)/q lies inside the input folder \(model)"),
            (["-o", dir, "--overwrite"], "output folder \(dir) contains the input folder \(model)"),
        ]
        for (arguments, message) in cases {
            let r = try runCLI(["quantize", model] + arguments)
            #expect(r.status == 1 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        #expect(listing(model) == files && contents(model + "/model.safetensors") == weights)
        #expect(try runCLI(["quantize", model, "-o", dir + "/q"]).status == 0)
        let quantized = contents(dir + "/q/model.safetensors")
        let d = try runCLI(["dequantize", dir + "/q", "-o", dir + "/q", "--overwrite"])
        #expect(d.status == 1 && d.stderr.contains("output folder \(dir)/q is the input folder \(dir)/q itself"))
        #expect(contents(dir + "/q/model.safetensors") == quantized)
        #expect(listing(dir) == ["model", "q"])
    }

    @Test func trainRefusesAnExistingRunWithoutResumeOrOverwrite() throws {
        let (dir, text) = try TrainCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/run", withIntermediateDirectories: true)
        try Data("step,kept\n".utf8).write(to: URL(fileURLWithPath: dir + "/run/loss.csv"))
        let r = try runCLI(["train", "--steps", "1", "--text", text, "--out", dir + "/run"] + TrainCLI.small)
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(
            r.stderr.contains("--out folder \(dir)/run already exists; pass --overwrite to replace it"), "\(r.stderr)")
        #expect(contents(dir + "/run/loss.csv") == Data("step,kept\n".utf8))
        let overwritten = try runCLI(
            ["train", "--steps", "1", "--text", text, "--out", dir + "/run", "--overwrite"]
                + TrainCLI.small)
        #expect(overwritten.status == 0, "\(overwritten.stderr)")
        #expect(contents(dir + "/run/loss.csv") != Data("step,kept\n".utf8))
    }

    @Test func evalCompareWritesAScratchFolderByDefaultAndNeverOverCommittedResults() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(["eval", "--compare", "--windows", "1", "--context", "32"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Saved runs/stories260K-compare/compare.md"))
        #expect(listing(dir) == ["runs"])
        #expect(listing(dir + "/runs/stories260K-compare") == ["compare.csv", "compare.md", "compare.svg"])
        try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
        try Data("committed".utf8).write(to: URL(fileURLWithPath: dir + "/mine/compare.md"))
        let refused = try runCLI(["eval", "--compare", "--windows", "1", "--context", "32", "--out", dir + "/mine"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("--out file \(dir)/mine/compare.md already exists; pass --overwrite"))
        #expect(contents(dir + "/mine/compare.md") == Data("committed".utf8))
    }

    @Test func everyOutputPathIsCheckedBeforeAnyWork() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/file.txt"))
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: true)
        let underFile = try runCLI(["quantize", "-o", dir + "/q", "--report", dir + "/file.txt/x.json"])
        #expect(underFile.status == 1 && underFile.stdout.isEmpty)
        #expect(
            underFile.stderr.contains("report file \(dir)/file.txt/x.json cannot be created: \(dir)/file.txt is a file")
        )
        let folder = try runCLI(["quantize", "-o", dir + "/q", "--report", dir + "/folder"])
        #expect(folder.status == 1 && folder.stderr.contains("report file \(dir)/folder is a folder; give a file path"))
        #expect(listing(dir) == ["file.txt", "folder"])
        let newFolder = try runCLI(["quantize", "-o", dir + "/q", "--report", dir + "/new/r.json"])
        #expect(newFolder.status == 0, "\(newFolder.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/new/r.json"))
        let start = Date()
        let proc = try runCLI(["eval", "--compare", "--out", "/proc/x"])
        #expect(proc.status == 1 && proc.stdout.isEmpty)
        #expect(
            proc.stderr.contains("cannot write --out folder /proc/x: nothing can be created in /proc"), "\(proc.stderr)"
        )
        #expect(Date().timeIntervalSince(start) < 5)
        // experiment ptq checks its --out before calibrating anything.
        let ptqStart = Date()
        let ptq = try runCLI([
            "experiment", "ptq", bundledModel, "--calibration-text", repositoryRoot + "/Data/austen.txt",
            "--eval-text", bundledText, "--out", "/proc/x",
        ])
        #expect(ptq.status == 1 && ptq.stdout.isEmpty)
        #expect(
            ptq.stderr.contains("cannot write --out folder /proc/x: nothing can be created in /proc"), "\(ptq.stderr)")
        #expect(Date().timeIntervalSince(ptqStart) < 5)
        for r in [underFile, folder, proc, ptq] { #expect(!r.stderr.contains(".partial"), "\(r.stderr)") }
    }

    /// A 96 MB input: long enough to be signalled while its output is being written.
    func writeLargeInput(_ path: String) throws {
        let values: [Float] = (0..<(256 * 2048)).map { Float(($0 * 7919) % 1999) / 1000 - 1 }
        let data = try bytes(of: values, as: .F32)
        try writeSafeTensors(
            path: path,
            tensors: (0..<48).map {
                (TensorSpec(name: "layer\($0).weight", dtype: .F32, shape: [256, 2048]), data)
            })
    }

    @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")])
    func aSignalRemovesTheUnfinishedOutputAndExits128PlusIt(_ signal: Int32, _ name: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeLargeInput(dir + "/in.safetensors")
        var sawPartial = false
        let r = try runCLI(["quantize-tensors", dir + "/in.safetensors", "-o", dir + "/out.safetensors"]) { process in
            let deadline = Date().addingTimeInterval(120)
            var earlier: Set<String> = []
            while Date() < deadline && process.isRunning {
                // The writer's partial: still there 10 ms later (the output check's probe is gone at once).
                let partials = Set(self.listing(dir).filter { $0.hasPrefix(".out.safetensors.partial-") })
                if !partials.intersection(earlier).isEmpty {
                    sawPartial = true
                    kill(process.processIdentifier, signal)
                    return
                }
                earlier = partials
                usleep(10_000)
            }
        }
        #expect(sawPartial)
        #expect(r.status == 128 + signal, "\(r.stderr)")
        #expect(
            r.stderr.contains("interrupted (\(name)): removed the unfinished \(dir)/out.safetensors\n"), "\(r.stderr)")
        #expect(listing(dir) == ["in.safetensors"])
    }

    @Test func partialsOfDeadRunsAreRemovedOnStartAndSaidInOneLine() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadProcessID()
        for n in ["7", "8"] {
            try FileManager.default.createDirectory(
                atPath: "\(dir)/.q.partial-\(dead)-\(n)", withIntermediateDirectories: true)
            try Data(repeating: 1, count: 4096).write(
                to: URL(fileURLWithPath: "\(dir)/.q.partial-\(dead)-\(n)/model.safetensors"))
        }
        let r = try runCLI(["quantize", "-o", dir + "/q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr
                == "removed 2 unfinished outputs of \(dir)/q "
                + "left by an interrupted run (process \(dead), no longer running)\n"
        )
        #expect(listing(dir) == ["q"])
        try Data(repeating: 1, count: 64).write(to: URL(fileURLWithPath: "\(dir)/.out.safetensors.partial-\(dead)-ab"))
        _ = try CLITests().writeInput(dir + "/in.safetensors")
        let t = try runCLI(["quantize-tensors", dir + "/in.safetensors", "-o", dir + "/out.safetensors"])
        #expect(
            t.status == 0 && t.stderr.contains("removed an unfinished output of \(dir)/out.safetensors"), "\(t.stderr)")
        #expect(listing(dir) == ["in.safetensors", "out.safetensors", "q"])
    }
}
