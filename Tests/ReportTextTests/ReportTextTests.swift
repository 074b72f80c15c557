// ReportText: the table layout, byte sizes both ways, and paths shown relative to a directory —
// exact strings, since command output is built from them.

import ReportText
import Testing

@Suite struct TextTableTests {
    @Test func firstColumnLeftOthersRightTwoSpacesApart() {
        let rows = [["q_proj", "64×64", "45.9%"], ["o", "8×8", "-"]]
        let text = renderTable(header: ["layer", "shape", "→4"], rows: rows)
        #expect(
            text == """
                layer   shape     →4
                ──────  ─────  ─────
                q_proj  64×64  45.9%
                o         8×8      -
                """)
    }

    @Test func aRuleBeforeTheLastRowWhenAsked() {
        let text = renderTable(header: ["a", "b"], rows: [["x", "1"], ["total", "12"]], separatorBeforeLast: true)
        #expect(text == "a       b\n─────  ──\nx       1\n─────  ──\ntotal  12")
    }

    @Test func noRowsGiveTheHeaderAndItsRule() {
        #expect(renderTable(header: ["name", "n"], rows: [], separatorBeforeLast: true) == "name  n\n────  ─")
    }
}

@Suite struct ByteSizeTests {
    @Test func decimalUnitsWithOneDecimalAboveAThousandBytes() {
        #expect(formatBytes(0) == "0 B")
        #expect(formatBytes(999) == "999 B")
        #expect(formatBytes(1000) == "1.0 KB")
        #expect(formatBytes(44_032) == "44.0 KB")
        #expect(formatBytes(1_049_600) == "1.0 MB")
        #expect(formatBytes(5_000_000_000) == "5.0 GB")
        #expect(formatBytes(1_500_000_000_000) == "1.5 TB")
        #expect(formatBytes(2_000_000_000_000_000) == "2000.0 TB")
    }

    @Test func sizesWithDecimalAndBinaryUnits() {
        #expect(parseByteSize("5GB") == 5_000_000_000)
        #expect(parseByteSize("500MB") == 500_000_000)
        #expect(parseByteSize("2KB") == 2000)
        #expect(parseByteSize("1.5GiB") == 1_610_612_736)
        #expect(parseByteSize("3MiB") == 3_145_728)
        #expect(parseByteSize(" 2 kib ") == 2048)
        #expect(parseByteSize("5gb") == 5_000_000_000)
        #expect(parseByteSize("5 B") == 5)
        #expect(parseByteSize("1.5KiB") == 1536)
        #expect(parseByteSize("123") == 123)
    }

    @Test func nothingButAPositiveSize() {
        for text in ["0", "0GB", "-5MB", "-1", "abc", "GB", "", "1.5", "5XB"] {
            #expect(parseByteSize(text) == nil, "\(text)")
        }
    }
}

@Suite struct DisplayPathTests {
    @Test func pathsInsideTheDirectoryStartWithDot() {
        #expect(displayPath("/work/repo/Models/m", currentDirectory: "/work/repo") == "./Models/m")
        #expect(displayPath("Models/m", currentDirectory: "/work/repo") == "./Models/m")
        #expect(displayPath("./out/../out2", currentDirectory: "/work/repo/") == "./out2")
        #expect(displayPath("../repo/x", currentDirectory: "/work/repo") == "./x")
    }

    @Test func otherPathsComeBackAsGiven() {
        #expect(displayPath("/tmp/out", currentDirectory: "/work/repo") == "/tmp/out")
        #expect(displayPath("/work/repository/x", currentDirectory: "/work/repo") == "/work/repository/x")
        #expect(displayPath("/work/repo", currentDirectory: "/work/repo") == "/work/repo")
        #expect(displayPath("../other/x", currentDirectory: "/work/repo") == "../other/x")
    }

    @Test func fixedDecimalsRoundHalfAwayAndPad() {
        #expect(fixedDecimal(0.1, 3) == "0.100")
        #expect(fixedDecimal(935.04, 1) == "935.0")
        #expect(fixedDecimal(935.05, 0) == "935")
        #expect(fixedDecimal(2.5, 0) == "3" && fixedDecimal(-2.5, 0) == "-3")
        #expect(fixedDecimal(-12.375, 2) == "-12.38")  // exactly representable: half away from zero
        #expect(fixedDecimal(0.07, 2) == "0.07")
        #expect(fixedDecimal(-0.0001, 3) == "-0.000")
        #expect(fixedDecimal(1234567.891, 3) == "1234567.891")
        #expect(fixedDecimal(.nan, 2) == "nan" && fixedDecimal(-.infinity, 1) == "-inf")
    }
}
