import MultiPrecision

extension ButcherTableau {
    /// Fehlberg's 13-stage embedded pair of orders 7 and 8 (E. Fehlberg, "Classical fifth-, sixth-, seventh-, and
    /// eighth-order Runge–Kutta formulas with stepsize control", NASA TR R-287, 1968, Table X), used in local
    /// extrapolation: the **eighth**-order solution is propagated and the seventh-order one only estimates the
    /// error, h·(41/840)(k₁ + k₁₁ − k₁₂ − k₁₃).
    ///
    /// All coefficients are exact small rationals, so the method is exact at any precision (unlike pairs whose
    /// published coefficients are decimal approximations, or irrational, such as DOP853 and Verner's 9(8)).
    /// The order conditions (all 200 rooted trees up to order 8) are checked exactly over the rationals by the tests.
    ///
    /// A known weakness: for a pure quadrature ẋ = f(t) the estimate vanishes (k₁ = k₁₂ and k₁₁ = k₁₃), so the
    /// step is then limited only by the growth factor and `maximumStep`.
    public static let fehlberg78 = ButcherTableau(
        name: "Runge–Kutta–Fehlberg 8(7)",
        nodes: [_q(0), _q(2, 27), _q(1, 9), _q(1, 6), _q(5, 12), _q(1, 2), _q(5, 6), _q(1, 6), _q(2, 3), _q(1, 3),
                _q(1), _q(0), _q(1)],
        coefficients: [
            [],
            [_q(2, 27)],
            [_q(1, 36), _q(1, 12)],
            [_q(1, 24), _q(0), _q(1, 8)],
            [_q(5, 12), _q(0), _q(-25, 16), _q(25, 16)],
            [_q(1, 20), _q(0), _q(0), _q(1, 4), _q(1, 5)],
            [_q(-25, 108), _q(0), _q(0), _q(125, 108), _q(-65, 27), _q(125, 54)],
            [_q(31, 300), _q(0), _q(0), _q(0), _q(61, 225), _q(-2, 9), _q(13, 900)],
            [_q(2), _q(0), _q(0), _q(-53, 6), _q(704, 45), _q(-107, 9), _q(67, 90), _q(3)],
            [_q(-91, 108), _q(0), _q(0), _q(23, 108), _q(-976, 135), _q(311, 54), _q(-19, 60), _q(17, 6),
             _q(-1, 12)],
            [_q(2383, 4100), _q(0), _q(0), _q(-341, 164), _q(4496, 1025), _q(-301, 82), _q(2133, 4100),
             _q(45, 82), _q(45, 164), _q(18, 41)],
            [_q(3, 205), _q(0), _q(0), _q(0), _q(0), _q(-6, 41), _q(-3, 205), _q(-3, 41), _q(3, 41), _q(6, 41),
             _q(0)],
            [_q(-1777, 4100), _q(0), _q(0), _q(-341, 164), _q(4496, 1025), _q(-289, 82), _q(2193, 4100),
             _q(51, 82), _q(33, 164), _q(12, 41), _q(0), _q(1)],
        ],
        weights: [_q(0), _q(0), _q(0), _q(0), _q(0), _q(34, 105), _q(9, 35), _q(9, 35), _q(9, 280), _q(9, 280),
                  _q(0), _q(41, 840), _q(41, 840)],
        order: 8,
        embeddedWeights: [_q(41, 840), _q(0), _q(0), _q(0), _q(0), _q(34, 105), _q(9, 35), _q(9, 35), _q(9, 280),
                          _q(9, 280), _q(41, 840), _q(0), _q(0)],
        embeddedOrder: 7)
}
