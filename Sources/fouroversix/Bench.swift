// `fouroversix bench`: the group command of the benchmarks (subcommands: `quantize`, `gemm`).
import ArgumentParser

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks", subcommands: [BenchQuantize.self, BenchGEMM.self])
}
