// The `train` and `experiment pretrain` commands end to end, through the built executable:
// the --json line, the output folder, bad input, and the experiment's report files.

import Foundation
import TestSupport
import Testing

enum TrainCLI {
    /// A 30 kB slice of the bundled corpus in a fresh folder.
    static func workspace() throws -> (dir: String, text: String) {
        let dir = temporaryDirectory()
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Data/austen.txt"))
        try data.prefix(30_000).write(to: URL(fileURLWithPath: dir + "/text.txt"))
        return (dir, dir + "/text.txt")
    }

    static let small = [
        "--config", "tiny", "--batch", "2", "--sequence-length", "32", "--vocab", "300",
        "--eval-every", "0", "--final-eval-windows", "4", "--threads", "2",
    ]
}

@Suite(.serialized)
struct TrainCLITests {
    @Test func trainPrintsJSONAndWritesACheckpoint() throws {
        let (dir, text) = try TrainCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(
            [
                "train", "--recipe", "nvfp4-4over6", "--steps", "3", "--text", text, "--json",
                "--out", dir + "/run",
            ] + TrainCLI.small)
        #expect(r.status == 0, "\(r.stderr)")
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        #expect(object?["recipe"] as? String == "nvfp4-4over6")
        #expect(object?["steps"] as? Int == 3)
        for key in ["initial_loss", "train_loss", "val_loss", "tokens_per_second"] {
            #expect(object?[key] is Double, "\(key)")
        }
        for file in [
            "config.json", "model.safetensors", "tokenizer.json", "training/optimizer.safetensors",
            "training/trainer_state.json", "loss.csv", "summary.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/run/\(file)"), "\(file)")
        }
        // The only safetensors file at the top level is the model.
        let top = try FileManager.default.contentsOfDirectory(atPath: dir + "/run").filter {
            $0.hasSuffix(".safetensors")
        }
        #expect(top == ["model.safetensors"])
        let csv = try String(contentsOfFile: dir + "/run/loss.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 4 && csv[0].hasPrefix("step,tokens,learning_rate,train_loss,val_loss"))
        // Resume to 4 steps: the log keeps its lines and gains one.
        let resumed = try runCLI(
            [
                "train", "--recipe", "nvfp4-4over6", "--steps", "4", "--text", text, "--json",
                "--resume", dir + "/run",
            ] + TrainCLI.small)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try String(contentsOfFile: dir + "/run/loss.csv", encoding: .utf8).split(separator: "\n").count == 5)
    }

    /// `--gradient-rule mse-unbiased` reaches the run's options; `-unbiased` needs an adaptive
    /// rule; `--seeds` must be positive; `experiment pretrain --seeds 2` writes the seed folders.
    @Test func unbiasedGradientRuleAndSeeds() throws {
        let (dir, text) = try TrainCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(
            [
                "train", "--recipe", "nvfp4-4over6", "--steps", "1", "--text", text, "--json",
                "--gradient-rule", "mse-unbiased", "--out", dir + "/run",
            ] + TrainCLI.small)
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: dir + "/run/summary.json")))
        let options = (summary as? [String: Any])?["options"] as? [String: Any]
        #expect(options?["gradientRule"] as? String == "mse" && options?["unbiasedGradientChoice"] as? Bool == true)
        let bad = try runCLI(["train", "--gradient-rule", "static_6-unbiased", "--steps", "1"])
        #expect(bad.status != 0 && bad.stderr.contains("gradient-rule"))
        let noSeeds = try runCLI(["experiment", "pretrain", "--seeds", "0", "--out", dir + "/none"])
        #expect(noSeeds.status != 0 && noSeeds.stderr.contains("--seeds"))
        let exp = try runCLI(
            [
                "experiment", "pretrain", "--steps", "1", "--text", text, "--seeds", "2", "--seed", "5",
                "--recipes", "bf16", "nvfp4", "--out", dir + "/exp",
            ] + TrainCLI.small)
        #expect(exp.status == 0, "\(exp.stderr)")
        #expect(exp.stdout.contains("# Pre-training over 2 seeds: bf16, nvfp4"))
        for path in ["seed-5/bf16", "seed-5/nvfp4", "seed-6/bf16", "seed-6/nvfp4"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/exp/\(path)/summary.json"), "\(path)")
        }
        let again = try runCLI([
            "experiment", "pretrain", "--report-only", "--recipes", "bf16", "nvfp4", "--out", dir + "/exp",
        ])
        let markdown = try String(contentsOfFile: dir + "/exp/pretrain.md", encoding: .utf8)
        #expect(exp.stdout.hasSuffix(markdown + "\n"))
        #expect(again.status == 0 && again.stdout == markdown + "\n", "\(again.stderr)")
    }

    @Test func badInputFailsWithAMessage() throws {
        let unknownRecipe = try runCLI(["train", "--recipe", "fp8"])
        #expect(unknownRecipe.status != 0 && unknownRecipe.stderr.contains("recipe"))
        let unknownConfig = try runCLI(["train", "--config", "huge"])
        #expect(unknownConfig.status != 0 && unknownConfig.stderr.contains("huge"))
        let missingText = try runCLI(["train", "--text", "/nonexistent/corpus.txt", "--steps", "1"])
        #expect(missingText.status != 0 && missingText.stderr.contains("/nonexistent/corpus.txt"))
        let help = try runCLI(["train", "--help"])
        #expect(help.status == 0 && help.stdout.contains("nvfp4-4over6"))
    }

    @Test func experimentWritesTablePlotAndCommand() throws {
        let (dir, text) = try TrainCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runCLI(
            ["experiment", "pretrain", "--steps", "2", "--text", text, "--out", dir + "/exp"] + TrainCLI.small)
        #expect(r.status == 0, "\(r.stderr)")
        for file in [
            "pretrain.md", "pretrain.csv", "loss-curves.svg", "command.txt", "bf16/summary.json",
            "nvfp4/loss.csv", "nvfp4-4over6/model.safetensors",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/exp/\(file)"), "\(file)")
        }
        let md = try String(contentsOfFile: dir + "/exp/pretrain.md", encoding: .utf8)
        #expect(md.contains("| nvfp4-4over6 |") && md.contains("experiment pretrain"))
        let svg = try String(contentsOfFile: dir + "/exp/loss-curves.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline"))
        // A second call skips the finished recipes and only rebuilds the report.
        let again = try runCLI(
            ["experiment", "pretrain", "--steps", "2", "--text", text, "--out", dir + "/exp"] + TrainCLI.small)
        #expect(again.status == 0 && again.stderr.contains("skipped"))
    }

    @Test func parallelRecipesLogTheSameLossesAsSequentialOnes() throws {
        let (dir, text) = try TrainCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sequential = try runCLI(
            ["experiment", "pretrain", "--steps", "3", "--text", text, "--out", dir + "/seq"] + TrainCLI.small)
        #expect(sequential.status == 0, "\(sequential.stderr)")
        let parallel = try runCLI(
            ["experiment", "pretrain", "--steps", "3", "--text", text, "--out", dir + "/par", "--parallel"]
                + TrainCLI.small)
        #expect(parallel.status == 0, "\(parallel.stderr)")
        // Columns step … grad_norm are the run's numbers; tokens/s and elapsed seconds are timings.
        func numbers(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
            }
        }
        for recipe in ["bf16", "nvfp4", "nvfp4-4over6"] {
            let a = try numbers("\(dir)/seq/\(recipe)/loss.csv"), b = try numbers("\(dir)/par/\(recipe)/loss.csv")
            #expect(a.count == 4 && a == b, "\(recipe)")
        }
        #expect(try String(contentsOfFile: dir + "/par/command.txt", encoding: .utf8).contains("--parallel"))
    }
}
