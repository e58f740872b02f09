import Foundation
import GRDB
import Testing
@testable import Quaderno

/// `analyze` imports and codes in one transaction, coding each case on the thread that parsed it:
/// the project must end up as `import` then `code` leave it, run after run.
@Suite("Project store: importing and coding in one go")
struct ImportAndCodeTests {
    typealias Inputs = IncrementalCodingTests

    static func codebook(_ source: String? = nil) throws -> (codebook: Codebook, source: String) {
        (try Codebook.load(from: Fixtures.codebook), try source ?? String(contentsOf: Fixtures.codebook, encoding: .utf8))
    }

    /// `importAndCode` of every file of `corpus`.
    static func importAndCode(_ project: Project, _ corpus: URL, source: String? = nil,
                              recodeAll: Bool = false) throws -> (imported: ImportSummary, coded: CodingSummary) {
        let (codebook, source) = try codebook(source)
        return try project.importAndCode(try InputFiles.collect([corpus.path]), importer: Fixtures.importer,
                                         codebook: codebook, source: source, recodeAll: recodeAll)
    }

    /// What the run log and the coding records hold, run numbers included.
    static func records(_ project: Project) throws -> [[String]] {
        try project.database.read { db in
            let runs = try Row.fetchAll(db, sql: "SELECT id, command, arguments, codebook_id, summary FROM runs ORDER BY id")
            let made = try Row.fetchAll(db, sql: """
                SELECT case_id, coder, codebook_id, unit, engine, content_hash, run_id FROM coded_cases ORDER BY case_id
                """)
            return (runs + made).map { row in row.databaseValues.map(\.description) }
        }
    }

    static func fields(_ summary: CodingSummary) -> [Int] {
        [summary.cases, summary.codings, summary.negated, summary.conflicts, summary.upToDate]
    }

    @Test("one transaction stores the codings, run log and records that import then code store")
    func sameAsTwoRuns() throws {
        let corpus = try Inputs.corpusCopy("import-and-code-same")
        let separate = try Inputs.importedProject(corpus, name: "separate.sqlite")
        let coded = try Inputs.code(separate)

        let together = try Project.create(at: corpus.deletingLastPathComponent().appendingPathComponent("together.sqlite"))
        let result = try Self.importAndCode(together, corpus)
        #expect(result.imported.imported.count == 15 && result.imported.failed.isEmpty)
        #expect(Self.fields(result.coded) == Self.fields(coded))
        #expect(result.coded.cases == 15 && result.coded.codings > 50)
        #expect(try together.codings() == separate.codings())
        let records = try Self.records(together)
        #expect(records == (try Self.records(separate)))
        #expect(records.prefix(2).map { $0[1] } == ["\"import\"", "\"code\""])
        // A case coded as it was imported is not also kept in memory for a later coding run.
        #expect(try together.cases().allSatisfy { together.caseCache.get($0.id, hash: "") == nil })
    }

    @Test("later runs code an edited file as it is imported, the rest only when their codings are out of date")
    func laterRuns() throws {
        let corpus = try Inputs.corpusCopy("import-and-code-later")
        let project = try Project.create(at: corpus.deletingLastPathComponent().appendingPathComponent("project.sqlite"))
        let first = try Self.importAndCode(project, corpus)
        let unchanged = try Self.importAndCode(project, corpus)
        #expect(unchanged.imported.unchanged.count == 15)
        #expect(unchanged.coded.cases == 0 && unchanged.coded.upToDate == 15)

        let edited = corpus.appendingPathComponent("senese-anziani.txt")
        try FileManager.default.removeItem(at: edited)
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("valdinievole-poverta.txt"), to: edited)
        let again = try Self.importAndCode(project, corpus)
        #expect(again.imported.updated == ["senese-anziani"])
        #expect(again.coded.cases == 1 && again.coded.upToDate == 14)
        let fresh = try Inputs.importedProject(corpus, name: "fresh.sqlite")
        #expect(try Inputs.code(fresh).cases == 15)
        #expect(try project.codings() == fresh.codings())

        // Another codebook version: no file changed, every case is coded after the import.
        let commented = try Self.codebook().source + "\n# edited\n"
        let recoded = try Self.importAndCode(project, corpus, source: commented)
        #expect(recoded.imported.unchanged.count == 15)
        #expect(recoded.coded.cases == 15 && recoded.coded.upToDate == 0)

        // With recodeAll, a case coded as it is imported (the edited file, put back as it was) is not
        // coded a second time after it.
        let original = try #require(try Fixtures.corpusAndSeed().first { $0.url.lastPathComponent == "senese-anziani.txt" })
        try FileManager.default.removeItem(at: edited)
        try FileManager.default.copyItem(at: original.url, to: edited)
        let all = try Self.importAndCode(project, corpus, source: commented, recodeAll: true)
        #expect(all.imported.updated == ["senese-anziani"])
        #expect(all.coded.cases == 15 && all.coded.upToDate == 0 && all.coded.codings == first.coded.codings)
        #expect(try project.codings().count == first.coded.codings)
    }

    @Test("a file that cannot be read is reported; the others are imported and coded")
    func badFile() throws {
        let corpus = try Inputs.corpusCopy("import-and-code-bad")
        // A byte that starts a two-byte UTF-8 sequence, followed by one that cannot continue it.
        try (Data("Titolo\n".utf8) + [0xC3, 0x28, 0x0A]).write(to: corpus.appendingPathComponent("rotto.txt"))
        let project = try Project.create(at: corpus.deletingLastPathComponent().appendingPathComponent("project.sqlite"))
        let result = try Self.importAndCode(project, corpus)
        #expect(result.imported.failed.count == 1)
        #expect(result.imported.failed.first?.description.contains("rotto.txt") == true)
        #expect(result.imported.imported.count == 15 && result.coded.cases == 15)
    }

    @Test("a lent session goes back to its pool when the lease ends, and is lent again")
    func sessionPool() throws {
        let pool = CodingSessionPool(coder: try AutoCoder(codebook: try Codebook.load(from: Fixtures.codebook)))
        var first: CodingSessionPool.Lease? = pool.lease()
        let session = try #require(first?.session)
        first = nil
        let again = pool.lease()
        #expect(again.session === session, "the first lease ended, so its session is lent again")
        withExtendedLifetime(again) {
            #expect(pool.lease().session !== session, "a session held is never lent twice")
        }
    }
}
