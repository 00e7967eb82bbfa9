import MultiPrecision
import RealModule

extension OrderedField {
    /// The small integer `n` as a value of this type (exact for every conforming type).
    @inlinable
    static func _integer(_ n: Int) -> Self {
        guard let value = Self(exactly: n) else { preconditionFailure("\(n) is not representable in \(Self.self)") }
        return value
    }
}

extension Scalar {
    /// √(1 + x²) without overflow for large |x|.
    @inlinable
    static func _sqrtOnePlusSquare(_ x: Self) -> Self {
        let m = x.magnitude
        if m > 1 {
            let r = 1 / m
            return m * Self.sqrt(1 + r * r)
        }
        return Self.sqrt(1 + m * m)
    }

    /// Whether the value is a NaN (the only value not equal to itself).
    @inlinable
    var _isNaN: Bool { self != self }
}
