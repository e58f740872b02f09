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

    /// `120 codings on 15 cases (12 negated, 4 polarity conflicts)`.
    public var line: String {
        "\(codings) codings on \(cases) cases (\(negated) negated, \(conflicts) polarity conflicts)"
    }
}

extension Project {
    /// Codes every case with `codebook`, replacing the earlier automatic codings of `coder`.
    /// The codebook (its YAML `source`) is stored and the run records its version.
    public func code(with codebook: Codebook, source: String, coder: String = "auto",
                     unit: CodingUnit = .element) throws -> CodingSummary {
        try code(with: codebook, source: source, coder: coder, unit: unit, batch: Self.codingBatch)
    }

    /// How many cases ``code(with:source:coder:unit:)`` reads, codes and stores at a time.
    static let codingBatch = 2_048

    /// ``code(with:source:coder:unit:)`` reading `batch` cases at a time (tests use small batches).
    func code(with codebook: Codebook, source: String, coder: String, unit: CodingUnit,
              batch: Int) throws -> CodingSummary {
        let autoCoder = try AutoCoder(codebook: codebook)
        return try transaction("code", arguments: [codebook.name, codebook.version, coder, unit.rawValue]) { db, run in
            let codebookID = try storeCodebook(codebook, source: source, db: db)
            try db.execute(sql: "UPDATE runs SET codebook_id = ? WHERE id = ?", arguments: [codebookID, run])
            var summary = CodingSummary()
            let inserter = try CodingInserter(db: db, origin: "auto", codebookID: codebookID, run: run)
            // The earlier codings are deleted while the first cases are being coded.
            var deleted = false
            func deleteEarlierCodings() throws {
                guard deleted == false else { return }
                try db.execute(sql: "DELETE FROM codings WHERE coder = ? AND origin = 'auto'", arguments: [coder])
                deleted = true
            }
            // Cases are read a batch at a time, coded on every core (one session per chunk) and stored
            // in case order, each as soon as it and the cases before it are coded, while the later
            // ones are still being coded.
            try forEachCaseBatch(db, size: batch) { cases in
                try ParallelWork.forEach(cases.count, state: { autoCoder.makeSession() }, { session, index in
                    session.autoCodings(of: cases[index], unit: unit, coder: coder)
                }, consume: { _, made in
                    try deleteEarlierCodings()
                    try inserter.insert(made)
                    summary.cases += 1
                    summary.codings += made.count
                    summary.negated += made.negatedCount
                    summary.conflicts += made.conflictCount
                })
            }
            try deleteEarlierCodings()
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
