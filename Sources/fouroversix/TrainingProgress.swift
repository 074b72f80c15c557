// Progress output of training commands.
//
// Promises: on a terminal, one status line on standard error rewritten after every step
// (step, loss, last validation loss, tokens/s, elapsed, ETA), cut to the terminal's width;
// elsewhere a plain line every
// `every` steps and at the end, also on standard error, so --json stdout stays clean.
// `plain` forces the plain lines (recipes trained in parallel share the terminal); each line
// is written with one write call.

import Foundation
import ProgressDisplay
import Training

final class TrainingProgressPrinter {
    private let label: String
    private let tty: Bool
    private let every: Int

    init(label: String, every: Int, plain: Bool = false) {
        self.label = label
        self.every = max(1, every)
        self.tty = !plain && isatty(STDERR_FILENO) != 0
    }

    static func duration(_ s: Double) -> String {
        guard s.isFinite, s >= 0 else { return "?" }
        let t = Int(s.rounded())
        return t >= 3600
            ? String(format: "%dh%02dm", t / 3600, t / 60 % 60) : String(format: "%dm%02ds", t / 60, t % 60)
    }

    func update(_ p: TrainingProgress) {
        var line = "\(label) step \(p.step)/\(p.steps)  loss \(String(format: "%.4f", p.loss))"
        if let v = p.validationLoss { line += "  val \(String(format: "%.4f", v))" }
        line += "  \(String(format: "%.0f", p.tokensPerSecond)) tok/s  elapsed \(Self.duration(p.elapsedSeconds))"
        line += "  ETA \(Self.duration(p.etaSeconds))"
        if tty {
            let fitted = ProgressLine.clip(line, columns: TerminalWidth.columns)
            FileHandle.standardError.write(Data((ProgressLine.erase + fitted).utf8))
            if p.step == p.steps { FileHandle.standardError.write(Data("\n".utf8)) }
        } else if p.step % every == 0 || p.step == p.steps {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
