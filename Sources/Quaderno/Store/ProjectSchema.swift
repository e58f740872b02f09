import Foundation
import GRDB

/// The project database's schema, as migrations from the first version on.
enum ProjectSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    arguments TEXT NOT NULL,
                    codebook_id INTEGER REFERENCES codebooks(id),
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    summary TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY,
                    source TEXT NOT NULL UNIQUE,
                    format TEXT NOT NULL,
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    case_json TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    run_id INTEGER REFERENCES runs(id)
                );
                CREATE TABLE attributes (
                    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    label TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (case_id, key)
                );
                CREATE TABLE elements (
                    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    polarity TEXT NOT NULL,
                    polarity_source TEXT NOT NULL,
                    polarity_evidence TEXT,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (case_id, id)
                );
                CREATE TABLE codebooks (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    version TEXT NOT NULL,
                    language TEXT NOT NULL,
                    description TEXT NOT NULL,
                    source TEXT NOT NULL,
                    content_hash TEXT NOT NULL UNIQUE,
                    loaded_at TEXT NOT NULL
                );
                CREATE TABLE codes (
                    codebook_id INTEGER NOT NULL REFERENCES codebooks(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    polarity TEXT NOT NULL,
                    parent TEXT,
                    color TEXT,
                    definition TEXT NOT NULL,
                    code_json TEXT NOT NULL,
                    PRIMARY KEY (codebook_id, id)
                );
                CREATE TABLE codings (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    element_id TEXT,
                    unit TEXT NOT NULL,
                    code TEXT NOT NULL,
                    coder TEXT NOT NULL,
                    origin TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    cue TEXT,
                    cue_start INTEGER,
                    cue_end INTEGER,
                    negated INTEGER NOT NULL DEFAULT 0,
                    negated_by TEXT,
                    polarity_conflict INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'orphaned')),
                    codebook_id INTEGER REFERENCES codebooks(id),
                    run_id INTEGER REFERENCES runs(id)
                );
                CREATE INDEX codings_by_case ON codings(case_id, coder);
                CREATE INDEX codings_by_coder ON codings(coder, code);
                """)
        }
        // v2: the case's findings move from JSON text to the compact binary `CaseArchive` (the text
        // keeps its own column), which loads many times faster.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE cases ADD COLUMN case_data BLOB NOT NULL DEFAULT x''")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, case_json FROM cases")
            let decoder = JSONDecoder()
            var converted: [(String, [UInt8])] = []
            while let row = try rows.next() {
                let sheet = try decoder.decode(Case.self, from: Data((row["case_json"] as String).utf8))
                converted.append((row["id"], CaseArchive.encode(sheet)))
            }
            let update = try db.makeStatement(sql: "UPDATE cases SET case_data = ? WHERE id = ?")
            for (id, data) in converted { try update.execute(arguments: [Data(data), id]) }
            try db.execute(sql: "ALTER TABLE cases DROP COLUMN case_json")
        }
        // v3: codings are numbered by SQLite's plain row ids instead of AUTOINCREMENT, which wrote the
        // `sqlite_sequence` table after every inserted coding (about an eighth of each insert). A
        // coding's id is only used inside a command (to re-anchor manual codings), never shown or
        // exported, so reusing the number of a deleted coding is harmless. The rows keep their ids.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE TABLE codings_v3 (
                    id INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    element_id TEXT,
                    unit TEXT NOT NULL,
                    code TEXT NOT NULL,
                    coder TEXT NOT NULL,
                    origin TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    cue TEXT,
                    cue_start INTEGER,
                    cue_end INTEGER,
                    negated INTEGER NOT NULL DEFAULT 0,
                    negated_by TEXT,
                    polarity_conflict INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'orphaned')),
                    codebook_id INTEGER REFERENCES codebooks(id),
                    run_id INTEGER REFERENCES runs(id)
                );
                INSERT INTO codings_v3 (id, case_id, element_id, unit, code, coder, origin, start, "end", text, cue,
                  cue_start, cue_end, negated, negated_by, polarity_conflict, status, codebook_id, run_id)
                SELECT id, case_id, element_id, unit, code, coder, origin, start, "end", text, cue,
                  cue_start, cue_end, negated, negated_by, polarity_conflict, status, codebook_id, run_id FROM codings;
                DROP TABLE codings;
                ALTER TABLE codings_v3 RENAME TO codings;
                CREATE INDEX codings_by_case ON codings(case_id, coder);
                CREATE INDEX codings_by_coder ON codings(coder, code);
                """)
        }
        // v4: for each case and coder, what its automatic codings were made from: the codebook, the
        // unit, the coding engine and the case's content. `code` codes again only the cases where one
        // of them differs, so running `analyze` again after editing a few sheets codes those sheets.
        // Storing a case deletes its rows (and the import its automatic codings). A project from v3
        // has no rows, so its first `code` codes every case, as it always did.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                CREATE TABLE coded_cases (
                    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    coder TEXT NOT NULL,
                    codebook_id INTEGER NOT NULL REFERENCES codebooks(id),
                    unit TEXT NOT NULL,
                    engine INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    run_id INTEGER REFERENCES runs(id),
                    PRIMARY KEY (case_id, coder)
                ) WITHOUT ROWID;
                """)
        }
        // v5: a case records its file by `SourceKey` (its path relative to the project's folder) as well
        // as by the path as typed (`source`, what reports show), so the same file typed another way
        // (from another working directory, or absolute) is the same case, not a second one. Cases
        // stored before have no key; an import that finds one by its typed path gives it its key.
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN source_key TEXT;
                CREATE UNIQUE INDEX cases_by_source_key ON cases(source_key);
                """)
        }
        // v6: the few short columns that commands look every case up by, in an index of their own. A
        // case's row also holds its text and its archive (11 KB for a sheet): finding the cases whose
        // codings are out of date, or whose file is gone, read every row whole, 131 MB for 10,000
        // sheets and three times in a first `analyze`. The index holds 110 bytes a case.
        migrator.registerMigration("v6") { db in
            try db.execute(sql: "CREATE INDEX cases_lookup ON cases(id, content_hash, source, source_key)")
        }
        return migrator
    }
}
