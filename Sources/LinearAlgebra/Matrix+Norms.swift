import MultiPrecision
import RealModule

extension Matrix {
    /// The trace Σᵢ A[i, i]. Precondition: the matrix is square.
    @inlinable
    public var trace: Element {
        precondition(isSquare, "Matrix trace: the matrix is \(shape), not square")
        var sum = Element.zero
        for i in 0..<rowCount { sum += _elements[i * columnCount + i] }
        return sum
    }

    /// The Frobenius inner product ⟨A, B⟩ = Σᵢⱼ A[i, j]·B[i, j] = tr(AᵀB), accumulated with fused multiply-adds.
    ///
    /// Precondition: the shapes agree.
    @inlinable
    public func frobeniusInnerProduct(_ other: Matrix) -> Element {
        Matrix._checkSameShape(self, other, "frobeniusInnerProduct")
        var sum = Element.zero
        for k in _elements.indices { sum.addProduct(_elements[k], other._elements[k]) }
        return sum
    }

    /// The largest absolute value of an entry, max |A[i, j]| (zero for an empty matrix).
    @inlinable
    public var maxAbs: Element {
        var best = Element.zero
        for x in _elements {
            let m = x.magnitude
            if m > best { best = m }
        }
        return best
    }

    /// The ∞-norm (the largest absolute row sum), an upper bound on the spectral norm that needs no square root.
    @inlinable
    public var infinityNorm: Element {
        var best = Element.zero
        for i in 0..<rowCount {
            var sum = Element.zero
            for j in 0..<columnCount { sum += _elements[i * columnCount + j].magnitude }
            if sum > best { best = sum }
        }
        return best
    }
}

extension Matrix where Element: Scalar {
    /// The Frobenius norm ‖A‖_F = √(Σᵢⱼ A[i, j]²), computed with scaling by the largest entry so that it neither
    /// overflows nor underflows; accurate to a few units in the last place.
    public var frobeniusNorm: Element {
        let scale = maxAbs
        if scale == .zero { return .zero }
        var sum = Element.zero
        for x in _elements {
            let y: Element = x / scale
            sum.addProduct(y, y)
        }
        return scale * Element.sqrt(sum)
    }
}
