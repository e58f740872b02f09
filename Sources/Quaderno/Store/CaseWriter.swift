import GRDB

/// Writes cases with their attributes and elements through ``DirectStatement``s prepared once per
/// transaction: an import stores thousands of cases, each with tens of rows.
struct CaseWriter {
    private let db: Database
    private let caseRow: DirectStatement
    private let attributeRow: DirectStatement
    private let elementRow: DirectStatement

    init(db: Database) throws {
        self.db = db
        caseRow = try DirectStatement(db: db, sql: """
            INSERT INTO cases (id, source, format, title, text, content_hash, case_data, imported_at, run_id, source_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET source = excluded.source, format = excluded.format, title = excluded.title,
              text = excluded.text, content_hash = excluded.content_hash, case_data = excluded.case_data,
              imported_at = excluded.imported_at, run_id = excluded.run_id, source_key = excluded.source_key
            """)
        attributeRow = try DirectStatement(db: db, sql: """
            INSERT INTO attributes (case_id, position, key, label, value) VALUES (?, ?, ?, ?, ?)
            """)
        elementRow = try DirectStatement(db: db, sql: """
            INSERT INTO elements (case_id, id, position, polarity, polarity_source, polarity_evidence, start, "end", text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Writes a case (with `archive` in `case_data`, `sourceKey` as its ``SourceKey``) and its
    /// attributes and elements, replacing what the project had for its id; the record of what its
    /// automatic codings were made from goes too, so the next `code` codes it again.
    /// `replacing: false` promises the id is new (nothing to delete).
    func write(_ sheet: Case, archive: [UInt8], hash: String, importedAt: String, run: Int64?,
               replacing: Bool, sourceKey: String? = nil) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM attributes WHERE case_id = ?").execute(arguments: [sheet.id])
            try db.cachedStatement(sql: "DELETE FROM elements WHERE case_id = ?").execute(arguments: [sheet.id])
            try db.cachedStatement(sql: "DELETE FROM coded_cases WHERE case_id = ?").execute(arguments: [sheet.id])
        }
        caseRow.reset()
        try caseRow.bind(sheet.id, 1)
        try caseRow.bind(sheet.source, 2)
        try caseRow.bind(sheet.format.rawValue, 3)
        try caseRow.bind(sheet.title, 4)
        try caseRow.bind(sheet.text, 5)
        try caseRow.bind(hash, 6)
        try caseRow.bind(bytes: archive, 7)
        try caseRow.bind(importedAt, 8)
        try caseRow.bind(run, 9)
        try caseRow.bind(sourceKey, 10)
        try caseRow.execute()
        for (position, item) in sheet.attributes.enumerated() {
            attributeRow.reset()
            try attributeRow.bind(sheet.id, 1)
            try attributeRow.bind(Int64(position), 2)
            try attributeRow.bind(item.key, 3)
            try attributeRow.bind(item.label, 4)
            try attributeRow.bind(item.value, 5)
            try attributeRow.execute()
        }
        for (position, item) in sheet.elements.enumerated() {
            elementRow.reset()
            try elementRow.bind(sheet.id, 1)
            try elementRow.bind(item.id, 2)
            try elementRow.bind(Int64(position), 3)
            try elementRow.bind(item.polarity.rawValue, 4)
            try elementRow.bind(item.polaritySource, 5)
            try elementRow.bind(item.polarityEvidence, 6)
            try elementRow.bind(Int64(item.start), 7)
            try elementRow.bind(Int64(item.end), 8)
            try elementRow.bind(item.text, 9)
            try elementRow.execute()
        }
    }
}
