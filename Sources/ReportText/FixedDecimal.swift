// FixedDecimal.swift — a number with a fixed count of decimals, without Foundation's formatter.
// Promises: `fixedDecimal(x, d)` rounds |x| · 10^d half away from zero and writes the digits with
// exactly `d` decimals ("0.100", "-12.5", "935"), a minus sign when x < 0 (also "-0.000" for a
// small negative x); non-finite values as Swift prints them ("nan", "inf"). Exact for
// |x| · 10^d below 2^53.

/// `value` with `decimals` digits after the point.
public func fixedDecimal(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let n = (abs(value) * scale).rounded()
    let whole = Int(n / scale)
    var s = (value < 0 ? "-" : "") + String(whole)
    if decimals > 0 {
        let f = String(Int(n - Double(whole) * scale))
        s += "." + String(repeating: "0", count: decimals - f.count) + f
    }
    return s
}
