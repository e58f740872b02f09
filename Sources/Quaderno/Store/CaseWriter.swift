import GRDB

/// Writes cases with their attributes and elements through ``DirectStatement``s prepared once per
/// transaction: an import stores thousands of cases, each with tens of rows.
struct CaseWriter {
    private let db: Database
    /// A new case's row, and the same as an upsert for a case stored again. Only the upsert needs
    /// SQLite's statement journal (its update of a row other tables refer to may have to be undone
    /// alone), which with 64 KB pages writes every page the statement touches to a temporary file:
    /// about 700 MB for 2,000 new cases when every case went through the upsert.
    private let newCaseRow: DirectStatement
    private let caseRow: DirectStatement
    private let attributeRow: DirectStatement
    private let elementRow: DirectStatement

    init(db: Database) throws {
        self.db = db
        let insert = """
            INSERT INTO cases (id, source, format, title, text, content_hash, case_data, imported_at, run_id, source_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        newCaseRow = try DirectStatement(db: db, sql: insert)
        caseRow = try DirectStatement(db: db, sql: insert + """
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
        let row = replacing ? caseRow : newCaseRow
        row.reset()
        try row.bind(sheet.id, 1)
        try row.bind(sheet.source, 2)
        try row.bind(sheet.format.rawValue, 3)
        try row.bind(sheet.title, 4)
        try row.bind(sheet.text, 5)
        try row.bind(hash, 6)
        try row.bind(bytes: archive, 7)
        try row.bind(importedAt, 8)
        try row.bind(run, 9)
        try row.bind(sourceKey, 10)
        try row.execute()
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
