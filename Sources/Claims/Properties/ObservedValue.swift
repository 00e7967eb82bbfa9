import MultiPrecision

/// The value of an observable at one sample: a matrix of numbers stored row by row; a scalar is 1 × 1.
public struct ObservedValue<Scalar: PropertyScalar> {
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var columns: Int
    /// The entries, row-major (`rows · columns` of them).
    public var entries: [Scalar]

    /// A matrix value.
    ///
    /// - Precondition: `entries.count == rows · columns`, with at least one entry.
    public init(rows: Int, columns: Int, entries: [Scalar]) {
        precondition(rows >= 1 && columns >= 1 && entries.count == rows * columns,
                     "ObservedValue: \(entries.count) entries for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// A scalar value.
    public init(_ scalar: Scalar) { self.init(rows: 1, columns: 1, entries: [scalar]) }

    /// Whether the value is 1 × 1.
    public var isScalar: Bool { rows == 1 && columns == 1 }

    /// The entry of a scalar value (the first entry otherwise).
    public var scalar: Scalar { entries[0] }

    /// The largest |entry| (the max norm).
    public var maxMagnitude: Scalar {
        var largest = entries[0].magnitude
        for e in entries.dropFirst() where e.magnitude > largest { largest = e.magnitude }
        return largest
    }

    /// The 1-based (row, column) of the entry at row-major `index`, as text, or `nil` for a scalar: `entry (2, 1)`.
    public func entryDescription(_ index: Int) -> String? {
        isScalar ? nil : "entry (\(index / columns + 1), \(index % columns + 1))"
    }

    /// "1×1" or "3×4".
    public var shapeDescription: String { "\(rows)×\(columns)" }
}

/// An observable's value at a sample place.
public struct Observation<Scalar: PropertyScalar> {
    /// Where it was sampled.
    public var place: SamplePlace
    /// The value there.
    public var value: ObservedValue<Scalar>

    /// An observation.
    public init(place: SamplePlace, value: ObservedValue<Scalar>) {
        self.place = place
        self.value = value
    }

    /// A scalar observation.
    public init(place: SamplePlace, scalar: Scalar) {
        self.init(place: place, value: ObservedValue(scalar))
    }
}
