import GRDB

/// One automatic coding run inside a write transaction: its codebook stored and named in its run,
/// the cases it codes recorded in `coded_cases`, its codings inserted, its summary kept. `code` codes
/// the cases whose codings are out of date (``codeRemaining(project:batch:)``); `analyze` also gives
/// it each case its import has just stored, coded on the parsing threads (``store(_:hash:)``).
final class CodingPass {
    let name: String
    let unit: CodingUnit
    let run: Int64
    private let db: Database
    private let coded: CodedCases
    private let inserter: CodingInserter
    private(set) var summary = CodingSummary()
    /// The coder's sessions, lent to the threads that code (the parsing threads of an import, the
    /// coding threads of ``codeRemaining(project:batch:)``), so that their word caches last the run.
    let sessions: CodingSessionPool

    /// Stores `codebook` (its YAML `source`) and makes it the codebook of run `run`.
    init(db: Database, run: Int64, codebook: Codebook, source: String, coder name: String, unit: CodingUnit,
         recodeAll: Bool, project: Project) throws {
        self.name = name
        self.unit = unit
        self.run = run
        self.db = db
        sessions = CodingSessionPool(coder: try AutoCoder(codebook: codebook))
        let codebookID = try project.storeCodebook(codebook, source: source, db: db)
        try db.execute(sql: "UPDATE runs SET codebook_id = ? WHERE id = ?", arguments: [codebookID, run])
        coded = try CodedCases(db: db, coder: name, codebookID: codebookID, unit: unit, all: recodeAll, run: run)
        inserter = try CodingInserter(db: db, origin: "auto", codebookID: codebookID, run: run)
    }

    /// Stores the codings of a case that has no automatic codings left (just imported or replaced),
    /// whose file had `hash`.
    func store(_ codings: AutoCodings, hash: String) throws {
        try inserter.insert(codings)
        try coded.record(caseID: codings.caseID, contentHash: hash)
        summary.cases += 1
        summary.codings += codings.count
        summary.negated += codings.negatedCount
        summary.conflicts += codings.conflictCount
    }

    /// Codes the cases this run has not coded yet whose codings are out of date (or all of them with
    /// `recodeAll`), reading `batch` at a time, coding them on every core and storing them in case
    /// order while the later ones are coded; then writes the run's summary.
    func codeRemaining(project: Project, batch: Int) throws {
        let stale = try coded.count(db)
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
        // The cases coded by this run already are up to date too, but counted as coded.
        summary.upToDate = total - stale - summary.cases
        // When every case is coded here, the earlier codings go in one statement, run while the first
        // cases are being coded; otherwise each case's go just before its new ones are stored.
        let everyCase = stale == total
        var deletedAll = false
        func deleteEarlierCodings(of id: String) throws {
            if everyCase {
                guard deletedAll == false else { return }
                try db.execute(sql: "DELETE FROM codings WHERE coder = ? AND origin = 'auto'", arguments: [name])
                deletedAll = true
            } else {
                try db.cachedStatement(sql: "DELETE FROM codings WHERE case_id = ? AND coder = ? AND origin = 'auto'")
                    .execute(arguments: [id, name])
            }
        }
        let (sessions, unit, name) = (sessions, unit, name)
        var last: String?
        while true {
            let cases = try coded.batch(db, project: project, after: last, limit: batch)
            guard let final = cases.last else { break }
            try ParallelWork.forEach(cases.count, state: { sessions.lease() }, { lease, index in
                lease.session.autoCodings(of: cases[index].sheet, unit: unit, coder: name)
            }, consume: { index, codings in
                try deleteEarlierCodings(of: codings.caseID)
                try store(codings, hash: cases[index].hash)
            })
            last = final.sheet.id
        }
        try db.execute(sql: "UPDATE runs SET summary = ? WHERE id = ?", arguments: [summary.line, run])
    }
}
