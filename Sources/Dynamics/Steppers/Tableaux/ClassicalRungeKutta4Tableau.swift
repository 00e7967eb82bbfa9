import MultiPrecision

extension ButcherTableau {
    /// The classical fourth-order Runge–Kutta method (Kutta, 1901): 4 stages, no error estimate.
    ///
    ///     0   |
    ///     1/2 | 1/2
    ///     1/2 | 0    1/2
    ///     1   | 0    0    1
    ///     ----+-------------------
    ///         | 1/6  1/3  1/3  1/6
    public static let classicalRungeKutta4 = ButcherTableau(
        name: "classical Runge–Kutta 4",
        nodes: [_q(0), _q(1, 2), _q(1, 2), _q(1)],
        coefficients: [[], [_q(1, 2)], [_q(0), _q(1, 2)], [_q(0), _q(0), _q(1)]],
        weights: [_q(1, 6), _q(1, 3), _q(1, 3), _q(1, 6)],
        order: 4)
}
