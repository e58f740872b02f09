import GRDB

/// Moves manual codings to where their quoted text is in a re-imported case's new text.
enum ManualCodingAnchor {
    /// Re-anchors every manual coding of a case: the occurrence of its quoted text nearest its old
    /// position wins; a coding whose text is gone is kept and marked orphaned (never deleted).
    static func reanchor(caseID: String, in sheet: Case, db: Database) throws -> (reanchored: Int, orphaned: Int) {
        let scalars = Array(sheet.text.unicodeScalars)
        var counts = (reanchored: 0, orphaned: 0)
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, start, text FROM codings WHERE case_id = ? AND origin = 'manual'
            """, arguments: [caseID])
        for row in rows {
            let quoted = Array((row["text"] as String).unicodeScalars)
            let oldStart: Int = row["start"]
            if let start = nearestOccurrence(of: quoted, in: scalars, near: oldStart) {
                let end = start + quoted.count
                let element = sheet.elements.first { $0.start <= start && end <= $0.end }
                try db.execute(sql: """
                    UPDATE codings SET start = ?, "end" = ?, element_id = ?, status = 'active' WHERE id = ?
                    """, arguments: [start, end, element?.id, row["id"] as Int64])
                counts.reanchored += 1
            } else {
                try db.execute(sql: "UPDATE codings SET status = 'orphaned' WHERE id = ?", arguments: [row["id"] as Int64])
                counts.orphaned += 1
            }
        }
        return counts
    }

    /// The start of the occurrence of `needle` closest to `position`, or nil.
    static func nearestOccurrence(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], near position: Int) -> Int? {
        guard needle.isEmpty == false, needle.count <= haystack.count else { return nil }
        var best: Int?
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            guard haystack[start..<(start + needle.count)].elementsEqual(needle) else { continue }
            if best == nil || abs(start - position) < abs(best! - position) { best = start }
        }
        return best
    }
}
