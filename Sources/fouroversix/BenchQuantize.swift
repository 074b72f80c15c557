import ArgumentParser
struct BenchQuantize: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quantize", abstract: "x")
    func run() {}
}
