/// A few sentences that sum a report up, for the terminal.
extension CorpusReport {
    /// Headline numbers: cases and territories, elements by polarity, the most frequent codes, the
    /// territories with the most positive and most negative balance.
    public var headlines: [String] {
        let cases = view.cases
        let elements = cases.flatMap(\.elements)
        let territories = Set(cases.compactMap(\.territory))
        var lines = ["\(cases.count) cases in \(territories.count) territories; "
            + "\(elements.filter { $0.polarity == .positive }.count) positive and "
            + "\(elements.filter { $0.polarity == .negative }.count) negative elements; "
            + "\(view.countedCodings.count) codings by \(coder) (\(view.codings.count - view.countedCodings.count) negated, not counted)"]
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
        let conflicts = view.codings.filter(\.polarityConflict).count
        if conflicts > 0 { lines.append("\(conflicts) codings contradict their element's polarity: review them first") }
        return lines
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + String(format: "%.2f", value)
    }
}
