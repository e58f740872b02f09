import GRDB

/// Inserts codings through one ``DirectStatement``: a run makes tens of thousands of them. The
/// origin, codebook and run are bound once for all rows; of the rest, the statement binds again only
/// what changed (the case and coder once per case, a unit's element and quoted text once however
/// many codes it gets: the quoted text is most of a row's bytes).
struct CodingInserter {
    static let sql = """
        INSERT INTO codings (case_id, element_id, unit, code, coder, origin, start, "end", text, cue, cue_start,
          cue_end, negated, negated_by, polarity_conflict, codebook_id, run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private let statement: DirectStatement

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
        try statement.bind(coding.caseID, 1)
        try statement.bind(coding.elementID, 2)
        try statement.bind(coding.unit, 3)
        try statement.bind(coding.code, 4)
        try statement.bind(coding.coder, 5)
        try statement.bind(Int64(coding.start), 7)
        try statement.bind(Int64(coding.end), 8)
        try statement.bind(coding.text, 9)
        try statement.bind(coding.cue, 10)
        try statement.bind(coding.cueStart.map(Int64.init), 11)
        try statement.bind(coding.cueEnd.map(Int64.init), 12)
        try statement.bind(coding.negated ? 1 : 0, 13)
        try statement.bind(coding.negatedBy, 14)
        try statement.bind(coding.polarityConflict ? 1 : 0, 15)
        try statement.execute()
    }

    /// Inserts a case's automatic codings, binding each from the compact entries (what a ``Coding``
    /// would hold, without making one).
    func insert(_ made: AutoCodings) throws {
        for entry in made.entries {
            let unit = made.units[Int(entry.unit)]
            statement.reset()
            try statement.bind(made.caseID, 1)
            try statement.bind(unit.elementID, 2)
            try statement.bind(unit.kind, 3)
            try statement.bind(made.codeIDs[Int(entry.code)], 4)
            try statement.bind(made.coder, 5)
            try statement.bind(Int64(unit.range.lowerBound), 7)
            try statement.bind(Int64(unit.range.upperBound), 8)
            try statement.bind(unit.text, 9)
            try statement.bind(made.cueSources[Int(entry.cue)], 10)
            try statement.bind(Int64(entry.cueStart), 11)
            try statement.bind(Int64(entry.cueEnd), 12)
            try statement.bind(entry.negation >= 0 ? 1 : 0, 13)
            try statement.bind(entry.negation >= 0 ? made.negations[Int(entry.negation)] : nil, 14)
            try statement.bind(entry.polarityConflict ? 1 : 0, 15)
            try statement.execute()
        }
    }
}
