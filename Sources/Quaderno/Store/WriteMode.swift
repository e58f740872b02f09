import GRDB
import GRDBSQLite

/// How one command's write transaction runs: the connection settings it changes before it begins,
/// and puts back after it ends (SQLite ignores both pragmas inside a transaction).
///
/// **Rollback journal.** In WAL mode every page a transaction writes goes to the log first and is
/// copied into the database by a checkpoint later: an import of 10,000 sheets writes its 170 MB
/// twice, and the checkpoint when the command closed the project took 0.3–0.5 s.
/// With a rollback journal, pages added at the end of the file (all of a new project's, most of an
/// import's) are written once, and the journal holds the original content of the pages the
/// transaction changes, so a crash still leaves the project as it was before the command. Leaving
/// WAL mode needs the project alone: when another connection (a report being read, a viewer) has
/// it open, the switch fails at once and the transaction runs in WAL mode. The connection's
/// configuration also puts the project back in WAL mode whenever it is opened. While the
/// transaction runs in rollback mode, another command that opens the project waits for it (up to
/// ``Project/busyTimeout``) instead of reading the state before it.
///
/// **Foreign keys.** A command whose every row refers to cases, codebooks and runs the same
/// transaction has just read or written, and that deletes no case (so no `ON DELETE CASCADE` is
/// needed), can skip SQLite's check of each reference: `code` spends 7% fewer instructions storing
/// 30,000 codings.
struct WriteMode {
    private let database: DatabaseQueue
    /// Whether the project left WAL mode and must go back.
    private let leftWAL: Bool
    /// Whether foreign-key checks were turned off and must be turned on again.
    private let skippedForeignKeys: Bool

    init(_ database: DatabaseQueue, checkingForeignKeys: Bool) {
        self.database = database
        // Tried once, without waiting: when another connection has the project, the transaction
        // runs in WAL mode rather than waiting for that connection to let it go.
        let mode = try? database.writeWithoutTransaction { db in
            sqlite3_busy_timeout(db.sqliteConnection, 0)
            defer { sqlite3_busy_timeout(db.sqliteConnection, CInt(Project.busyTimeout * 1000)) }
            return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        leftWAL = mode?.lowercased() == "delete"
        skippedForeignKeys = checkingForeignKeys == false
            && (try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF") }) != nil
    }

    /// Puts back WAL mode and foreign-key checks (a no-op for what was not changed).
    func restore() {
        if skippedForeignKeys {
            try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = ON") }
        }
        if leftWAL {
            _ = try? database.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        }
    }
}
