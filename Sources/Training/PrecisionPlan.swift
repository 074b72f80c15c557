// The precision of every GEMM of a model under a recipe, and the ids that seed its
// stochastic rounding.
//
// Promises: `layers[l]` is the precision of the seven linear layers of decoder block l; the
// head has its own. Linear ids are `7·layer + slot` (ModelCore's `LinearSlot`: q, k, v, o,
// gate, up, down) and `7·layers` for the head: the `linear` argument of `StochasticSeeds`.

import ModelCore

public struct PrecisionPlan: Sendable, Hashable {
    public var layers: [GEMMPrecision]
    public var head: GEMMPrecision

    public init(layers: [GEMMPrecision], head: GEMMPrecision) {
        self.layers = layers
        self.head = head
    }

    public init(_ settings: RecipeSettings, layers n: Int) {
        layers = (0..<n).map { settings.precision(layer: $0, of: n) }
        head = settings.headPrecision
    }

    /// Every GEMM in float32 without rounding (finite-difference tests).
    public static func float32(layers n: Int) -> PrecisionPlan {
        PrecisionPlan(layers: [GEMMPrecision](repeating: .float32, count: n), head: .float32)
    }

    static func linearID(layer: Int, _ slot: LinearSlot) -> Int { 7 * layer + slot.rawValue }
    static func headID(layers: Int) -> Int { 7 * layers }
}
