import Foundation
import GRDB
import Testing
@testable import Quaderno

/// `code` keeps a case's automatic codings while the file, codebook, unit and engine they were made
/// from are unchanged, and what it stores is always what coding every case afresh would store.
@Suite("Project store: coding again only what changed")
struct IncrementalCodingTests {
    /// A copy of the sample corpus (its sheets only) and the seed in a fresh folder, to edit.
    static func corpusCopy(_ label: String) throws -> URL {
        let folder = try Fixtures.temporaryFolder(label).appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try Fixtures.corpusAndSeed() {
            try FileManager.default.copyItem(at: file.url, to: folder.appendingPathComponent(file.url.lastPathComponent))
        }
        return folder
    }

    /// A new project next to `corpus` with every file of it imported.
    static func importedProject(_ corpus: URL, name: String = "project.sqlite") throws -> Project {
        let project = try Project.create(at: corpus.deletingLastPathComponent().appendingPathComponent(name))
        let summary = try project.importFiles(try InputFiles.collect([corpus.path]), importer: Fixtures.importer)
        #expect(summary.failed.isEmpty)
        return project
    }

    /// Codes `project` with the default codebook, stored as `source` (its file's text by default: the
    /// project tells codebook versions apart by their text).
    static func code(_ project: Project, source: String? = nil, unit: CodingUnit = .element,
                     recodeAll: Bool = false) throws -> CodingSummary {
        let source = try source ?? String(contentsOf: Fixtures.codebook, encoding: .utf8)
        return try project.code(with: try Codebook.load(from: Fixtures.codebook), source: source, unit: unit,
                                recodeAll: recodeAll)
    }

    static func storedCodebooks(_ project: Project) throws -> [Int64] {
        try project.database.read { try Int64.fetchAll($0, sql: "SELECT DISTINCT codebook_id FROM coded_cases") }
    }

    @Test("a second run codes no case and keeps every coding; a project with no record codes them all")
    func unchanged() throws {
        let project = try Self.importedProject(try Self.corpusCopy("incremental-unchanged"))
        let first = try Self.code(project)
        #expect(first.cases == 15 && first.upToDate == 0)
        let codings = try project.codings()
        #expect(codings.count == first.codings && codings.count > 50)

        let second = try Self.code(project)
        #expect(second.cases == 0 && second.codings == 0 && second.upToDate == 15)
        #expect(second.line.hasSuffix("; 15 cases unchanged since coded with this codebook and unit (codings kept)"))
        #expect(try project.codings() == codings)

        // A project migrated from v3 has codings but no record of what they were made from.
        try project.database.write { try $0.execute(sql: "DELETE FROM coded_cases") }
        let third = try Self.code(project)
        #expect(third.cases == 15 && third.upToDate == 0)
        #expect(try project.codings() == codings)
    }

    @Test("an edited file is coded again alone, and the project then holds what a fresh project would")
    func editedFile() throws {
        let corpus = try Self.corpusCopy("incremental-edited")
        let project = try Self.importedProject(corpus)
        _ = try Self.code(project)
        let before = try project.codings()

        // One sheet now holds another's text: its case keeps its id and gets the other text's codings.
        let edited = corpus.appendingPathComponent("senese-anziani.txt")
        try FileManager.default.removeItem(at: edited)
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("valdinievole-poverta.txt"), to: edited)
        let imported = try project.importFiles(try InputFiles.collect([corpus.path]), importer: Fixtures.importer)
        #expect(imported.updated == ["senese-anziani"])

        let again = try Self.code(project)
        #expect(again.cases == 1 && again.upToDate == 14)
        let after = try project.codings()
        #expect(after != before)
        #expect(after.filter { $0.coding.caseID != "senese-anziani" } == before.filter { $0.coding.caseID != "senese-anziani" })

        let fresh = try Self.importedProject(corpus, name: "fresh.sqlite")
        let all = try Self.code(fresh)
        #expect(all.cases == 15)
        #expect(after == (try fresh.codings()))
    }

    @Test("another codebook, unit or coding engine codes every case again, and --recode-all does too")
    func changedInputs() throws {
        let project = try Self.importedProject(try Self.corpusCopy("incremental-inputs"))
        let source = try String(contentsOf: Fixtures.codebook, encoding: .utf8)
        #expect(try Self.code(project, source: source).cases == 15)
        let elementCodings = try project.codings()

        // The same codes with a comment added: another codebook version as far as the project knows.
        let commented = source + "\n# edited\n"
        #expect(try Self.code(project, source: commented).cases == 15)
        #expect(try Self.storedCodebooks(project).count == 1)
        #expect(try Self.code(project, source: commented, unit: .sentence).cases == 15)
        // Sentences outside the elements are coded too.
        #expect(try project.codings().contains { $0.coding.unit == "sentence" })
        #expect(try Self.code(project, source: commented, unit: .sentence).cases == 0)

        // A record made by another engine version.
        try project.database.write {
            try $0.execute(sql: "UPDATE coded_cases SET engine = ? WHERE case_id = 'senese-anziani'",
                           arguments: [AutoCoder.engineVersion - 1])
        }
        let engine = try Self.code(project, source: commented, unit: .sentence)
        #expect(engine.cases == 1 && engine.upToDate == 14)

        #expect(try Self.code(project, source: commented, unit: .sentence, recodeAll: true).cases == 15)
        #expect(try Self.code(project, source: source).cases == 15)
        #expect(try project.codings() == elementCodings)
    }

    @Test("storing a case again, even with the same content, drops the record of its codings, so the next run codes it")
    func storedAgain() throws {
        let project = try Self.importedProject(try Self.corpusCopy("incremental-stored"))
        _ = try Self.code(project)
        let sheet = try #require(try project.cases().first)
        // As a REFI-QDA import does with a source already there: same text, its codings deleted.
        try project.database.write { db in
            let hash = try #require(try String.fetchOne(db, sql: "SELECT content_hash FROM cases WHERE id = ?",
                                                        arguments: [sheet.id]))
            try db.execute(sql: "DELETE FROM codings WHERE case_id = ?", arguments: [sheet.id])
            try project.store(sheet, hash: hash, writer: try CaseWriter(db: db), run: nil)
        }
        let again = try Self.code(project)
        #expect(again.cases == 1 && again.upToDate == 14)
        #expect(try project.codings().contains { $0.coding.caseID == sheet.id })
    }
}
