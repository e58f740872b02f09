import Foundation
import GRDB
import Testing
@testable import Quaderno

/// What `quaderno report` reads from a project: case summaries instead of whole cases, and the
/// coders and codings through queries that avoid a table-wide lookup or sort.
@Suite("Reading a project for reports")
struct ReportReadingTests {
    /// `sheet` as a summary holds it: no text, tables, dates, references or segments.
    static func summary(of sheet: Case) -> Case {
        var expected = sheet
        expected.text = ""
        expected.tables = []
        expected.dates = []
        expected.references = []
        expected.segments = []
        return expected
    }

    /// The corpus imported and coded into a new project, reopened so that no case is held in memory.
    static func codedCorpus() throws -> Project {
        let url = try Fixtures.temporaryFolder("report-reading").appendingPathComponent("p.sqlite")
        let project = try Project.create(at: url)
        _ = try project.importFiles(try InputFiles.collect([Fixtures.corpus.path]), importer: Fixtures.importer)
        let codebookURL = Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml")
        _ = try project.code(with: try Codebook.load(from: codebookURL),
                             source: try String(contentsOf: codebookURL, encoding: .utf8))
        return try Project.open(at: url)
    }

    @Test("a summary of every real case holds exactly the fields reports read, as the whole case has them")
    func summaryDecode() throws {
        let cases = try CaseArchiveTests.realCases()
        #expect(cases.contains { $0.tables.isEmpty == false && $0.segments.isEmpty == false })
        #expect(cases.contains { $0.dates.isEmpty == false } && cases.contains { $0.references.isEmpty == false })
        for sheet in cases {
            let bytes = CaseArchive.encode(sheet)
            let summary = try bytes.withUnsafeBytes { try CaseArchive.decode($0, text: "", detail: .summary) }
            #expect(summary == Self.summary(of: sheet), "\(sheet.source)")
        }
    }

    @Test("a truncated or altered archive is refused by the summary too")
    func summaryRefusesCorrupt() throws {
        let sheet = try #require(try CaseArchiveTests.realCases().first { $0.segments.count > 3 && $0.tables.isEmpty == false })
        let bytes = CaseArchive.encode(sheet)
        for length in [0, 3, bytes.count / 3, bytes.count / 2, bytes.count - 2, bytes.count - 1] {
            #expect(throws: ArchiveReader.Corrupt.self) {
                try Array(bytes.prefix(length)).withUnsafeBytes { try CaseArchive.decode($0, text: "", detail: .summary) }
            }
        }
        #expect(throws: ArchiveReader.Corrupt.self) {
            try (bytes + [0]).withUnsafeBytes { try CaseArchive.decode($0, text: "", detail: .summary) }
        }
        // A segment kind beyond the known ones, in a section the summary steps over.
        var odd = Case(id: "x", source: "x.txt", format: .sheet)
        odd.segments = [Segment(kind: .cell, section: "s", start: 0, end: 1)]
        var altered = CaseArchive.encode(odd)
        let kind = try #require(altered.lastIndex(of: 4))
        altered[kind] = 9
        #expect(throws: ArchiveReader.Corrupt.self) {
            try altered.withUnsafeBytes { try CaseArchive.decode($0, text: "", detail: .summary) }
        }
    }

    @Test("a project's case summaries are its cases without text, tables, mentions other than amounts, segments")
    func projectSummaries() throws {
        let project = try Self.codedCorpus()
        let summaries = try project.caseSummaries()
        let whole = try project.cases()
        #expect(summaries.count == whole.count && whole.count >= 14)
        #expect(summaries == whole.map(Self.summary(of:)))
        #expect(summaries.allSatisfy { $0.text.isEmpty })
    }

    @Test("the reports of summaries are byte for byte those of whole cases")
    func sameReports() throws {
        let project = try Self.codedCorpus()
        let (view, coder) = try CorpusView.load(from: project)
        #expect(view.cases.allSatisfy { $0.text.isEmpty })
        let whole = CorpusView(cases: try project.cases(), codings: view.codings, codebook: view.codebook)
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let folders = try [view, whole].map { view -> URL in
            let folder = try Fixtures.temporaryFolder("report-reading-out")
            let report = CorpusReport(view: view, coder: coder, groupBy: ["territory", "tipologia_ets"], generatedAt: date)
            try ReportWriter().write(report, to: folder)
            return folder
        }
        for name in ReportWriter.fileNames {
            let files = try folders.map { try Data(contentsOf: $0.appendingPathComponent(name)) }
            #expect(files[0] == files[1], "\(name)")
        }
    }

    @Test("coders: automatic ones first, then by name in byte order; without a table-wide scan")
    func coders() throws {
        let project = try Self.codedCorpus()
        let sheet = try #require(try project.caseSummaries().first { $0.elements.count >= 2 })
        for coder in ["zeta", "Émile", "anna"] {
            let csv = try CSVTable("case_id,element_id,code\n\(sheet.id),\(sheet.elements[0].id),governance\n")
            #expect(try project.importManualCodings(csv, file: "\(coder).csv", coder: coder) == 1)
        }
        #expect(try project.coders() == ["auto", "anna", "zeta", "Émile"])
        let plan = try queryPlan(project, Project.codersSQL, arguments: [])
        #expect(plan.contains("SCAN codings") == false, "\(plan)")
        #expect(plan.contains("COVERING INDEX codings_by_coder"), "\(plan)")
    }

    @Test("one coder's codings come in case order from codings_by_case, sorted only within each case")
    func codingsOrder() throws {
        let project = try Self.codedCorpus()
        let plan = try queryPlan(project, Project.codingsSQL(coders: 1, includeOrphaned: false), arguments: ["auto"])
        #expect(plan.contains("USING INDEX codings_by_case") && plan.contains("RIGHT PART OF ORDER BY"), "\(plan)")
        let codings = try project.codings(coders: ["auto"]).map(\.coding)
        #expect(codings.count > 100)
        let keys = codings.map { (Array($0.caseID.utf8), $0.start, Array($0.code.utf8)) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { a, b in
            a.0 != b.0 ? a.0.lexicographicallyPrecedes(b.0) : a.1 != b.1 ? a.1 < b.1 : !b.2.lexicographicallyPrecedes(a.2)
        })
    }

    private func queryPlan(_ project: Project, _ sql: String, arguments: StatementArguments) throws -> String {
        try project.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }.joined(separator: "\n")
    }
}
