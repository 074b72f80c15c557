// What `bench quantize` prints: a `QuantizationBenchmark` result as text or as one JSON line.
//
// Promises: `text(_:)` is a line naming the configuration (format, rule, options, input type,
// shape, threads, repeats), the copy and write bandwidths and the fork/join cost, one line per
// operation (G elements/s, GB/s, bytes per element, the memory bound and the fraction of it
// reached, wall and CPU milliseconds) and, for an adaptive rule, the share of alternative
// blocks. `json(_:)` is one line of JSON with the same numbers, "seconds" and "cpu_seconds"
// written as milliseconds with an "e-3" exponent. Numbers have 3 decimals (1 for µs, ms and percentages); a non-finite
// number prints as 0. Neither ends with a newline.

import BlockQuantization
import ReportText

extension QuantizationBenchmark {
    /// The configuration options that are on, in the order `text` names them.
    private var options: [String] {
        var options = [String]()
        if config.transpose { options.append("transpose") }
        if config.rht { options.append("rht") }
        if config.blockScale2D { options.append("2-D blocks") }
        if config.rounding != .nearest { options.append("stochastic") }
        return options
    }

    /// `r` as `bench quantize` prints it.
    public func text(_ r: Result) -> String {
        let on = options.isEmpty ? "" : " + " + options.joined(separator: ", ")
        var lines = [
            "\(config.format.rawValue) \(config.rule.rawValue)\(on), \(inputType.rawValue) \(rows)×\(cols), "
                + "\(threads) thread\(threads == 1 ? "" : "s"), best of \(repeats)",
            "memory copy: \(fixed(r.bandwidths.copy / 1e9, 3)) GB/s (read + write), write: "
                + "\(fixed(r.bandwidths.write / 1e9, 3)) GB/s, read: \(fixed(r.bandwidths.read / 1e9, 3)) GB/s; "
                + "parallelFor fork/join: \(fixed(r.forkJoinSeconds * 1e6, 1)) µs",
        ]
        for op in r.operations {
            let (t, bytes, elements) = (op.seconds, op.bytes, op.elements)
            let bound = op.memoryBound(r.bandwidths)
            let name = op.name + String(repeating: " ", count: max(1, 16 - op.name.count))
            lines.append(
                name + "\(fixed(elements / t / 1e9, 3)) G elements/s  \(fixed(bytes / t / 1e9, 3)) GB/s  "
                    + "(\(fixed(bytes / elements, 3)) B/element; bound \(fixed(bound / 1e9, 3)) G elements/s, "
                    + "\(fixed(100 * elements / t / bound, 1))% of it)  \(fixed(t * 1e3, 1)) ms wall, "
                    + "\(fixed(op.cpuSeconds * 1e3, 1)) ms CPU")
        }
        if config.rule.isAdaptive { lines.append("alternative blocks: \(fixed(100 * r.alternativeBlockShare, 1))%") }
        return lines.joined(separator: "\n")
    }

    /// `r` as `bench quantize --json` prints it: one JSON object on one line.
    public func json(_ r: Result) -> String {
        var fields = [
            "\"rows\": \(rows)", "\"cols\": \(cols)", "\"format\": \"\(config.format.rawValue)\"",
            "\"rule\": \"\(config.rule.rawValue)\"", "\"dtype\": \"\(inputType.rawValue)\"", "\"threads\": \(threads)",
            "\"repeats\": \(repeats)", "\"rht\": \(config.rht)", "\"transpose\": \(config.transpose)",
            "\"block_2d\": \(config.blockScale2D)", "\"stochastic\": \(config.rounding != .nearest)",
            "\"copy_gb_per_s\": \(fixed(r.bandwidths.copy / 1e9, 3))",
            "\"write_gb_per_s\": \(fixed(r.bandwidths.write / 1e9, 3))",
            "\"read_gb_per_s\": \(fixed(r.bandwidths.read / 1e9, 3))",
            "\"parallel_for_overhead_us\": \(fixed(r.forkJoinSeconds * 1e6, 1))",
            "\"alternative_share\": \(fixed(r.alternativeBlockShare, 3))",
        ]
        for op in r.operations {
            let (t, bytes, elements) = (op.seconds, op.bytes, op.elements)
            let bound = op.memoryBound(r.bandwidths)
            fields.append(
                "\"\(op.name)\": {\"seconds\": \(fixed(t * 1e3, 3))e-3, "
                    + "\"g_elements_per_s\": \(fixed(elements / t / 1e9, 3)), "
                    + "\"gb_per_s\": \(fixed(bytes / t / 1e9, 3)), "
                    + "\"bytes_per_element\": \(fixed(bytes / elements, 3)), "
                    + "\"memory_bound_g_elements_per_s\": \(fixed(bound / 1e9, 3)), "
                    + "\"fraction_of_bound\": \(fixed(elements / t / bound, 3)), "
                    + "\"cpu_seconds\": \(fixed(op.cpuSeconds * 1e3, 3))e-3}")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

/// `x` with `digits` decimals ("0.100"); "0" when not finite (the JSON has no NaN).
private func fixed(_ x: Double, _ digits: Int) -> String { x.isFinite ? fixedDecimal(x, digits) : "0" }
