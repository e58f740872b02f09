/// The rows of the cases table and the code sections, counted through the report's ``CorpusIndex``.
extension ReportContent {
    /// One row per case, for the first `limit` cases: codes applied directly (one per unit), codebook
    /// order then codes only the codings know, in the order of ``codes``.
    static func caseRows(_ view: CorpusView, index: CorpusIndex, codes: [CodeInfo], limit: Int) -> [CaseRow] {
        var order: [String: Int] = [:]
        for (position, info) in codes.enumerated() where order[info.code.id] == nil { order[info.code.id] = position }
        let rank = index.codeIDs.map { order[$0] ?? .max }
        var scratch: [(Int, Int, Int)] = []
        return view.cases.prefix(max(0, limit)).enumerated().map { position, sheet in
            let elements = sheet.elementCounts
            let found = index.directUnits(inSlot: index.slotOfCase[position], of: view, scratch: &scratch)
                .sorted { (rank[$0.code], index.codeIDs[$0.code]) < (rank[$1.code], index.codeIDs[$1.code]) }
                .map { (code: index.codeIDs[$0.code], count: $0.units) }
            return CaseRow(id: sheet.id, territory: CorpusView.group(of: sheet, by: "territory"),
                           proposer: sheet.attribute("ente_proponente") ?? "", format: sheet.format.rawValue,
                           positive: elements.positive, negative: elements.negative, unspecified: elements.unspecified,
                           amount: sheet.amountTotal, codes: found, warnings: sheet.warnings)
        }
    }

    /// One section per code: its codings ordered by case, start and coder, at most ``quoteLimit`` quoted.
    static func sections(_ view: CorpusView, index: CorpusIndex, codes: [CodeInfo],
                         overall: [String: FrequencyRow]) -> [CodeSection] {
        var byCode = [[Int]](repeating: [], count: index.codeIDs.count)
        for (position, code) in index.codeOf.enumerated() { byCode[code].append(position) }
        let caseRank = ranks(index.caseIDs)
        let coderRank = ranks(index.coderNames)
        let limit = quoteLimit
        return codes.map { info in
            let all = index.codeSlot(info.code.id).map { byCode[$0] } ?? []
            let ordered = all.sorted { left, right in
                (caseRank[index.caseOf[left]], view.codings[left].start, coderRank[index.coderOf[left]])
                    < (caseRank[index.caseOf[right]], view.codings[right].start, coderRank[index.coderOf[right]])
            }
            var counted: [ReportQuote] = []
            var negated: [ReportQuote] = []
            var countedTotal = 0
            var negatedTotal = 0
            for position in ordered {
                let negatedCoding = view.codings[position].negated
                if negatedCoding { negatedTotal += 1 } else { countedTotal += 1 }
                guard (negatedCoding ? negated.count : counted.count) < limit else { continue }
                let first = index.caseOfSlot[index.caseOf[position]]
                let quote = ReportQuote(view.codings[position], in: first < 0 ? nil : view.cases[first])
                if negatedCoding { negated.append(quote) } else { counted.append(quote) }
            }
            return CodeSection(info: info, overall: overall[info.code.id], quotes: counted, negated: negated,
                               omittedQuotes: max(0, countedTotal - limit), omittedNegated: max(0, negatedTotal - limit))
        }
    }

    /// Each string's place in the sorted order of `names` (which are distinct).
    private static func ranks(_ names: [String]) -> [Int] {
        var rank = [Int](repeating: 0, count: names.count)
        for (place, slot) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[slot] = place }
        return rank
    }
}
