import GRDB
import GRDBSQLite

/// Inserts codings through one prepared statement of its own, binding each value with SQLite
/// directly: GRDB's `StatementArguments` box every value of every row, which costs more than the
/// insert itself when a run makes tens of thousands of codings. Values are bound as GRDB binds them
/// (text as C strings, integers and booleans as 64-bit integers, nil as NULL), and each row is still
/// executed by GRDB (`execute()`), which resets the statement, reports errors and keeps its
/// transaction bookkeeping.
struct CodingInserter {
    static let sql = """
        INSERT INTO codings (case_id, element_id, unit, code, coder, origin, start, "end", text, cue, cue_start,
          cue_end, negated, negated_by, polarity_conflict, codebook_id, run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private let statement: Statement
    private let database: Database
    private let origin: String
    private let codebookID: Int64?
    private let run: Int64?

    /// A statement for `db` (not GRDB's cached one, whose bindings GRDB expects to own); every
    /// coding inserted gets these origin, codebook and run.
    init(db: Database, origin: String, codebookID: Int64?, run: Int64?) throws {
        database = db
        statement = try db.makeStatement(sql: Self.sql)
        // The values are bound below, not through GRDB: it has none to check or bind.
        statement.setUncheckedArguments([])
        self.origin = origin
        self.codebookID = codebookID
        self.run = run
    }

    /// Inserts one coding.
    func insert(_ coding: Coding) throws {
        let handle = statement.sqliteStatement
        // Binding needs a reset statement (GRDB resets it again before stepping: harmless).
        sqlite3_reset(handle)
        try bind(coding.caseID, 1)
        try bind(coding.elementID, 2)
        try bind(coding.unit, 3)
        try bind(coding.code, 4)
        try bind(coding.coder, 5)
        try bind(origin, 6)
        try bind(Int64(coding.start), 7)
        try bind(Int64(coding.end), 8)
        try bind(coding.text, 9)
        try bind(coding.cue, 10)
        try bind(coding.cueStart.map(Int64.init), 11)
        try bind(coding.cueEnd.map(Int64.init), 12)
        try bind(coding.negated ? 1 : 0, 13)
        try bind(coding.negatedBy, 14)
        try bind(coding.polarityConflict ? 1 : 0, 15)
        try bind(codebookID, 16)
        try bind(run, 17)
        try statement.execute()
    }

    private func bind(_ value: String?, _ index: CInt) throws {
        guard let value else { return try check(sqlite3_bind_null(statement.sqliteStatement, index)) }
        try check(value.withCString {
            sqlite3_bind_text(statement.sqliteStatement, index, $0, -1, Self.transient)
        })
    }

    private func bind(_ value: Int64?, _ index: CInt) throws {
        guard let value else { return try check(sqlite3_bind_null(statement.sqliteStatement, index)) }
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    private func check(_ code: CInt) throws {
        guard code != SQLITE_OK else { return }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage,
                            sql: Self.sql)
    }

    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
