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
    ///
    /// The files are independent, so they are rendered on every core (``ParallelWork``) and written in
    /// order: the bytes are those of a serial run.
    @discardableResult
    public func write(_ report: CorpusReport, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = Self.render(report, dialect: dialect)
        var written: [URL] = []
        for (name, bytes) in zip(Self.fileNames, files) {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url, options: .atomic)
            written.append(url)
        }
        return written
    }

    /// The bytes of every file of ``fileNames``, in order.
    static func render(_ report: CorpusReport, dialect: CSVWriter.Dialect) -> [[UInt8]] {
        let tables = CorpusReport.tables
        // The largest outputs first, so that two threads finish together.
        let order = [2, 1, 8, 7, 0, 4, 3, 5, 6]
        let content = ReportContent(report)
        let rendered = ParallelWork.map(order.count) { slot -> [UInt8] in
            let file = order[slot]
            switch file {
            case tables.count:
                return Array(MarkdownReport.render(content).utf8)
            case tables.count + 1:
                return Array(HTMLReport.render(content).utf8)
            default:
                var csv = CSVBuffer(dialect: dialect)
                tables[file].write(report, &csv)
                return csv.bytes
            }
        }
        var files = [[UInt8]](repeating: [], count: order.count)
        for (slot, file) in order.enumerated() { files[file] = rendered[slot] }
        return files
    }
}
