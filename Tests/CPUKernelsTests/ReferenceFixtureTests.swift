// The fast quantizer — every instruction set this machine has — against the published reference's
// own outputs (Tests/BlockQuantizationTests/Fixtures: the shared fixtures and the extended ones,
// which include near-tie blocks whose 4/6 choice only the order of the error sum decides, in 1-D
// blocks and 16×16 tiles): codes, scale bytes and amax, bit for bit. (The scalar reference is
// held to the same files by BlockQuantizationTests; this pins each fast path to them directly.)

import BlockFormats
import BlockQuantization
import Foundation
import SafeTensors
import TestSupport
import Testing

@testable import CPUKernels

@Suite struct ReferenceFixtureTests {
    struct Case: Decodable {
        let `case`: String
        let input: String
        let format: String
        let scale_rule: String
        let rht: Bool
        let transpose: Bool
        let block_scale_2d: Bool
    }

    static let folder = repositoryRoot + "/Tests/BlockQuantizationTests/Fixtures"

    @Test(arguments: ["reference-vectors", "extended-vectors"])
    func fastPathsEqualTheReferenceOutputs(_ set: String) throws {
        let cases = try JSONDecoder().decode(
            [Case].self, from: Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(set).json")))
        let file = try SafeTensorsFile(path: "\(Self.folder)/\(set).safetensors")
        #expect(cases.count >= 90)
        var compared = 0
        for c in cases {
            let info = try #require(file.info(c.input))
            guard info.shape.count == 2, let format = BlockFormat(rawValue: c.format),
                let rule = ScaleRule(rawValue: c.scale_rule)
            else { continue }
            let (rows, cols) = (info.shape[0], info.shape[1])
            let config = QuantizationConfig(
                format: format, rule: rule, transpose: c.transpose, rht: c.rht, blockScale2D: c.block_scale_2d)
            let expectedCodes = Array(try file.bytes("\(c.case).values"))
            let expectedScales = Array(try file.bytes("\(c.case).scales"))
            try file.withElements(c.input) { x in
                for isa in availableISAs {
                    let q = try CPUQuantizer.quantize(
                        x, rows: rows, cols: cols, config: config, amax: nil, threads: 2, minimumPerThread: 1,
                        isa: isa)
                    for (name, got, expected) in [
                        ("code", q.codes, expectedCodes), ("scale", q.scales, expectedScales),
                    ]
                    where got != expected {
                        let at =
                            (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] }
                            ?? min(got.count, expected.count)
                        Issue.record("\(c.case) \(isa): \(name) bytes differ first at byte \(at) of \(expected.count)")
                    }
                }
            }
            compared += 1
        }
        #expect(compared == cases.count, "\(compared) of \(cases.count) cases compared")
    }
}
