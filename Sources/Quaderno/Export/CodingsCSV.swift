/// Codings as CSV with the columns of codings.csv, plus `origin` and `status` (all coders).
public enum CodingsCSV {
    /// The CSV text.
    public static func render(_ codings: [StoredCoding], cases: [Case], codebook: Codebook?,
                              dialect: CSVWriter.Dialect = .standard) -> String {
        let view = CorpusView(cases: cases, codings: codings.map(\.coding), codebook: codebook ?? Codebook(name: "", codes: []))
        let report = CorpusReport(view: view, coder: "", groupBy: [])
        let table = report.codingsTable
        let rows = zip(table.rows, codings).map { row, stored in row + [.text(stored.origin), .text(stored.status)] }
        return CSVWriter(dialect: dialect).render(header: table.header + ["origin", "status"], rows: rows)
    }
}
