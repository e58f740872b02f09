import Foundation

/// Writes a report's files into a folder: the CSV tables, report.md and report.html.
public struct ReportWriter: Sendable {
    /// The CSV dialect (standard, or Italian Excel).
    public var dialect: CSVWriter.Dialect

    /// Creates a writer.
    public init(dialect: CSVWriter.Dialect = .standard) {
        self.dialect = dialect
    }

    /// The files written, in order.
    public static let fileNames = ["cases.csv", "elements.csv", "codings.csv", "frequencies.csv", "matrix.csv",
                                   "cooccurrence.csv", "polarity.csv", "report.md", "report.html"]

    /// Writes every file of `report` into `folder` (created if needed); returns their URLs.
    @discardableResult
    public func write(_ report: CorpusReport, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = CSVWriter(dialect: dialect)
        let tables: [(String, CorpusReport.Table)] = [
            ("cases.csv", report.casesTable), ("elements.csv", report.elementsTable),
            ("codings.csv", report.codingsTable), ("frequencies.csv", report.frequenciesTable),
            ("matrix.csv", report.matrixTable), ("cooccurrence.csv", report.cooccurrenceTable),
            ("polarity.csv", report.polarityTable),
        ]
        var written: [URL] = []
        for (name, table) in tables {
            let url = folder.appendingPathComponent(name)
            try csv.write(header: table.header, rows: table.rows, to: url)
            written.append(url)
        }
        let markdown = folder.appendingPathComponent("report.md")
        try Data(MarkdownReport.render(report).utf8).write(to: markdown, options: .atomic)
        let html = folder.appendingPathComponent("report.html")
        try Data(HTMLReport.render(report).utf8).write(to: html, options: .atomic)
        return written + [markdown, html]
    }
}
