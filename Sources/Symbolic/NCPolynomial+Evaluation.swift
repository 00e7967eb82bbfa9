import LinearAlgebra
import MultiPrecision

extension NCPolynomial {
    /// The exact matrix value at `assignment`: Σ coefficient·scalars·(product of the letters' matrices).
    ///
    /// The constant terms are multiples of the identity of the result's size; for a polynomial with constant terms
    /// only, that is the size of the default dimension `n`.
    ///
    /// - Throws: ``SymbolicError/missingValue(_:)``, ``SymbolicError/missingDimension(_:)``, or
    ///   ``SymbolicError/shapeMismatch(operation:left:right:at:)`` when the matrices do not fit.
    public func evaluate(at assignment: Assignment) throws(SymbolicError) -> Matrix<Rational> {
        var result: Matrix<Rational>?
        var constant = Rational(0)
        for term in terms {
            let scale = try term.monomial.scalars._evaluate(at: assignment) * term.coefficient
            guard let first = term.monomial.word.first else {
                constant += scale
                continue
            }
            var product = try assignment._matrix(first.symbol, transposed: first.isTransposed)
            for letter in term.monomial.word.dropFirst() {
                let next = try assignment._matrix(letter.symbol, transposed: letter.isTransposed)
                guard product.columnCount == next.rowCount else {
                    throw .shapeMismatch(operation: "a product", left: product._shape, right: next._shape, at: nil)
                }
                product = product * next
            }
            product = scale * product
            if let current = result {
                guard current.shape == product.shape else {
                    throw .shapeMismatch(operation: "a sum", left: current._shape, right: product._shape, at: nil)
                }
                result = current + product
            } else {
                result = product
            }
        }
        guard let value = result else {
            let n = try assignment.size(of: .default)
            return constant * Matrix<Rational>.identity(n)
        }
        if !constant.isZero {
            guard value.isSquare else {
                throw .notSquare(operation: "adding a multiple of I", shape: value._shape, at: nil)
            }
            return value + constant * Matrix<Rational>.identity(value.rowCount)
        }
        return value
    }
}

extension TracePolynomial {
    /// The exact value at `assignment`; tr(I) is the size of the default dimension `n`.
    ///
    /// - Throws: as ``NCPolynomial/evaluate(at:)``, and ``SymbolicError/notSquare(operation:shape:at:)`` for a
    ///   trace of a non-square product.
    public func evaluate(at assignment: Assignment) throws(SymbolicError) -> Rational {
        var sum = Rational(0)
        for term in terms {
            var value = try term.monomial.scalars._evaluate(at: assignment) * term.coefficient
            for t in term.monomial.traces {
                if t.word.isEmpty {
                    value *= Rational(try assignment.size(of: .default))
                    continue
                }
                let m = try NCPolynomial(Monomial(word: t.word)).evaluate(at: assignment)
                guard m.isSquare else { throw .notSquare(operation: "a trace", shape: m._shape, at: nil) }
                value *= m.trace
            }
            sum += value
        }
        return sum
    }
}

extension ScalarMonomial {
    func _evaluate(at assignment: Assignment) throws(SymbolicError) -> Rational {
        var value = Rational(1)
        for f in factors {
            guard let x = assignment.scalars[f.symbol] else { throw .missingValue(f.symbol) }
            value *= x.power(f.exponent)
        }
        return value
    }
}

extension Assignment {
    func _matrix(_ symbol: Symbol, transposed: Bool) throws(SymbolicError) -> Matrix<Rational> {
        guard let m = matrices[symbol] else { throw .missingValue(symbol) }
        return transposed ? m.transposed() : m
    }
}

extension Matrix {
    /// The shape as a symbolic ``Shape`` of fixed sizes, for error messages.
    var _shape: Shape { Shape(.fixed(rowCount), .fixed(columnCount)) }
}
