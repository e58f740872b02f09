/// What a coder codes.
public enum CodingUnit: String, Sendable, CaseIterable {
    /// The elements of the summary section (the default).
    case element
    /// Elements, and every sentence of the other sections.
    case sentence
    /// Elements, and every table-cell paragraph or item of the other sections.
    case cell
}
