import MultiPrecision

/// A value with its shape during evaluation: a scalar, or a matrix polynomial and its shape.
enum _Typed {
    case scalar(TracePolynomial)
    case matrix(NCPolynomial, Shape)

    var value: SymbolicValue {
        switch self {
        case .scalar(let s): return .scalar(s)
        case .matrix(let p, _): return .matrix(p)
        }
    }

    var shape: Shape? {
        if case .matrix(_, let shape) = self { return shape }
        return nil
    }
}

extension Context {
    /// Evaluates `e` to its canonical value and shape, checking shapes.
    func _evaluate(_ e: Expression) throws(SymbolicError) -> _Typed {
        try SymbolicBudget.checkpoint()
        switch e.node {
        case .number(let c):
            return .scalar(TracePolynomial(c))
        case .identity:
            return .scalar(TracePolynomial(1))
        case .name(let name):
            if let d = definition(named: name) {
                switch d.value {
                case .scalar(let s): return .scalar(s)
                case .matrix(let p): return .matrix(p, d.shape ?? .default)
                }
            }
            guard let symbol = alphabet.resolve(name) else { throw .undeclaredName(name, at: e.range) }
            if symbol.isScalar { return .scalar(TracePolynomial(symbol)) }
            return .matrix(NCPolynomial(symbol), alphabet.shape(of: symbol))
        case .negation(let a):
            switch try _evaluate(a) {
            case .scalar(let s): return .scalar(-s)
            case .matrix(let p, let shape): return .matrix(-p, shape)
            }
        case .sum(let a, let b), .difference(let a, let b):
            let isSum: Bool
            if case .sum = e.node { isSum = true } else { isSum = false }
            let x = try _evaluate(a), y = try _evaluate(b)
            switch (x, y) {
            case (.scalar(let s), .scalar(let t)):
                return .scalar(isSum ? s + t : s - t)
            case (.matrix(let p, let ps), .matrix(let q, let qs)):
                guard ps == qs else {
                    throw .shapeMismatch(operation: isSum ? "a sum" : "a difference", left: ps, right: qs, at: e.range)
                }
                return .matrix(isSum ? p + q : p - q, ps)
            case (.matrix(let p, let shape), .scalar(let s)):
                let q = try _identityMultiple(s, shape: shape, at: e.range)
                return .matrix(isSum ? p + q : p - q, shape)
            case (.scalar(let s), .matrix(let q, let shape)):
                let p = try _identityMultiple(s, shape: shape, at: e.range)
                return .matrix(isSum ? p + q : p - q, shape)
            }
        case .product(let a, let b):
            let x = try _evaluate(a), y = try _evaluate(b)
            switch (x, y) {
            case (.scalar(let s), .scalar(let t)):
                try SymbolicBudget.checkProduct(s._terms.count, t._terms.count, at: e.range)
                return .scalar(s * t)
            case (.matrix(let p, let ps), .matrix(let q, let qs)):
                guard ps.columns == qs.rows else {
                    throw .shapeMismatch(operation: "a product", left: ps, right: qs, at: e.range)
                }
                try SymbolicBudget.checkProduct(p._terms.count, q._terms.count, at: e.range)
                return .matrix(p * q, Shape(ps.rows, qs.columns))
            case (.matrix(let p, let shape), .scalar(let s)):
                guard let q = s.asScalarPolynomial else { throw .traceAndMatrix(operation: "a product", at: e.range) }
                try SymbolicBudget.checkProduct(p._terms.count, q._terms.count, at: e.range)
                return .matrix(p * q, shape)
            case (.scalar(let s), .matrix(let q, let shape)):
                guard let p = s.asScalarPolynomial else { throw .traceAndMatrix(operation: "a product", at: e.range) }
                try SymbolicBudget.checkProduct(p._terms.count, q._terms.count, at: e.range)
                return .matrix(p * q, shape)
            }
        case .quotient(let a, let b):
            let x = try _evaluate(a)
            guard case .scalar(let s) = try _evaluate(b), let c = s._constantValue, !c.isZero else {
                throw .invalidDivision(at: b.range)
            }
            let inverse = Rational(1) / c
            switch x {
            case .scalar(let t): return .scalar(inverse * t)
            case .matrix(let p, let shape): return .matrix(inverse * p, shape)
            }
        case .power(let a, let k):
            switch try _evaluate(a) {
            case .scalar(let s):
                try SymbolicBudget.checkPower(s._terms.count, k, at: e.range)
                return .scalar(s.power(k))
            case .matrix(let p, let shape):
                guard shape.isSquare else { throw .notSquare(operation: "a power", shape: shape, at: e.range) }
                try SymbolicBudget.checkPower(p._terms.count, k, at: e.range)
                return .matrix(p.power(k), shape)
            }
        case .transpose(let a):
            switch try _evaluate(a) {
            case .scalar(let s): return .scalar(s)
            case .matrix(let p, let shape): return .matrix(p.transposed(), shape.transposed())
            }
        case .trace(let a):
            switch try _evaluate(a) {
            case .scalar(let s):
                guard let p = s.asScalarPolynomial else { throw .traceAndMatrix(operation: "a trace", at: e.range) }
                return .scalar(TracePolynomial.trace(of: p))
            case .matrix(let p, let shape):
                guard shape.isSquare else { throw .notSquare(operation: "a trace", shape: shape, at: e.range) }
                if shape != .default && p._terms.keys.contains(where: { $0.word.isEmpty }) {
                    throw .ambiguousIdentityTrace(shape, at: e.range)
                }
                return .scalar(TracePolynomial.trace(of: p))
            }
        case .derivative(let a):
            guard let flow else { throw .noFlow(at: e.range) }
            switch try _evaluate(a) {
            case .scalar(let s): return .scalar(try s.derivative(along: flow))
            case .matrix(let p, let shape): return .matrix(try p.derivative(along: flow), shape)
            }
        case .step(let a):
            guard let step else { throw .noStep(at: e.range) }
            switch try _evaluate(a) {
            case .scalar(let s): return .scalar(try s.substituting(step))
            case .matrix(let p, let shape): return .matrix(try p.substituting(step), shape)
            }
        case .coefficient(let a, let name, let k):
            guard let symbol = symbol(for: name), symbol.isScalar else {
                throw .invalidCoefficient("'\(_Naming.unicode(name))' is not a scalar symbol", at: e.range)
            }
            switch try _evaluate(a) {
            case .scalar(let s): return .scalar(s.coefficient(of: symbol, power: k))
            case .matrix(let p, let shape): return .matrix(p.coefficient(of: symbol, power: k), shape)
            }
        }
    }

    /// s·I for a pure scalar s next to a square matrix of `shape`.
    private func _identityMultiple(_ s: TracePolynomial, shape: Shape, at range: Range<Int>) throws(SymbolicError) -> NCPolynomial {
        guard let p = s.asScalarPolynomial else { throw .traceAndMatrix(operation: "a sum", at: range) }
        guard shape.isSquare else { throw .notSquare(operation: "adding a multiple of I", shape: shape, at: range) }
        return p
    }
}

extension TracePolynomial {
    /// The rational value when the polynomial is a constant (no symbols, no traces).
    var _constantValue: Rational? {
        if _terms.isEmpty { return 0 }
        guard _terms.count == 1, let (m, c) = _terms.first, m == .one else { return nil }
        return c
    }
}
