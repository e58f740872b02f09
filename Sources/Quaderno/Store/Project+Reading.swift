import Foundation
import GRDB

extension Project {
    /// Every case, in id order.
    public func cases() throws -> [Case] {
        try database.read { db in try loadCases(db) }
    }

    /// The cases as the analysis and the reports read them (``CaseArchive/Detail/summary``: no text,
    /// tables, dates, references or segments), in id order. Cases this process already holds whole
    /// are taken from memory as they are.
    func caseSummaries() throws -> [Case] {
        try database.read { db in try loadCases(db, detail: .summary) }
    }

    /// Every case in id order. Cases this process already holds (same content hash) are taken from
    /// memory; the others are decoded from their archive (SQLite reads a row's text and archive only
    /// when asked for them). Only whole cases go into the cache; a summary leaves the text column unread.
    func loadCases(_ db: Database, detail: CaseArchive.Detail = .whole) throws -> [Case] {
        let sql = detail == .whole
            ? "SELECT id, content_hash, case_data, text FROM cases ORDER BY id"
            : "SELECT id, content_hash, case_data FROM cases ORDER BY id"
        var cases: [Case] = []
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() { cases.append(try decodeCase(row, detail: detail)) }
        return cases
    }

    /// The case of a row of `id, content_hash, case_data` (and `text` for a whole case), from memory
    /// when this process holds it with that content hash (an import keeps what it stores). A decoded
    /// case is not kept: `code` reads cases a batch at a time and lets each batch go, so the next one
    /// reuses its memory (keeping them made `code` of 10,000 sheets peak at 293 MB instead of 141 MB).
    func decodeCase(_ row: Row, detail: CaseArchive.Detail) throws -> Case {
        let id: String = row[0]
        let hash: String = row[1]
        if let cached = caseCache.get(id, hash: hash) { return cached }
        let whole = detail == .whole
        let text: String = whole ? row[3] : ""
        let sheet = try row.withUnsafeData(atIndex: 2) { data in
            do {
                return try (data ?? Data()).withUnsafeBytes { try CaseArchive.decode($0, text: text, detail: detail) }
            } catch let corrupt as ArchiveReader.Corrupt {
                throw QuadernoError(.invalid, file: url.path, "case '\(id)' is damaged in the project "
                                    + "(byte \(corrupt.offset): \(corrupt.problem))",
                                    hint: "import its file again with `quaderno import`")
            }
        }
        return sheet
    }

    /// Codings in case and position order; `coders` restricts to those coders, orphaned ones only on request.
    public func codings(coders: [String]? = nil, includeOrphaned: Bool = false) throws -> [StoredCoding] {
        try readCodings(coders: coders, includeOrphaned: includeOrphaned, StoredCoding.init(row:))
    }

    /// ``codings(coders:includeOrphaned:)`` without how each was made: what the analysis reads.
    func codingValues(coders: [String]? = nil, includeOrphaned: Bool = false) throws -> [Coding] {
        try readCodings(coders: coders, includeOrphaned: includeOrphaned, StoredCoding.coding(row:))
    }

    /// Each coding's row of ``codingsSQL(coders:includeOrphaned:)`` made into a value by `make`.
    private func readCodings<Value>(coders: [String]?, includeOrphaned: Bool, _ make: (Row) -> Value) throws -> [Value] {
        try database.read { db in
            // Room for every coding, reserved at once: grown by doubling, the array of a large project
            // was copied a dozen times, into fresh memory each time.
            var values: [Value] = []
            values.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM codings") ?? 0)
            let rows = try Row.fetchCursor(db, sql: Self.codingsSQL(coders: coders?.count, includeOrphaned: includeOrphaned),
                                           arguments: StatementArguments(coders ?? []))
            while let row = try rows.next() { values.append(make(row)) }
            return values
        }
    }

    /// The query of ``codings(coders:includeOrphaned:)`` for `coders` coder names (nil: every coder).
    ///
    /// It walks `codings_by_case`, which is already in case order, so SQLite sorts only each case's
    /// codings by start, code and coder. Left to itself, SQLite picks `codings_by_coder` for a coder
    /// condition, then looks every row up by rowid and sorts them all at once (3.5 times slower for the
    /// 1.5 million codings of 100,000 sheets).
    static func codingsSQL(coders: Int?, includeOrphaned: Bool) -> String {
        var sql = "SELECT \(StoredCoding.columns) FROM codings INDEXED BY codings_by_case"
        var conditions: [String] = []
        if let coders { conditions.append("coder IN (\(Array(repeating: "?", count: coders).joined(separator: ", ")))") }
        if includeOrphaned == false { conditions.append("status = 'active'") }
        if conditions.isEmpty == false { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return sql + " ORDER BY case_id, start, code, coder"
    }

    /// The coders who have codings, automatic first (a coder with any automatic coding), then by name.
    public func coders() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: Self.codersSQL) }
    }

    /// The query of ``coders()``: each distinct coder is found by one step in `codings_by_coder` (the
    /// next name after the last), and a coder is automatic when one of its codings is (origin is `auto`
    /// or `manual`), instead of grouping every coding and looking each one's origin up in the table.
    static let codersSQL = """
        WITH RECURSIVE names(coder) AS (
          SELECT MIN(coder) FROM codings
          UNION ALL
          SELECT (SELECT MIN(coder) FROM codings WHERE codings.coder > names.coder) FROM names WHERE names.coder IS NOT NULL
        )
        SELECT coder FROM names WHERE coder IS NOT NULL
        ORDER BY EXISTS (SELECT 1 FROM codings WHERE codings.coder = names.coder AND origin = 'auto') DESC, coder
        """

    /// The codebook of the latest coding run (or the latest stored), nil when the project has none.
    public func latestCodebook() throws -> Codebook? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM codebooks ORDER BY
                  (SELECT MAX(runs.id) FROM runs WHERE runs.codebook_id = codebooks.id) DESC, id DESC LIMIT 1
                """) else { return nil }
            let decoder = JSONDecoder()
            let codes = try String.fetchAll(db, sql: "SELECT code_json FROM codes WHERE codebook_id = ? ORDER BY position",
                                            arguments: [row["id"] as Int64]).map { try decoder.decode(Code.self, from: Data($0.utf8)) }
            return Codebook(name: row["name"], version: row["version"], language: row["language"],
                            description: row["description"], codes: codes)
        }
    }
}

/// A coding as the project keeps it: the coding, how it was made and whether it is still anchored.
public struct StoredCoding: Sendable, Equatable {
    /// The coding.
    public var coding: Coding
    /// `auto` (made by the cue matcher) or `manual` (imported from a coder's file).
    public var origin: String
    /// `active`, or `orphaned` when a re-imported case no longer contains its quoted text.
    public var status: String

    /// The columns ``init(row:)`` reads, by position (looking columns up by name costs more than
    /// the rest of reading a row).
    static let columns = """
        case_id, element_id, unit, code, coder, start, "end", text, cue, cue_start, cue_end, negated, negated_by,
        polarity_conflict, origin, status
        """

    init(row: Row) {
        coding = Self.coding(row: row)
        origin = row[14]
        status = row[15]
    }

    /// The coding of a row of ``columns``.
    static func coding(row: Row) -> Coding {
        Coding(caseID: row[0], elementID: row[1], unit: row[2], code: row[3], coder: row[4], start: row[5], end: row[6],
               text: row[7], cue: row[8], cueStart: row[9], cueEnd: row[10], negated: row[11], negatedBy: row[12],
               polarityConflict: row[13])
    }
}
