// Loads the published reference's outputs (copied from shared/fixtures into this test
// target's resources) and the inputs they were computed from.

import Foundation
import BlockFormats
import BlockQuantization
import SafeTensors

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
        QuantizationConfig(format: BlockFormat(rawValue: format)!, rule: ScaleRule(rawValue: scale_rule)!,
                           transpose: transpose, rht: rht, blockScale2D: block_scale_2d)
    }
}

enum Fixtures {
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static let cases: [ReferenceCase] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("reference-vectors.json"))
        return try! JSONDecoder().decode([ReferenceCase].self, from: data)
    }()

    static let file: SafeTensorsFile = try! SafeTensorsFile(
        path: directory.appendingPathComponent("reference-vectors.safetensors").path)

    static func bytes(_ name: String) -> [UInt8]? {
        guard file.info(name) != nil else { return nil }
        return Array(try! file.bytes(name))
    }

    static func floats(_ name: String) -> [Float]? {
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

    static func shape(_ name: String) -> [Int] { file.info(name)!.shape }
}
