import Dynamics
import LinearAlgebra
import MultiPrecision

/// OMWU and simultaneous MWU on a zero-sum game `min_x max_y xᵀAy` with a fully mixed equilibrium (x*, y*), written
/// for ball arithmetic in coordinates relative to the equilibrium, so that every quantity is O(distance) and its
/// rounding error is relative to it:
///
///     d^x = ln x − ln x*,  d^y = ln y − ln y*,  state z = (d^x, d^y, g_prev, h_prev) ∈ ℝ^{4n},
///     e^x = x − x* = x* ∘ expm1(d^x),  g = A e^y = A y − v·1,  h = Aᵀ e^x = Aᵀx − v·1,
///     u = d^x + η g_prev − 2η g  (OMWU)  or  d^x − η g  (MWU),     d^x ← u − log1p(Σ x*_i expm1(u_i)),
///     w = d^y + 2η h − η h_prev  (OMWU)  or  d^y + η h  (MWU),     d^y ← w − log1p(Σ y*_j expm1(w_j)),
///     g_prev ← g,  h_prev ← h.
///
/// The shift by the game value v drops out of the normalization, so ln x*, v and ln Z never appear. The Jacobian is
/// exact calculus on the same formulas: ∂(u − log Σ x* e^u)/∂u = I − 1 x_newᵀ, ∂g/∂d^y = A diag(y),
/// ∂h/∂d^x = Aᵀ diag(x).
public struct MultiplicativeWeightsBallMap: RigorousMap {
    /// n, the number of strategies of each player.
    public let size: Int
    /// Whether the map is OMWU (else simultaneous MWU).
    public let optimistic: Bool
    let payoff: [[Rational]]
    let equilibriumX: [Rational]
    let equilibriumY: [Rational]
    let stepSize: Rational
    let cached: [Constants]

    /// The map of `game` with step `stepSize`; the constants are enclosed once at each of `precisions`.
    public init(game: ZeroSumGame, optimistic: Bool, stepSize: Rational, precisions: [Int] = []) {
        size = game.size
        self.optimistic = optimistic
        payoff = (0..<game.size).map { i in (0..<game.size).map { j in game.payoff[i, j] } }
        equilibriumX = game.equilibriumX
        equilibriumY = game.equilibriumY
        self.stepSize = stepSize
        var made: [Constants] = []
        for bits in precisions {
            made.append(Constants(bits: bits, a: payoff.map { $0.map { Ball($0, precision: bits) } },
                                  xStar: equilibriumX.map { Ball($0, precision: bits) },
                                  yStar: equilibriumY.map { Ball($0, precision: bits) }, eta: Ball(stepSize, precision: bits)))
        }
        cached = made
    }

    /// 4n.
    public var dimension: Int { 4 * size }

    /// The constants at one precision (enclosures of the exact rationals).
    struct Constants: Sendable {
        let bits: Int, a: [[Ball]], xStar: [Ball], yStar: [Ball], eta: Ball
    }

    func constants(_ bits: Int) -> Constants {
        if let known = cached.first(where: { $0.bits == bits }) { return known }
        return Constants(bits: bits, a: payoff.map { $0.map { Ball($0, precision: bits) } },
                  xStar: equilibriumX.map { Ball($0, precision: bits) },
                  yStar: equilibriumY.map { Ball($0, precision: bits) },
                  eta: Ball(stepSize, precision: bits))
    }

    /// The start x_0 = x_{−1}, y_0 = y_{−1} uniform, enclosed at `bits`.
    public func uniformStart(precision bits: Int) -> [Ball] {
        let k = constants(bits)
        let n = size
        var z = [Ball](repeating: Ball(precision: bits), count: dimension)
        for i in 0..<n {
            z[i] = -Ball.log(Ball(n, precision: bits) * k.xStar[i])
            z[n + i] = -Ball.log(Ball(n, precision: bits) * k.yStar[i])
        }
        let (g, h) = gradients(z, k, bits)
        for i in 0..<n { z[2 * n + i] = g[i]; z[3 * n + i] = h[i] }
        return z
    }

    /// g = A e^y and h = Aᵀ e^x.
    func gradients(_ z: [Ball], _ k: Constants, _ bits: Int) -> (g: [Ball], h: [Ball]) {
        let n = size
        var ex = [Ball](), ey = [Ball]()
        for i in 0..<n {
            ex.append(Ball.expMinusOne(z[i].withPrecision(bits)) * k.xStar[i])
            ey.append(Ball.expMinusOne(z[n + i].withPrecision(bits)) * k.yStar[i])
        }
        var g = [Ball](), h = [Ball]()
        for i in 0..<n {
            var gi = Ball(precision: bits), hi = Ball(precision: bits)
            for j in 0..<n { gi.addProduct(k.a[i][j], ey[j]); hi.addProduct(k.a[j][i], ex[j]) }
            g.append(gi); h.append(hi)
        }
        return (g, h)
    }

    /// The exponent shifts u (x-player) and w (y-player) before normalization.
    func shifts(_ z: [Ball], _ g: [Ball], _ h: [Ball], _ k: Constants, _ bits: Int) -> (u: [Ball], w: [Ball]) {
        let n = size
        var u = [Ball](), w = [Ball]()
        for i in 0..<n {
            var ui: Ball, wi: Ball
            if optimistic {
                ui = z[2 * n + i].withPrecision(bits) - g[i] - g[i]
                wi = h[i] + h[i] - z[3 * n + i].withPrecision(bits)
            } else {
                ui = -g[i]
                wi = h[i]
            }
            ui.multiply(by: k.eta); ui.add(z[i].withPrecision(bits))
            wi.multiply(by: k.eta); wi.add(z[n + i].withPrecision(bits))
            u.append(ui); w.append(wi)
        }
        return (u, w)
    }

    /// d ← s − log1p(Σ p*_i expm1(s_i)).
    static func normalized(_ s: [Ball], weights: [Ball], _ bits: Int) -> [Ball] {
        var total = Ball(precision: bits)
        for i in s.indices { total.addProduct(weights[i], Ball.expMinusOne(s[i])) }
        let shift = Ball.log(onePlus: total)
        return s.map { $0 - shift }
    }

    /// An enclosure of F on the box `state`.
    public func apply(_ state: [Ball], into image: inout [Ball], precision bits: Int) {
        let k = constants(bits)
        let n = size
        let (g, h) = gradients(state, k, bits)
        let (u, w) = shifts(state, g, h, k, bits)
        let dx = Self.normalized(u, weights: k.xStar, bits), dy = Self.normalized(w, weights: k.yStar, bits)
        for i in 0..<n {
            image[i] = dx[i]; image[n + i] = dy[i]; image[2 * n + i] = g[i]; image[3 * n + i] = h[i]
        }
    }

    /// An enclosure of DF over the box `state`.
    public func jacobian(on state: [Ball], precision bits: Int) -> BallMatrix {
        let k = constants(bits)
        let n = size, m = dimension
        let (g, h) = gradients(state, k, bits)
        let (u, w) = shifts(state, g, h, k, bits)
        let dx = Self.normalized(u, weights: k.xStar, bits), dy = Self.normalized(w, weights: k.yStar, bits)
        // Current and new strategies on the box: x = x* e^{d}.
        let x = (0..<n).map { Ball.exp(state[$0].withPrecision(bits)) * k.xStar[$0] }
        let y = (0..<n).map { Ball.exp(state[n + $0].withPrecision(bits)) * k.yStar[$0] }
        let xNew = (0..<n).map { Ball.exp(dx[$0]) * k.xStar[$0] }
        let yNew = (0..<n).map { Ball.exp(dy[$0]) * k.yStar[$0] }
        let twoEta = k.eta + k.eta
        let factor = optimistic ? twoEta : k.eta
        // ∂u/∂z (n × 4n) and ∂w/∂z.
        var du = [[Ball]](repeating: [Ball](repeating: Ball(precision: bits), count: m), count: n)
        var dw = du
        for i in 0..<n {
            du[i][i] = Ball(1, precision: bits)
            dw[i][n + i] = Ball(1, precision: bits)
            for j in 0..<n {
                du[i][n + j] = -(factor * k.a[i][j] * y[j])
                dw[i][j] = factor * k.a[j][i] * x[j]
            }
            if optimistic {
                du[i][2 * n + i] = k.eta
                dw[i][3 * n + i] = -k.eta
            }
        }
        var jacobian = BallMatrix(rows: m, columns: m, precision: bits)
        for c in 0..<m {
            var sumU = Ball(precision: bits), sumW = Ball(precision: bits)
            for l in 0..<n { sumU.addProduct(xNew[l], du[l][c]); sumW.addProduct(yNew[l], dw[l][c]) }
            for i in 0..<n {
                jacobian[i, c] = du[i][c] - sumU
                jacobian[n + i, c] = dw[i][c] - sumW
            }
        }
        for i in 0..<n {
            for j in 0..<n {
                jacobian[2 * n + i, n + j] = k.a[i][j] * y[j]
                jacobian[3 * n + i, j] = k.a[j][i] * x[j]
            }
        }
        return jacobian
    }

    /// KL(x*‖x) + KL(y*‖y) = Σ x*_i φ(d^x_i) + Σ y*_j φ(d^y_j) with φ(d) = expm1(d) − d ≥ 0: a sum of non-negative
    /// terms of order d², so its enclosure keeps its relative accuracy as the iterates approach the equilibrium.
    /// Each φ is enclosed in mean-value form, φ(d) ∈ φ(m) + expm1(D)·(D − m) for the ball D ∋ d with midpoint m
    /// (φ' = expm1): the radius is about |d|·rad(D), not rad(D) as the plain difference expm1(D) − D would give.
    public func divergence(_ state: [Ball], precision bits: Int) -> Ball {
        let k = constants(bits)
        let n = size
        func phi(_ d: Ball) -> Ball {
            let m = Ball(enclosing: d.midpoint(precision: bits), precision: bits)
            var value = Ball.expMinusOne(m) - m
            value.addProduct(Ball.expMinusOne(d), d - m)
            return value
        }
        var total = Ball(precision: bits)
        for i in 0..<n {
            total.addProduct(k.xStar[i], phi(state[i]))
            total.addProduct(k.yStar[i], phi(state[n + i]))
        }
        return total
    }
}
