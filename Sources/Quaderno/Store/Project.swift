import Foundation
import GRDB

/// A Quaderno project: one SQLite file holding cases, codebooks, codings and the log of runs.
///
/// Every command is one transaction, so an interrupted command leaves the project as it was.
///
/// ```swift
/// let project = try Project.create(at: URL(fileURLWithPath: "study.sqlite"))
/// let summary = try project.importFiles(try InputFiles.collect(["corpora"]), importer: try Importer())
/// ```
public final class Project: Sendable {
    /// Where the project file is.
    public let url: URL
    let database: DatabaseQueue
    /// Cases this process has imported, so a command that imports, codes and reports does not decode
    /// them again. Entries count only while their content hash matches the database's.
    let caseCache = CaseCache()
    /// The ``SourceKey/components(of:)`` of the project's folder, which every file's key starts from.
    let folderComponents: [String]

    private init(url: URL, database: DatabaseQueue) {
        self.url = url
        self.database = database
        folderComponents = SourceKey.components(of: url.deletingLastPathComponent())
    }

    /// Creates a new project file (or opens an existing one) and brings its schema up to date.
    public static func create(at url: URL) throws -> Project {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try connect(url)
    }

    /// Opens an existing project; a missing file is an error that says how to create one.
    public static func open(at url: URL) throws -> Project {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw QuadernoError(.usage, file: url.path, "no project here",
                                hint: "create it with `quaderno init \(url.path)` or run `quaderno analyze`")
        }
        return try connect(url)
    }

    private static func connect(_ url: URL) throws -> Project {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        // A command waits for another one that is writing to the project, instead of failing at once.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Pages of 64 KB (SQLite's default is 4 KB) for a new project: a command writes whole
            // cases (text and archive, several KB each) and tens of thousands of codings in one
            // transaction, and committing it then writes a sixteenth as many pages to the log. An
            // existing project keeps the page size it was made with (this is a no-op there).
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            // A page cache of 64 MB (SQLite's default is 2 MB): with a small cache the index pages of
            // those rows are written out and read back again and again before the commit.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let database = try DatabaseQueue(path: url.path, configuration: configuration)
            try ProjectSchema.migrator.migrate(database)
            return Project(url: url, database: database)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw busy(url)
        } catch let error as DatabaseError {
            throw QuadernoError(.invalid, file: url.path, "not a usable Quaderno project: \(error.message ?? "\(error)")",
                                hint: "check the path; a project is the .sqlite file `quaderno init` made")
        }
    }

    /// How long a command waits for another command writing to the same project (an import, a
    /// coding run) before it gives up with ``busy(_:)``.
    static let busyTimeout: TimeInterval = 60

    /// The error of a project another command kept locked for longer than ``busyTimeout``.
    static func busy(_ url: URL) -> QuadernoError {
        QuadernoError(.usage, file: url.path, "the project is busy: another command has been writing to it for "
                      + "over \(Int(busyTimeout)) seconds", hint: "run this again when that command has finished")
    }

    /// Closes the project file: SQLite finishes its log and lets the file go. Any later use of the
    /// project throws. Closing is optional (the file is closed when the project is freed); a program
    /// that keeps the project until it exits closes it here.
    public func close() throws {
        try database.close()
    }

    /// The page size of a new project's database, in bytes.
    static let pageSize = 65_536

    /// Runs `work` in one transaction with a run logged for `command`; nothing is kept if it throws.
    ///
    /// The transaction keeps its undo record in a rollback journal rather than in the write-ahead log
    /// whenever this connection has the project alone, and the project is in WAL mode again once it
    /// ends. `checkingForeignKeys: false` promises that `work` refers only to rows it has read or
    /// written and deletes no case (see ``WriteMode``).
    func transaction<T>(_ command: String, arguments: [String], checkingForeignKeys: Bool = true,
                        _ work: (Database, Int64) throws -> T) throws -> T {
        let mode = WriteMode(database, checkingForeignKeys: checkingForeignKeys)
        defer { mode.restore() }
        do {
            return try database.write { db in
                let run = try Self.beginRun(command, arguments: arguments, db: db)
                let result = try work(db, run)
                try Self.finishRun(run, db: db)
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw Self.busy(url)
        }
    }

    /// Logs the start of a run of `command` and returns its number.
    static func beginRun(_ command: String, arguments: [String], db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO runs (command, arguments, started_at) VALUES (?, ?, ?)",
                       arguments: [command, arguments.joined(separator: " "), now()])
        return db.lastInsertedRowID
    }

    /// Logs the end of run `run`.
    static func finishRun(_ run: Int64, db: Database) throws {
        try db.execute(sql: "UPDATE runs SET finished_at = ? WHERE id = ?", arguments: [now(), run])
    }

    /// The current UTC time as ISO 8601 (`2026-11-27T08:12:40Z`), formatted by hand: a date
    /// formatter costs more to create than a whole case costs to store.
    static func now() -> String {
        var seconds = time_t(Date().timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The runs logged so far, oldest first: command, arguments, codebook version, times, summary.
    public func runs() throws -> [ProjectRun] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT runs.*, codebooks.name AS codebook_name, codebooks.version AS codebook_version
                FROM runs LEFT JOIN codebooks ON codebooks.id = runs.codebook_id ORDER BY runs.id
                """).map { row in
                ProjectRun(id: row["id"], command: row["command"], arguments: row["arguments"],
                           codebook: (row["codebook_name"] as String?).map { "\($0) \(row["codebook_version"] as String? ?? "")" },
                           startedAt: row["started_at"], finishedAt: row["finished_at"], summary: row["summary"])
            }
        }
    }
}

/// One command run on a project, as logged.
public struct ProjectRun: Sendable, Equatable {
    /// Sequence number.
    public var id: Int64
    /// The command (`import`, `code`, `codings import`, ...).
    public var command: String
    /// Its arguments as typed.
    public var arguments: String
    /// The codebook name and version used, for coding runs.
    public var codebook: String?
    /// When it started (ISO 8601).
    public var startedAt: String
    /// When it finished.
    public var finishedAt: String?
    /// A one-line summary.
    public var summary: String
}

/// Decoded cases by id with the content hash they were stored with, so `analyze` codes and reports
/// the cases it has just imported without decoding them again.
///
/// Bounded by the cases' text: once it holds `capacity` bytes of text, further cases are not kept (a
/// 100,000-sheet corpus would otherwise stay whole in memory from import to report).
final class CaseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (hash: String, sheet: Case)] = [:]
    private var bytes = 0
    private let capacity: Int

    init(capacity: Int = 128 << 20) { self.capacity = capacity }

    func put(_ sheet: Case, hash: String) {
        let size = sheet.text.utf8.count
        lock.lock()
        defer { lock.unlock() }
        let previous = entries[sheet.id]?.sheet.text.utf8.count
        guard previous != nil || bytes + size <= capacity else { return }
        bytes += size - (previous ?? 0)
        entries[sheet.id] = (hash, sheet)
    }

    func get(_ id: String, hash: String) -> Case? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[id], entry.hash == hash else { return nil }
        return entry.sheet
    }
}
