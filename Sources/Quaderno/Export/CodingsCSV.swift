/// Codings as CSV with the columns of codings.csv, plus `origin` and `status` (all coders).
public enum CodingsCSV {
    /// The CSV text.
    public static func render(_ codings: [StoredCoding], cases: [Case], codebook: Codebook?,
                              dialect: CSVWriter.Dialect = .standard) -> String {
        let view = CorpusView(cases: cases, codings: codings.map(\.coding), codebook: codebook ?? Codebook(name: "", codes: []))
        let report = CorpusReport(view: view, coder: "", groupBy: [])
        var csv = CSVBuffer(dialect: dialect)
        report.writeCodings(&csv, extraHeader: ["origin", "status"]) { position, csv in
            csv.text(codings[position].origin)
            csv.text(codings[position].status)
        }
        return String(decoding: csv.bytes, as: UTF8.self)
    }
}
