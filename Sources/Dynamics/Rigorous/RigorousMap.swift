import MultiPrecision

/// A map z ↦ F(z) on ℝⁿ that can be iterated rigorously: an enclosure of F on a box of balls, and an enclosure of
/// its Jacobian DF over a box (every DF(ξ), ξ in the box, lies in the ball matrix). Both must be rigorous: they are
/// the only facts `LohnerIteration` uses.
public protocol RigorousMap: Sendable {
    /// The dimension n of the state.
    var dimension: Int { get }
    /// Writes an enclosure of F(z) for every z in the box `state` into `image`, computing at `precision` bits.
    func apply(_ state: [Ball], into image: inout [Ball], precision: Int)
    /// An enclosure of DF(ξ) for every ξ in the box `state`, computing at `precision` bits.
    func jacobian(on state: [Ball], precision: Int) -> BallMatrix
}
