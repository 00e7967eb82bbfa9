extension Context {
    /// The definitions, flow and step as equations in the given notation, one per line:
    /// `G₁ = W₂ᵀE`, `Ẇ₁ = −G₁`, `W₁⁺ = W₁ − ηG₁` (LaTeX: `G_1 = W_2^\top E`, `\dot{W}_1 = -G_1`, `W_1^{+} = …`).
    public func declarations(_ notation: Notation) -> [String] {
        var lines: [String] = []
        for d in definitions {
            lines.append(_Formatter.name(d.name, notation) + " = " + d.expression.formatted(notation))
        }
        for e in flowEntries {
            lines.append(Self._dotted(e.symbol.name, notation) + " = " + e.expression.formatted(notation))
        }
        if let flow, !flow.constants.isEmpty {
            for symbol in flow.constants.sorted() { lines.append(Self._dotted(symbol.name, notation) + " = 0") }
        }
        for e in stepEntries {
            let name = _Formatter.name(e.symbol.name, notation)
            let stepped: String
            switch notation {
            case .unicode: stepped = name + "⁺"
            case .plain: stepped = "step(\(name))"
            case .latex: stepped = name + "^{+}"
            }
            lines.append(stepped + " = " + e.expression.formatted(notation))
        }
        return lines
    }

    /// Ẋ for a symbol name: `Ẇ₁`, `d/dt(W1)`, `\dot{W}_1`.
    static func _dotted(_ name: String, _ notation: Notation) -> String {
        let parts = _NameParts(canonical: name)
        switch notation {
        case .plain:
            return "d/dt(\(name))"
        case .unicode:
            let base = _Naming.unicode(parts.base)
            return base + "\u{0307}" + String(_Naming.unicode("x" + parts.index).dropFirst())
        case .latex:
            let base = _Naming.latex(parts.base)
            let index = parts.index.isEmpty ? "" : (parts.index.count == 1 ? "_" + parts.index : "_{\(parts.index)}")
            return "\\dot{\(base)}" + index
        }
    }
}
