/// How a field's tape compiled for the Taylor recurrences, for reports and benchmarks.
public struct TaylorTapeSummary: Sendable, Equatable, CustomStringConvertible {
    /// Nodes of the compiled program (inputs, constants and computed nodes).
    public var nodes: Int
    /// Computed nodes recomputed at every order (sums of products, quotients, exp, log, sqrt, powers).
    public var dynamicNodes: Int
    /// Cauchy products a·b in the sum nodes: an order-k pass costs about this many times (k + 1) multiplications.
    public var products: Int
    /// The precision of each tapering level, finest first.
    public var levelPrecisions: [Int]
    /// The level of each order 0 … p.
    public var levelOfOrder: [Int]

    init(program: TaylorProgram, levels: TaylorPrecisionLevels) {
        nodes = program.nodes.count
        dynamicNodes = program.nodes.filter { node in
            switch node.kind {
            case .state, .time, .constant: false
            default: !node.isStatic
            }
        }.count
        products = program.productCount
        levelPrecisions = levels.precisions
        levelOfOrder = levels.levelOfOrder
    }

    /// For P1a at 256 bits: "144 nodes (96 computed), 384 products; levels 256/191/127/63 bits from orders 0/34/56/78".
    public var description: String {
        let starts = levelPrecisions.indices.compactMap { level in levelOfOrder.firstIndex(of: level) }
        return "\(nodes) nodes (\(dynamicNodes) computed), \(products) products; levels "
            + levelPrecisions.map(String.init).joined(separator: "/") + " bits from orders "
            + starts.map(String.init).joined(separator: "/")
    }
}
