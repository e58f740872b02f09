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
        // Every coding refers to a case read in this transaction, its codebook and its run: SQLite
        // need not check each reference.
        try transaction("code", arguments: Self.codingArguments(codebook, coder: coder, unit: unit),
                        checkingForeignKeys: false) { db, run in
            let pass = try CodingPass(db: db, run: run, codebook: codebook, source: source, coder: coder, unit: unit,
                                      recodeAll: recodeAll, project: self)
            try pass.codeRemaining(project: self, batch: batch)
            return pass.summary
        }
    }

    /// What the run log shows as a coding run's arguments.
    static func codingArguments(_ codebook: Codebook, coder: String, unit: CodingUnit) -> [String] {
        [codebook.name, codebook.version, coder, unit.rawValue]
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
