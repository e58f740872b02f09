import Foundation
import GRDB

/// Inserts codings through one ``DirectStatement``: a run makes tens of thousands of them.
///
/// SQLite keeps a statement's values from one row to the next, so a value equal (byte for byte) to
/// the one already bound is not bound again: the origin, codebook and run once for all rows, the case
/// and coder once per case, the unit's text and element once per unit however many codes it gets.
/// Binding text copies it, and the quoted text is most of a row's bytes.
final class CodingInserter {
    static let sql = """
        INSERT INTO codings (case_id, element_id, unit, code, coder, origin, start, "end", text, cue, cue_start,
          cue_end, negated, negated_by, polarity_conflict, codebook_id, run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private let statement: DirectStatement
    /// By parameter number, the text bound to those that often repeat (case, element, unit, coder,
    /// text): nil when not known, `.some(nil)` for a bound NULL. An inserter is used by one thread,
    /// one row at a time: Swift's run-time exclusivity checks on it are off.
    @exclusivity(unchecked) private var bound = [String??](repeating: nil, count: 18)

    /// An inserter for `db`; every coding inserted gets these origin, codebook and run.
    init(db: Database, origin: String, codebookID: Int64?, run: Int64?) throws {
        statement = try DirectStatement(db: db, sql: Self.sql)
        try statement.bind(origin, 6)
        try statement.bind(codebookID, 16)
        try statement.bind(run, 17)
    }

    /// Inserts one coding.
    func insert(_ coding: Coding) throws {
        statement.reset()
        try bindIfChanged(coding.caseID, 1)
        try bindIfChanged(coding.elementID, 2)
        try bindIfChanged(coding.unit, 3)
        try statement.bind(coding.code, 4)
        try bindIfChanged(coding.coder, 5)
        try statement.bind(Int64(coding.start), 7)
        try statement.bind(Int64(coding.end), 8)
        try bindIfChanged(coding.text, 9)
        try statement.bind(coding.cue, 10)
        try statement.bind(coding.cueStart.map(Int64.init), 11)
        try statement.bind(coding.cueEnd.map(Int64.init), 12)
        try statement.bind(coding.negated ? 1 : 0, 13)
        try statement.bind(coding.negatedBy, 14)
        try statement.bind(coding.polarityConflict ? 1 : 0, 15)
        try statement.execute()
    }

    /// Binds `value` to parameter `index` unless the same bytes (or NULL) are bound there already.
    private func bindIfChanged(_ value: String?, _ index: CInt) throws {
        if let last = bound[Int(index)], Self.same(last, value) { return }
        bound[Int(index)] = nil
        try statement.bind(value, index)
        bound[Int(index)] = .some(value)
    }

    private static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            let count = a.utf8.count
            guard count == b.utf8.count else { return false }
            guard count > 0 else { return true }
            let compared = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
            }
            return (compared ?? nil) ?? a.utf8.elementsEqual(b.utf8)
        default: return false
        }
    }
}
