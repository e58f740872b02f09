/// A few sentences that sum a report up, for the terminal.
extension CorpusReport {
    /// Headline numbers: cases and territories, elements by polarity, the most frequent codes, the
    /// territories with the most positive and most negative balance.
    public var headlines: [String] {
        let cases = view.cases
        var positive = 0
        var negative = 0
        for sheet in cases {
            for element in sheet.elements {
                if element.polarity == .positive { positive += 1 }
                if element.polarity == .negative { negative += 1 }
            }
        }
        let territories = Set(cases.compactMap(\.territory))
        let counted = index.countedCount
        var lines = ["\(cases.count) cases in \(territories.count) territories; "
            + "\(positive) positive and \(negative) negative elements; "
            + "\(counted) codings by \(coder) (\(view.codings.count - counted) negated, not counted)"]
        let parents = Set(view.codebook.codes.compactMap(\.parent))
        let top = overall.filter { $0.casesWithCode > 0 && parents.contains($0.code) == false }.sorted { ($0.casesWithCode, $1.code) > ($1.casesWithCode, $0.code) }
        if top.isEmpty == false {
            lines.append("most frequent codes: " + top.prefix(4).map { "\($0.code) (\($0.casesWithCode) of \($0.casesInGroup) cases)" }
                .joined(separator: ", "))
        }
        let balances = polarity.filter { $0.groupBy == "territory" && $0.group != "(none)" && $0.balance != nil }
        if let best = balances.max(by: { $0.balance! < $1.balance! }),
           let worst = balances.min(by: { $0.balance! < $1.balance! }), best.group != worst.group {
            lines.append("most positive balance: \(best.group) (\(Self.signed(best.balance!))); most negative: "
                + "\(worst.group) (\(Self.signed(worst.balance!)))")
        }
        let conflicts = view.codings.reduce(0) { $0 + ($1.polarityConflict ? 1 : 0) }
        if conflicts > 0 { lines.append("\(conflicts) codings contradict their element's polarity: review them first") }
        return lines
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + String(format: "%.2f", value)
    }
}
