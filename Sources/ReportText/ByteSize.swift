// ByteSize.swift — byte counts as people write them, both ways.
// Promises: `formatBytes` uses decimal units (1 KB = 1000 B) up to TB: below 1000 the exact count
// ("512 B"), else one decimal ("44.0 KB", "1.0 MB"). `parseByteSize` reads a positive number with
// an optional unit, case-insensitive and with optional spaces ("5GB", "500 mb", "1.5GiB", "123"):
// KB/MB/GB are decimal, KiB/MiB/GiB binary, B bytes, truncated to whole bytes; without a
// unit, a whole number of bytes. Zero, negative or unreadable sizes give nil.

import Foundation

/// `n` bytes as "512 B", "44.0 KB", "1.0 MB", … (decimal units).
public func formatBytes(_ n: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(n), unit = 0
    while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
    return unit == 0 ? "\(n) B" : String(format: "%.1f %@", value, units[unit])
}

/// "5GB", "500MB", "1.5GiB", "123" (bytes) → bytes; nil unless a positive size.
public func parseByteSize(_ text: String) -> Int? {
    let units: [(String, Double)] = [
        ("GiB", 1_073_741_824), ("MiB", 1_048_576), ("KiB", 1024),
        ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1),
    ]
    let t = text.trimmingCharacters(in: .whitespaces)
    for (suffix, factor) in units where t.uppercased().hasSuffix(suffix.uppercased()) {
        guard let v = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), v > 0 else { return nil }
        return Int(v * factor)
    }
    guard let v = Int(t), v > 0 else { return nil }
    return v
}
