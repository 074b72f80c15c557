// `eval`, `generate`, `dequantize` and `bench` through the built executable, with real values:
// the bundled model's perplexity and greedy text as README documents them, dequantized tensors
// equal to the library's dequantization, and the benchmarks' output shape on tiny sizes.

import BlockFormats
import BlockQuantization
import CheckpointQuantization
import Foundation
import SafeTensors
import TestSupport
import Testing

@Suite(.serialized) struct InferenceCLITests {
    /// README: `fouroversix eval --windows 40` → perplexity 4.5259 on 20440 tokens.
    @Test func evalPrintsTheDocumentedPerplexity() throws {
        let r = try runCLI(["eval", "--windows", "40"], in: repositoryRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(
            lines.first == "stories260K (F32) on ./Data/tinystories-sample.txt, context 512: 40 windows, 20440 tokens")
        #expect(
            lines.dropFirst().first
                == "BOS 1 \"<s>\" (auto: tokenizer_config.json LlamaTokenizer: add_bos_token true, add_eos_token false)"
        )
        #expect(lines.dropFirst(2).first == "weights none, activations none")
        #expect(lines.last?.hasPrefix("perplexity 4.5259  (NLL 1.5098 per token) in ") == true)
    }

    /// README: `eval --windows 40 --weights nvfp4 --rule mse --json` → 4.956027384871703.
    @Test func evalJSONWithNVFP4Weights() throws {
        let r = try runCLI(["eval", "--windows", "40", "--weights", "nvfp4", "--rule", "mse", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(o["perplexity"] as? Double == 4.956027384871703)
        #expect(o["tokens"] as? Int == 20440 && o["windows"] as? Int == 40)
        #expect(o["weights"] as? String == "nvfp4" && o["activations"] as? String == "none")
        #expect(o["rule"] as? String == "mse")
        #expect(o["activation_scale"] as? String == "dynamic")
        #expect(o["bos"] as? Int == 1 && (o["bos_rule"] as? String)?.contains("(auto: ") == true)
    }

    /// Issue 20: `--bos never` drops the BOS the tokenizer's rule adds; windows become chunks of
    /// `context` tokens whose first token is context only (511 counted per window of 512).
    @Test func evalBOSNeverCountsTheFirstTokenOfEachWindowAsContext() throws {
        let r = try runCLI(["eval", "--windows", "2", "--bos", "never", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(o["bos"] is NSNull && o["bos_rule"] as? String == "no BOS (never)")
        #expect(o["tokens"] as? Int == 2 * 511)
    }

    @Test func evalRejectsAnInvalidRuleAndAMissingModel() throws {
        let bad = try runCLI(["eval", "--weights", "mxfp4", "--rule", "mse"])
        #expect(bad.status != 0 && bad.stderr.contains("--weights mxfp4 has no rule mse"))
        let missing = try runCLI(["eval", "/nonexistent/model"])
        #expect(missing.status != 0 && missing.stderr.contains("/nonexistent/model"))
    }

    /// README: `generate --prompt "Zoo" --tokens 60`.
    @Test func generatePrintsTheDocumentedText() throws {
        let r = try runCLI(["generate", "--prompt", "Zoo", "--tokens", "60"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == "Zoo was a little girl named Lily. She loved to play outside in the park. One day, she "
                + "saw a big, "
                + "red ball. She wanted to play with it, but she didn't want to play with it.\n")
        let j = try runCLI(["generate", "--prompt", "Zoo", "--tokens", "5", "--json"])
        let o = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        #expect((o["generated_ids"] as? [Int])?.count == 5 && (o["prompt_ids"] as? [Int])?.first == 1)
        #expect(o["ids"] as? [Int] == (o["prompt_ids"] as! [Int]) + (o["generated_ids"] as! [Int]))
        #expect((o["text"] as? String)?.hasPrefix("Zoo was a") == true)
    }

    @Test func dequantizeEqualsTheLibrarysDequantization() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = try runCLI(["quantize", "-o", dir + "/q", "--convention", "modelopt"])
        #expect(q.status == 0, "\(q.stderr)")
        let checkpoint = try QuantizedCheckpoint.open(dir + "/q")
        let modules = checkpoint.modules
        #expect(modules.count == 30)
        for dtype in ["f32", "bf16"] {
            let d = try runCLI(["dequantize", dir + "/q", "-o", dir + "/d-" + dtype, "--dtype", dtype])
            #expect(d.status == 0, "\(d.stderr)")
            #expect(d.stdout == "\(dir)/d-\(dtype): dequantized to \(dtype)\n")
            let out = try SafeTensorsFile(path: dir + "/d-\(dtype)/model.safetensors")
            for m in modules {
                let expected = try checkpoint.dequantizedWeight(m).map { dtype == "f32" ? $0 : BFloat16.rounded($0) }
                #expect(out.info(m.module + ".weight")?.dtype == (dtype == "f32" ? .F32 : .BF16))
                let values = try out.floats(m.module + ".weight")
                #expect(values.map(\.bitPattern) == expected.map(\.bitPattern), "\(m.module)")
            }
            let hidden = Set(modules.flatMap(\.tensorNames))
            for t in checkpoint.checkpoint.tensors where !hidden.contains(t.name) {
                #expect(Array(try out.bytes(t.name)) == Array(try t.shard.bytes(t.name)), "\(t.name)")
            }
            #expect(out.tensors.count == checkpoint.checkpoint.tensors.count - hidden.count + modules.count)
            let config = try String(contentsOfFile: dir + "/d-\(dtype)/config.json", encoding: .utf8)
            #expect(!config.contains("quantization_config"))
        }
        let again = try runCLI(["dequantize", dir + "/q", "-o", dir + "/d-f32"])
        #expect(again.status != 0 && again.stderr.contains("already exists"))
    }

    @Test func benchQuantizePrintsItsTableOnATinyTensor() throws {
        let r = try runCLI(["bench", "quantize", "--rows", "16", "--cols", "64", "--repeats", "1", "--threads", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines.first == "nvfp4 mse, bf16 16×64, 1 thread, best of 1")
        #expect(lines.dropFirst().first?.hasPrefix("memory copy: ") == true)
        let names = ["quantize", "quantize_into", "amax", "dequantize_f32", "dequantize_bf16"]
        for (line, name) in zip(lines.dropFirst(2), names) {
            #expect(
                line.hasPrefix(name + " ") && line.contains(" G elements/s ") && line.hasSuffix(" ms CPU"),
                "\(line)")
        }
        #expect(lines.last?.hasPrefix("alternative blocks: ") == true)

        let j = try runCLI([
            "bench", "quantize", "--rows", "32", "--cols", "32", "--repeats", "1", "--threads", "1",
            "--format", "mxfp4", "--dtype", "f32", "--json",
        ])
        #expect(j.status == 0, "\(j.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        #expect(o["format"] as? String == "mxfp4" && o["rule"] as? String == "static_6" && o["rows"] as? Int == 32)
        let quantize = o["quantize"] as! [String: Any]
        // F32 input, 4 bytes per element + 0.5 for codes + 1/32 for scales.
        #expect(quantize["bytes_per_element"] as? Double == 4.531)
        #expect((quantize["seconds"] as? Double ?? 0) > 0)
        #expect((o["dequantize_bf16"] as? [String: Any])?["bytes_per_element"] as? Double == 2.531)
        for op in ["quantize_into", "amax", "dequantize_f32"] { #expect(o[op] is [String: Any], "\(op)") }
        #expect(try runCLI(["bench", "quantize", "--rows", "0"]).status != 0)
        let unbiased = try runCLI([
            "bench", "quantize", "--rows", "16", "--cols", "64", "--repeats", "1", "--threads", "1", "--rule", "mse",
            "--stochastic", "--unbiased", "--json",
        ])
        #expect(unbiased.status == 0, "\(unbiased.stderr)")
        let alone = try runCLI(["bench", "quantize", "--unbiased"])
        #expect(alone.status != 0 && alone.stderr.contains("--unbiased applies to --stochastic"), "\(alone.stderr)")
    }

    @Test func benchGEMMPrintsOneRowPerShape() throws {
        let r = try runCLI([
            "bench", "gemm", "--shapes", "8x8x16,4x12x8", "--seconds", "0.01", "--threads", "1",
            "--kernel", "portable",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "GEMM C[m,n] = A[m,k]·W[n,k]ᵀ, kernel portable, 1 thread(s)")
        #expect(lines[1].hasPrefix("m×n×k") && lines[1].hasSuffix("GFLOP/s packed per call"))
        #expect(lines[3].hasPrefix("8×8×16 ") && lines[4].hasPrefix("4×12×8 "))
        let j = try runCLI(["bench", "gemm", "--shapes", "8x8x16", "--seconds", "0.01", "--threads", "1", "--json"])
        let o = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        let results = o["results"] as! [[String: Any]]
        #expect(results.count == 1 && results[0]["k"] as? Int == 16)
        #expect((results[0]["gflops_prepacked"] as? Double ?? 0) > 0)
        #expect(o["clock"] as? String == "wall" && o["threads"] as? Int == 1)
        let bad = try runCLI(["bench", "gemm", "--shapes", "8x8"])
        #expect(bad.status != 0 && bad.stderr.contains("--shapes"))
    }

    /// `experiment pretrain --report-only` on the recorded runs rebuilds the recorded report.
    @Test func experimentReportOnlyRebuildsTheRecordedReport() throws {
        let recorded = repositoryRoot + "/results/pretrain/small"
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for item in ["bf16", "nvfp4", "nvfp4-4over6", "command.txt", "corpus.txt"] {
            try FileManager.default.copyItem(atPath: "\(recorded)/\(item)", toPath: "\(dir)/\(item)")
        }
        let r = try runCLI(["experiment", "pretrain", "--report-only", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try String(contentsOfFile: recorded + "/pretrain.md", encoding: .utf8)) + "\n")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: dir + "/loss-curves.svg"))
                == Data(contentsOf: URL(fileURLWithPath: recorded + "/loss-curves.svg")))
    }
}
