import Foundation
import GRDB
import Testing
@testable import Quaderno

/// A case's row holds its text and archive (kilobytes each): the queries that look every case up by
/// its id, content hash, source or key read the `cases_lookup` index instead of the rows.
@Suite("Project store: looking cases up without reading their rows")
struct CaseLookupTests {
    static func plan(_ project: Project, _ sql: String, arguments: StatementArguments = []) throws -> String {
        try project.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }.joined(separator: "\n")
    }

    @Test("finding the cases to code, and the cases whose file is gone, read only the index")
    func plans() throws {
        let project = try BatchedCodingTests.project("case-lookup")
        for all in [false, true] {
            let count = try Self.plan(project, "SELECT count(*) " + CodedCases.selectionSQL(all: all),
                                      arguments: all ? ["auto", 1] : ["auto", 1, "element", 1])
            #expect(count.contains("SCAN cases USING COVERING INDEX cases_lookup"), "\(count)")
            let batch = try Self.plan(project, "SELECT cases.id, cases.content_hash, cases.case_data, cases.text "
                                      + CodedCases.selectionSQL(all: all) + " AND cases.id > ? ORDER BY cases.id LIMIT 10",
                                      arguments: all ? ["auto", 1, ""] : ["auto", 1, "element", 1, ""])
            #expect(batch.contains("INDEX cases_lookup (id>?)") && batch.contains("TEMP B-TREE") == false, "\(batch)")
        }
        let gone = try Self.plan(project, Project.goneCasesSQL)
        #expect(gone.contains("COVERING INDEX cases_lookup") && gone.contains("TEMP B-TREE") == false, "\(gone)")
        #expect(try project.database.read { try project.goneCases($0) }.isEmpty)
    }

    @Test("a project made before the index gets it when opened, and codes as before")
    func migrated() throws {
        let url = try Fixtures.temporaryFolder("case-lookup-v5").appendingPathComponent("project.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try ProjectSchema.migrator.migrate(queue, upTo: "v5")
        let indexes = { try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") } }
        #expect(try indexes().contains("cases_lookup") == false)
        try queue.close()
        let project = try Project.open(at: url)
        _ = try project.importFiles(try Fixtures.corpusAndSeed(), importer: Fixtures.importer)
        let summary = try project.code(with: try Codebook.load(from: Fixtures.codebook), source: "test")
        #expect(summary.cases == 15 && summary.codings > 50)
        #expect(try project.database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
            .contains("cases_lookup"))
    }
}
