import Foundation
import GRDB
import Testing
@testable import Quaderno

/// Removing cases: a sheet deleted from the corpus stops counting, and nothing else is touched.
@Suite("Project store: removing cases")
struct CaseRemovalTests {
    static let tables = ["elements", "attributes", "codings", "coded_cases"]

    /// A study folder whose corpus (the sample sheets and the seed, typed as `corpus/NAME`) is imported
    /// and coded with the default codebook.
    static func codedStudy(_ label: String) throws -> (study: URL, project: Project, files: [(url: URL, path: String)]) {
        let (study, project, files) = try SourceKeyTests.importedStudy(label)
        _ = try IncrementalCodingTests.code(project)
        return (study, project, files)
    }

    /// Rows of each table in ``tables`` for case `id`, or for every case when `id` is nil.
    static func rows(_ project: Project, case id: String? = nil) throws -> [String: Int] {
        try project.database.read { db in
            var counts: [String: Int] = [:]
            for table in tables {
                let filter = id == nil ? "" : " WHERE case_id = ?"
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)\(filter)",
                                                 arguments: StatementArguments(id.map { [$0] } ?? [])) ?? 0
            }
            return counts
        }
    }

    @Test("--gone removes the case of a deleted sheet with everything stored about it; the others keep theirs")
    func goneSheet() throws {
        let (study, project, files) = try Self.codedStudy("remove-gone")
        let before = try Self.rows(project)
        let theirs = try Self.rows(project, case: "senese-anziani")
        #expect(theirs.values.allSatisfy { $0 > 0 }, "the case has rows in every table: \(theirs)")

        try FileManager.default.removeItem(at: study.appendingPathComponent("corpus/senese-anziani.txt"))
        let summary = try project.removeCases([], gone: true)
        #expect(summary.removed == ["corpus/senese-anziani.txt"] && summary.kept.isEmpty && summary.notFound.isEmpty)
        #expect(summary.line == "1 removed")

        #expect(try project.cases().map(\.id).contains("senese-anziani") == false)
        #expect(try project.cases().count == 14)
        #expect(try Self.rows(project, case: "senese-anziani").values.allSatisfy { $0 == 0 })
        let after = try Self.rows(project)
        for table in Self.tables { #expect(after[table] == before[table]! - theirs[table]!, "\(table)") }
        #expect(try project.runs().last.map { ($0.command, $0.summary) } ?? ("", "") == ("remove", "1 removed"))

        // The next import no longer reports it, and the others' codings are still up to date.
        let rest = files.filter { $0.url.lastPathComponent != "senese-anziani.txt" }
        let again = try project.importFiles(rest, importer: Fixtures.importer)
        #expect(again.gone.isEmpty && again.unchanged.count == 14)
        let coded = try IncrementalCodingTests.code(project)
        #expect(coded.cases == 0 && coded.upToDate == 14)
    }

    @Test("a case is named by its id, its source, or its file's path typed another way; a name matching none is reported")
    func namedCases() throws {
        let (study, project, _) = try Self.codedStudy("remove-named")
        let absolute = study.appendingPathComponent("corpus/valdinievole-poverta.txt").path
        let summary = try project.removeCases(["senese-anziani", "corpus/senese-anziani.txt", absolute, "nessuno"])
        #expect(summary.removed == ["corpus/senese-anziani.txt", "corpus/valdinievole-poverta.txt"])
        #expect(summary.notFound == ["nessuno"])
        #expect(summary.line == "2 removed, 1 not found")
        #expect(try project.cases().count == 13)
        #expect(try project.removeCases(["senese-anziani"]).notFound == ["senese-anziani"])
    }

    @Test("a case with manual codings is kept unless removal is forced")
    func manualCodings() throws {
        let (_, project, _) = try Self.codedStudy("remove-manual")
        let sheet = try #require(try project.cases().first { $0.id == "senese-anziani" })
        let element = try #require(sheet.elements.first)
        let csv = try CSVTable("case_id,element_id,code\nsenese-anziani,\(element.id),governance\n")
        #expect(try project.importManualCodings(csv, file: "manual.csv", coder: "anna") == 1)

        let refused = try project.removeCases(["senese-anziani"])
        #expect(refused.removed.isEmpty)
        #expect(refused.kept == [RemovalSummary.Kept(id: "senese-anziani", source: "corpus/senese-anziani.txt", manualCodings: 1)])
        #expect(refused.line == "0 removed, 1 kept (manual codings)")
        #expect(try project.codings(coders: ["anna"]).count == 1)
        #expect(try project.cases().count == 15)

        let forced = try project.removeCases(["senese-anziani"], force: true)
        #expect(forced.removed == ["corpus/senese-anziani.txt"] && forced.kept.isEmpty)
        #expect(try project.codings(coders: ["anna"]).isEmpty)
        #expect(try project.cases().count == 14)
    }
}
