// ProgressDisplay: the progress line fits every width (never wraps), keeping the count first,
// then the bar, ETA, bytes and label.

import Testing

@testable import ProgressDisplay

@Suite struct ProgressLineTests {
    let label = "model.layers.11.self_attn.q_proj.weight"

    func line(_ columns: Int, done: Int = 7, total: Int = 112) -> String {
        ProgressLine.fit(
            done: done, total: total, unit: "tensors", bytes: "12.3 MB/541.2 MB", eta: "ETA 14s",
            label: label, columns: columns)
    }

    @Test(arguments: [1, 2, 10, 20, 40, 60, 80, 120, 200])
    func neverReachesTheLastColumn(_ columns: Int) {
        #expect(line(columns).count <= max(0, columns - 1), "\(columns): \(line(columns))")
    }

    @Test func wideTerminalsShowEverything() {
        #expect(
            line(200) == "█" + String(repeating: "░", count: 29) + " 7/112 tensors  ETA 14s  12.3 MB/541.2 MB  " + label
        )
        #expect(line(80) == "█" + String(repeating: "░", count: 29) + " 7/112 tensors  ETA 14s  12.3 MB/541.2 MB")
    }

    @Test func narrowTerminalsDropTheLabelThenBytesThenETAThenTheBar() {
        let at40 = line(40)
        #expect(at40.contains("7/112 tensors") && at40.contains("ETA 14s") && !at40.contains("MB"))
        #expect(at40 == "█" + String(repeating: "░", count: 15) + " 7/112 tensors  ETA 14s")
        #expect(line(20) == "7/112 tensors")
        #expect(line(10) == "7/112 ten")
        #expect(line(1) == "")
    }

    @Test func aLongLabelKeepsItsEnd() {
        let at100 = line(100)
        #expect(at100.count == 99)
        #expect(at100.hasSuffix("  …" + String(label.suffix(25))))
    }

    @Test func theBarIsFullAtTheEnd() {
        #expect(line(200, done: 112).hasPrefix(String(repeating: "█", count: 30) + " 112/112"))
    }

    @Test func clipAndErase() {
        #expect(ProgressLine.clip("abcdef", columns: 4) == "abc")
        #expect(ProgressLine.erase == "\r\u{1B}[K")
    }
}
