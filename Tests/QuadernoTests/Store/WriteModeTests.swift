import Foundation
import GRDB
import Testing
@testable import Quaderno

@Suite("Write mode of a command's transaction")
struct WriteModeTests {
    let folder: URL
    let url: URL

    init() throws {
        folder = try Fixtures.temporaryFolder("journal")
        url = folder.appendingPathComponent("project.sqlite")
    }

    static func mode(_ db: Database) throws -> String? { try String.fetchOne(db, sql: "PRAGMA journal_mode") }

    /// A one-sheet file to import, written in the test's folder.
    func sheetFile() throws -> (url: URL, path: String) {
        let file = folder.appendingPathComponent("pistoia.txt")
        try Data(ProjectStoreTests.sheet.utf8).write(to: file)
        return (file, "pistoia.txt")
    }

    @Test("alone, a transaction uses a rollback journal and leaves the project in WAL mode")
    func alone() throws {
        let project = try Project.create(at: url)
        let inside = try project.transaction("test", arguments: []) { db, _ in try Self.mode(db) }
        #expect(inside == "delete")
        #expect(try project.database.read(Self.mode) == "wal")
        // A project opened afresh is in WAL mode, and so is one left in rollback mode (a crash
        // between the two switches): the connection's configuration puts it back.
        try project.database.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
        let reopened = try Project.open(at: url)
        #expect(try reopened.database.read(Self.mode) == "wal")
    }

    @Test("with another connection reading the project, the transaction stays in WAL mode and still commits")
    func shared() throws {
        let project = try Project.create(at: url)
        var configuration = Configuration()
        configuration.journalMode = .wal
        let other = try DatabaseQueue(path: url.path, configuration: configuration)
        let file = try sheetFile()
        let summary = try other.read { db -> ImportSummary in
            // The other connection is inside a read transaction while the import runs.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") == 0)
            let inside = try project.transaction("test", arguments: []) { db, _ in try Self.mode(db) }
            #expect(inside == "wal")
            return try project.importFiles([file], importer: Fixtures.importer)
        }
        #expect(summary.imported == ["pistoia"])
        #expect(try other.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") } == 1)
        #expect(try project.database.read(Self.mode) == "wal")
    }

    @Test("a transaction that fails in rollback mode keeps nothing of what it wrote")
    func rollback() throws {
        let project = try Project.create(at: url)
        let file = try sheetFile()
        _ = try project.importFiles([file], importer: Fixtures.importer)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try project.transaction("test", arguments: []) { db, _ in
                #expect(try Self.mode(db) == "delete")
                try db.execute(sql: "DELETE FROM cases")
                throw Stop()
            }
        }
        #expect(try project.cases().map(\.id) == ["pistoia"])
        #expect(try project.runs().map(\.command) == ["import"])
    }

    @Test("foreign-key checks are off only in a transaction that asks, and coding leaves every reference valid")
    func foreignKeys() throws {
        let project = try Project.create(at: url)
        let checks = { (db: Database) in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(try project.transaction("test", arguments: []) { db, _ in try checks(db) } == 1)
        #expect(try project.transaction("test", arguments: [], checkingForeignKeys: false) { db, _ in try checks(db) } == 0)
        #expect(try project.database.read(checks) == 1)

        let file = try sheetFile()
        _ = try project.importFiles([file], importer: Fixtures.importer)
        let summary = try project.code(with: try Codebook.load(from: Fixtures.codebook), source: "test")
        #expect(summary.codings > 0)
        #expect(try project.database.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        // With the checks back on, a coding of a case that does not exist is refused.
        #expect(throws: DatabaseError.self) {
            try project.database.write { db in
                try db.execute(sql: """
                    INSERT INTO codings (case_id, unit, code, coder, origin, start, "end", text)
                    VALUES ('nowhere', 'element', 'x', 'auto', 'auto', 0, 1, 'x')
                    """)
            }
        }
    }

    @Test("a command waits for another connection writing to the project instead of failing")
    func waitsForWriter() throws {
        let project = try Project.create(at: url)
        let file = try sheetFile()
        var configuration = Configuration()
        configuration.journalMode = .wal
        let other = try DatabaseQueue(path: url.path, configuration: configuration)
        // The other connection holds the write lock for a moment, from another thread.
        let locked = DispatchSemaphore(value: 0)
        let writer = Thread {
            try? other.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                Thread.sleep(forTimeInterval: 0.5)
                try db.execute(sql: "COMMIT")
            }
        }
        writer.start()
        locked.wait()
        let summary = try project.importFiles([file], importer: Fixtures.importer)
        #expect(summary.imported == ["pistoia"])
        #expect(try project.cases().count == 1)
    }
}
