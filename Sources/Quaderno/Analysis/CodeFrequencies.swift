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
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        var rows: [FrequencyRow] = []
        let groupings: [(String, [(String, [Case])])] = [("all", [("all", view.cases)])] + groupBy.map { key in
            let groups = Dictionary(grouping: view.cases) { CorpusView.group(of: $0, by: key) }
            return (key, groups.keys.sorted().map { ($0, groups[$0]!) })
        }
        for (key, groups) in groupings {
            for (value, cases) in groups {
                for code in view.codebook.codes {
                    let family = view.family(of: code.id)
                    var withCode = 0
                    var codings = 0
                    for sheet in cases {
                        let units = Set((counted[sheet.id] ?? []).filter { family.contains($0.code) }.map { "\($0.start)-\($0.end)" })
                        codings += units.count
                        if units.isEmpty == false { withCode += 1 }
                    }
                    rows.append(FrequencyRow(groupBy: key, group: value, code: code.id, casesWithCode: withCode,
                                             codings: codings, casesInGroup: cases.count,
                                             share: cases.isEmpty ? 0 : Double(withCode) / Double(cases.count)))
                }
            }
        }
        return rows
    }
}
