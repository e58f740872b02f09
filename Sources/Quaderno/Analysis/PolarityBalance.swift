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
        compute(view, groupBy: groupBy, index: CorpusIndex(view))
    }

    /// The same rows from an index already made.
    static func compute(_ view: CorpusView, groupBy: [String], index: CorpusIndex) -> [PolarityRow] {
        var positiveCodings = [Int](repeating: 0, count: index.caseIDs.count)
        var negativeCodings = positiveCodings
        for slot in index.caseIDs.indices {
            for coding in index.counted(inSlot: slot) {
                switch index.codePolarity[index.codeOf[coding]] {
                case .positive: positiveCodings[slot] += 1
                case .negative: negativeCodings[slot] += 1
                default: break
                }
            }
        }
        let elements = view.cases.map(\.elementCounts)
        return view.groupings(groupBy).flatMap { key, groups in
            groups.map { value, cases in
                var row = PolarityRow(groupBy: key, group: value, positiveElements: 0, negativeElements: 0,
                                      positiveCodings: 0, negativeCodings: 0, balance: nil)
                for sheet in cases {
                    row.positiveElements += elements[sheet].positive
                    row.negativeElements += elements[sheet].negative
                    row.positiveCodings += positiveCodings[index.slotOfCase[sheet]]
                    row.negativeCodings += negativeCodings[index.slotOfCase[sheet]]
                }
                let positive = row.positiveCodings
                let negative = row.negativeCodings
                row.balance = positive + negative == 0 ? nil : Double(positive - negative) / Double(positive + negative)
                return row
            }
        }
    }
}
