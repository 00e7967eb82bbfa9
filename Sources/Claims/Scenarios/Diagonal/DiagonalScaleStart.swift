import Models
import MultiPrecision

/// u(0) = v(0) = α𝟙 and the depth N: the start of the implicit-bias, ℓ1-limit and SGD kinds.
public struct DiagonalScaleStart: DiagonalStart {
    static let alpha = Parameter<Rational>.positive("alpha", .model, help: "the initialization scale α: u(0) = v(0) = α𝟙")
    public static var parameters: [any DeclaredParameter] { [alpha, DiagonalNetworkProblem.depth] }
    let alpha: Rational, depth: Int
    init(alpha: Rational, depth: Int) { (self.alpha, self.depth) = (alpha, depth) }
    public init(_ p: InstanceParameters, columns: Int) { (alpha, depth) = (p[Self.alpha], p[DiagonalNetworkProblem.depth]) }
    public func flow(_ problem: DiagonalNetworkProblem) throws -> DiagonalNetworkFlow {
        try DiagonalNetworkFlow(a: problem.a, y: problem.y, alpha: alpha, depth: depth)
    }
}
