import LinearAlgebra
import MultiPrecision

/// A two-player zero-sum matrix game `min_x max_y xᵀAy` over the simplices, in Attest's convention: **x (rows)
/// minimizes, y (columns) maximizes**. (Daskalakis and Panageas make x the maximizer; docs/theory.md §3.1 maps their
/// statements to this one by `(x_DP, y_DP, A_DP) = (y, x, Aᵀ)`.)
///
/// The game is accepted only when it has a **unique, fully mixed** equilibrium that the bordered systems of
/// docs/theory.md §3.5 prove: A square, both bordered matrices nonsingular, and both solutions strictly positive. The
/// equilibrium and the value are exact rationals.
///
/// ```swift
/// let game = try ZeroSumGame(payoff: try Matrix(rows: [[0, -1, 2], [1, 0, -3], [-2, 3, 0]]))
/// game.equilibriumX   // [1/2, 1/3, 1/6]
/// ```
public struct ZeroSumGame: Sendable {
    /// The payoff matrix A (n × n): x pays xᵀAy to y.
    public let payoff: Matrix<Rational>
    /// The minimizer's equilibrium strategy x* (Aᵀx* = v𝟙), strictly positive, summing to 1.
    public let equilibriumX: [Rational]
    /// The maximizer's equilibrium strategy y* (Ay* = v𝟙), strictly positive, summing to 1.
    public let equilibriumY: [Rational]
    /// The value v = x*ᵀAy*.
    public let value: Rational

    /// Builds the game and its equilibrium from the bordered systems of docs/theory.md §3.5.
    ///
    /// - Throws: `GameError` when A is not square, a bordered matrix is singular, or the solution is not strictly
    ///   positive (the equilibrium is then not proven unique and fully mixed).
    public init(payoff a: Matrix<Rational>) throws(GameError) {
        let n = a.rowCount
        guard n >= 2, a.columnCount == n else { throw .notSquare(rows: a.rowCount, columns: a.columnCount) }
        let (x, vx) = try Self.solveBordered(a.transposed(), player: "x")
        let (y, vy) = try Self.solveBordered(a, player: "y")
        guard vx == vy else { throw .valuesDisagree(fromX: vx.description, fromY: vy.description) }
        if let i = x.firstIndex(where: { $0 <= 0 }) {
            throw .notFullyMixed(player: "x", index: i, entry: x[i].description)
        }
        if let j = y.firstIndex(where: { $0 <= 0 }) {
            throw .notFullyMixed(player: "y", index: j, entry: y[j].description)
        }
        payoff = a
        equilibriumX = x
        equilibriumY = y
        value = vx
    }

    /// The number of pure strategies n of each player.
    public var size: Int { payoff.rowCount }

    /// The duality gap max_j (Aᵀx)_j − min_i (Ay)_i ≥ 0 of mixed strategies x, y (zero exactly at the equilibrium),
    /// at the current precision.
    public func dualityGap(x: [BigFloat], y: [BigFloat]) -> BigFloat {
        var best = BigFloat(0), worst = BigFloat(0)
        for j in 0..<size {
            var column = BigFloat(0), row = BigFloat(0)
            for i in 0..<size {
                column.addProduct(BigFloat(payoff[i, j]), x[i]); row.addProduct(BigFloat(payoff[j, i]), y[i])
            }
            if j == 0 || column > best { best = column }
            if j == 0 || row < worst { worst = row }
        }
        return best - worst
    }

    /// Solves [M −𝟙; 𝟙ᵀ 0][s; v] = [0; 1] exactly.
    private static func solveBordered(_ m: Matrix<Rational>, player: String) throws(GameError) -> ([Rational], Rational) {
        let n = m.rowCount
        let bordered = Matrix<Rational>(rows: n + 1, columns: n + 1) { i, j in
            if i < n { return j < n ? m[i, j] : Rational(-1) }
            return j < n ? Rational(1) : Rational(0)
        }
        let rhs = Matrix<Rational>(rows: n + 1, columns: 1) { i, _ in i == n ? Rational(1) : Rational(0) }
        let solution: Matrix<Rational>
        do {
            let lu = try LUDecomposition(bordered)
            guard !lu.isSingular else { throw GameError.singularBorderedSystem(player: player) }
            solution = try lu.solve(rhs)
        } catch let error as GameError {
            throw error
        } catch {
            throw .singularBorderedSystem(player: player)
        }
        return ((0..<n).map { solution[$0, 0] }, solution[n, 0])
    }
}

/// Why a payoff matrix is not accepted as a game with a proven unique, fully mixed equilibrium.
public enum GameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The matrix is not square (or smaller than 2 × 2); the bordered-system proof needs n = m.
    case notSquare(rows: Int, columns: Int)
    /// A bordered indifference system is singular, so the equilibrium is not proven unique.
    case singularBorderedSystem(player: String)
    /// The solution of the bordered system has a non-positive entry: no fully mixed equilibrium.
    case notFullyMixed(player: String, index: Int, entry: String)
    /// The two bordered systems give different values (cannot happen for a valid game; reported rather than trapped).
    case valuesDisagree(fromX: String, fromY: String)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .notSquare(rows, columns):
            return "the payoff matrix is \(rows) × \(columns); Attest's OMWU claims need a square game (n ≥ 2) whose "
                + "unique fully mixed equilibrium the bordered systems of docs/theory.md §3.5 prove"
        case let .singularBorderedSystem(player):
            return "the bordered indifference system for \(player) is singular: the equilibrium is not proven unique "
                + "(docs/theory.md §3.5); choose another game"
        case let .notFullyMixed(player, index, entry):
            return "the indifference solution for \(player) has entry \(index + 1) = \(entry) ≤ 0: the game has no fully "
                + "mixed equilibrium, which the exact KL identity of docs/theory.md §3.4 needs; choose another game"
        case let .valuesDisagree(fromX, fromY):
            return "the two bordered systems give different values (\(fromX) and \(fromY))"
        }
    }
}
