import Foundation
import GRDB
import Testing
@testable import Quaderno

@Suite("Project schema migrations")
struct ProjectSchemaTests {
    static func codingRows(_ db: Database) throws -> [[DatabaseValue]] {
        try Row.fetchAll(db, sql: "SELECT * FROM codings ORDER BY id").map { row in row.databaseValues.map { $0 } }
    }

    @Test("v3 keeps every coding with its id and values, and numbers codings without AUTOINCREMENT")
    func v3() throws {
        let url = try Fixtures.temporaryFolder("schema").appendingPathComponent("project.sqlite")
        // A project as the second version of the schema left it: a case and codings with a gap in their ids.
        let before: [[DatabaseValue]]
        do {
            let queue = try DatabaseQueue(path: url.path)
            try ProjectSchema.migrator.migrate(queue, upTo: "v2")
            before = try queue.write { db in
                try db.execute(sql: "INSERT INTO runs (command, arguments, started_at) VALUES ('import', 'c.txt', 'x')")
                try db.execute(sql: """
                    INSERT INTO cases (id, source, format, title, text, content_hash, imported_at, run_id, case_data)
                    VALUES ('c', 'c.txt', 'sheet-text', 'Titolo', 'Un tavolo di co-progettazione', 'h', 'x', 1, x'00')
                    """)
                for (id, origin, cue) in [(1, "auto", "tavolo" as String?), (4, "manual", nil), (7, "auto", "co-progettazione")] {
                    try db.execute(sql: """
                        INSERT INTO codings (id, case_id, element_id, unit, code, coder, origin, start, "end", text, cue,
                          cue_start, negated, negated_by, status, run_id)
                        VALUES (?, 'c', 'c-e1', 'element', 'governance', ?, ?, 0, 29, 'Un tavolo di co-progettazione', ?, 3, ?, ?, ?, 1)
                        """, arguments: [id, origin == "auto" ? "auto" : "Anna", origin, cue, id == 7, id == 7 ? "non" : nil,
                                         id == 4 ? "orphaned" : "active"])
                }
                return try Self.codingRows(db)
            }
            #expect(try queue.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'codings'") }?
                .contains("AUTOINCREMENT") == true)
            try queue.close()
        }

        let project = try Project.open(at: url)
        try project.database.write { db in
            #expect(try Self.codingRows(db) == before)
            let schema = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'codings'") ?? ""
            #expect(schema.contains("id INTEGER PRIMARY KEY") && schema.contains("AUTOINCREMENT") == false)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'codings' ORDER BY name")
            #expect(indexes == ["codings_by_case", "codings_by_coder"])
            // The foreign key still holds: a coding of an unknown case is refused.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO codings (case_id, unit, code, coder, origin, start, "end", text) VALUES ('nessuno', 'element', 'g', 'auto', 'auto', 0, 1, 'U')
                    """)
            }
            try db.execute(sql: """
                INSERT INTO codings (case_id, unit, code, coder, origin, start, "end", text) VALUES ('c', 'element', 'g', 'auto', 'auto', 0, 1, 'U')
                """)
            #expect(db.lastInsertedRowID == 8)
        }
    }
}
