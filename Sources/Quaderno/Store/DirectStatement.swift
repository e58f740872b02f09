import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement of its own whose values are bound with SQLite directly: GRDB's
/// `StatementArguments` box every value of every row, which costs more than the insert itself when
/// an import or a coding run writes tens of thousands of rows. Values are bound as GRDB binds them
/// (text as C strings, integers as 64-bit integers, bytes as a blob, nil as NULL), and each row is
/// still executed by GRDB (`execute()`), which resets the statement, reports errors and keeps its
/// transaction bookkeeping. Not GRDB's cached statement, whose bindings GRDB expects to own.
///
/// SQLite keeps a statement's values from one row to the next, and binding text copies it, so a text
/// equal (byte for byte) to the one bound last at its place is not bound again: a case's id on each
/// of its attribute and element rows, a unit's quoted text on each of its codings. Used by one
/// thread, one row at a time.
final class DirectStatement {
    let sql: String
    private let statement: Statement
    private let database: Database
    /// By parameter number, the text bound last: nil when not known, `.some(nil)` for a bound NULL.
    /// Swift's run-time exclusivity checks on it are off (one thread, one row at a time).
    @exclusivity(unchecked) private var boundText: [String??]

    init(db: Database, sql: String) throws {
        self.sql = sql
        database = db
        statement = try db.makeStatement(sql: sql)
        // The values are bound below, not through GRDB: it has none to check or bind.
        statement.setUncheckedArguments([])
        boundText = Array(repeating: nil, count: Int(sqlite3_bind_parameter_count(statement.sqliteStatement)) + 1)
    }

    /// Makes the statement ready for a new row; call before binding it. The values bound for the
    /// previous row stay bound until replaced.
    func reset() {
        // Binding needs a reset statement (GRDB resets it again before stepping: harmless).
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Binds text (or NULL) to parameter `index` (from 1), unless the same is bound there already.
    func bind(_ value: String?, _ index: CInt) throws {
        if let last = boundText[Int(index)], Self.same(last, value) { return }
        boundText[Int(index)] = nil
        if let value {
            try check(value.withCString {
                sqlite3_bind_text(statement.sqliteStatement, index, $0, -1, Self.transient)
            })
        } else {
            try check(sqlite3_bind_null(statement.sqliteStatement, index))
        }
        boundText[Int(index)] = .some(value)
    }

    /// Binds text given as UTF-8 bytes (valid UTF-8) to parameter `index` (from 1), always.
    func bind(utf8 bytes: UnsafeBufferPointer<UInt8>, _ index: CInt) throws {
        boundText[Int(index)] = nil
        // SQLite takes a NULL pointer as NULL: an empty text needs a real address.
        let empty: StaticString = ""
        try check(sqlite3_bind_text(statement.sqliteStatement, index,
                                    UnsafeRawPointer(bytes.baseAddress ?? empty.utf8Start).assumingMemoryBound(to: CChar.self),
                                    CInt(bytes.count), Self.transient))
    }

    /// Whether two texts have the same bytes (`memcmp`: comparing Swift strings, or walking their
    /// UTF-8 views, costs more than the bind it would save), or are both NULL.
    private static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            let count = a.utf8.count
            guard count == b.utf8.count else { return false }
            guard count > 0 else { return true }
            let compared = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
            }
            return (compared ?? nil) ?? a.utf8.elementsEqual(b.utf8)
        default: return false
        }
    }

    /// Binds an integer (or NULL) to parameter `index` (from 1).
    func bind(_ value: Int64?, _ index: CInt) throws {
        boundText[Int(index)] = nil
        guard let value else { return try check(sqlite3_bind_null(statement.sqliteStatement, index)) }
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    /// Binds bytes as a blob to parameter `index` (from 1).
    func bind(bytes: [UInt8], _ index: CInt) throws {
        boundText[Int(index)] = nil
        guard bytes.isEmpty == false else { return try check(sqlite3_bind_zeroblob(statement.sqliteStatement, index, 0)) }
        try check(bytes.withUnsafeBytes {
            sqlite3_bind_blob(statement.sqliteStatement, index, $0.baseAddress, CInt($0.count), Self.transient)
        })
    }

    /// Runs the statement with the values bound.
    func execute() throws {
        try statement.execute()
    }

    private func check(_ code: CInt) throws {
        guard code != SQLITE_OK else { return }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage, sql: sql)
    }

    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
