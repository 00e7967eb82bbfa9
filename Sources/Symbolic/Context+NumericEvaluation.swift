import LinearAlgebra
import MultiPrecision

// Direct numeric evaluation of expressions on exact rational matrices, independent of the canonical forms:
// `d/dt` is evaluated with dual numbers (value, tangent) propagated by the product rule of matrices, `step(…)` by
// evaluating the new values numerically, and `coeff(…)` by exact polynomial interpolation in the scalar.
// The randomized cross-check uses it to confirm proved identities and to find counterexamples.

extension Context {
    /// The exact value of `expression` at `assignment`, computed directly on matrices (never through canonical
    /// forms): `d/dt` by dual numbers along the flow, `step(…)` by evaluating the new values, `coeff(e, x, k)` by
    /// exact interpolation of e in x.
    ///
    /// - Throws: ``SymbolicError`` for missing values, opaque symbols under `d/dt`, or nested `d/dt`, `step` or
    ///   `coeff` inside `d/dt`.
    public func evaluateNumerically(_ expression: Expression, at assignment: Assignment) throws(SymbolicError) -> NumericValue {
        var environment = _NumericEnvironment(assignment: assignment, tangents: nil)
        return try _numeric(expression, in: &environment).value
    }
}

/// A value and, under `d/dt`, its tangent (nil for zero).
struct _Jet {
    var value: NumericValue
    var tangent: NumericValue?
}

/// What the tangent of a symbol is under `d/dt`.
enum _TangentState {
    case zero
    case value(NumericValue)
    case unknown
}

struct _NumericEnvironment {
    var assignment: Assignment
    /// `nil` outside `d/dt`.
    var tangents: [Symbol: _TangentState]?
}

extension Context {
    func _numeric(_ e: Expression, in env: inout _NumericEnvironment) throws(SymbolicError) -> _Jet {
        try SymbolicBudget.checkpoint()
        let dual = env.tangents != nil
        switch e.node {
        case .number(let c):
            return _Jet(value: .scalar(c), tangent: nil)
        case .identity:
            return _Jet(value: .scalar(1), tangent: nil)
        case .name(let name):
            if let d = definition(named: name) { return try _numeric(d.expression, in: &env) }
            guard let symbol = alphabet.resolve(name) else { throw .undeclaredName(name, at: e.range) }
            let value: NumericValue
            if symbol.isScalar {
                guard let x = env.assignment.scalars[symbol] else { throw .missingValue(symbol) }
                value = .scalar(x)
            } else {
                guard let m = env.assignment.matrices[symbol] else { throw .missingValue(symbol) }
                value = .matrix(m)
            }
            guard let tangents = env.tangents, !symbol.isScalar else { return _Jet(value: value, tangent: nil) }
            switch tangents[symbol] ?? .unknown {
            case .zero: return _Jet(value: value, tangent: nil)
            case .value(let t): return _Jet(value: value, tangent: t)
            case .unknown: throw .missingRate(symbol)
            }
        case .negation(let a):
            let x = try _numeric(a, in: &env)
            return _Jet(value: try _N.scale(-1, x.value), tangent: try x.tangent.map { t throws(SymbolicError) in try _N.scale(-1, t) })
        case .sum(let a, let b), .difference(let a, let b):
            let sign: Rational
            if case .sum = e.node { sign = 1 } else { sign = -1 }
            let x = try _numeric(a, in: &env), y = try _numeric(b, in: &env)
            let value = try _N.add(x.value, try _N.scale(sign, y.value), at: e.range)
            let tangent = try _N.addOptional(x.tangent, try y.tangent.map { t throws(SymbolicError) in try _N.scale(sign, t) }, at: e.range)
            return _Jet(value: value, tangent: tangent)
        case .product(let a, let b):
            let x = try _numeric(a, in: &env), y = try _numeric(b, in: &env)
            return try _N.product(x, y, at: e.range)
        case .quotient(let a, let b):
            let x = try _numeric(a, in: &env), y = try _numeric(b, in: &env)
            guard case .scalar(let c) = y.value, y.tangent == nil, !c.isZero else { throw .invalidDivision(at: b.range) }
            let inverse = Rational(1) / c
            return _Jet(value: try _N.scale(inverse, x.value), tangent: try x.tangent.map { t throws(SymbolicError) in try _N.scale(inverse, t) })
        case .power(let a, let k):
            let x = try _numeric(a, in: &env)
            var result: _Jet
            switch x.value {
            case .scalar: result = _Jet(value: .scalar(1), tangent: nil)
            case .matrix(let m):
                guard m.isSquare else { throw .notSquare(operation: "a power", shape: m._shape, at: e.range) }
                result = _Jet(value: .matrix(.identity(m.rowCount)), tangent: nil)
            }
            for _ in 0..<k { result = try _N.product(result, x, at: e.range) }
            return result
        case .transpose(let a):
            let x = try _numeric(a, in: &env)
            return _Jet(value: _N.transpose(x.value), tangent: x.tangent.map(_N.transpose))
        case .trace(let a):
            let x = try _numeric(a, in: &env)
            return _Jet(value: try _N.trace(x.value, env.assignment, at: e.range),
                        tangent: try x.tangent.map { t throws(SymbolicError) in try _N.trace(t, env.assignment, at: e.range) })
        case .derivative(let a):
            if dual { throw .unsupportedNesting("d/dt", at: e.range) }
            guard flow != nil else { throw .noFlow(at: e.range) }
            var tangents: [Symbol: _TangentState] = [:]
            for symbol in env.assignment.matrices.keys { tangents[symbol] = .unknown }
            for c in flow!.constants { tangents[c] = .zero }
            for entry in flowEntries {
                tangents[entry.symbol] = .value(try _numeric(entry.expression, in: &env).value)
            }
            var inner = _NumericEnvironment(assignment: env.assignment, tangents: tangents)
            let x = try _numeric(a, in: &inner)
            return _Jet(value: x.tangent ?? _N.zero(like: x.value), tangent: nil)
        case .step(let a):
            if dual { throw .unsupportedNesting("step", at: e.range) }
            guard step != nil else { throw .noStep(at: e.range) }
            var next = env.assignment
            for entry in stepEntries {
                switch try _numeric(entry.expression, in: &env).value {
                case .matrix(let m): next.matrices[entry.symbol] = m
                case .scalar(let c):
                    let n = try env.assignment.size(of: alphabet.shape(of: entry.symbol).rows)
                    next.matrices[entry.symbol] = c * Matrix<Rational>.identity(n)
                }
            }
            var inner = _NumericEnvironment(assignment: next, tangents: nil)
            return _Jet(value: try _numeric(a, in: &inner).value, tangent: nil)
        case .coefficient(let a, let name, let k):
            if dual { throw .unsupportedNesting("coeff", at: e.range) }
            guard let symbol = symbol(for: name), symbol.isScalar else {
                throw .invalidCoefficient("'\(_Naming.unicode(name))' is not a scalar symbol", at: e.range)
            }
            return _Jet(value: try _interpolatedCoefficient(a, symbol: symbol, power: k, in: env), tangent: nil)
        }
    }

    /// The coefficient of xᵏ in e, by evaluating e at x = 0, 1, 2, … and interpolating exactly. The degree starts at
    /// the canonical form's degree in x and grows until one more point confirms the interpolant.
    private func _interpolatedCoefficient(_ e: Expression, symbol: Symbol, power k: Int,
                                          in env: _NumericEnvironment) throws(SymbolicError) -> NumericValue {
        var degree: Int
        switch try evaluate(e) {
        case .matrix(let p): degree = p.expansion(in: symbol).keys.max() ?? 0
        case .scalar(let s): degree = s.expansion(in: symbol).keys.max() ?? 0
        }
        var samples: [NumericValue] = []
        func sample(_ i: Int) throws(SymbolicError) -> NumericValue {
            while samples.count <= i {
                var shifted = env
                shifted.assignment.scalars[symbol] = Rational(samples.count)
                samples.append(try _numeric(e, in: &shifted).value)
            }
            return samples[i]
        }
        while true {
            // Newton divided differences on the points 0…degree, converted to monomial coefficients.
            var table: [NumericValue] = []
            for i in 0...degree { table.append(try sample(i)) }
            var newton = [table[0]]
            if degree >= 1 {
                for level in 1...degree {
                    for i in stride(from: degree, through: level, by: -1) {
                        let difference = try _N.add(table[i], try _N.scale(-1, table[i - 1]), at: e.range)
                        table[i] = try _N.scale(Rational(1) / Rational(level), difference)
                    }
                    newton.append(table[level])
                }
            }
            // p(x) = Σ_j newton[j] · ∏_{i<j} (x − i): expand into coefficients of x^0 … x^degree.
            var coefficients = [NumericValue](repeating: _N.zero(like: table[0]), count: degree + 1)
            var basis: [Rational] = [1]   // coefficients of ∏_{i<j} (x − i)
            for j in 0...degree {
                for (power, b) in basis.enumerated() where !b.isZero {
                    coefficients[power] = try _N.add(coefficients[power], try _N.scale(b, newton[j]), at: e.range)
                }
                var next = [Rational](repeating: 0, count: basis.count + 1)
                for (power, b) in basis.enumerated() {
                    next[power + 1] += b
                    next[power] -= Rational(j) * b
                }
                basis = next
            }
            // Confirm at the next point.
            let x = Rational(degree + 1)
            var predicted = _N.zero(like: table[0])
            for (power, c) in coefficients.enumerated() {
                predicted = try _N.add(predicted, try _N.scale(x.power(power), c), at: e.range)
            }
            if predicted.isEqual(to: try sample(degree + 1)) {
                return k < coefficients.count ? coefficients[k] : _N.zero(like: table[0])
            }
            degree += 1
            if degree > 64 { throw .invalidCoefficient("the expression is not a polynomial of degree ≤ 64 in \(symbol)", at: e.range) }
        }
    }
}

/// Arithmetic on numeric values with scalar-to-identity promotion.
enum _N {
    static func zero(like value: NumericValue) -> NumericValue {
        switch value {
        case .scalar: return .scalar(0)
        case .matrix(let m): return .matrix(.zeros(rows: m.rowCount, columns: m.columnCount))
        }
    }

    static func scale(_ c: Rational, _ value: NumericValue) throws(SymbolicError) -> NumericValue {
        switch value {
        case .scalar(let x): return .scalar(c * x)
        case .matrix(let m): return .matrix(c * m)
        }
    }

    static func add(_ a: NumericValue, _ b: NumericValue, at range: Range<Int>?) throws(SymbolicError) -> NumericValue {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(x + y)
        case (.matrix(let m), .matrix(let n)):
            guard m.shape == n.shape else { throw .shapeMismatch(operation: "a sum", left: m._shape, right: n._shape, at: range) }
            return .matrix(m + n)
        case (.matrix(let m), .scalar(let c)), (.scalar(let c), .matrix(let m)):
            guard m.isSquare else { throw .notSquare(operation: "adding a multiple of I", shape: m._shape, at: range) }
            return .matrix(m + c * Matrix<Rational>.identity(m.rowCount))
        }
    }

    static func addOptional(_ a: NumericValue?, _ b: NumericValue?, at range: Range<Int>?) throws(SymbolicError) -> NumericValue? {
        guard let a else { return b }
        guard let b else { return a }
        return try add(a, b, at: range)
    }

    static func multiply(_ a: NumericValue, _ b: NumericValue, at range: Range<Int>?) throws(SymbolicError) -> NumericValue {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(x * y)
        case (.matrix(let m), .matrix(let n)):
            guard m.columnCount == n.rowCount else {
                throw .shapeMismatch(operation: "a product", left: m._shape, right: n._shape, at: range)
            }
            return .matrix(m * n)
        case (.matrix(let m), .scalar(let c)), (.scalar(let c), .matrix(let m)):
            return .matrix(c * m)
        }
    }

    /// The product rule: (a, a′)(b, b′) = (ab, a′b + ab′).
    static func product(_ x: _Jet, _ y: _Jet, at range: Range<Int>?) throws(SymbolicError) -> _Jet {
        let value = try multiply(x.value, y.value, at: range)
        var tangent: NumericValue?
        if let t = x.tangent { tangent = try multiply(t, y.value, at: range) }
        if let t = y.tangent { tangent = try addOptional(tangent, try multiply(x.value, t, at: range), at: range) }
        return _Jet(value: value, tangent: tangent)
    }

    static func transpose(_ value: NumericValue) -> NumericValue {
        switch value {
        case .scalar: return value
        case .matrix(let m): return .matrix(m.transposed())
        }
    }

    /// The trace; a scalar c stands for c·I of the default dimension n.
    static func trace(_ value: NumericValue, _ assignment: Assignment, at range: Range<Int>?) throws(SymbolicError) -> NumericValue {
        switch value {
        case .scalar(let c): return .scalar(c * Rational(try assignment.size(of: .default)))
        case .matrix(let m):
            guard m.isSquare else { throw .notSquare(operation: "a trace", shape: m._shape, at: range) }
            return .scalar(m.trace)
        }
    }
}
