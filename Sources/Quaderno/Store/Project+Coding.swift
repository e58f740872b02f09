import Foundation
import GRDB

/// What a coding run did.
public struct CodingSummary: Sendable {
    /// Cases coded.
    public var cases = 0
    /// Codings made, negated ones included.
    public var codings = 0
    /// Codings listed but not counted because every cue was negated or reversed.
    public var negated = 0
    /// Codings whose code's polarity contradicts the element's: review these first.
    public var conflicts = 0
    /// Cases not coded again because their codings are up to date: made by the same coder from the
    /// same file, codebook, unit and coding engine. They keep their codings.
    public var upToDate = 0

    /// `120 codings on 15 cases (12 negated, 4 polarity conflicts)`, and when cases were skipped
    /// `; 985 cases unchanged since coded with this codebook and unit (codings kept)`.
    public var line: String {
        var line = "\(codings) codings on \(cases) cases (\(negated) negated, \(conflicts) polarity conflicts)"
        if upToDate > 0 {
            line += "; \(upToDate) cases unchanged since coded with this codebook and unit (codings kept)"
        }
        return line
    }
}

extension Project {
    /// Codes the cases with `codebook`, replacing their earlier automatic codings by `coder`. A case
    /// whose codings by `coder` were made from the same file, codebook, unit and coding engine
    /// (``AutoCoder/engineVersion``) keeps them and is not coded again, unless `recodeAll` is set.
    /// The codebook (its YAML `source`) is stored and the run records its version.
    public func code(with codebook: Codebook, source: String, coder: String = "auto",
                     unit: CodingUnit = .element, recodeAll: Bool = false) throws -> CodingSummary {
        try code(with: codebook, source: source, coder: coder, unit: unit, recodeAll: recodeAll, batch: Self.codingBatch)
    }

    /// How many cases ``code(with:source:coder:unit:recodeAll:)`` reads, codes and stores at a time.
    static let codingBatch = 2_048

    /// ``code(with:source:coder:unit:recodeAll:)`` reading `batch` cases at a time (tests use small
    /// batches).
    func code(with codebook: Codebook, source: String, coder: String, unit: CodingUnit, recodeAll: Bool = false,
              batch: Int) throws -> CodingSummary {
        let autoCoder = try AutoCoder(codebook: codebook)
        // Every coding refers to a case read in this transaction, its codebook and its run: SQLite
        // need not check each reference.
        return try transaction("code", arguments: [codebook.name, codebook.version, coder, unit.rawValue],
                               checkingForeignKeys: false) { db, run in
            let codebookID = try storeCodebook(codebook, source: source, db: db)
            try db.execute(sql: "UPDATE runs SET codebook_id = ? WHERE id = ?", arguments: [codebookID, run])
            let coded = try CodedCases(db: db, coder: coder, codebookID: codebookID, unit: unit, all: recodeAll, run: run)
            let stale = try coded.count(db)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
            var summary = CodingSummary(upToDate: total - stale)
            let inserter = try CodingInserter(db: db, origin: "auto", codebookID: codebookID, run: run)
            // When every case is coded, the earlier codings go in one statement, run while the first
            // cases are being coded; otherwise each case's go just before its new ones are stored.
            let everyCase = stale == total
            var deletedAll = false
            func deleteEarlierCodings(of id: String) throws {
                if everyCase {
                    guard deletedAll == false else { return }
                    try db.execute(sql: "DELETE FROM codings WHERE coder = ? AND origin = 'auto'", arguments: [coder])
                    deletedAll = true
                } else {
                    try db.cachedStatement(sql: "DELETE FROM codings WHERE case_id = ? AND coder = ? AND origin = 'auto'")
                        .execute(arguments: [id, coder])
                }
            }
            // Cases are read a batch at a time, coded on every core (one session per chunk) and stored
            // in case order, each as soon as it and the cases before it are coded, while the later
            // ones are still being coded.
            var last: String?
            while true {
                let cases = try coded.batch(db, project: self, after: last, limit: batch)
                guard let final = cases.last else { break }
                try ParallelWork.forEach(cases.count, state: { autoCoder.makeSession() }, { session, index in
                    session.autoCodings(of: cases[index].sheet, unit: unit, coder: coder)
                }, consume: { index, codings in
                    try deleteEarlierCodings(of: codings.caseID)
                    try inserter.insert(codings)
                    try coded.record(caseID: codings.caseID, contentHash: cases[index].hash)
                    summary.cases += 1
                    summary.codings += codings.count
                    summary.negated += codings.negatedCount
                    summary.conflicts += codings.conflictCount
                })
                last = final.sheet.id
            }
            try db.execute(sql: "UPDATE runs SET summary = ? WHERE id = ?", arguments: [summary.line, run])
            return summary
        }
    }

    /// Stores a codebook version once (by content) and returns its id.
    func storeCodebook(_ codebook: Codebook, source: String, db: Database) throws -> Int64 {
        let hash = ContentHash.of(source)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM codebooks WHERE content_hash = ?", arguments: [hash]) {
            return id
        }
        try db.execute(sql: """
            INSERT INTO codebooks (name, version, language, description, source, content_hash, loaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [codebook.name, codebook.version, codebook.language, codebook.description, source, hash,
                             Self.now()])
        let id = db.lastInsertedRowID
        let encoder = JSONEncoder()
        for (position, code) in codebook.codes.enumerated() {
            try db.execute(sql: """
                INSERT INTO codes (codebook_id, id, position, name, polarity, parent, color, definition, code_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, code.id, position, code.name, code.polarity.rawValue, code.parent, code.color,
                                 code.definition, String(decoding: try encoder.encode(code), as: UTF8.self)])
        }
        return id
    }
}
