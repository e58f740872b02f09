/// How often two codes are applied to the same unit and the same case (`cooccurrence.csv`).
public struct CooccurrenceRow: Sendable, Equatable {
    /// The first code (codebook order).
    public var codeA: String
    /// The second code.
    public var codeB: String
    /// Units (elements, sentences, cells) coded with both.
    public var elementsTogether: Int
    /// Cases with both codes somewhere.
    public var casesTogether: Int
    /// Units with both / units with either (0 when neither occurs).
    public var jaccard: Double
}

/// Pairwise co-occurrence of leaf codes.
public enum CodeCooccurrence {
    /// One row per pair of codes that occur at least once each, codebook order.
    public static func compute(_ view: CorpusView) -> [CooccurrenceRow] {
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
}
