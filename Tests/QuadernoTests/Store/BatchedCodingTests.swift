import Foundation
import GRDB
import Testing
@testable import Quaderno

/// `code` reads the cases a batch at a time, and the case cache is bounded: neither may change what
/// is coded or stored.
@Suite("Project store: coding in batches, a bounded case cache")
struct BatchedCodingTests {
    /// A project of the sample corpus and the seed, opened afresh (nothing cached).
    static func project(_ name: String) throws -> Project {
        let url = try Fixtures.temporaryFolder(name).appendingPathComponent("project.sqlite")
        let files = try Fixtures.corpusAndSeed()
        _ = try Project.create(at: url).importFiles(files, importer: Fixtures.importer)
        return try Project.create(at: url)
    }

    @Test("batches of 1, 3 and 2,048 cases store the same codings, and re-coding replaces them")
    func sameCodings() throws {
        let codebook = try Codebook.load(from: Fixtures.codebook)
        let source = try String(contentsOf: Fixtures.codebook, encoding: .utf8)
        var results: [[StoredCoding]] = []
        for (index, batch) in [Project.codingBatch, 3, 1].enumerated() {
            let project = try Self.project("batched-\(index)")
            let summary = try project.code(with: codebook, source: source, coder: "auto", unit: .element, batch: batch)
            #expect(summary.cases == 15)
            let again = try project.code(with: codebook, source: source, coder: "auto", unit: .element, recodeAll: true,
                                         batch: batch)
            #expect(again.cases == 15 && again.codings == summary.codings)
            let codings = try project.codings()
            #expect(codings.count == summary.codings)
            results.append(codings)
        }
        #expect(results[0].count > 50)
        #expect(results[1] == results[0])
        #expect(results[2] == results[0])
    }

    @Test("the cases an import stores stay in memory for coding; cases decoded to code them do not")
    func cachedOnlyWhenImported() throws {
        let project = try Self.project("cache-kept")
        let hashes = try project.database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, content_hash FROM cases ORDER BY id").map { ($0[0] as String, $0[1] as String) }
        }
        #expect(hashes.count == 15)
        let cached = { hashes.filter { project.caseCache.get($0.0, hash: $0.1) != nil }.count }
        #expect(cached() == 0, "opened afresh")
        _ = try project.code(with: try Codebook.load(from: Fixtures.codebook), source: "test")
        #expect(cached() == 0, "decoded for coding, then let go")
        #expect(try project.cases().count == 15)
        #expect(cached() == 0)

        let files = try Fixtures.corpusAndSeed()
        let folder = try Fixtures.temporaryFolder("cache-import")
        let fresh = try Project.create(at: folder.appendingPathComponent("project.sqlite"))
        _ = try fresh.importFiles(files, importer: Fixtures.importer)
        #expect(hashes.filter { fresh.caseCache.get($0.0, hash: $0.1) != nil }.count == 15, "kept by the import")
    }

    @Test("the case cache stops taking cases at its capacity, and still replaces the ones it holds")
    func boundedCache() throws {
        let sheets = try InputFiles.collect([Fixtures.corpus.path]).prefix(3).map { try Fixtures.importer.importFile(at: $0.url) }
        let sizes = sheets.map(\.text.utf8.count)
        let cache = CaseCache(capacity: sizes[0] + sizes[1])
        for sheet in sheets { cache.put(sheet, hash: "h") }
        #expect(cache.get(sheets[0].id, hash: "h") != nil)
        #expect(cache.get(sheets[1].id, hash: "h") != nil)
        #expect(cache.get(sheets[2].id, hash: "h") == nil, "past the capacity")
        #expect(cache.get(sheets[0].id, hash: "other") == nil, "another content hash")
        var changed = sheets[1]
        changed.title = "changed"
        cache.put(changed, hash: "h2")
        #expect(cache.get(sheets[1].id, hash: "h2")?.title == "changed")
    }
}
