/// Positive against negative, per group (`polarity.csv`).
public struct PolarityRow: Sendable, Equatable {
    /// The attribute grouped by, or `all`.
    public var groupBy: String
    /// The group's value.
    public var group: String
    /// Elements the sheets list as positive.
    public var positiveElements: Int
    /// Elements the sheets list as negative.
    public var negativeElements: Int
    /// Counted codings of positive codes.
    public var positiveCodings: Int
    /// Counted codings of negative codes.
    public var negativeCodings: Int
    /// (positive − negative codings) / (positive + negative codings), in [−1, 1]; nil with no codings.
    public var balance: Double?
}

/// The balance of positive and negative experience by group.
public enum PolarityBalance {
    /// Rows for `all` and for each grouping key's values.
    public static func compute(_ view: CorpusView, groupBy: [String]) -> [PolarityRow] {
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        let groupings: [(String, [(String, [Case])])] = [("all", [("all", view.cases)])] + groupBy.map { key in
            let groups = Dictionary(grouping: view.cases) { CorpusView.group(of: $0, by: key) }
            return (key, groups.keys.sorted().map { ($0, groups[$0]!) })
        }
        return groupings.flatMap { key, groups in
            groups.map { value, cases in
                let elements = cases.flatMap(\.elements)
                let codings = cases.flatMap { counted[$0.id] ?? [] }
                let positive = codings.filter { view.polarity(of: $0.code) == .positive }.count
                let negative = codings.filter { view.polarity(of: $0.code) == .negative }.count
                return PolarityRow(groupBy: key, group: value,
                                   positiveElements: elements.filter { $0.polarity == .positive }.count,
                                   negativeElements: elements.filter { $0.polarity == .negative }.count,
                                   positiveCodings: positive, negativeCodings: negative,
                                   balance: positive + negative == 0 ? nil
                                       : Double(positive - negative) / Double(positive + negative))
            }
        }
    }
}
