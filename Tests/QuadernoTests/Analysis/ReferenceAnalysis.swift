@testable import Quaderno

/// The analysis tables computed as they were before ``CorpusIndex``: straight from the codings, with
/// string keys. ``IndexedAnalysisTests`` compares the indexed tables with these.
enum ReferenceAnalysis {
    static func groupings(_ view: CorpusView, _ groupBy: [String]) -> [(String, [(String, [Case])])] {
        [("all", [("all", view.cases)])] + groupBy.map { key in
            let groups = Dictionary(grouping: view.cases) { CorpusView.group(of: $0, by: key) }
            return (key, groups.keys.sorted().map { ($0, groups[$0]!) })
        }
    }

    static func frequencies(_ view: CorpusView, groupBy: [String]) -> [FrequencyRow] {
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        var rows: [FrequencyRow] = []
        for (key, groups) in groupings(view, groupBy) {
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

    static func matrix(_ view: CorpusView) -> [[Int]] {
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        let families = view.codebook.codes.map { view.family(of: $0.id) }
        return view.cases.map { sheet in
            let codings = counted[sheet.id] ?? []
            return families.map { family in
                Set(codings.filter { family.contains($0.code) }.map { "\($0.start)-\($0.end)" }).count
            }
        }
    }

    static func cooccurrence(_ view: CorpusView) -> [CooccurrenceRow] {
        var unitsByCode: [String: Set<String>] = [:]
        var casesByCode: [String: Set<String>] = [:]
        for coding in view.countedCodings {
            unitsByCode[coding.code, default: []].insert("\(coding.caseID)#\(coding.start)-\(coding.end)")
            casesByCode[coding.code, default: []].insert(coding.caseID)
        }
        let codes = view.codebook.codes.map(\.id).filter { unitsByCode[$0] != nil }
        var rows: [CooccurrenceRow] = []
        for (index, first) in codes.enumerated() {
            for second in codes[(index + 1)...] {
                let a = unitsByCode[first]!
                let b = unitsByCode[second]!
                let together = a.intersection(b).count
                let either = a.union(b).count
                rows.append(CooccurrenceRow(codeA: first, codeB: second, elementsTogether: together,
                                            casesTogether: casesByCode[first]!.intersection(casesByCode[second]!).count,
                                            jaccard: either == 0 ? 0 : Double(together) / Double(either)))
            }
        }
        return rows
    }

    static func polarity(_ view: CorpusView, groupBy: [String]) -> [PolarityRow] {
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        return groupings(view, groupBy).flatMap { key, groups in
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

    /// The codes of each case row of the reports: direct codes, one per unit, in `order`.
    static func caseCodes(_ view: CorpusView, order codes: [String]) -> [[String]] {
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        let order = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return view.cases.map { sheet in
            var units: [String: Set<String>] = [:]
            for coding in counted[sheet.id] ?? [] { units[coding.code, default: []].insert("\(coding.start)-\(coding.end)") }
            return units.map { (code: $0.key, count: $0.value.count) }
                .sorted { (order[$0.code] ?? .max, $0.code) < (order[$1.code] ?? .max, $1.code) }
                .map { "\($0.code)×\($0.count)" }
        }
    }

    /// The quotes of each code section: (case, start, coder, negated) of the first 50 of each kind.
    static func sections(_ view: CorpusView, codes: [String]) -> [[String]] {
        let byCode = Dictionary(grouping: view.codings, by: \.code)
        return codes.map { code in
            let all = (byCode[code] ?? []).sorted { ($0.caseID, $0.start, $0.coder) < ($1.caseID, $1.start, $1.coder) }
            let counted = all.filter { $0.negated == false }
            let negated = all.filter(\.negated)
            return (counted.prefix(50) + negated.prefix(50)).map { "\($0.caseID)@\($0.start)/\($0.coder)/\($0.negated)" }
                + ["\(counted.count)", "\(negated.count)"]
        }
    }
}
