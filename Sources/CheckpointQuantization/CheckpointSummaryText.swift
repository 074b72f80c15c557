// What `inspect` prints: a `CheckpointSummary` as text or JSON.
//
// Promises: `text` names the folder, its architectures, tensor and shard counts, size and dtypes;
// for a quantized checkpoint also the convention and quantization config, producer and rule, the
// quantized modules (one table row each, experts left to one line per MoE layer) and a warning
// naming fused groups whose tensor scales differ; for any other, "not quantized". `jsonData()` is
// every field with snake_case keys, pretty-printed and key-sorted. No trailing newline.

import Foundation
import ReportText

extension CheckpointSummary {
    /// The summary as `inspect` prints it.
    public var text: String {
        var lines = [
            directory, "  architectures: \(architectures.joined(separator: ", "))",
            "  \(tensors) tensors in \(shards) shard(s), \(formatBytes(bytes)); by dtype: "
                + tensorsByDType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", "),
        ]
        guard convention != "none" else {
            lines.append("  not quantized" + (quantMethod.map { " (quantization_config: \($0))" } ?? ""))
            return lines.joined(separator: "\n")
        }
        var line = "  NVFP4, convention \(convention)"
        if let m = quantMethod { line += ", quant_method \(m)" }
        if let a = quantAlgo { line += ", quant_algo \(a)" }
        if let f = format { line += ", format \(f)" }
        lines.append(line)
        lines.append("  producer: \(producer ?? "unknown"); 4/6 rule: \(rule ?? "not recorded")")
        lines.append(
            "  \(modules.count) quantized modules; ignored: "
                + (ignored.isEmpty ? "none" : ignored.joined(separator: ", ")))
        let header = ["module", "shape", "tensor scale (stored)", "amax", "fused group", "input scale"]
        let rows = modules.filter { m in !expertGroups.contains { m.module.hasPrefix($0.parent + ".") } }.map { m in
            [
                m.module, m.shape.map(String.init).joined(separator: "×"),
                m.storedTensorScale.map { String(format: "%.6g", $0) } ?? "none",
                m.amax.map { String(format: "%.6g", $0) } ?? "-", m.fusedGroup ?? "-", m.hasInputScale ? "yes" : "no",
            ]
        }
        lines.append(renderTable(header: header, rows: rows))
        for g in expertGroups {
            lines.append(
                "  \(g.parent): \(g.experts) experts, \(g.shapes.joined(separator: ", ")); "
                    + "\(g.fusedGroupsSharingOneScale)/\(g.fusedGroups) fused groups share one scale; "
                    + "input scales \(g.modulesWithInputScale)/\(g.modules)")
        }
        if !fusedGroupsWithDifferentScales.isEmpty {
            lines.append(
                "  warning: fused groups with different tensor scales: "
                    + fusedGroupsWithDifferentScales.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// `inspect --json`: every field, snake_case keys.
    public func jsonData() throws -> Data { try snakeCaseJSON(self) }
}
