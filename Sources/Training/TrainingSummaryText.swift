// What `train` prints when a run ends: the summary as a one-row table or as one JSON line.
//
// Promises: `text` is a table of the recipe, steps, initial/train/validation losses (and the
// validation loss with a BF16 forward) with 4 decimals, tokens per second and the share of the
// training time spent casting GEMM operands; `jsonLine` is {"recipe", "steps", "initial_loss",
// "train_loss", "val_loss", "tokens_per_second"} on one line, losses with 6 decimals, tokens
// per second with 1, and null for a non-finite number. Neither ends with a newline.

import Foundation
import ReportText

extension TrainingSummary {
    /// The one-row table `train` (and each run of `experiment pretrain`) prints.
    public var text: String {
        renderTable(
            header: [
                "recipe", "steps", "initial loss", "train loss", "val loss", "val (BF16 fwd)", "tokens/s",
                "casting",
            ],
            rows: [
                [
                    recipe.rawValue, "\(steps)", String(format: "%.4f", initialLoss),
                    String(format: "%.4f", trainLoss), String(format: "%.4f", validationLoss),
                    String(format: "%.4f", validationLossBF16), String(format: "%.0f", tokensPerSecond),
                    String(format: "%.0f%%", 100 * castSeconds / max(trainingSeconds, 1e-9)),
                ]
            ])
    }

    /// `train --json`'s last line.
    public var jsonLine: String {
        func number(_ x: Double, _ digits: Int) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "null" }
        return "{\"recipe\": \"\(recipe.rawValue)\", \"steps\": \(steps), \"initial_loss\": \(number(initialLoss, 6)), "
            + "\"train_loss\": \(number(trainLoss, 6)), \"val_loss\": \(number(validationLoss, 6)), "
            + "\"tokens_per_second\": \(number(tokensPerSecond, 1))}"
    }
}
