// Bit-for-bit comparison of floating-point results, with messages that say where they differ.
//
// Promises: two values are "the same" only when their bit patterns are equal (so −0 differs from
// +0 and NaN payloads count), unless a comparison says otherwise in its name.

public protocol BitComparable: BinaryFloatingPoint, CustomStringConvertible {
    associatedtype Bits: FixedWidthInteger
    var bitPattern: Bits { get }
}

extension Float: BitComparable {}
extension Double: BitComparable {}

/// The bit patterns of `values`.
public func bitPatterns<T: BitComparable>(_ values: [T]) -> [T.Bits] { values.map(\.bitPattern) }

/// Whether `a` and `b` have the same count and the same bits at every position.
public func sameBits<T: BitComparable>(_ a: [T], _ b: [T]) -> Bool { bitDifference(a, b) == nil }

/// nil when `got` and `want` are equal bit for bit; otherwise how many positions differ and the
/// first few, as "[i] got vs want (bits)".
public func bitDifference<T: BitComparable>(_ got: [T], _ want: [T], limit: Int = 4) -> String? {
    difference(got, want, limit: limit) { $0.bitPattern == $1.bitPattern }
}

/// Like `bitDifference`, but +0 and −0 count as equal (for formats whose codes cannot tell them
/// apart).
public func bitDifferenceIgnoringZeroSign<T: BitComparable>(_ got: [T], _ want: [T], limit: Int = 4) -> String? {
    difference(got, want, limit: limit) { $0.bitPattern == $1.bitPattern || ($0 == 0 && $1 == 0) }
}

private func difference<T: BitComparable>(_ got: [T], _ want: [T], limit: Int, same: (T, T) -> Bool) -> String? {
    guard got.count == want.count else { return "count \(got.count) vs \(want.count)" }
    var shown: [String] = []
    var total = 0
    for i in got.indices where !same(got[i], want[i]) {
        total += 1
        if shown.count < limit {
            let bits = "0x" + String(got[i].bitPattern, radix: 16) + " vs 0x" + String(want[i].bitPattern, radix: 16)
            shown.append("[\(i)] \(got[i]) vs \(want[i]) (\(bits))")
        }
    }
    return total == 0 ? nil : "\(total) of \(got.count) differ: " + shown.joined(separator: ", ")
}
