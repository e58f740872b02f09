/// Euro amounts named in the sheets, summed per territory.
public struct ResourceRow: Sendable, Equatable {
    /// The territory (or `(none)`).
    public var territory: String
    /// Cases in the territory.
    public var cases: Int
    /// The sum of every euro amount found in those cases' texts.
    public var amountTotal: Double
}

/// Resources by territory.
public enum ResourceTotals {
    /// One row per territory, largest total first.
    public static func compute(_ view: CorpusView) -> [ResourceRow] {
        let groups = Dictionary(grouping: view.cases) { CorpusView.group(of: $0, by: "territory") }
        return groups.map { territory, cases in
            ResourceRow(territory: territory, cases: cases.count, amountTotal: cases.reduce(0) { $0 + $1.amountTotal })
        }.sorted { ($0.amountTotal, $1.territory) > ($1.amountTotal, $0.territory) }
    }
}
