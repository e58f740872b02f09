/// Case × code counts of counted codings (`matrix.csv`).
public struct CodeMatrix: Sendable, Equatable {
    /// Code ids, in codebook order (the columns).
    public var codes: [String]
    /// One row per case: its id, territory and counts per code (same order as ``codes``).
    public var rows: [(caseID: String, territory: String, counts: [Int])]

    /// Counts for every case; a parent code counts units coded with it or a descendant.
    public init(_ view: CorpusView) {
        codes = view.codebook.codes.map(\.id)
        let counted = Dictionary(grouping: view.countedCodings, by: \.caseID)
        let families = codes.map { view.family(of: $0) }
        rows = view.cases.map { sheet in
            let codings = counted[sheet.id] ?? []
            let counts = families.map { family in
                Set(codings.filter { family.contains($0.code) }.map { "\($0.start)-\($0.end)" }).count
            }
            return (sheet.id, sheet.territory ?? "(none)", counts)
        }
    }

    /// The total per code over all cases.
    public var totals: [Int] {
        codes.indices.map { index in rows.reduce(0) { $0 + $1.counts[index] } }
    }

    public static func == (lhs: CodeMatrix, rhs: CodeMatrix) -> Bool {
        lhs.codes == rhs.codes && lhs.rows.elementsEqual(rhs.rows) { $0.caseID == $1.caseID && $0.counts == $1.counts }
    }
}
