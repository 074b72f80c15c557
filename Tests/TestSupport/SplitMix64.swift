// The one seeded random generator of the test suite.
//
// Promises: SplitMix64 (Steele, Lea and Flood 2014) with the published constants; the same seed
// gives the same stream on every platform and in every test target. `uniform()` has 24 random
// bits, `uniformDouble()` 53; `normal()` is Box–Muller on two 53-bit uniforms, computed in
// Double and rounded once to Float.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1) with 24 random bits (every value exactly representable).
    public mutating func uniform() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// A uniform value in [0, 1) with 53 random bits.
    public mutating func uniformDouble() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform value in [-1, 1) with 24 random bits.
    public mutating func signedUniform() -> Float { uniform() * 2 - 1 }

    /// A standard normal value (Box–Muller).
    public mutating func normal() -> Float {
        let u1 = max(uniformDouble(), 1e-300), u2 = uniformDouble()
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }

    /// `count` standard normal values times `scale`.
    public mutating func normals(_ count: Int, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in normal() * scale }
    }

    /// A uniform integer in 0..<bound (bound > 0; modulo bias is irrelevant for tests).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
