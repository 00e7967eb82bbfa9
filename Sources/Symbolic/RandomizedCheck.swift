import LinearAlgebra
import MultiPrecision

/// An exact randomized cross-check of an identity on random rational matrices of compatible sizes.
///
/// Each trial draws a size for every dimension name and a random matrix (integer entries in −b…b) for every matrix
/// symbol, symmetric where declared, and a random positive rational for every scalar symbol, then evaluates both
/// sides exactly. For equations in a ``Context`` the sides are evaluated directly from the syntax tree (see
/// ``Context/evaluateNumerically(_:at:)``), never through canonical forms, so agreement confirms a proof
/// independently, and disagreement is a **counterexample**: concrete matrices on which the two sides differ.
///
/// Everything is determined by `seed`: the same seed gives the same matrices on every machine.
///
/// ```swift
/// let check = RandomizedCheck(seed: 7)
/// if case .counterexample(let c) = try check.run(try Equation(parsing: "W2 W1 = W1 W2"), in: Context()) {
///     print(c)   // the sizes, W₁ and W₂, and the two different products
/// }
/// ```
public struct RandomizedCheck: Hashable, Sendable {
    /// The seed of the generator.
    public var seed: UInt64
    /// The number of random instances tried.
    public var trials: Int
    /// The range of sizes drawn for each named dimension.
    public var sizes: ClosedRange<Int>
    /// Matrix entries are integers in −entryBound…entryBound; scalars are p/q with 1 ≤ p, q ≤ entryBound.
    public var entryBound: Int

    /// A check with the given seed, number of trials, sizes and entry bound.
    public init(seed: UInt64 = 2024, trials: Int = 3, sizes: ClosedRange<Int> = 2...3, entryBound: Int = 3) {
        precondition(trials >= 1 && sizes.lowerBound >= 1 && entryBound >= 1, "RandomizedCheck: invalid parameters")
        self.seed = seed
        self.trials = trials
        self.sizes = sizes
        self.entryBound = entryBound
    }

    /// The outcome of a check.
    public enum Outcome: Sendable {
        /// Both sides agreed on every trial.
        case agreed(trials: Int)
        /// The sides differ on this instance.
        case counterexample(Counterexample)

        /// The counterexample, if one was found.
        public var counterexample: Counterexample? {
            if case .counterexample(let c) = self { return c }
            return nil
        }
    }

    /// The random instance of trial `trial` for `symbols`, shaped by `alphabet`.
    public func assignment(for symbols: [Symbol], in alphabet: Alphabet, trial: Int) -> Assignment {
        var rng = SeededGenerator(seed: seed &+ UInt64(trial) &* 0xD1B5_4A32_D192_ED03)
        var assignment = Assignment()
        // Sizes for the dimension names the symbols' shapes use, and for the default n (tr(I), lone constants).
        var used = Set<String>()
        for symbol in symbols where !symbol.isScalar {
            for d in [alphabet.shape(of: symbol).rows, alphabet.shape(of: symbol).columns] {
                if case .named(let name) = d { used.insert(name) }
            }
        }
        for name in used.union([Dimension.default.description]).sorted() {
            assignment.dimensions[name] = Int.random(in: sizes, using: &rng)
        }
        assignment.relevantDimensions = used.isEmpty ? [Dimension.default.description] : used.sorted { _Naming.naturalLess($0, $1) }
        for symbol in symbols {
            if symbol.isScalar {
                let p = Int.random(in: 1...entryBound, using: &rng), q = Int.random(in: 1...entryBound, using: &rng)
                assignment.scalars[symbol] = Rational(p) / Rational(q)
                continue
            }
            let shape = alphabet.shape(of: symbol)
            let rows = (try? assignment.size(of: shape.rows)) ?? 1, columns = (try? assignment.size(of: shape.columns)) ?? 1
            var m = Matrix<Rational>(rows: rows, columns: columns) { _, _ in
                Rational(Int.random(in: -entryBound...entryBound, using: &rng))
            }
            if symbol.kind == .symmetric {
                m = Matrix(rows: rows, columns: columns) { i, j in i <= j ? m[i, j] : m[j, i] }
            }
            assignment.matrices[symbol] = m
        }
        return assignment
    }

    /// Checks `equation` in `context`, evaluating both sides directly on random instances.
    ///
    /// - Throws: ``SymbolicError`` when a side cannot be evaluated.
    public func run(_ equation: Equation, in context: Context) throws(SymbolicError) -> Outcome {
        let symbols = context.symbols(in: [equation])
        for trial in 0..<trials {
            try SymbolicBudget.checkpoint()
            let instance = assignment(for: symbols, in: context.alphabet, trial: trial)
            let lhs = try context.evaluateNumerically(equation.lhs, at: instance)
            let rhs = try context.evaluateNumerically(equation.rhs, at: instance)
            if !lhs.isEqual(to: rhs) {
                return .counterexample(Counterexample(seed: seed, trial: trial, symbols: symbols, assignment: instance,
                                                      lhs: lhs, rhs: rhs))
            }
        }
        return .agreed(trials: trials)
    }

    /// Checks `lhs = rhs` for polynomials by evaluating both on random instances.
    ///
    /// - Throws: ``SymbolicError`` when the matrices do not fit (shapes not declared in `alphabet`).
    public func run(_ lhs: NCPolynomial, equals rhs: NCPolynomial, in alphabet: Alphabet = Alphabet()) throws(SymbolicError) -> Outcome {
        let symbols = (lhs.symbols.union(rhs.symbols)).sorted()
        for trial in 0..<trials {
            try SymbolicBudget.checkpoint()
            let instance = assignment(for: symbols, in: alphabet, trial: trial)
            let a = NumericValue.matrix(try lhs.evaluate(at: instance))
            let b = NumericValue.matrix(try rhs.evaluate(at: instance))
            if !a.isEqual(to: b) {
                return .counterexample(Counterexample(seed: seed, trial: trial, symbols: symbols, assignment: instance, lhs: a, rhs: b))
            }
        }
        return .agreed(trials: trials)
    }

    /// Checks `lhs = rhs` for trace polynomials by evaluating both on random instances.
    ///
    /// - Throws: ``SymbolicError`` when the matrices do not fit.
    public func run(_ lhs: TracePolynomial, equals rhs: TracePolynomial, in alphabet: Alphabet = Alphabet()) throws(SymbolicError) -> Outcome {
        let symbols = (lhs.symbols.union(rhs.symbols)).sorted()
        for trial in 0..<trials {
            try SymbolicBudget.checkpoint()
            let instance = assignment(for: symbols, in: alphabet, trial: trial)
            let a = NumericValue.scalar(try lhs.evaluate(at: instance))
            let b = NumericValue.scalar(try rhs.evaluate(at: instance))
            if !a.isEqual(to: b) {
                return .counterexample(Counterexample(seed: seed, trial: trial, symbols: symbols, assignment: instance, lhs: a, rhs: b))
            }
        }
        return .agreed(trials: trials)
    }
}
