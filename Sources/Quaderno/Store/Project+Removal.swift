import Foundation
import GRDB

extension Project {
    /// Removes cases from the project in one transaction, with their elements, attributes and codings,
    /// so that reports no longer count them (a sheet deleted from the corpus, a file imported by
    /// mistake).
    ///
    /// Each name in `names` is a case id, a case's source as reports show it, or the path of its file
    /// typed any way (relative to the working directory or absolute). `gone` adds every case whose file
    /// is no longer there, as an import reports them (``ImportSummary/gone``). A case with manual
    /// codings is a coder's work that Quaderno cannot make again: it is kept and listed in
    /// ``RemovalSummary/kept`` unless `force` is true. A name that matches no case is listed in
    /// ``RemovalSummary/notFound``; the other cases are still removed.
    public func removeCases(_ names: [String], gone: Bool = false, force: Bool = false) throws -> RemovalSummary {
        let arguments = names + (gone ? ["--gone"] : []) + (force ? ["--force"] : [])
        return try transaction("remove", arguments: arguments) { db, run in
            var summary = RemovalSummary()
            var chosen: [(id: String, source: String)] = []
            var taken: Set<String> = []
            for name in names {
                guard let found = try caseNamed(name, db) else {
                    summary.notFound.append(name)
                    continue
                }
                if taken.insert(found.id).inserted { chosen.append(found) }
            }
            if gone {
                for found in try goneCases(db) where taken.insert(found.id).inserted { chosen.append(found) }
            }
            for found in chosen {
                let manual = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM codings WHERE case_id = ? AND origin = 'manual'",
                                              arguments: [found.id]) ?? 0
                if manual > 0, force == false {
                    summary.kept.append(RemovalSummary.Kept(id: found.id, source: found.source, manualCodings: manual))
                    continue
                }
                // Elements, attributes, codings and coding records go with the case (ON DELETE CASCADE).
                try db.execute(sql: "DELETE FROM cases WHERE id = ?", arguments: [found.id])
                summary.removed.append(found.source)
            }
            try db.execute(sql: "UPDATE runs SET summary = ? WHERE id = ?", arguments: [summary.line, run])
            return summary
        }
    }

    /// The case `name` names: by id, by source as stored, or by the key of the file at that path.
    private func caseNamed(_ name: String, _ db: Database) throws -> (id: String, source: String)? {
        let key = sourceKey(of: URL(fileURLWithPath: name))
        for (column, value) in [("id", name), ("source", name), ("source_key", key)] {
            if let row = try Row.fetchOne(db, sql: "SELECT id, source FROM cases WHERE \(column) = ?", arguments: [value]) {
                return (row[0], row[1])
            }
        }
        return nil
    }
}
