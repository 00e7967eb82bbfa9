import Dynamics
import MultiPrecision

/// The map X ↦ X⁺ of a bound conjecture in ball arithmetic: the straight-line program that `ConjectureMap` runs in
/// `BigFloat`, run over `Ball` registers instead, so that each step returns enclosures of the exact next iterate.
/// Maps that branch on values (relu, positive part, max, min) or use inverse and solve are not available rigorously:
/// `step` throws an error that says which operation, at which column.
///
/// This is plain ball iteration (no control of the wrapping effect): enough for short horizons; long runs of
/// rotating dynamics need a coordinate change such as `LohnerIteration`.
public struct ConjectureBallMap: @unchecked Sendable {
    /// The map.
    public let map: ConjectureMap
    /// The working precision in bits.
    public let precision: Int
    let program: _LoweredProgram

    /// Lowers `map` once for `precision` bits.
    public init(_ map: ConjectureMap, precision: Int) {
        self.map = map
        self.precision = precision
        program = _LoweredProgram(bound: map.bound, roots: map.bound.program.updates.map(\.node), precision: precision)
    }

    /// Enclosures of x_{k+1} from enclosures of x_k (`current`) and x_{k−1} (`previous`, for maps that read
    /// `prev(…)`; pass `current` again at the first step).
    public func step(_ k: Int, current: [Ball], previous: [Ball]) throws(ConjectureRuntimeError) -> [Ball] {
        try program.runBalls(state: current, previous: previous, step: k, precision: precision)
    }
}
