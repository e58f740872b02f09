/// Case × code counts of counted codings (`matrix.csv`).
public struct CodeMatrix: Sendable, Equatable {
    /// Code ids, in codebook order (the columns).
    public var codes: [String]
    /// One row per case: its id, territory and counts per code (same order as ``codes``).
    public var rows: [(caseID: String, territory: String, counts: [Int])]

    /// Counts for every case; a parent code counts units coded with it or a descendant.
    public init(_ view: CorpusView) {
        let index = CorpusIndex(view)
        self.init(view, index: index, counts: FamilyCounts(view, index: index))
    }

    /// The matrix from counts already made.
    init(_ view: CorpusView, index: CorpusIndex, counts: FamilyCounts) {
        codes = view.codebook.codes.map(\.id)
        rows = view.cases.enumerated().map { position, sheet in
            (sheet.id, sheet.territory ?? "(none)", counts.row(slot: index.slotOfCase[position]))
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
