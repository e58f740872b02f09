import GRDB

/// Puts a project in SQLite's rollback-journal mode for one write transaction, and back in WAL mode
/// after it.
///
/// In WAL mode every page a transaction writes goes to the log first and is copied into the database
/// by a checkpoint later: an import of 10,000 sheets writes its 170 MB twice, and the checkpoint when
/// the command closes the project took about a third of a second. With a rollback journal, pages
/// added at the end of the file (all of a new project's, most of an import's) are written once, and
/// the journal holds only the original content of the pages the transaction changes, so a crash
/// still leaves the project as it was before the command.
///
/// Leaving WAL mode needs the project alone: when another connection (a report being read, a
/// viewer) has it open, the switch fails and the transaction runs in WAL mode as before. The
/// connection's configuration also puts the project back in WAL mode when it is opened.
struct JournalSwitch {
    private let database: DatabaseQueue
    /// Whether the project left WAL mode and must go back.
    private let switched: Bool

    init(_ database: DatabaseQueue) {
        self.database = database
        let mode = try? database.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        switched = mode?.lowercased() == "delete"
    }

    /// Puts the project back in WAL mode (a no-op when it never left it).
    func restore() {
        guard switched else { return }
        _ = try? database.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
    }
}
