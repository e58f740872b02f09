/// One row of `frequencies.csv`: how often a code occurs in a group of cases.
public struct FrequencyRow: Sendable, Equatable {
    /// The attribute the cases are grouped by, or `all`.
    public var groupBy: String
    /// The attribute value (`Pistoiese`), or `all`.
    public var group: String
    /// The code id.
    public var code: String
    /// Cases of the group with at least one counted coding of the code (or a descendant).
    public var casesWithCode: Int
    /// Counted codings of the code (or a descendant) in the group's cases.
    public var codings: Int
    /// Cases in the group.
    public var casesInGroup: Int
    /// `casesWithCode / casesInGroup`, in [0, 1].
    public var share: Double
}

/// Code frequencies for the whole corpus and for each grouping attribute.
public enum CodeFrequencies {
    /// Rows for `all`, then for each key in `groupBy` and each of its values (sorted), codes in
    /// codebook order.
    public static func compute(_ view: CorpusView, groupBy: [String]) -> [FrequencyRow] {
        let index = CorpusIndex(view)
        return compute(view, groupBy: groupBy, index: index, counts: FamilyCounts(view, index: index))
    }

    /// The same rows from counts already made.
    static func compute(_ view: CorpusView, groupBy: [String], index: CorpusIndex, counts: FamilyCounts) -> [FrequencyRow] {
        var rows: [FrequencyRow] = []
        let codes = view.codebook.codes
        var withCode = [Int](repeating: 0, count: codes.count)
        var codings = [Int](repeating: 0, count: codes.count)
        for (key, groups) in view.groupings(groupBy) {
            for (value, cases) in groups {
                for position in codes.indices {
                    withCode[position] = 0
                    codings[position] = 0
                }
                for sheet in cases {
                    let slot = index.slotOfCase[sheet]
                    for position in codes.indices {
                        let units = counts.units(slot: slot, position: position)
                        codings[position] += units
                        if units > 0 { withCode[position] += 1 }
                    }
                }
                for (position, code) in codes.enumerated() {
                    rows.append(FrequencyRow(groupBy: key, group: value, code: code.id, casesWithCode: withCode[position],
                                             codings: codings[position], casesInGroup: cases.count,
                                             share: cases.isEmpty ? 0 : Double(withCode[position]) / Double(cases.count)))
                }
            }
        }
        return rows
    }
}
