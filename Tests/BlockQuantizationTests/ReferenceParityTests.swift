// Bit-for-bit parity with the published 4/6 reference implementation on every fixture case:
// packed codes, scale bytes, amax, and the dequantized values (exact; IF4 within 1e-3
// relative because the reference's own IF4 dequantizer rounds through float16).

import BlockFormats
import Testing

@testable import BlockQuantization

/// The reference dequantizes IF4 through float16; ours stays in float32 (spec §4).
let if4DequantRelativeTolerance: Float = 1e-3

@Suite struct ReferenceParityTests {
    @Test(arguments: Fixtures.cases.map(\.case))
    func fixtureCase(_ name: String) throws {
        let c = Fixtures.cases.first { $0.case == name }!
        let input = Fixtures.floats(c.input)!
        let shape = Fixtures.shape(c.input)
        let q = try ReferenceQuantizer.quantize(input, rows: shape[0], cols: shape[1], config: c.config)
        #expect(q.rows == c.rows && q.cols == c.cols)
        #expect(q.codes == Fixtures.bytes("\(name).values"), "codes")
        #expect(q.scales == Fixtures.bytes("\(name).scales"), "scale bytes")
        #expect(q.amax == Fixtures.floats("\(name).amax")![0], "amax")
        if let expected = Fixtures.floats("\(name).dequant") {
            let got = ReferenceQuantizer.dequantize(q)
            #expect(got.count == expected.count)
            var mismatches = 0
            for (g, e) in zip(got, expected) {
                let ok =
                    c.format == "if4"
                    ? abs(g - e) <= if4DequantRelativeTolerance * max(abs(e), Float.leastNormalMagnitude)
                    : g.bitPattern == e.bitPattern || (g == 0 && e == 0)
                if !ok { mismatches += 1 }
            }
            #expect(mismatches == 0, "dequantized values differing: \(mismatches)")
        }
    }

    @Test func everyFixtureCaseIsCovered() {
        #expect(Fixtures.cases.count == 90)
        // `fixtureCase` compares dequantized values only where the fixture has them: all 90 do.
        #expect(Fixtures.cases.filter { Fixtures.floats("\($0.case).dequant") != nil }.count == 90)
    }
}
