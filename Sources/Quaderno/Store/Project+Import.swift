import Foundation
import GRDB

extension Project {
    /// Imports files into the project in one transaction. Unchanged files are skipped; a changed file
    /// replaces its case and its automatic codings, and its manual codings are re-anchored to where
    /// their quoted text now is (or kept as orphaned). Files that fail are reported, not stored.
    ///
    /// - Parameter progress: called before each file with its position, the total and its path.
    public func importFiles(_ files: [(url: URL, path: String)], importer: Importer,
                            progress: ((Int, Int, String) -> Void)? = nil) throws -> ImportSummary {
        try importFiles(files, importer: importer, progress: progress, interruptAfter: nil)
    }

    /// `interruptAfter` simulates a crash after that many stored cases (tests only).
    func importFiles(_ files: [(url: URL, path: String)], importer: Importer, progress: ((Int, Int, String) -> Void)?,
                     interruptAfter: Int?) throws -> ImportSummary {
        try transaction("import", arguments: files.map(\.path)) { db, run in
            var summary = ImportSummary()
            for (index, file) in files.enumerated() {
                progress?(index + 1, files.count, file.path)
                if let limit = interruptAfter, summary.imported.count + summary.updated.count >= limit {
                    throw QuadernoError(.unreadable, file: file.path, "import interrupted")
                }
                do {
                    try importFile(file, importer: importer, db: db, run: run, summary: &summary)
                } catch let error as QuadernoError {
                    summary.failed.append(error.inFile(file.path))
                }
            }
            try db.execute(sql: "UPDATE runs SET summary = ? WHERE id = ?", arguments: [summary.line, run])
            return summary
        }
    }

    private func importFile(_ file: (url: URL, path: String), importer: Importer, db: Database, run: Int64,
                            summary: inout ImportSummary) throws {
        let size = try DocumentReader.fileSize(file.url, file: file.path)
        guard size <= importer.limits.maximumFileBytes else {
            throw QuadernoError(.unreadable, file: file.path, "the file is larger than the import limit")
        }
        let hash = ContentHash.of(try Data(contentsOf: file.url))
        let existing = try Row.fetchOne(db, sql: "SELECT id, content_hash FROM cases WHERE source = ?",
                                        arguments: [file.path])
        if let existing, existing["content_hash"] as String == hash {
            summary.unchanged.append(existing["id"])
            return
        }
        let id: String = try existing?["id"] ?? uniqueCaseID(for: file.url, db: db)
        let sheet = try importer.importFile(at: file.url, path: file.path, caseID: id)
        try store(sheet, hash: hash, db: db, run: run)
        if existing == nil {
            summary.imported.append(id)
        } else {
            summary.updated.append(id)
            try db.execute(sql: "DELETE FROM codings WHERE case_id = ? AND origin = 'auto'", arguments: [id])
            let moved = try ManualCodingAnchor.reanchor(caseID: id, in: sheet, db: db)
            summary.reanchored += moved.reanchored
            summary.orphaned += moved.orphaned
        }
    }

    private func uniqueCaseID(for url: URL, db: Database) throws -> String {
        let base = url.deletingPathExtension().lastPathComponent
        var candidate = base
        var suffix = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE id = ?", arguments: [candidate]) == true {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// Writes a case and its attributes and elements, replacing what the project had for its id.
    func store(_ sheet: Case, hash: String, db: Database, run: Int64?) throws {
        let json = String(decoding: try JSONEncoder().encode(sheet), as: UTF8.self)
        try db.execute(sql: "DELETE FROM attributes WHERE case_id = ?", arguments: [sheet.id])
        try db.execute(sql: "DELETE FROM elements WHERE case_id = ?", arguments: [sheet.id])
        try db.execute(sql: """
            INSERT INTO cases (id, source, format, title, text, content_hash, case_json, imported_at, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET source = excluded.source, format = excluded.format, title = excluded.title,
              text = excluded.text, content_hash = excluded.content_hash, case_json = excluded.case_json,
              imported_at = excluded.imported_at, run_id = excluded.run_id
            """, arguments: [sheet.id, sheet.source, sheet.format.rawValue, sheet.title, sheet.text, hash, json,
                             Self.now(), run])
        for (position, attribute) in sheet.attributes.enumerated() {
            try db.execute(sql: "INSERT INTO attributes (case_id, position, key, label, value) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sheet.id, position, attribute.key, attribute.label, attribute.value])
        }
        for (position, element) in sheet.elements.enumerated() {
            try db.execute(sql: """
                INSERT INTO elements (case_id, id, position, polarity, polarity_source, polarity_evidence, start, "end", text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sheet.id, element.id, position, element.polarity.rawValue, element.polaritySource,
                                 element.polarityEvidence, element.start, element.end, element.text])
        }
    }
}
