import MultiPrecision
import Symbolic

/// Prints graph nodes back as text of the language (plain notation), sharing nothing: for reports of derived
/// gradients and for the symbolic translation.
struct _Printer {
    let graph: ConjectureGraph

    func text(_ id: Int) -> String { format(id).text }

    /// The text and its precedence: 1 sums, 2 products, 4 postfix, 5 atoms.
    func format(_ id: Int) -> (text: String, precedence: Int) {
        let n = graph[id], ops = n.operands
        func wrap(_ k: Int, below minimum: Int) -> String {
            let (t, p) = format(ops[k])
            return p < minimum ? "(\(t))" : t
        }
        func call(_ name: String) -> (String, Int) { ("\(name)(\(ops.map { text($0) }.joined(separator: ", ")))", 5) }
        switch n.operation {
        case .variable(let name), .data(let name), .parameter(let name): return (name, 5)
        case .previous(let name): return ("prev(\(name))", 5)
        case .initial(let name): return ("initial(\(name))", 5)
        case .time: return ("t", 5)
        case .step: return ("k", 5)
        case .constant(let c):
            if c.isInteger && !c.isNegative { return (c.description, 5) }
            return ("(\(c))", 5)
        case .zeros: return ("0 ones(\(n.shape.rows), \(n.shape.columns))", 2)
        case .identity: return ("I", 5)
        case .ones: return ("ones(\(n.shape.rows), \(n.shape.columns))", 5)
        case .add: return (wrap(0, below: 1) + " + " + wrap(1, below: 2), 1)
        case .subtract: return (wrap(0, below: 1) + " - " + wrap(1, below: 2), 1)
        case .scale:
            if let c = graph.constantValue(ops[0]), c == -1 { return ("-" + wrap(1, below: 3), 1) }
            return (wrap(0, below: 3) + " " + wrap(1, below: 3), 2)
        case .multiply: return (wrap(0, below: 2) + " " + wrap(1, below: 3), 2)
        case .transpose: return (wrap(0, below: 5) + "'", 4)
        case .hadamard: return (wrap(0, below: 2) + " .* " + wrap(1, below: 3), 2)
        case .entrywiseQuotient: return (wrap(0, below: 2) + " ./ " + wrap(1, below: 3), 2)
        case .elementwise(let f): return call(f.rawValue)
        case .power(let r): return ("pow(\(text(ops[0])), \(r))", 5)
        case .trace: return call("tr")
        case .entrySum: return call("sum")
        case .rowSum: return call("rowsum")
        case .columnSum: return call("colsum")
        case .maximum: return call("max")
        case .minimum: return call("min")
        case .inverse: return call("inv")
        case .solve: return call("solve")
        case .positivePart: return call("step")
        }
    }
}
