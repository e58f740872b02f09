import Foundation
import GRDB

extension Project {
    /// Every case, in id order.
    public func cases() throws -> [Case] {
        try database.read { db in try loadCases(db) }
    }

    /// Cases this process already holds (same content hash) are taken from memory; the others are
    /// decoded from their archive (SQLite reads a row's text and archive only when asked for them).
    func loadCases(_ db: Database) throws -> [Case] {
        var cases: [Case] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, content_hash, text, case_data FROM cases ORDER BY id")
        while let row = try rows.next() {
            let id: String = row[0]
            let hash: String = row[1]
            if let cached = caseCache.get(id, hash: hash) {
                cases.append(cached)
                continue
            }
            let text: String = row[2]
            let sheet = try row.withUnsafeData(atIndex: 3) { data in
                do {
                    return try (data ?? Data()).withUnsafeBytes { try CaseArchive.decode($0, text: text) }
                } catch let corrupt as ArchiveReader.Corrupt {
                    throw QuadernoError(.invalid, file: url.path, "case '\(id)' is damaged in the project "
                                        + "(byte \(corrupt.offset): \(corrupt.problem))",
                                        hint: "import its file again with `quaderno import`")
                }
            }
            caseCache.put(sheet, hash: hash)
            cases.append(sheet)
        }
        return cases
    }

    /// Codings in case and position order; `coders` restricts to those coders, orphaned ones only on request.
    public func codings(coders: [String]? = nil, includeOrphaned: Bool = false) throws -> [StoredCoding] {
        try database.read { db in
            var sql = "SELECT \(StoredCoding.columns) FROM codings"
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let coders {
                conditions.append("coder IN (\(coders.map { _ in "?" }.joined(separator: ", ")))")
                arguments += coders
            }
            if includeOrphaned == false { conditions.append("status = 'active'") }
            if conditions.isEmpty == false { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY case_id, start, code, coder"
            var codings: [StoredCoding] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() { codings.append(StoredCoding(row: row)) }
            return codings
        }
    }

    /// The coders who have codings, automatic first.
    public func coders() throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: """
                SELECT coder FROM codings GROUP BY coder ORDER BY MIN(origin) = 'auto' DESC, coder
                """)
        }
    }

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
        coding = Coding(caseID: row[0], elementID: row[1], unit: row[2], code: row[3], coder: row[4], start: row[5],
                        end: row[6], text: row[7], cue: row[8], cueStart: row[9], cueEnd: row[10], negated: row[11],
                        negatedBy: row[12], polarityConflict: row[13])
        origin = row[14]
        status = row[15]
    }
}
