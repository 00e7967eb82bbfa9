/// How a flat state vector splits into named blocks: vectors and row-major matrices.
///
/// ```swift
/// let layout = StateLayout(blocks: [.matrix("W1", rows: 4, columns: 3), .matrix("W2", rows: 2, columns: 4)])
/// layout.dimension        // 20
/// layout.offset(of: "W2") // 12
/// ```
public struct StateLayout: Sendable, Hashable, Codable {
    /// One named block of the state.
    public struct Block: Sendable, Hashable, Codable {
        /// The block's name, for reports.
        public var name: String
        /// Rows (1 for a vector block).
        public var rows: Int
        /// Columns (the length for a vector block).
        public var columns: Int
        /// Whether the block is a matrix (row-major) rather than a vector.
        public var isMatrix: Bool
        /// The number of components, rows · columns.
        public var count: Int { rows * columns }

        /// A row-major matrix block.
        public static func matrix(_ name: String, rows: Int, columns: Int) -> Block {
            Block(name: name, rows: rows, columns: columns, isMatrix: true)
        }
        /// A vector block.
        public static func vector(_ name: String, length: Int) -> Block {
            Block(name: name, rows: 1, columns: length, isMatrix: false)
        }
    }

    /// The blocks in order.
    public private(set) var blocks: [Block]
    /// The start of each block in the flat vector.
    public private(set) var offsets: [Int]

    /// A layout of the given blocks, laid out one after another.
    /// - Precondition: every block has positive rows and columns, and names are unique.
    public init(blocks: [Block]) {
        precondition(blocks.allSatisfy { $0.rows > 0 && $0.columns > 0 }, "StateLayout: empty block")
        precondition(Set(blocks.map(\.name)).count == blocks.count, "StateLayout: duplicate block names")
        self.blocks = blocks
        var offset = 0
        offsets = blocks.map { block in defer { offset += block.count }; return offset }
    }

    /// A layout with one vector block.
    public init(vector name: String, length: Int) {
        self.init(blocks: [.vector(name, length: length)])
    }

    /// The total number of components.
    public var dimension: Int { (offsets.last ?? 0) + (blocks.last?.count ?? 0) }

    /// The offset of the named block, or `nil`.
    public func offset(of name: String) -> Int? {
        blocks.firstIndex { $0.name == name }.map { offsets[$0] }
    }

    /// The index of the named block, or `nil`.
    public func index(of name: String) -> Int? {
        blocks.firstIndex { $0.name == name }
    }
}
