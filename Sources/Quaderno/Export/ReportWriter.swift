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
    /// The files are independent, so they are rendered and written on every core (``ParallelWork``);
    /// tables are written a megabyte at a time, since a corpus of 100,000 sheets makes CSV files of
    /// hundreds of MB. Each file appears whole (written beside, then moved into place), and its bytes
    /// are those of a serial run.
    @discardableResult
    public func write(_ report: CorpusReport, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let content = ReportContent(report)
        let dialect = dialect
        let urls = Self.fileNames.map { folder.appendingPathComponent($0) }
        let outcomes = ParallelWork.map(Self.largestFirst.count) { slot -> Result<Int, any Error> in
            let file = Self.largestFirst[slot]
            return Result {
                try Self.write(file, report, content: content, dialect: dialect, to: FileOutput(urls[file]))
                return file
            }
        }
        for outcome in outcomes { _ = try outcome.get() }
        return urls
    }

    /// File numbers (positions in ``fileNames``), the largest outputs first, so threads finish together.
    private static let largestFirst = [2, 1, 8, 7, 0, 4, 3, 5, 6]

    /// Writes file number `file` of ``fileNames``; tables go out a megabyte at a time.
    private static func write(_ file: Int, _ report: CorpusReport, content: ReportContent,
                              dialect: CSVWriter.Dialect, to output: FileOutput) throws {
        let tables = CorpusReport.tables
        switch file {
        case tables.count, tables.count + 1:
            var text = file == tables.count ? MarkdownReport.render(content) : HTMLReport.render(content)
            text.withUTF8 { output.write(UnsafeRawBufferPointer($0)) }
        default:
            var csv = CSVBuffer(dialect: dialect)
            csv.output = output
            tables[file].write(report, &csv)
            csv.flush(to: output)
        }
        try output.finish()
    }
}
