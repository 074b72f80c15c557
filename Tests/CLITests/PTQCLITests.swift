// `quantize --method`: a GPTQ checkpoint with the per-layer PTQ report (text and --json), the same
// weights from the model as a GGUF file, and bad input — a method that does not apply, a missing or
// too short calibration text — as one line on standard error with nothing written.

import Foundation
import TestSupport
import Testing

@Suite struct PTQCLITests {
    @Test func gptqWritesACheckpointAndItsReport() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI([
            "quantize", "-o", dir + "/g", "--method", "gptq", "--calibration-text", bundledText,
            "--calibration-windows", "2", "--calibration-context", "64", "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ptq = try #require(json["ptq"] as? [String: Any])
        #expect(ptq["method"] as? String == "gptq" && ptq["scheme"] as? String == "w4a16")
        #expect((ptq["layers"] as? [[String: Any]])?.count == 30)
        #expect((ptq["peak_rss_bytes"] as? Int ?? 0) > 0)
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/g/fouroversix.json")))
                as? [String: Any])
        #expect(record["method"] as? String == "gptq")
    }

    /// SmoothQuant with the α searched: every q/k/v and gate/up module reports an α of the grid,
    /// not all the default 0.5; o and down are not smoothed.
    @Test func smoothQuantSearchReportsTheAlphaItChose() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI([
            "quantize", "-o", dir + "/sq", "--method", "smoothquant", "--scheme", "w4a4", "--smoothquant-alpha",
            "search", "--calibration-text", bundledText, "--calibration-windows", "2", "--calibration-context", "64",
            "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let layers = try #require((json["ptq"] as? [String: Any])?["layers"] as? [[String: Any]])
        let smoothed = layers.filter {
            ($0["module"] as? String).map { !$0.hasSuffix("o_proj") && !$0.hasSuffix("down_proj") } ?? false
        }
        let alphas = smoothed.compactMap { $0["alpha"] as? Double }
        #expect(alphas.count == smoothed.count && alphas.count == 25)  // 5 layers × q, k, v, gate, up
        #expect(alphas.allSatisfy { a in (0...20).contains { Double($0) / 20 == a } })
        #expect(Set(alphas) != [0.5], "the search chose the default everywhere: \(alphas)")
        #expect(layers.filter { $0["alpha"] != nil }.count == 25)
    }

    /// RTN with an explicit `--scheme w4a4` calibrates layer by layer (a `ptq` report, like the
    /// `experiment ptq` row), and `eval` of the checkpoint without flags is W4A4 at the stored input
    /// scales with the checkpoint's rule — the same perplexity as asking for it explicitly.
    @Test func rtnW4A4IsCalibratedLayerByLayerAndEvaluatedAsWritten() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = try runCLI([
            "quantize", "-o", dir + "/a4", "--method", "rtn", "--scheme", "w4a4", "--rule", "static_6",
            "--calibration-text", bundledText, "--calibration-windows", "2", "--calibration-context", "64", "--json",
        ])
        #expect(q.status == 0, "\(q.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(q.stdout.utf8)) as? [String: Any])
        #expect((json["ptq"] as? [String: Any])?["scheme"] as? String == "w4a4")
        func eval(_ extra: [String]) throws -> [String: Any] {
            let r = try runCLI(["eval", dir + "/a4", "--text", bundledText, "--windows", "2", "--json"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        let asWritten = try eval([])
        let explicit = try eval(["--activations", "nvfp4", "--stored-input-scales", "--rule", "static_6"])
        #expect(asWritten["activations"] as? String == "nvfp4" && asWritten["activation_scale"] as? String == "stored")
        #expect(asWritten["rule"] as? String == "static_6")
        #expect(asWritten["perplexity"] as? Double == explicit["perplexity"] as? Double)
        let weightsOnly = try eval(["--activations", "none"])
        #expect(weightsOnly["activations"] as? String == "none")
        #expect(weightsOnly["perplexity"] as? Double != asWritten["perplexity"] as? Double)
    }

    /// `experiment ptq --methods` runs only the rows asked for, plus RTN (the reference); an unknown
    /// name is one line listing the known ones, before any work.
    @Test func experimentRunsTheMethodsAskedFor() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = [
            "experiment", "ptq", bundledModel, "--calibration-text", bundledText, "--calibration-windows", "2",
            "--calibration-context", "64", "--eval-text", bundledText, "--context", "64", "--windows", "2",
            "--out", dir + "/ptq",
        ]
        let r = try runCLI(common + ["--methods", "awq-clip"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: dir + "/ptq/ptq.csv", encoding: .utf8)
        let labels = csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(labels == ["unquantized", "\"RTN\"", "\"RTN\"", "\"AWQ + clip search\"", "\"AWQ + clip search\""])
        let bad = try runCLI(common + ["--methods", "awq-clipped", "--overwrite"])
        #expect(bad.status != 0)
        #expect(
            bad.stderr.contains("unknown method 'awq-clipped' (known: rtn, rtn-output, gptq-frozen"), "\(bad.stderr)")
    }

    /// `--schemes w4a16` computes only the W4A16 cells (SmoothQuant, W4A4 only, has no row); the
    /// W4A4 columns are empty and the chart has one series.
    @Test func experimentRunsTheSchemesAskedFor() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI([
            "experiment", "ptq", bundledModel, "--calibration-text", bundledText, "--calibration-windows", "2",
            "--calibration-context", "64", "--eval-text", bundledText, "--context", "64", "--windows", "2",
            "--out", dir + "/ptq", "--methods", "smoothquant", "--schemes", "w4a16",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let cells = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/ptq/ptq-cells.json")))
                as? [String: Any])
        #expect((cells["perplexity"] as? [String: Double])?.keys.sorted() == ["rtn|mse|w4a16", "rtn|static_6|w4a16"])
        let lines = try String(contentsOfFile: dir + "/ptq/ptq.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.dropFirst(2).allSatisfy { $0.hasSuffix(",,,") && $0.hasPrefix("\"RTN\"") })
        let svg = try String(contentsOfFile: dir + "/ptq/ptq.svg", encoding: .utf8)
        #expect(svg.contains("W4A16") && !svg.contains("W4A4"))
    }

    /// `experiment ptq` records each finished cell; `--resume` reuses them (same table, nothing
    /// recomputed), a run without `--resume` or with other settings is refused, one line, before work.
    @Test func experimentResumesFromItsFinishedCells() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = [
            "experiment", "ptq", bundledModel, "--calibration-text", bundledText, "--calibration-windows", "2",
            "--calibration-context", "64", "--eval-text", bundledText, "--context", "64", "--windows", "2",
            "--out", dir + "/ptq", "--methods", "rtn",
        ]
        let first = try runCLI(common)
        #expect(first.status == 0, "\(first.stderr)")
        let table = try String(contentsOfFile: dir + "/ptq/ptq.csv", encoding: .utf8)
        let cells = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/ptq/ptq-cells.json")))
                as? [String: Any])
        #expect(
            (cells["perplexity"] as? [String: Double])?.keys.sorted() == [
                "rtn|mse|w4a16", "rtn|mse|w4a4", "rtn|static_6|w4a16", "rtn|static_6|w4a4",
            ])
        let again = try runCLI(common)
        #expect(again.status == 1 && again.stderr.contains("--resume continues it"), "\(again.stderr)")
        let resumed = try runCLI(common + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.components(separatedBy: "(earlier run)").count == 5, "\(resumed.stderr)")
        #expect(try String(contentsOfFile: dir + "/ptq/ptq.csv", encoding: .utf8) == table)
        let other = try runCLI(common.map { $0 == "2" ? "3" : $0 } + ["--resume"])
        #expect(other.status == 1 && other.stderr.contains("computed with other settings"), "\(other.stderr)")
    }

    /// A GGUF model goes through the post-training methods like its Hugging Face folder: GPTQ of the
    /// bundled model as GGUF (Tests/EvaluationTests/Fixtures, the same weights) writes the same
    /// model.safetensors bytes as GPTQ of the folder.
    @Test func gptqOfAGGUFModelEqualsGPTQOfItsFolder() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gguf = repositoryRoot + "/Tests/EvaluationTests/Fixtures/stories260K.gguf"
        let common = [
            "--method", "gptq", "--calibration-text", bundledText, "--calibration-windows", "2",
            "--calibration-context", "64",
        ]
        let fromFolder = try runCLI(["quantize", "-o", dir + "/folder"] + common)
        let fromGGUF = try runCLI(["quantize", gguf, "-o", dir + "/gguf"] + common)
        #expect(fromFolder.status == 0 && fromGGUF.status == 0, "\(fromFolder.stderr)\(fromGGUF.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/folder/model.safetensors"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/gguf/model.safetensors"))
        #expect(a == b)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["folder", "gguf"])
    }

    @Test(arguments: [
        (["--method", "smoothquant", "--calibration-text", bundledText], "only applies to --scheme w4a4"),
        (["--method", "gptq"], "needs --calibration-text"),
        (["--gptq-act-order", "--method", "awq", "--calibration-text", bundledText], "applies to --method gptq"),
        (["--awq-clip", "--method", "gptq", "--calibration-text", bundledText], "applies to --method awq"),
        (
            [
                "--method", "smoothquant", "--scheme", "w4a4", "--smoothquant-alpha", "half", "--calibration-text",
                bundledText,
            ],
            "takes a number in [0, 1] or search"
        ),
        (["--selection", "output", "--rule", "static_6", "--calibration-text", bundledText], "use a 4/6 rule"),
        (["--linearize-experts", "--convention", "gguf"], "writes compressed-tensors or ModelOpt checkpoints"),
        // The bundled Llama has no fused 3-D experts: refused before anything is written.
        (["--linearize-experts"], "has no fused 3-D expert tensors"),
    ])
    func badInputIsOneLineAndWritesNothing(arguments: [String], message: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(["quantize", "-o", dir + "/out"] + arguments)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func aCalibrationTextShorterThanOneWindowIsOneLine() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("Once upon a time.".utf8).write(to: URL(fileURLWithPath: dir + "/short.txt"))
        let r = try runCLI([
            "quantize", "-o", dir + "/out", "--method", "awq", "--calibration-text", dir + "/short.txt",
        ])
        #expect(r.status != 0)
        #expect(r.stderr.contains("fewer than one window of --calibration-context 512"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
