// Exhaustive codec tests: every E2M1, INT4, E4M3, UE8M0 code against decoders written
// differently, the worked examples of the doc comments, and round-trip properties.

import Foundation
import Testing

@testable import BlockFormats

@Suite struct E2M1Tests {
    @Test func allSixteenCodesDecode() {
        // Written differently: sign · 2^(e−1) · (1 + m/2) for e > 0, m/2 for e == 0.
        for code in 0..<16 {
            let s: Float = code & 8 != 0 ? -1 : 1
            let e = (code >> 1) & 3, m = Float(code & 1)
            let expected = e == 0 ? s * m / 2 : s * Float(1 << (e - 1)) * (1 + m / 2)
            let got = E2M1.value(ofCode: UInt8(code))
            #expect(got == expected && got.sign == expected.sign, "code \(code)")
        }
    }

    @Test func everyValueEncodesToItsCode() {
        for code in 0..<16 where code != 8 {
            #expect(E2M1.code(forScaled: E2M1.value(ofCode: UInt8(code))) == UInt8(code))
        }
    }

    @Test func documentedExamples() {
        let cases: [(Float, Float)] = [
            (0.25, 0), (0.75, 1), (1.25, 1), (2.5, 2), (3.5, 4), (5, 4),
            (5.01, 6), (7, 6), (100, 6), (1.75, 2), (0.7, 0.5),
        ]
        for (y, v) in cases {
            #expect(E2M1.value(ofCode: E2M1.code(forScaled: y)) == v, "\(y)")
            #expect(E2M1.value(ofCode: E2M1.code(forScaled: -y)) == -v, "\(-y)")
        }
        #expect(E2M1.code(forScaled: -0.1) == 8)
        #expect(E2M1.code(forScaled: -0.0) == 0)
        #expect(E2M1.code(forScaled: 0) == 0)
    }

    @Test func nearestMatchesBruteForceOnADenseGrid() {
        // Brute force: the nearest magnitude, ties to the even index (mantissa bit 0).
        for k in 0...8000 {
            let a = Float(k) / 1000
            var best = 0
            for i in 1..<8 {
                let di = abs(E2M1.magnitudes[i] - a), db = abs(E2M1.magnitudes[best] - a)
                if di < db || (di == db && i % 2 == 0) { best = i }
            }
            #expect(Int(E2M1.code(forScaled: a)) == best, "a = \(a)")
        }
    }

    @Test func stochasticRoundingIsUnbiasedAndStaysOnNeighbours() {
        for a in stride(from: Float(0.05), through: 5.95, by: 0.3) {
            var sum: Double = 0
            let n = 4096
            for j in 0..<n {
                let r = (Float(j) + 0.5) / Float(n) - 0.5  // a uniform grid over [−0.5, 0.5)
                let q = E2M1.value(ofCode: E2M1.stochasticCode(forScaled: a, noise: r))
                let lower = E2M1.magnitudes.last { $0 <= a }!, upper = E2M1.magnitudes.first { $0 >= a }!
                #expect(q == lower || q == upper, "a = \(a) → \(q)")
                sum += Double(q)
            }
            #expect(abs(sum / Double(n) - Double(a)) < 1e-3, "mean for a = \(a)")
        }
    }
}

@Suite struct INT4Tests {
    @Test func allSixteenNibbles() {
        for code in 0..<16 {
            let expected = code < 8 ? code : code - 16
            #expect(INT4.integer(ofCode: UInt8(code)) == expected)
            if expected != -8 { #expect(INT4.code(forScaled: Float(expected)) == UInt8(code)) }
        }
        #expect(INT4.value(ofCode: 0).sign == .plus)
    }

    @Test func documentedExamples() {
        #expect(INT4.code(forScaled: 2.5) == 2)
        #expect(INT4.code(forScaled: -3.5) == 0xC)
        #expect(INT4.code(forScaled: 9) == 7)
        #expect(INT4.code(forScaled: -100) == 9)  // −7
    }
}

@Suite struct E4M3Tests {
    @Test func allCodesDecodeAgainstFoundationLdexp() {
        for code in 0..<256 {
            let c = UInt8(code)
            let got = E4M3.value(ofCode: c)
            let e = Int(c >> 3) & 0xF, m = Double(c & 7), s: Double = c & 0x80 != 0 ? -1 : 1
            if e == 15 && m == 7 { #expect(got.isNaN); continue }
            let expected = e == 0 ? s * scalbn(m, -9) : s * scalbn(1 + m / 8, e - 7)
            #expect(Double(got) == expected, "code \(code)")
        }
        #expect(E4M3.value(ofCode: 0x7E) == 448)
    }

    @Test func everyFiniteValueRoundTrips() {
        for code in 0..<256 where code & 0x7F != 0x7F {
            let v = E4M3.value(ofCode: UInt8(code))
            let back = E4M3.code(for: v)
            #expect(back == UInt8(code) || (v == 0 && back & 0x7F == 0), "code \(code)")
        }
    }

    @Test func roundsToNearestEvenAgainstBruteForce() {
        let finite = (0..<127).map { E4M3.value(ofCode: UInt8($0)) }  // 0 … 448, increasing
        var x: Float = 0x1p-12
        while x < 448 {
            // Nearest finite value, ties to the even code.
            var best = 0
            for i in 1..<finite.count {
                let di = abs(finite[i] - x), db = abs(finite[best] - x)
                if di < db || (di == db && i % 2 == 0) { best = i }
            }
            #expect(Int(E4M3.code(for: x)) == best, "x = \(x)")
            x *= 1.0137
        }
        // Exact ties between neighbours go to the even code.
        for i in 0..<125 {
            let mid = (finite[i] + finite[i + 1]) / 2
            #expect(Int(E4M3.code(for: mid)) == (i % 2 == 0 ? i : i + 1), "tie at \(mid)")
        }
    }

    @Test func documentedExamples() {
        #expect(E4M3.code(for: 1) == 0x38)
        #expect(E4M3.code(for: 1.0625) == 0x38)
        #expect(E4M3.code(for: 1.1875) == 0x3A)
        #expect(E4M3.code(for: 0x1p-10) == 0)
        #expect(E4M3.code(for: 0.0029296875) == 0x02)
        #expect(E4M3.code(for: 500) == 0x7E)
        #expect(E4M3.code(for: .nan) == 0x7F)
        #expect(E4M3.code(for: -2) == 0xC0)
    }
}

@Suite struct UE8M0Tests {
    @Test func allCodes() {
        for code in 0..<255 {
            #expect(UE8M0.value(ofCode: UInt8(code)) == Float(sign: .plus, exponent: code - 127, significand: 1))
        }
        #expect(UE8M0.value(ofCode: 255).isNaN)
        #expect(UE8M0.roundingUp(1) == 127)
        #expect(UE8M0.roundingUp(1.5) == 128)
        #expect(UE8M0.roundingUp(0) == 0)
        #expect(UE8M0.roundingUp(0.75) == 127)
    }
}

@Suite struct HalfPrecisionTests {
    @Test func bf16AllBitPatternsRoundTrip() {
        for b in 0...0xFFFF {
            let bits = UInt16(b)
            let f = BFloat16.float(fromBits: bits)
            if f.isNaN { #expect(BFloat16.bits(from: f) & 0x7FC0 == 0x7FC0); continue }
            #expect(BFloat16.bits(from: f) == bits)
        }
        #expect(BFloat16.bits(from: 1.00390625) == 0x3F80)  // tie → even
        #expect(BFloat16.bits(from: 1.01171875) == 0x3F82)  // tie → even (up)
    }

    @Test func f16AllBitPatternsAgainstSwiftFloat16() {
        for b in 0...0xFFFF {
            let bits = UInt16(b)
            let mine = Float16Bits.float(fromBits: bits)
            let swift = Float(Float16(bitPattern: bits))
            #expect(mine.bitPattern == swift.bitPattern || (mine.isNaN && swift.isNaN), "bits \(b)")
            if !mine.isNaN { #expect(Float16Bits.bits(from: mine) == bits) }
        }
        // Narrowing agrees with Swift's conversion on awkward values.
        for x: Float in [65519, 65520, 1e-8, 3e-8, 5.96e-8, 0.1, 1 / 3, -2.5e-5, 6.1e-5] {
            #expect(Float16Bits.bits(from: x) == Float16(x).bitPattern, "\(x)")
        }
    }
}

@Suite struct PackingAndLayoutTests {
    @Test func nibbleOrder() {
        #expect(NibblePacking.pack([1, 2]) == [0x21])
        #expect(NibblePacking.unpack([0x21, 0xF0]) == [1, 2, 0, 15])
    }

    @Test func swizzleWorkedExamples() {
        #expect(ScaleLayout.swizzledIndex(row: 5, col: 2, paddedCols: 8) == 82)
        #expect(ScaleLayout.swizzledIndex(row: 5, col: 5, paddedCols: 8) == 593)
    }

    @Test func swizzleRoundTripsOnRaggedShapes() {
        for (rows, cols) in [(1, 1), (5, 3), (128, 8), (129, 5), (300, 17)] {
            let m = (0..<(rows * cols)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
            let s = ScaleLayout.swizzle(m, rows: rows, cols: cols)
            #expect(s.count == ScaleLayout.swizzledByteCount(rows: rows, cols: cols))
            #expect(ScaleLayout.unswizzle(s, rows: rows, cols: cols) == m)
            // The swizzle is a bijection onto its used positions.
            #expect(s.filter { $0 != 0 }.count == m.filter { $0 != 0 }.count)
        }
    }
}
