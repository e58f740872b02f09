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
        try insertRow(caseID: coding.caseID, elementID: coding.elementID, unit: coding.unit, code: coding.code,
                      coder: coding.coder, start: coding.start, end: coding.end,
                      text: { try statement.bind(coding.text, 9) }, cue: coding.cue,
                      cueStart: coding.cueStart, cueEnd: coding.cueEnd, negated: coding.negated,
                      negatedBy: coding.negatedBy, polarityConflict: coding.polarityConflict)
    }

    /// Inserts a case's automatic codings, binding each from the compact entries (what a ``Coding``
    /// would hold, without making one). A unit's quoted text is bound from the case text's bytes, once
    /// for all the codings of the unit (they follow one another).
    func insert(_ made: AutoCodings) throws {
        var boundUnit: Int32 = -1
        var caseText = made.caseText
        try caseText.withUTF8 { bytes in
            for entry in made.entries {
                let unit = made.units[Int(entry.unit)]
                let negatedBy = entry.negation >= 0 ? made.negations[Int(entry.negation)] : nil
                try insertRow(caseID: made.caseID, elementID: unit.elementID, unit: unit.kind,
                              code: made.codeIDs[Int(entry.code)], coder: made.coder, start: unit.range.lowerBound,
                              end: unit.range.upperBound, text: {
                                  guard entry.unit != boundUnit else { return }
                                  try statement.bind(utf8: UnsafeBufferPointer(rebasing: bytes[unit.utf8]), 9)
                                  boundUnit = entry.unit
                              },
                              cue: made.cueSources[Int(entry.cue)], cueStart: entry.cueStart, cueEnd: entry.cueEnd,
                              negated: negatedBy != nil, negatedBy: negatedBy, polarityConflict: entry.polarityConflict)
            }
        }
    }

    /// Binds one row's values (the statement skips those equal to the last row's; `bindText` binds the
    /// quoted text, parameter 9) and inserts it.
    @inline(__always)
    private func insertRow(caseID: String, elementID: String?, unit: String, code: String, coder: String,
                           start: Int, end: Int, text bindText: () throws -> Void, cue: String?, cueStart: Int?,
                           cueEnd: Int?, negated: Bool, negatedBy: String?, polarityConflict: Bool) throws {
        statement.reset()
        try statement.bind(caseID, 1)
        try statement.bind(elementID, 2)
        try statement.bind(unit, 3)
        try statement.bind(code, 4)
        try statement.bind(coder, 5)
        try statement.bind(Int64(start), 7)
        try statement.bind(Int64(end), 8)
        try bindText()
        try statement.bind(cue, 10)
        try statement.bind(cueStart.map(Int64.init), 11)
        try statement.bind(cueEnd.map(Int64.init), 12)
        try statement.bind(negated ? 1 : 0, 13)
        try statement.bind(negatedBy, 14)
        try statement.bind(polarityConflict ? 1 : 0, 15)
        try statement.execute()
    }
}
