import GRDB

/// The `coded_cases` rows of one coding run: which cases it must code (those whose automatic codings
/// by its coder were not made from its codebook, unit and engine and from the case's current
/// content, or every case; never one the run has coded already), read a batch at a time, and the
/// record of each case it codes.
struct CodedCases {
    let coder: String
    let codebookID: Int64
    let unit: CodingUnit
    /// Whether every case is to be coded, up to date or not.
    let all: Bool
    /// The run: a case it has coded already is not picked again.
    let run: Int64
    /// A case's earlier record is deleted, then its new one inserted. (`INSERT OR REPLACE`, or an
    /// upsert, makes SQLite keep a statement journal, which with 64 KB pages wrote 64 KB to a
    /// temporary file for every case recorded.)
    private let forgetter: DirectStatement
    private let recorder: DirectStatement

    init(db: Database, coder: String, codebookID: Int64, unit: CodingUnit, all: Bool, run: Int64) throws {
        (self.coder, self.codebookID, self.unit, self.all, self.run) = (coder, codebookID, unit, all, run)
        forgetter = try DirectStatement(db: db, sql: "DELETE FROM coded_cases WHERE case_id = ? AND coder = ?")
        try forgetter.bind(coder, 2)
        recorder = try DirectStatement(db: db, sql: """
            INSERT INTO coded_cases (case_id, coder, codebook_id, unit, engine, content_hash, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try recorder.bind(coder, 2)
        try recorder.bind(codebookID, 3)
        try recorder.bind(unit.rawValue, 4)
        try recorder.bind(Int64(AutoCoder.engineVersion), 5)
        try recorder.bind(run, 7)
    }

    /// The cases joined with their record for this coder, and the condition that picks those to code.
    private var selection: (sql: String, arguments: StatementArguments) {
        all ? (Self.selectionSQL(all: true), [coder, run])
            : (Self.selectionSQL(all: false), [coder, codebookID, unit.rawValue, AutoCoder.engineVersion])
    }

    /// The SQL of ``selection``: with `all`, its arguments are the coder and the run; otherwise the
    /// coder, the codebook id, the unit and the engine version.
    static func selectionSQL(all: Bool) -> String {
        // The cases are walked in `cases_lookup` (id order, with each content hash): SQLite reads the
        // row of a case, with its text and archive, only when the case is picked.
        let join = "FROM cases INDEXED BY cases_lookup LEFT JOIN coded_cases AS made ON made.case_id = cases.id AND made.coder = ?"
        guard all == false else { return join + " WHERE made.run_id IS NOT ?" }
        return join + """
             WHERE (made.case_id IS NULL OR made.codebook_id != ? OR made.unit != ? OR made.engine != ?
               OR made.content_hash != cases.content_hash)
            """
    }

    /// How many cases are to be coded.
    func count(_ db: Database) throws -> Int {
        let (sql, arguments) = selection
        return try Int.fetchOne(db, sql: "SELECT count(*) " + sql, arguments: arguments) ?? 0
    }

    /// The next (at most `limit`) cases to code whose ids come after `after`, in id order, each with
    /// its content hash; decoded by `project` (or taken from its cache).
    func batch(_ db: Database, project: Project, after: String?, limit: Int) throws -> [(sheet: Case, hash: String)] {
        var (sql, arguments) = selection
        sql = "SELECT cases.id, cases.content_hash, cases.case_data, cases.text " + sql
        if let after {
            sql += " AND cases.id > ?"
            arguments += [after]
        }
        sql += " ORDER BY cases.id LIMIT ?"
        arguments += [limit]
        var cases: [(sheet: Case, hash: String)] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { cases.append((try project.decodeCase(row, detail: .whole), row[1])) }
        return cases
    }

    /// Records that case `caseID`, whose file had `contentHash`, now has its codings from this run.
    func record(caseID: String, contentHash: String) throws {
        forgetter.reset()
        try forgetter.bind(caseID, 1)
        try forgetter.execute()
        recorder.reset()
        try recorder.bind(caseID, 1)
        try recorder.bind(contentHash, 6)
        try recorder.execute()
    }
}
