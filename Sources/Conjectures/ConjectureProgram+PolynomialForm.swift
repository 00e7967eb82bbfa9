import MultiPrecision
import Symbolic

/// The symbolic side of a conjecture: the proof obligation of a property, when the dynamics and the property are
/// trace polynomials with transposes, or the reason they are not.
public enum ConjecturePolynomialForm: Sendable {
    /// The obligation, ready for `ProofObligation.check()`: for a flow, `d/dt(e) = 0` (or `= rhs`) along the
    /// derived or stated rates; for a map, `step(e) = e` (or `step(e) − e = rhs`) for the derived or stated step,
    /// whose obstruction, when refuted, is the step's exact change.
    case polynomial(ProofObligation)
    /// Why no obligation exists (`tanh is not polynomial: …`).
    case notPolynomial(String)
}

/// A graph node that has no polynomial form, with the reason.
struct _NotPolynomial: Error {
    var reason: String
}

/// Prints graph nodes in the symbolic syntax (products `*`, transposes `'`, traces `tr`), or says why a node is not
/// a trace polynomial. Entry sums of entrywise products are inner products, tr(aᵀb); 1 × 1 products are traces.
struct _SymbolicPrinter {
    let graph: ConjectureGraph

    func text(_ id: Int) throws(_NotPolynomial) -> String {
        let n = graph[id], ops = n.operands
        func op(_ k: Int) throws(_NotPolynomial) -> String { "(" + (try text(ops[k])) + ")" }
        switch n.operation {
        case .variable(let name), .data(let name), .parameter(let name): return name
        case .constant(let c): return "(\(c))"
        case .zeros: return "0"
        case .identity: return "I"
        case .add: return try op(0) + " + " + op(1)
        case .subtract: return try op(0) + " - " + op(1)
        case .scale: return try op(0) + "*" + op(1)
        case .multiply:
            let product = try op(0) + "*" + op(1)
            return n.shape == ConjectureGraph.scalar ? "tr(\(product))" : product
        case .transpose: return try op(0) + "'"
        case .trace: return "tr" + (try op(0))
        case .power(let r):
            guard r.isInteger, !r.isNegative, graph.isScalar(ops[0]) else { throw _NotPolynomial(reason: "pow(…, \(r)) is not polynomial") }
            return try op(0) + "^\(r)"
        case .entrySum:
            let inner = graph[ops[0]]
            if inner.operation == .hadamard { return "tr((" + (try text(inner.operands[0])) + ")'*(" + (try text(inner.operands[1])) + "))" }
            throw _NotPolynomial(reason: "sum(…) of entries is not a trace polynomial (write inner(a, b) or norm2(a))")
        case .hadamard:
            if graph.isScalar(id) { return try op(0) + "*" + op(1) }
            throw _NotPolynomial(reason: "the entrywise product ∘ is not polynomial")
        case .elementwise(let f): throw _NotPolynomial(reason: "\(f.rawValue) is not polynomial")
        case .entrywiseQuotient: throw _NotPolynomial(reason: "the entrywise quotient ⊘ is not polynomial")
        case .ones: throw _NotPolynomial(reason: "ones is not polynomial")
        case .rowSum, .columnSum: throw _NotPolynomial(reason: "row and column sums are not trace polynomials")
        case .maximum, .minimum: throw _NotPolynomial(reason: "max and min are not polynomial")
        case .inverse, .solve: throw _NotPolynomial(reason: "inverses are not polynomial")
        case .positivePart: throw _NotPolynomial(reason: "relu is not polynomial")
        case .previous: throw _NotPolynomial(reason: "prev(…) has no symbolic form")
        case .initial: throw _NotPolynomial(reason: "initial(…) has no symbolic form")
        case .time, .step: throw _NotPolynomial(reason: "t and k have no symbolic form")
        }
    }
}

extension ConjectureProgram {
    /// The symbolic obligation for the property `e`: for a flow, d/dt(e) = 0 along the rates (derived from the loss
    /// for gradient flow), or d/dt(e) = `derivative`; for a map, step(e) = e, or step(e) − e = `derivative`.
    /// Symbols keep their shapes (dimension names), so a proof holds for all sizes; data symbols are constant and
    /// parameters are central scalars.
    ///
    /// The result is ``ConjecturePolynomialForm/notPolynomial(_:)`` when a rate, an update or the property uses a
    /// construct outside trace polynomials (exp, tanh, entrywise products, sums of entries, inverses, …), naming it.
    public func polynomialForm(of e: ConjectureExpression, derivative: ConjectureExpression? = nil,
                               id: String = "conjecture", title: String = "") -> ConjecturePolynomialForm {
        let printer = _SymbolicPrinter(graph: graph)
        do throws(_NotPolynomial) {
            // Name an entrywise function first: it is the root cause of the entrywise products of its derivative.
            for id in graph.dependencies(of: [e.node] + updates.map(\.node) + (derivative.map { [$0.node] } ?? [])) {
                if case .elementwise(let f) = graph[id].operation { throw _NotPolynomial(reason: "\(f.rawValue) is not polynomial") }
            }
            var alphabet = Alphabet(strict: true)
            var constants: [String] = []
            for s in symbols {
                if s.shape == ConjectureGraph.scalar {
                    if s.role == .variable { throw _NotPolynomial(reason: "the scalar variable \(s.name) has no symbolic rate (symbolic scalars are constant)") }
                    try? alphabet.declare(.scalar(s.name))
                } else {
                    try? alphabet.declare(.matrix(s.name), shape: s.shape)
                    if s.role == .data { constants.append(s.name) }
                }
            }
            for p in parameters { try? alphabet.declare(.scalar(p)) }
            var context = Context(alphabet: alphabet)
            let property = try printer.text(e.node)
            let rhs = try derivative.map { d throws(_NotPolynomial) in try printer.text(d.node) }
            var entries: [(String, String)] = []
            for (v, u) in zip(variables, updates) {
                // A variable that does not move (not trained, or X⁺ = X) is a constant of the flow or left by the step.
                if dynamics.isContinuous, graph[u.node].operation == .zeros || graph.constantValue(u.node)?.isZero == true {
                    constants.append(v.name); continue
                }
                if !dynamics.isContinuous, graph[u.node].operation == .variable(v.name) { continue }
                entries.append((v.name, try printer.text(u.node)))
            }
            let equationText: String
            do {
                if dynamics.isContinuous {
                    try context.setFlow(entries.map { (symbol: $0.0, rate: $0.1) }, constants: constants)
                    equationText = "d/dt(\(property)) = \(rhs ?? "0")"
                } else {
                    try context.setStep(entries.map { (symbol: $0.0, value: $0.1) })
                    equationText = rhs.map { "step(\(property)) - (\(property)) = \($0)" } ?? "step(\(property)) = \(property)"
                }
                let equation = try Equation(parsing: equationText)
                _ = try context.prove(equation)   // evaluates: shape or trace/matrix mixing problems surface here
                let obligation = ProofObligation(
                    id: id, title: title, statement: equationText, source: "derived from the conjecture's dynamics",
                    expectation: .proved, context: context, claims: [ProofObligation.Claim(name: e.key, equation: equation)])
                return .polynomial(obligation)
            } catch let error as SymbolicError {
                return .notPolynomial("no symbolic form: \(error)")
            } catch {
                return .notPolynomial("no symbolic form: \(error)")
            }
        } catch {
            return .notPolynomial(error.reason + ": symbolic identities use products, sums, transposes and traces")
        }
    }
}
