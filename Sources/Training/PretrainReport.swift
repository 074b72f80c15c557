// The pre-training experiment's table (markdown + CSV) from the runs' summaries.
//
// Promises: one row per recipe with final train loss (mean of the last 5% of steps),
// validation loss (recipe's forward precision and all-BF16 forward), the gap of each to BF16,
// tokens/s and the share of step time spent casting operands; below it, the share of the
// NVFP4 → BF16 gap that 4/6 closes, (L_nvfp4 − L_4/6) / (L_nvfp4 − L_bf16), for train and
// validation loss — stated as measured, negative when 4/6 is worse; when NVFP4 did not end
// worse than BF16 the report says so instead of quoting a meaningless share.

import Foundation

public enum PretrainReport {
    static func f(_ x: Double, _ digits: Int = 4) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "—" }
    static func signed(_ x: Double) -> String { x.isFinite ? String(format: "%+.4f", x) : "—" }
    static func percent(_ x: Double) -> String { x.isFinite ? String(format: "%.1f%%", 100 * x) : "—" }

    /// (L_nvfp4 − L_4/6) / (L_nvfp4 − L_bf16); nil when a run is missing or NVFP4 is not worse than BF16.
    public static func gapClosed(bf16: Double?, nvfp4: Double?, fourOverSix: Double?) -> Double? {
        guard let b = bf16, let n = nvfp4, let s = fourOverSix, b.isFinite, n.isFinite, s.isFinite, n > b else {
            return nil
        }
        return (n - s) / (n - b)
    }

    public static func csv(_ runs: [RunSummary]) -> String {
        let bf16 = runs.first { $0.recipe == TrainingRecipe.bf16.rawValue }
        var lines = [
            "recipe,steps,tokens,parameters,initial_loss,train_loss,val_loss,train_gap_to_bf16,val_gap_to_bf16,"
                + "val_loss_bf16_forward,tokens_per_second,training_seconds,cast_share,four_share,diverged_at_step"
        ]
        for r in runs {
            let tg = bf16.map { r.trainLoss - $0.trainLoss } ?? .nan,
                vg = bf16.map { r.validationLoss - $0.validationLoss } ?? .nan
            lines.append(
                [
                    r.recipe, "\(r.steps)", "\(r.steps * r.tokensPerStep)", "\(r.parameterCount)", f(r.initialLoss, 6),
                    f(r.trainLoss, 6), f(r.validationLoss, 6), f(tg, 6), f(vg, 6), f(r.validationLossBF16Forward, 6),
                    f(r.tokensPerSecond, 1), f(r.trainingSeconds, 1),
                    f(r.castSeconds / max(r.trainingSeconds, 1e-9), 4),
                    f(r.fourShare, 4), r.divergedAtStep.map(String.init) ?? "",
                ].joined(separator: ","))
        }
        let b = runs.first { $0.recipe == "bf16" }, n = runs.first { $0.recipe == "nvfp4" }
        let s = runs.first { $0.recipe == "nvfp4-4over6" }
        let gt = gapClosed(bf16: b?.trainLoss, nvfp4: n?.trainLoss, fourOverSix: s?.trainLoss)
        let gv = gapClosed(bf16: b?.validationLoss, nvfp4: n?.validationLoss, fourOverSix: s?.validationLoss)
        lines.append(
            "# share of the nvfp4 gap closed by 4/6: train \(gt.map { f($0, 4) } ?? "—"), "
                + "validation \(gv.map { f($0, 4) } ?? "—")"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ runs: [RunSummary], command: String, corpus: String) -> String {
        guard let first = runs.first else { return "No runs.\n" }
        let o = first.options, m = o.model
        let bf16 = runs.first { $0.recipe == TrainingRecipe.bf16.rawValue }
        var out = "# Pre-training with BF16, NVFP4 and NVFP4 + 4/6\n\n"
        out += "Command:\n\n```\n\(command)\n```\n\n"
        out += "Model: Llama-style decoder, \(m.layerCount) layers, hidden \(m.hiddenSize), MLP \(m.intermediateSize), "
        out += "\(m.headCount) heads, vocabulary \(m.vocabularySize) (byte-level BPE trained on the corpus), "
        out +=
            "\(m.tieWordEmbeddings ? "tied" : "untied") head, "
            + "\(String(format: "%.2f", Double(first.parameterCount) / 1e6)) M parameters. "
        out += "Corpus: \(corpus). \(first.steps) steps × \(o.batchSize) sequences × \(o.sequenceLength) tokens = "
        out +=
            "\(String(format: "%.2f", Double(first.steps * first.tokensPerStep) / 1e6)) M tokens; "
            + "AdamW (β \(o.adamW.beta1)/\(o.adamW.beta2), "
        out +=
            "weight decay \(o.adamW.weightDecay)), peak LR \(o.learningRate), \(o.warmupSteps) warmup steps, cosine to "
        out +=
            "\(o.minimumLearningRateRatio)× peak, clip \(o.gradientClip); "
            + "seed \(o.seed) (same initialization and batches for all recipes). "
        out +=
            o.highPrecisionLastLayers == 0
            ? "NVFP4 recipes quantize every decoder block; the head stays in BF16."
            : "NVFP4 recipes keep the last \(o.highPrecisionLastLayers) block(s) and the head in BF16."
        if let q = o.quantizedGEMMs, q != .all {
            out +=
                " **Ablation:** only the \(q == .forward ? "forward GEMM" : "two backward GEMMs") "
                + "of each quantized layer takes NVFP4 operands."
        }
        out += "\n\n"
        out +=
            "| recipe | train loss | Δ train vs BF16 | val loss | Δ val vs BF16 | "
            + "val loss, BF16 forward | tokens/s | time casting operands | blocks scaled to 4 |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        for r in runs {
            let tg = bf16.map { r.trainLoss - $0.trainLoss } ?? .nan,
                vg = bf16.map { r.validationLoss - $0.validationLoss } ?? .nan
            var name = r.recipe
            if let g = r.options.gradientRule, r.recipe != "bf16" { name += " (gradients \(g.rawValue))" }
            if r.options.unbiasedGradientChoice == true, r.recipe != "bf16" {
                name += " (unbiased 4/6 choice on gradients)"
            }
            if let step = r.divergedAtStep { name += " (diverged at step \(step))" }
            out +=
                "| \(name) | \(f(r.trainLoss)) | \(r.recipe == "bf16" ? "—" : signed(tg)) | \(f(r.validationLoss)) | "
            out +=
                "\(r.recipe == "bf16" ? "—" : signed(vg)) | \(f(r.validationLossBF16Forward)) | "
                + "\(f(r.tokensPerSecond, 0)) | "
            out +=
                "\(percent(r.castSeconds / max(r.trainingSeconds, 1e-9))) | "
                + "\(TrainingRecipe(rawValue: r.recipe)?.usesFourOverSix == true ? percent(r.fourShare) : "—") |\n"
        }
        let b = runs.first { $0.recipe == "bf16" }, n = runs.first { $0.recipe == "nvfp4" }
        let s = runs.first { $0.recipe == "nvfp4-4over6" }
        if let b, let n, let s {
            let gapV = n.validationLoss - b.validationLoss, gapT = n.trainLoss - b.trainLoss
            if gapV > 0,
                let gv = gapClosed(bf16: b.validationLoss, nvfp4: n.validationLoss, fourOverSix: s.validationLoss)
            {
                out += "\nShare of the NVFP4 → BF16 validation-loss gap that 4/6 closes: **\(percent(gv))**"
                if gapT > 0, let gt = gapClosed(bf16: b.trainLoss, nvfp4: n.trainLoss, fourOverSix: s.trainLoss) {
                    out += " (\(percent(gt)) of the train-loss gap)"
                }
                out += "; 100% = as good as BF16, negative = worse than standard NVFP4.\n"
            } else {
                out +=
                    "\nNVFP4 did not end with a higher validation loss than BF16 "
                    + "in this run (Δ \(signed(gapV))), so there is "
                out +=
                    "no NVFP4 → BF16 gap for 4/6 to close; "
                    + "4/6 vs standard NVFP4: Δ val \(signed(s.validationLoss - n.validationLoss)), "
                out += "Δ train \(signed(s.trainLoss - n.trainLoss)).\n"
            }
        }
        if let b, let n {
            out +=
                "\nOverhead of simulated quantization: NVFP4 runs at \(percent(n.tokensPerSecond / b.tokensPerSecond)) "
                + "of BF16's tokens/s"
            if let s { out += ", NVFP4 + 4/6 at \(percent(s.tokensPerSecond / b.tokensPerSecond))" }
            out += " (quantize → dequantize of every GEMM operand on the CPU, then a float32 GEMM; "
            out +=
                "threads per run: "
                + "\(runs.map { $0.options.threads == 0 ? "all" : String($0.options.threads) }.joined(separator: "/"))"
                + ").\n"
        }
        out +=
            "\nTrain loss: mean over the last 5% of steps. "
            + "Validation loss: the held-out windows (see Corpus), computed "
        out +=
            "with the recipe's own forward precision; "
            + "the BF16-forward column evaluates the same weights with every GEMM in BF16.\n"
        return out
    }
}
