import Foundation
import GRDB
import Testing
@testable import Quaderno

@Suite("Project store")
struct ProjectStoreTests {
    let folder: URL
    let project: Project

    init() throws {
        folder = try Fixtures.temporaryFolder("store")
        project = try Project.create(at: folder.appendingPathComponent("project.sqlite"))
    }

    func sheetFile(_ name: String, _ text: String) throws -> (url: URL, path: String) {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return (url, name)
    }

    static let sheet = """
    # Dati identificativi

    <b>Ente proponente</b>\tSocietà della Salute Pistoiese
    <b>Ambito territoriale</b>\tZona Pistoiese

    # Riassunto degli elementi

    ## Punti di forza
    - Un tavolo di co-progettazione con pari dignità tra gli enti
    - Formazione congiunta degli operatori

    ## Criticità
    - Resistenze degli uffici tecnici
    """

    @Test("a new project has 64 KB pages; one made with SQLite's 4 KB pages keeps them and stays usable")
    func pageSize() throws {
        let size = { (project: Project) in try project.database.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } }
        #expect(try size(project) == Project.pageSize)
        #expect(Project.pageSize == 65_536)

        // A project as earlier versions made it: the same schema on SQLite's default page size.
        let oldURL = folder.appendingPathComponent("old.sqlite")
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            let queue = try DatabaseQueue(path: oldURL.path, configuration: configuration)
            try ProjectSchema.migrator.migrate(queue)
            try queue.close()
        }
        let old = try Project.open(at: oldURL)
        #expect(try size(old) == 4_096)
        let summary = try old.importFiles([try sheetFile("pistoia.txt", Self.sheet)], importer: Fixtures.importer)
        #expect(summary.imported == ["pistoia"])
        #expect(try old.cases().map(\.elements.count) == [3])
    }

    @Test("re-importing an unchanged file changes nothing")
    func unchanged() throws {
        let file = try sheetFile("pistoia.txt", Self.sheet)
        let first = try project.importFiles([file], importer: Fixtures.importer)
        #expect(first.imported == ["pistoia"])
        let second = try project.importFiles([file], importer: Fixtures.importer)
        #expect(second.unchanged == ["pistoia"] && second.imported.isEmpty && second.updated.isEmpty)
        #expect(try project.cases().count == 1)
        #expect(try project.runs().map(\.command) == ["import", "import"])
    }

    @Test("a file named twice in one import is imported once (it used to stop the program)")
    func namedTwice() throws {
        let file = try sheetFile("pistoia.txt", Self.sheet)
        let summary = try project.importFiles([file, file, file], importer: Fixtures.importer)
        #expect(summary.imported == ["pistoia"] && summary.failed.isEmpty)
        #expect(try project.cases().count == 1)
        let folder = file.url.deletingLastPathComponent().path
        #expect(try InputFiles.collect([file.url.path, folder, folder + "/"]).filter { $0.path.hasSuffix("pistoia.txt") }.count == 1)
    }

    @Test("manual codings are re-anchored after an edit, orphaned (never deleted) when their text is gone")
    func manualCodingsSurvive() throws {
        let file = try sheetFile("pistoia.txt", Self.sheet)
        _ = try project.importFiles([file], importer: Fixtures.importer)
        let codebookURL = Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml")
        _ = try project.code(with: try Codebook.load(from: codebookURL), source: try String(contentsOf: codebookURL, encoding: .utf8))
        let csv = try CSVTable("case_id,element_id,code\npistoia,e2,joint_training\npistoia,e3,resistance\n")
        #expect(try project.importManualCodings(csv, file: "manual.csv", coder: "anna") == 2)
        let before = try project.codings(coders: ["anna"])
        let training = try #require(before.first { $0.coding.code == "joint_training" })

        // Insert a new first element: the quoted texts move.
        let edited = Self.sheet.replacingOccurrences(of: "## Punti di forza\n", with: "## Punti di forza\n- Un nuovo elemento in cima\n")
            .replacingOccurrences(of: "- Resistenze degli uffici tecnici", with: "- Difficoltà con gli uffici")
        try Data(edited.utf8).write(to: file.url)
        let summary = try project.importFiles([file], importer: Fixtures.importer)
        #expect(summary.updated == ["pistoia"])
        #expect(summary.reanchored == 1 && summary.orphaned == 1)
        let after = try project.codings(coders: ["anna"], includeOrphaned: true)
        #expect(after.count == 2, "nothing deleted")
        let moved = try #require(after.first { $0.coding.code == "joint_training" })
        #expect(moved.status == "active" && moved.coding.text == training.coding.text)
        #expect(moved.coding.start > training.coding.start)
        #expect(moved.coding.elementID == "e3")
        let sheet = try #require(try project.cases().first)
        #expect(sheet.text.scalarSlice(moved.coding.start, moved.coding.end) == moved.coding.text)
        #expect(after.first { $0.coding.code == "resistance" }?.status == "orphaned")
        #expect(try project.codings(coders: ["auto"]).isEmpty, "auto codings of a changed case are replaced (re-run code)")
    }

    @Test("an import interrupted halfway leaves the project with its previous content")
    func interruptedImport() throws {
        let first = try sheetFile("uno.txt", Self.sheet)
        _ = try project.importFiles([first], importer: Fixtures.importer)
        let files = try (2...5).map { try sheetFile("caso\($0).txt", Self.sheet + "\n- Elemento \($0)\n") }
        #expect(throws: QuadernoError.self) {
            _ = try project.importFiles(files, importer: Fixtures.importer, progress: nil, interruptAfter: 2)
        }
        #expect(try project.cases().map(\.id) == ["uno"])
        #expect(try project.runs().count == 1, "the interrupted run left no trace")
        let reopened = try Project.open(at: project.url)
        #expect(try reopened.cases().count == 1)
    }

    @Test("a bad file is reported and the batch goes on")
    func badFileInBatch() throws {
        let good = try sheetFile("buono.txt", Self.sheet)
        let bad = try sheetFile("vuoto.txt", "   \n")
        let summary = try project.importFiles([bad, good], importer: Fixtures.importer)
        #expect(summary.imported == ["buono"])
        #expect(summary.failed.count == 1 && summary.failed[0].file == "vuoto.txt")
    }

    @Test("manual codings with problems are all reported and nothing is stored")
    func badManualCodings() throws {
        _ = try project.importFiles([try sheetFile("pistoia.txt", Self.sheet)], importer: Fixtures.importer)
        let csv = try CSVTable("case_id,element_id,start,end,code\nnope,e1,,,x\npistoia,e9,,,x\npistoia,,5,2,x\npistoia,e1,,,governance\n")
        do {
            _ = try project.importManualCodings(csv, file: "bad.csv", coder: "anna")
            Issue.record("expected an error")
        } catch let errors as ManualCodingErrors {
            #expect(errors.problems.map(\.line) == [2, 3, 4])
            #expect(errors.problems[0].description.hasPrefix("bad.csv:2: no case 'nope'"))
        }
        #expect(try project.codings().isEmpty)
        #expect(throws: QuadernoError.self) { _ = try Project.open(at: folder.appendingPathComponent("missing.sqlite")) }
    }
}

@Suite("Project store: batches")
struct ProjectBatchTests {
    @Test("an import of several batches keeps input order, reports a bad file in the middle and stores each case as a lone import would")
    func severalBatches() throws {
        let folder = try Fixtures.temporaryFolder("batches")
        let count = Project.importBatch * 2 + 37
        var files: [(url: URL, path: String)] = []
        for index in 0..<count {
            let name = String(format: "sheet-%04d.txt", index)
            let url = folder.appendingPathComponent(name)
            let body = index == Project.importBatch + 5
                ? " \n\t\n"  // blank: a malformed file in the second batch
                : ProjectStoreTests.sheet.replacingOccurrences(of: "Formazione congiunta", with: "Formazione \(index)")
            try Data(body.utf8).write(to: url)
            files.append((url, name))
        }
        let project = try Project.create(at: folder.appendingPathComponent("p.sqlite"))
        let summary = try project.importFiles(files, importer: Fixtures.importer)
        let expected = files.map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }
        #expect(summary.imported == expected.enumerated().filter { $0.offset != Project.importBatch + 5 }.map(\.element))
        #expect(summary.failed.count == 1 && summary.failed[0].description.contains(files[Project.importBatch + 5].path))
        let stored = try project.cases()
        #expect(stored.count == count - 1)
        for index in [0, Project.importBatch - 1, Project.importBatch, count - 1] {
            let lone = try Fixtures.importer.importFile(at: files[index].url, path: files[index].path)
            #expect(stored.first { $0.id == lone.id } == lone)
        }
        let again = try project.importFiles(files, importer: Fixtures.importer)
        #expect(again.unchanged.count == count - 1 && again.imported.isEmpty && again.failed.count == 1)
    }
}
