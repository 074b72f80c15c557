// fouroversix: the command-line tool. The only place that wires the modules together.
//
// Promises: every subcommand prints one clear line on bad input (naming the file and
// tensor) and exits non-zero; outputs are written to temporary names and renamed, so a
// failed run never leaves a half-written file or folder.

import ArgumentParser
import CheckpointQuantization

@main
struct FourOverSix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fouroversix",
        abstract: "NVFP4 quantization with Four Over Six (4/6) adaptive block scaling.",
        discussion: """
            Four Over Six quantizes every 16-value block twice — block maximum mapped to 6 and to 4 — \
            and keeps the candidate with the smaller error. The result is an ordinary NVFP4 tensor.
            """,
        version: CheckpointQuantizer.producer["version"] ?? "unknown",
        subcommands: [
            QuantizeCommand.self, EvalCommand.self, GenerateCommand.self, TrainCommand.self, ExperimentCommand.self,
            DequantizeCommand.self, InspectCommand.self, QuantizeTensorsCommand.self, ErrorCommand.self, Bench.self,
        ]
    )
}
