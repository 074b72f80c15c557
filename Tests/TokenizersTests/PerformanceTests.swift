// Throughput check, off by default (debug builds are slow): set TOKENIZERS_BENCH=1 and run
// `swift test -c release --filter PerformanceTests`. Encodes ~4 MB built from the fixture texts
// and expects each tokenizer family to finish within a few seconds.

import Foundation
import Testing
import Tokenizers

@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["TOKENIZERS_BENCH"] != nil,
        "set TOKENIZERS_BENCH=1 to run the tokenizer benchmarks"))
struct PerformanceTests {
    @Test(arguments: ["stories260K", "bytelevel", "llama3style"])
    func encodeFourMegabytes(_ name: String) {
        let tok = Fixtures.tokenizer(name)
        let base = Fixtures.text("tinystories-sample.txt") + Fixtures.text("austen-slice.txt")
        let text = String(repeating: base, count: 4_000_000 / base.utf8.count + 1)
        let start = Date()
        let ids = tok.encode(text)
        let encodeSeconds = Date().timeIntervalSince(start)
        let decoded = tok.decode(ids)
        let totalSeconds = Date().timeIntervalSince(start)
        print(
            "\(name): \(text.utf8.count) bytes -> \(ids.count) ids, "
                + "encode \(encodeSeconds)s, encode+decode \(totalSeconds)s"
        )
        #expect(decoded == text)
        #expect(encodeSeconds < 5)
    }
}
