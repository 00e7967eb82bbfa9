import MultiPrecision

// Implementation goals, in order of priority:
// 1. The standard order-by-order recurrences, O(p²) per step at order p; the field is never re-evaluated.
// 2. No allocation after `init`: every series coefficient, accumulator and constant is a slot of one store,
//    and the compiled program lives in buffers allocated once.
// 3. Operands of equal precision within an order (tapering levels), so MPFR takes its fast paths.
// 4. The orders that need at most 53 bits run in hardware `Double` (the tail), with MPFR as the fallback.
// 5. On the MPFR arena every Cauchy sum Σ_j w_j a_j b_{k−j} is summed exactly in GMP and rounded once
//    (`ExactProductSum`): the correctly rounded sum, at about half the cost of a rounded multiply and add per term.
//    A sum node whose coefficients are all integers (an entry of a matrix product, Σ_l Σ_j A_{il,j} B_{lk,k−j})
//    is one such sum with its terms and constant: one rounding per node and order.

/// Runs a compiled `TaylorProgram` over a slot store: the Taylor coefficients of every node, order by order, for
/// one step, and the Horner evaluation of the state series.
///
/// Slot layout: node n's coefficient of order k at level λ (λ ≥ level(k)) is slot `base[n] + table[λ·(p+1) + k]`.
/// Within a node the slots are level-major: level λ holds orders 0 … K_λ contiguously (K_λ the last order whose level
/// is at most λ), so that table[λ·(p+1) + k] = start(λ) + k; a Cauchy sum at level λ reads both operands' headers
/// and significands in address order (forward for a_j, backward for b_{k−j}). A coefficient
/// is computed at its own level (its "native" slot) and then rounded into the coarser levels, where the higher
/// orders read it. Only nodes whose history is read need those copies (`CoarseCopies`): a sum node read only as a
/// linear term, at its own order, gets none, and a field output only the one its next state coefficient reads.
///
/// Recurrences (x_k is the k-th normalized coefficient, x^(k)/k!):
/// - sum of products: (c + Σγu + Σδab)_k = [k=0]c + Σγ u_k + Σ δ Σ_j a_j b_{k−j};
/// - quotient w = a/b: w_k = (a_k − Σ_{j≥1} b_j w_{k−j}) / b₀;
/// - w = eᵃ: w_k = (1/k) Σ_{j=1..k} j a_j w_{k−j};
/// - w = ln a: w_k = (a_k − (1/k) Σ_{j=1..k−1} j w_j a_{k−j}) / a₀;
/// - w = √a: w_k = (a_k − Σ_{j=1..k−1} w_j w_{k−j}) / (2 w₀);
/// - w = a^α: w_k = (1/(k a₀)) Σ_{j=0..k−1} (α(k−j) − j) a_{k−j} w_j;
/// - the ODE: x_{k+1} = f_k / (k+1).
///
/// The tail: when the levels have a 53-bit `doubleLevel`, the orders at that level (the highest ones) are computed in
/// a `TaylorDoubleStore` that shadows the slots of that level, with the same recurrences in IEEE double arithmetic
/// (53 bits, round to nearest: what MPFR at 53 bits computes, while the exponents stay in range). Every coefficient
/// that enters the tail (rounded from MPFR) and every coefficient the tail computes must be 0 or have its magnitude
/// in [2^−480, 2^480]; then no product of two of them overflows or leaves the normal range, and a sum that lands
/// in the subnormal range is exact. When any of them is outside that range, the tail is recomputed in MPFR at the
/// same 53-bit level (full exponent range). The state coefficients of the tail are copied back into their 53-bit
/// MPFR slots (exactly), where the step-size rule, the tapering check and Horner read them.
final class TaylorEngine<Store: TaylorArithmetic> {
    /// The compiled field.
    let program: TaylorProgram
    /// The order p: state coefficients 0 … p are computed each step.
    let order: Int
    /// The precision levels.
    let levels: TaylorPrecisionLevels
    /// The slot store.
    let store: Store
    /// The state dimension.
    let dimension: Int

    struct CompiledProduct {
        var a: Int, b: Int, degreeA: Int, degreeB: Int
        var isSquare: Bool
        /// +1 or −1 for a unit coefficient; 0 when `coefficientSlot + λ` holds it at level λ.
        var sign: Int
        var coefficientSlot: Int
        /// The coefficient as ±`weight` when it is an integer of magnitude at most 2³² (else `weight` is 0).
        var weight: UInt, weightIsNegative: Bool
    }

    struct CompiledTerm {
        var node: Int, degree: Int, sign: Int, coefficientSlot: Int
        /// The coefficient as ±`weight` when it is an integer of magnitude at most 2³² (else `weight` is 0).
        var weight: UInt, weightIsNegative: Bool
    }

    enum Instruction {
        /// A sum node: `products[productRange]`, `terms[termRange]`, and the constant in `constantSlot` (−1: none).
        /// `integral`: every coefficient is an integer weight, so a store that sums exactly rounds the node once.
        case sum(productRange: Range<Int>, termRange: Range<Int>, constantSlot: Int, integral: Bool)
        case divide(a: Int, degreeA: Int, b: Int, degreeB: Int)
        case exp(a: Int, degreeA: Int)
        case log(a: Int, degreeA: Int)
        case sqrt(a: Int, degreeA: Int)
        case power(a: Int, degreeA: Int, alphaSlot: Int)
    }

    /// Which of a node's coefficients are rounded into the coarser levels after they are computed.
    enum CoarseCopies {
        /// Every order's: a later order's instruction reads the node's history (it is a state, an operand of a
        /// product or of a quotient, exp, log, √ or power, or such a node itself).
        case everyOrder
        /// Only order k's where level(k + 1) is coarser than level(k): a field output, read once at order k to form
        /// the state coefficient k + 1 at its level, and otherwise only at its own order.
        case atLevelChange
        /// None: the node is read only at the order being computed (as a linear term), where it is native.
        case never
    }

    struct Step {
        var node: Int, degree: Int, instruction: Instruction
        var coarseCopies: CoarseCopies = .everyOrder
    }

    private let levelCount: Int
    private let table: UnsafeMutablePointer<Int>
    private let levelOf: UnsafeMutablePointer<Int>
    private let products: UnsafeMutableBufferPointer<CompiledProduct>
    private let terms: UnsafeMutableBufferPointer<CompiledTerm>
    private let steps: UnsafeMutableBufferPointer<Step>
    private let stateBases: UnsafeMutableBufferPointer<Int>
    private let outputBases: UnsafeMutableBufferPointer<Int>
    private let timeBase: Int?
    /// Per-level scratch: accumulator, second accumulator, and two temporaries at `scratch + 4λ + i`.
    private let scratch: Int
    /// The hardware `Double` shadow of the slots of `levels.doubleLevel` (nil without that level).
    private let tail: TaylorDoubleStore?
    /// The first order computed in the tail (`order`: none).
    private let tailStart: Int
    /// Whether the constants rounded into the tail at `init` are in the tail's range.
    private var constantsInTailRange = true
    /// Whether every coefficient rounded into the tail this step is in the tail's range.
    private var tailInRange = true
    /// Steps whose tail was recomputed in MPFR because a coefficient left the tail's range.
    private(set) var tailFallbacks = 0
    /// Full-precision slots: the time, the step, the end of the interval, a Horner accumulator, a difference, the
    /// start of the last step.
    let timeSlot: Int, stepSlot: Int, endSlot: Int, hornerSlot: Int, differenceSlot: Int, previousTimeSlot: Int
    /// Full-precision slots of the state at `timeSlot`: component i is `stateSlot + i`. The series of the last
    /// step keep the state at its start, so dense output works after the state has moved on.
    let stateSlot: Int
    /// Full-precision slots for the state at the end of a trial step (`trialStateSlot + i`), the trial time, and
    /// the smallest step allowed.
    let trialStateSlot: Int, trialTimeSlot: Int, minimumStepSlot: Int

    /// Builds the slot layout and the store for `program` at order `order` with the given levels.
    /// - Parameter makeStore: makes a store from the precision of every slot.
    init(program: TaylorProgram, order: Int, levels: TaylorPrecisionLevels, stateGuardBits: Int,
         makeStore: ([Int]) -> Store) {
        precondition(order >= 1, "TaylorEngine: order \(order) < 1")
        precondition(levels.levelOfOrder.count == order + 1, "TaylorEngine: levels for another order")
        self.program = program
        self.order = order
        self.levels = levels
        dimension = program.stateNodes.count
        levelCount = levels.count
        let levelCount = levels.count
        let levelOfOrder = levels.levelOfOrder
        levelOf = .allocate(capacity: order + 1)
        levelOf.initialize(from: levelOfOrder, count: order + 1)
        // Level-major: level λ's block holds orders 0 … lastOrder[λ] (those whose level is at most λ) in order, so
        // that a Cauchy sum at level λ walks its operands' headers and significands contiguously.
        var lastOrder = Array(repeating: 0, count: levelCount)
        for k in 0...order { for level in levelOfOrder[k]..<levelCount { lastOrder[level] = k } }
        table = .allocate(capacity: levelCount * (order + 1))
        var seriesPrecisions: [Int] = []
        for level in 0..<levelCount {
            let start = seriesPrecisions.count
            for k in 0...order { table[level * (order + 1) + k] = k <= lastOrder[level] ? start + k : -1 }
            seriesPrecisions.append(contentsOf: repeatElement(levels.precisions[level], count: lastOrder[level] + 1))
        }
        let nodes = program.nodes
        var slotPrecisions: [Int] = []
        var base: [Int] = []
        for _ in nodes {
            base.append(slotPrecisions.count)
            slotPrecisions.append(contentsOf: seriesPrecisions)
        }
        // Rational constants: one slot per level, shared by equal values.
        var constantSlots: [Rational: Int] = [:]
        func constantSlot(_ q: Rational) -> Int {
            if let slot = constantSlots[q] { return slot }
            let slot = slotPrecisions.count
            slotPrecisions.append(contentsOf: levels.precisions)
            constantSlots[q] = slot
            return slot
        }
        func isUnit(_ q: Rational) -> Bool { q == Rational(1) || q == Rational(-1) }
        /// |q| as a weight when q is an integer of magnitude at most 2³², else 0.
        func integerWeight(_ q: Rational) -> UInt {
            guard q.isInteger, let d = Double(exactly: q), d.magnitude <= 0x1p32 else { return 0 }
            return UInt(d.magnitude)
        }
        var compiledProducts: [CompiledProduct] = []
        var compiledTerms: [CompiledTerm] = []
        var dynamicSteps: [Step] = [], staticSteps: [Step] = []
        // The nodes whose lower orders some instruction reads (at the reading order's level, so at every level).
        var historyIsRead = Array(repeating: false, count: nodes.count)
        for n in program.stateNodes { historyIsRead[n] = true }
        for (n, node) in nodes.enumerated() {
            switch node.kind {
            case .state, .time, .constant: historyIsRead[n] = true
            case .sum(_, _, let nodeProducts):
                for p in nodeProducts { historyIsRead[p.a] = true; historyIsRead[p.b] = true }
            case .divide(let a, let b):
                historyIsRead[a] = true; historyIsRead[b] = true; historyIsRead[n] = true
            case .exp(let a), .log(let a), .sqrt(let a), .power(let a, _):
                historyIsRead[a] = true; historyIsRead[n] = true
            }
        }
        let isOutput = Set(program.outputs)
        for (n, node) in nodes.enumerated() {
            let instruction: Instruction
            switch node.kind {
            case .state, .time, .constant: continue
            case .sum(let constant, let nodeTerms, let nodeProducts):
                let productStart = compiledProducts.count
                for p in nodeProducts {
                    compiledProducts.append(CompiledProduct(
                        a: base[p.a], b: base[p.b], degreeA: nodes[p.a].degree, degreeB: nodes[p.b].degree,
                        isSquare: p.a == p.b, sign: isUnit(p.coefficient) ? p.coefficient.signum() : 0,
                        coefficientSlot: isUnit(p.coefficient) ? -1 : constantSlot(p.coefficient),
                        weight: integerWeight(p.coefficient), weightIsNegative: p.coefficient.signum() < 0))
                }
                let termStart = compiledTerms.count
                for t in nodeTerms {
                    compiledTerms.append(CompiledTerm(
                        node: base[t.node], degree: nodes[t.node].degree,
                        sign: isUnit(t.coefficient) ? t.coefficient.signum() : 0,
                        coefficientSlot: isUnit(t.coefficient) ? -1 : constantSlot(t.coefficient),
                        weight: integerWeight(t.coefficient), weightIsNegative: t.coefficient.signum() < 0))
                }
                let integral = compiledProducts[productStart...].allSatisfy { $0.weight > 0 }
                    && compiledTerms[termStart...].allSatisfy { $0.weight > 0 }
                instruction = .sum(productRange: productStart..<compiledProducts.count,
                                   termRange: termStart..<compiledTerms.count,
                                   constantSlot: constant.isZero ? -1 : constantSlot(constant), integral: integral)
            case .divide(let a, let b):
                instruction = .divide(a: base[a], degreeA: nodes[a].degree, b: base[b], degreeB: nodes[b].degree)
            case .exp(let a): instruction = .exp(a: base[a], degreeA: nodes[a].degree)
            case .log(let a): instruction = .log(a: base[a], degreeA: nodes[a].degree)
            case .sqrt(let a): instruction = .sqrt(a: base[a], degreeA: nodes[a].degree)
            case .power(let a, let alpha):
                instruction = .power(a: base[a], degreeA: nodes[a].degree, alphaSlot: constantSlot(alpha))
            }
            let step = Step(node: base[n], degree: node.degree, instruction: instruction,
                            coarseCopies: historyIsRead[n] ? .everyOrder : isOutput.contains(n) ? .atLevelChange : .never)
            if node.isStatic { staticSteps.append(step) } else { dynamicSteps.append(step) }
        }
        scratch = slotPrecisions.count
        for level in 0..<levelCount {
            slotPrecisions.append(contentsOf: Array(repeating: levels.precisions[level], count: 4))
        }
        timeSlot = slotPrecisions.count
        stepSlot = timeSlot + 1
        endSlot = timeSlot + 2
        hornerSlot = timeSlot + 3
        differenceSlot = timeSlot + 4
        previousTimeSlot = timeSlot + 5
        trialTimeSlot = timeSlot + 6
        minimumStepSlot = timeSlot + 7
        stateSlot = timeSlot + 8
        trialStateSlot = stateSlot + dimension
        slotPrecisions.append(contentsOf: Array(repeating: levels.precisions[0] + stateGuardBits,
                                                count: 8 + 2 * dimension))

        products = .allocate(capacity: max(compiledProducts.count, 1))
        _ = products.initialize(from: compiledProducts)
        terms = .allocate(capacity: max(compiledTerms.count, 1))
        _ = terms.initialize(from: compiledTerms)
        // Exactly as many as there are: the coefficient loop runs over `steps.count` (zero for a field that does not
        // depend on the state, whose outputs are constants or t).
        steps = .allocate(capacity: dynamicSteps.count)
        _ = steps.initialize(from: dynamicSteps)
        stateBases = .allocate(capacity: max(dimension, 1))
        _ = stateBases.initialize(from: program.stateNodes.map { base[$0] })
        outputBases = .allocate(capacity: max(dimension, 1))
        _ = outputBases.initialize(from: program.outputs.map { base[$0] })
        timeBase = program.timeNode.map { base[$0] }

        store = makeStore(slotPrecisions)
        if let doubleLevel = levels.doubleLevel, let start = levelOfOrder.firstIndex(of: doubleLevel), start < order {
            tail = TaylorDoubleStore(count: slotPrecisions.count)
            tailStart = start
        } else {
            tail = nil
            tailStart = order
        }
        // Constants at every level; constant nodes and static nodes at order 0, every level; t's unit coefficient.
        for (q, slot) in constantSlots {
            for level in 0..<levelCount { store.set(slot + level, rational: q) }
            if let tail, let doubleLevel = levels.doubleLevel { copyToTail(tail, slot + doubleLevel) }
        }
        for (n, node) in nodes.enumerated() {
            if case .constant(let c) = node.kind {
                store.set(base[n], rational: c)
                fillLevels(base[n], order: 0)
            }
        }
        for step in staticSteps {
            compute(step, order: 0, on: store)
            fillLevels(step.node, order: 0)
        }
        if let timeBase {
            for level in levelOfOrder[1]..<levelCount { store.set(timeBase + slotOffset(level, 1), rational: Rational(1)) }
            if let tail, let doubleLevel = levels.doubleLevel { copyToTail(tail, timeBase + slotOffset(doubleLevel, 1)) }
        }
        constantsInTailRange = tailInRange
    }

    deinit {
        table.deallocate()
        levelOf.deallocate()
        products.deallocate()
        terms.deallocate()
        steps.deallocate()
        stateBases.deallocate()
        outputBases.deallocate()
    }

    /// The offset of order k's coefficient at `level` within a node's slots.
    @inline(__always) private func slotOffset(_ level: Int, _ k: Int) -> Int { table[level * (order + 1) + k] }

    /// Rounds the native coefficient of order k of the series at `node` into the coarser levels (and, for the orders
    /// the tail reads, from the 53-bit level into the tail).
    @inline(__always) private func fillLevels(_ node: Int, order k: Int) {
        let native = node + slotOffset(levelOf[k], k)
        var level = levelOf[k] + 1
        while level < levelCount {
            store.set(node + slotOffset(level, k), native)
            level += 1
        }
        if let tail, k <= tailStart { copyToTail(tail, node + slotOffset(levelCount - 1, k)) }
    }

    /// The tail's range: 0, or a magnitude in [2^−480, 2^480] (false for NaN and ±∞).
    @inline(__always) static func isInTailRange(_ x: Double) -> Bool {
        x == 0 || (x.magnitude >= 0x1p-480 && x.magnitude <= 0x1p480)
    }

    /// Copies the 53-bit slot `slot` into the tail (exact), noting whether it is in the tail's range.
    @inline(__always) private func copyToTail(_ tail: TaylorDoubleStore, _ slot: Int) {
        let x = store.double(slot)
        tail.set(slot, double: x)
        tailInRange = tailInRange && Self.isInTailRange(x)
    }

    // MARK: State

    /// The slot of coefficient k of state component i at its native level.
    @inline(__always) func stateCoefficient(_ i: Int, _ k: Int) -> Int { stateBases[i] + slotOffset(levelOf[k], k) }


    // MARK: Coefficients

    /// Computes all Taylor coefficients of one step at the time in `timeSlot` and the state in `stateSlot`:
    /// state coefficients 0 … p, node coefficients 0 … p − 1. This is p passes over the tape.
    @_specialize(where Store == TaylorMPFRArena)
    @_specialize(where Store == TaylorDoubleStore)
    func computeCoefficients() {
        tailInRange = constantsInTailRange
        for i in 0..<dimension { store.set(stateBases[i], stateSlot + i) }
        if let timeBase {
            store.set(timeBase, timeSlot)
            fillLevels(timeBase, order: 0)
        }
        for i in 0..<dimension { fillLevels(stateBases[i], order: 0) }
        for k in 0..<order {
            if k == tailStart, let tail {
                if tailInRange && computeTail(tail) { return }
                tailFallbacks += 1
            }
            let levelChanges = levelOf[k + 1] != levelOf[k]
            for s in 0..<steps.count where k <= steps[s].degree {
                compute(steps[s], order: k, on: store)
                switch steps[s].coarseCopies {
                case .everyOrder: fillLevels(steps[s].node, order: k)
                case .atLevelChange: if levelChanges { fillLevels(steps[s].node, order: k) }
                case .never: break
                }
            }
            let next = k + 1, level = levelOf[next]
            let read = slotOffset(level, k), write = slotOffset(level, next)
            for i in 0..<dimension {
                store.divide(stateBases[i] + write, outputBases[i] + read, integer: next)
                fillLevels(stateBases[i], order: next)
            }
        }
    }

    /// Computes orders `tailStart` … p − 1 in the tail (state coefficients up to p) and copies the state coefficients
    /// into their MPFR slots.
    /// - Returns: false, with no MPFR slot of the tail's orders written, when a coefficient left the tail's range.
    private func computeTail(_ tail: TaylorDoubleStore) -> Bool {
        let t = table + (levelCount - 1) * (order + 1)
        for k in tailStart..<order {
            for s in 0..<steps.count where k <= steps[s].degree {
                compute(steps[s], order: k, on: tail)
                if !Self.isInTailRange(tail.value(steps[s].node + t[k])) { return false }
            }
            let next = k + 1
            for i in 0..<dimension {
                let x = stateBases[i] + t[next]
                tail.divide(x, outputBases[i] + t[k], integer: next)
                if !Self.isInTailRange(tail.value(x)) { return false }
            }
        }
        for k in (tailStart + 1)...order {
            for i in 0..<dimension {
                let x = stateBases[i] + t[k]
                store.set(x, double: tail.value(x))
            }
        }
        return true
    }

    @inline(__always)
    private func compute<S: TaylorArithmetic>(_ step: Step, order k: Int, on store: S) {
        let level = levelOf[k]
        let t = table + level * (order + 1)
        let r = step.node + t[k]
        let acc = scratch + 4 * level, acc2 = acc + 1, tmp = acc + 2, tmp2 = acc + 3
        switch step.instruction {
        case .sum(let productRange, let termRange, let constantSlot, let integral):
            if integral && store.sumsExactly
                && sumExactly(r, products: productRange, terms: termRange, constantSlot: k == 0 ? constantSlot : -1,
                              order: k, level: level, offsets: t, on: store) {
                return
            }
            store.setZero(r)
            for index in productRange {
                let p = products[index]
                let low = max(0, k - p.degreeB), high = min(k, p.degreeA)
                if low > high { continue }
                let target = p.sign == 0 ? acc2 : r
                if p.sign == 0 { store.setZero(acc2) }
                let negative = p.sign < 0
                if p.isSquare {
                    // Σ_j a_j a_{k−j} = 2 Σ_{j < k−j} a_j a_{k−j} + [k even] a_{k/2}² (low = k − high here).
                    store.addSymmetricCauchySum(target, a: p.a, offsets: t, order: k, low: low, negative: negative,
                                                scratch: tmp, tmp2)
                } else {
                    store.addCauchySum(target, a: p.a, b: p.b, offsets: t, order: k, low: low, high: high,
                                       weight: .one, negative: negative, scratch: tmp)
                }
                if p.sign == 0 {
                    store.multiply(tmp, acc2, p.coefficientSlot + level)
                    store.add(r, r, tmp)
                }
            }
            for index in termRange {
                let term = terms[index]
                if k > term.degree { continue }
                let u = term.node + t[k]
                switch term.sign {
                case 1: store.add(r, r, u)
                case -1: store.subtract(r, r, u)
                default:
                    store.multiply(tmp, u, term.coefficientSlot + level)
                    store.add(r, r, tmp)
                }
            }
            if k == 0 && constantSlot >= 0 { store.add(r, r, constantSlot + level) }

        case .divide(let a, let degreeA, let b, let degreeB):
            if k <= degreeA { store.set(acc, a + t[k]) } else { store.setZero(acc) }
            if k >= 1 && degreeB >= 1 {
                store.addCauchySum(acc, a: b, b: step.node, offsets: t, order: k, low: 1, high: min(k, degreeB),
                                   weight: .one, negative: true, scratch: tmp)
            }
            store.divide(r, acc, b + t[0])

        case .exp(let a, let degreeA):
            if k == 0 { store.exp(r, a + t[0]); return }
            store.setZero(acc)
            store.addCauchySum(acc, a: a, b: step.node, offsets: t, order: k, low: 1, high: min(k, degreeA),
                               weight: .index, negative: false, scratch: tmp)
            store.divide(r, acc, integer: k)

        case .log(let a, let degreeA):
            if k == 0 { store.log(r, a + t[0]); return }
            store.setZero(acc)
            if k >= 2 {
                store.addCauchySum(acc, a: step.node, b: a, offsets: t, order: k, low: max(1, k - degreeA),
                                   high: k - 1, weight: .index, negative: false, scratch: tmp)
                store.divide(acc, acc, integer: k)
            }
            if k <= degreeA { store.subtract(acc, a + t[k], acc) } else { store.negate(acc, acc) }
            store.divide(r, acc, a + t[0])

        case .sqrt(let a, let degreeA):
            if k == 0 { store.sqrt(r, a + t[0]); return }
            // Σ_{j=1..k−1} w_j w_{k−j} = 2 Σ_{1 ≤ j < k−j} + [k even] w_{k/2}².
            store.setZero(acc)
            store.addSymmetricCauchySum(acc, a: step.node, offsets: t, order: k, low: 1, negative: false,
                                        scratch: tmp, tmp2)
            if k <= degreeA { store.subtract(acc, a + t[k], acc) } else { store.negate(acc, acc) }
            store.divide(acc, acc, step.node + t[0])
            store.divide(r, acc, integer: 2)

        case .power(let a, let degreeA, let alphaSlot):
            if k == 0 { store.power(r, a + t[0], alphaSlot); return }
            store.setZero(acc)
            for j in max(0, k - degreeA)...(k - 1) {
                store.multiply(tmp2, alphaSlot + level, integer: k - j)
                store.subtract(tmp2, tmp2, integer: j)
                store.multiply(tmp, a + t[k - j], step.node + t[j])
                store.multiply(tmp, tmp, tmp2)
                store.add(acc, acc, tmp)
            }
            store.divide(acc, acc, integer: k)
            store.divide(r, acc, a + t[0])
        }
    }

    /// A sum node's order-k coefficient c + Σγu_k + Σδ Σ_j a_j b_{k−j} with integer γ, δ, as one exact sum rounded
    /// once into r (a store with `sumsExactly`).
    /// - Returns: false, with r unchanged, when the store refused the sum (a NaN or ±∞, or magnitudes too far
    ///   apart); the caller then sums by rounding.
    @inline(__always)
    private func sumExactly<S: TaylorArithmetic>(_ r: Int, products productRange: Range<Int>, terms termRange: Range<Int>,
                                                 constantSlot: Int, order k: Int, level: Int,
                                                 offsets t: UnsafeMutablePointer<Int>, on store: S) -> Bool {
        store.beginExactSum()
        for index in productRange {
            let p = products[index]
            let low = max(0, k - p.degreeB), high = min(k, p.degreeA)
            if low > high { continue }
            if p.isSquare {
                store.appendSymmetricCauchyTerms(a: p.a, offsets: t, order: k, low: low, weight: p.weight,
                                                 negated: p.weightIsNegative)
            } else {
                store.appendCauchyTerms(a: p.a, b: p.b, offsets: t, order: k, low: low, high: high, weight: p.weight,
                                        negated: p.weightIsNegative)
            }
        }
        for index in termRange {
            let term = terms[index]
            if k > term.degree { continue }
            store.appendExactTerm(term.node + t[k], weight: term.weight, negated: term.weightIsNegative)
        }
        if constantSlot >= 0 { store.appendExactTerm(constantSlot + level, weight: 1, negated: false) }
        return store.finishExactSum(into: r)
    }

    // MARK: Norms and evaluation

    /// How far the state's terms exceed the tapering's weight estimate: max over k ≥ 1 of
    /// log₂(‖x_k‖∞ hᵏ / N) + k·log₂e², in bits (≤ 0 when the estimate holds).
    func taperingExcess(log2Step: Double, log2Scale: Double) -> Double {
        var excess = -Double.infinity
        let weightPerOrder = TaylorPrecisionLevels.weightPerOrder
        for k in 1...order {
            let term = log2StateNorm(order: k) + Double(k) * log2Step - log2Scale + weightPerOrder * Double(k)
            excess = max(excess, term)
        }
        return excess
    }

    /// log₂ ‖x_k‖∞ over the state, in the log domain (−∞ when all are zero, +∞ when any is not finite).
    func log2StateNorm(order k: Int) -> Double {
        var result = -Double.infinity
        for i in 0..<dimension { result = max(result, store.log2Magnitude(stateCoefficient(i, k))) }
        return result
    }

    /// Evaluates component i of the state series at offset `stepSlot` from the expansion point, by Horner, into
    /// `hornerSlot` (full precision plus the state's guard bits), with x₀ read from slot `x0`: p multiplications and
    /// p additions, each at the precision of its order's level. The orders above level 0 are summed in that level's
    /// scratch slot, which holds as many bits as their coefficients (the tapering keeps |x_k|hᵏ below the full
    /// precision's unit by the guard bits there); the partial sum moves to the next finer level exactly, and the
    /// orders of level 0 and x₀ are summed in `hornerSlot`.
    func evaluate(component i: Int, x0: Int) {
        let h = hornerSlot
        /// The slot of the partial sum at `level`: `hornerSlot` at level 0, else the level's third scratch slot.
        func partialSum(at level: Int) -> Int { level == 0 ? h : scratch + 4 * level + 2 }
        var level = levelOf[order]
        var sum = partialSum(at: level)
        store.set(sum, stateCoefficient(i, order))
        var k = order - 1
        while k >= 1 {
            if levelOf[k] != level {
                level = levelOf[k]
                let finer = partialSum(at: level)
                store.set(finer, sum)   // exact: a finer level has at least as many bits
                sum = finer
            }
            store.multiply(sum, sum, stepSlot)
            store.add(sum, sum, stateCoefficient(i, k))
            k -= 1
        }
        if sum != h { store.set(h, sum) }
        store.multiply(h, h, stepSlot)
        store.add(h, h, x0)
    }

    /// Evaluates component i of the last step's series at offset `stepSlot` into `hornerSlot` (dense output).
    func evaluate(component i: Int) { evaluate(component: i, x0: stateCoefficient(i, 0)) }

    /// Writes the state's series evaluated at `stepSlot` (the step) into the trial state, component by component.
    /// The increment Σ_{k≥1} x_k hᵏ is added to the guarded state (compensated summation of the state).
    /// - Returns: whether every component is finite.
    func evaluateTrialState() -> Bool {
        var finite = true
        for i in 0..<dimension {
            evaluate(component: i, x0: stateSlot + i)
            store.set(trialStateSlot + i, hornerSlot)
            finite = finite && store.isFinite(hornerSlot)
        }
        return finite
    }

    /// Accepts the trial state.
    func acceptTrialState() {
        for i in 0..<dimension { store.set(stateSlot + i, trialStateSlot + i) }
    }
}
