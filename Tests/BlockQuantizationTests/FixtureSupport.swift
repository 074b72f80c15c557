// Loads the published reference's outputs (copied from shared/fixtures into this test
// target's resources) and the inputs they were computed from. Two fixture sets share one
// layout: `reference-vectors` (the shared fixtures) and `extended-vectors` (made by
// tools/reference-fixtures/make_extended_fixtures.py: heavy tails, outliers, ragged and
// tiny inputs, subnormal block scales, zero/constant blocks, near-tie selections).

import BlockFormats
import BlockQuantization
import Foundation
import SafeTensors
import TestSupport

struct ReferenceCase: Decodable {
    let `case`: String
    let input: String
    let format: String
    let scale_rule: String
    let rht: Bool
    let transpose: Bool
    let block_scale_2d: Bool
    let rows: Int
    let cols: Int

    var config: QuantizationConfig {
        QuantizationConfig(
            format: BlockFormat(rawValue: format)!, rule: ScaleRule(rawValue: scale_rule)!,
            transpose: transpose, rht: rht, blockScale2D: block_scale_2d)
    }
}

/// One fixture set: `NAME.json` (the cases) and `NAME.safetensors` (inputs and outputs).
struct FixtureSet {
    let cases: [ReferenceCase]
    let file: SafeTensorsFile

    init(_ name: String) {
        cases = Fixtures.folder.decode([ReferenceCase].self, from: "\(name).json")
        file = try! SafeTensorsFile(path: Fixtures.folder.path("\(name).safetensors"))
    }

    func bytes(_ name: String) -> [UInt8]? {
        guard file.info(name) != nil else { return nil }
        return Array(try! file.bytes(name))
    }

    func floats(_ name: String) -> [Float]? {
        guard let info = file.info(name) else { return nil }
        let raw = try! file.bytes(name)
        switch info.dtype {
        case .F32:
            return (0..<info.elementCount).map { raw.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self) }
        case .BF16:
            return (0..<info.elementCount).map {
                BFloat16.float(fromBits: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))
            }
        default:
            fatalError("fixture \(name) has dtype \(info.dtype)")
        }
    }

    func shape(_ name: String) -> [Int] { file.info(name)!.shape }
}

enum Fixtures {
    static let folder = FixtureFolder(bundle: .module)

    /// The shared fixtures (reference-vectors.*).
    static let reference = FixtureSet("reference-vectors")
    /// The extended fixtures (extended-vectors.*).
    static let extended = FixtureSet("extended-vectors")

    static var cases: [ReferenceCase] { reference.cases }
    static func bytes(_ name: String) -> [UInt8]? { reference.bytes(name) }
    static func floats(_ name: String) -> [Float]? { reference.floats(name) }
    static func shape(_ name: String) -> [Int] { reference.shape(name) }
}
