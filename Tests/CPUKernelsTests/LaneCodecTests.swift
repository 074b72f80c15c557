// The lanewise codecs of CPUKernels against their scalar twins in BlockFormats, on exhaustive
// or dense input sets (every tie of every segment included).

import BlockFormats
import BlockQuantization
import TestSupport
import Testing

@testable import CPUKernels

/// Runs a lanewise function over `values` four at a time.
func lanes<T>(_ values: [Float], _ f: (F4) -> T, _ lane: (T, Int) -> Int32) -> [Int32] {
    var out: [Int32] = []
    var padded = values
    while padded.count % 4 != 0 { padded.append(0) }
    for i in stride(from: 0, to: padded.count, by: 4) {
        let r = f(F4(padded[i], padded[i + 1], padded[i + 2], padded[i + 3]))
        for j in 0..<4 { out.append(lane(r, j)) }
    }
    return Array(out.prefix(values.count))
}

/// Dense test magnitudes: every multiple of 1/128 up to 10, every E4M3 value and midpoint
/// with its float neighbours, powers of two over the whole range, and a seeded sweep.
let denseMagnitudes: [Float] = {
    var v: [Float] = (0...1280).map { Float($0) / 128 }
    for code in 0..<126 {
        let a = E4M3.value(ofCode: UInt8(code)), b = E4M3.value(ofCode: UInt8(code + 1))
        let mid = (a + b) / 2
        v += [a, mid, mid.nextUp, mid.nextDown, a.nextUp]
    }
    var p: Float = 0x1p-149
    while p.isFinite { v += [p, p * 1.5, p.nextUp]; p *= 2 }
    var g = SplitMix64(seed: 7)
    for _ in 0..<4000 { v.append(Float(bitPattern: UInt32(truncatingIfNeeded: g.next()) & 0x7F7F_FFFF)) }
    for _ in 0..<4000 { v.append(g.uniform() * 12) }
    v += [.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0x1p-10, 464, 448, 480]
    return v
}()

@Suite struct LaneCodecTests {
    @Test func e2m1NearestMatchesScalar() {
        let values = denseMagnitudes + denseMagnitudes.map { -$0 } + [-0.0]
        let got = lanes(values, { e2m1($0, noise: F4(), NearestRounding.self) }, { $0.code[$1] })
        for (v, c) in zip(values, got) where v.isFinite || v.isInfinite {
            let expected = E2M1.code(forScaled: v)
            #expect(UInt8(c) == expected, "E2M1 code of \(v)")
        }
        // Values compare numerically: the sign of a zero value never reaches a result
        // (d − x is the same for d = ±0).
        let values2 = lanes(
            values, { e2m1($0, noise: F4(), NearestRounding.self) }, { $0.value[$1].bitPattern.asInt32 })
        for (i, v) in values.enumerated() {
            let expected = E2M1.value(ofCode: E2M1.code(forScaled: v))
            #expect(Float(bitPattern: UInt32(bitPattern: values2[i])) == expected, "E2M1 value of \(v)")
        }
    }

    @Test func e2m1StochasticMatchesScalar() {
        var g = SplitMix64(seed: 11)
        let noiseGrid: [Float] = [-0.5, -0.25, 0, 0.25, 0.4999999, -0.4999999, 0x1p-24 - 0.5, 0.125]
        var values: [Float] = [], noise: [Float] = []
        for v in denseMagnitudes where v <= 16 {
            for r in noiseGrid { values.append(g.uniform() < 0.5 ? v : -v); noise.append(r) }
        }
        for _ in 0..<20000 {
            values.append((g.uniform() - 0.5) * 20)
            noise.append(Float(g.next() >> 40) * 0x1p-24 - 0.5)
        }
        for i in stride(from: 0, to: values.count - 3, by: 4) {
            let y = F4(values[i], values[i + 1], values[i + 2], values[i + 3])
            let r = F4(noise[i], noise[i + 1], noise[i + 2], noise[i + 3])
            let q = e2m1(y, noise: r, StochasticRounding.self)
            let qi = int4(y, noise: r, StochasticRounding.self)
            for j in 0..<4 {
                let e = E2M1.stochasticCode(forScaled: values[i + j], noise: noise[i + j])
                #expect(UInt8(q.code[j]) == e, "stochastic E2M1 of \(values[i + j]) noise \(noise[i + j])")
                #expect(q.value[j] == E2M1.value(ofCode: e))
                let ei = INT4.stochasticCode(forScaled: values[i + j], noise: noise[i + j])
                #expect(UInt8(qi.code[j]) == ei, "stochastic INT4 of \(values[i + j]) noise \(noise[i + j])")
                #expect(qi.value[j] == INT4.value(ofCode: ei))
            }
        }
    }

    @Test func int4NearestMatchesScalar() {
        let values = denseMagnitudes + denseMagnitudes.map { -$0 } + [-0.0, -.infinity]
        let got = lanes(values, { int4($0, noise: F4(), NearestRounding.self) }, { $0.code[$1] })
        for (v, c) in zip(values, got) {
            #expect(UInt8(c) == INT4.code(forScaled: v), "INT4 code of \(v)")
        }
    }

    @Test func e4m3EncodeDecodeMatchScalar() {
        let got = lanes(denseMagnitudes, e4m3Code, { $0[$1] })
        for (v, c) in zip(denseMagnitudes, got) {
            #expect(UInt8(c) == E4M3.code(for: v), "E4M3 code of \(v)")
        }
        let codes = (0..<127).map { Int32($0) }
        for c in codes {
            let v = e4m3Value(I4(repeating: c))[0]
            #expect(v.bitPattern == E4M3.value(ofCode: UInt8(c)).bitPattern, "E4M3 value of \(c)")
        }
    }

    @Test func ue8m0MatchesScalar() {
        let got = lanes(denseMagnitudes, ue8m0RoundingUp, { $0[$1] })
        for (v, e) in zip(denseMagnitudes, got) where v.isFinite {
            #expect(UInt8(e) == UE8M0.roundingUp(v), "UE8M0 of \(v)")
        }
    }

    @Test func nibblePackingMatchesScalar() {
        let codes: [Int32] = (0..<16).map { Int32(($0 * 7 + 3) & 15) }
        let packed = packNibbles(
            I4(codes[0], codes[1], codes[2], codes[3]), I4(codes[4], codes[5], codes[6], codes[7]),
            I4(codes[8], codes[9], codes[10], codes[11]), I4(codes[12], codes[13], codes[14], codes[15]))
        let expected = NibblePacking.pack(codes.map { UInt8($0) })
        for j in 0..<8 { #expect(UInt8(truncatingIfNeeded: packed >> (8 * UInt64(j))) == expected[j]) }
    }

    @Test func rhtGroupMatchesScalar() {
        var g = SplitMix64(seed: 3)
        for trial in 0..<200 {
            var x = (0..<16).map { _ in g.normal() * (trial % 2 == 0 ? 1 : 1e-30) }
            var expected = [Float](repeating: 0, count: 16)
            x.withUnsafeBufferPointer { RandomHadamard.transform($0.baseAddress!, into: &expected) }
            rhtRows.withUnsafeBufferPointer { r in
                x.withUnsafeMutableBufferPointer { rhtGroup($0.baseAddress!, r.baseAddress!) }
            }
            #expect(x.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }
}

extension UInt32 {
    var asInt32: Int32 { Int32(bitPattern: self) }
}

@Suite struct ParallelTests {
    @Test func splitIsContiguousAndDeterministic() {
        for count in [0, 1, 5, 7, 100] {
            for threads in [1, 2, 3, 7, 16] {
                let parts = max(1, min(threads, count))
                var covered: [Int] = []
                for i in 0..<parts { covered += Array(CPUParallel.range(i, of: parts, count: count)) }
                #expect(covered == Array(0..<count))
            }
        }
    }

    @Test func parallelForVisitsEveryIndexOnce() {
        let n = 1000
        let hits = UnsafeMutablePointer<Int>.allocate(capacity: n)
        hits.initialize(repeating: 0, count: n)
        defer { hits.deallocate() }
        let p = SendablePointer(hits)
        CPUParallel.parallelFor(n, threads: 7) { range in for i in range { p.p[i] += 1 } }
        #expect((0..<n).allSatisfy { hits[$0] == 1 })
        #expect(CPUParallel.defaultThreadCount >= 1)
    }
}
