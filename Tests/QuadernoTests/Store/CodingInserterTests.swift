import Foundation
import GRDB
import Testing
@testable import Quaderno

@Suite("Coding inserts bound with SQLite directly")
struct CodingInserterTests {
    let project: Project

    init() throws {
        let folder = try Fixtures.temporaryFolder("coding-inserter")
        project = try Project.create(at: folder.appendingPathComponent("project.sqlite"))
        let url = folder.appendingPathComponent("pistoia.txt")
        try Data(ProjectStoreTests.sheet.utf8).write(to: url)
        _ = try project.importFiles([(url, "pistoia.txt")], importer: Fixtures.importer)
    }

    /// Odd values: nils and empty strings, non-ASCII, an emoji, a NUL, large offsets, both flags.
    static let codings: [Coding] = [
        Coding(caseID: "pistoia", elementID: "pistoia-e1", code: "governance", coder: "auto", start: 0, end: 12,
               text: "Un tavolo di co-progettazione", cue: "tavolo", cueStart: 3, cueEnd: 9),
        Coding(caseID: "pistoia", elementID: nil, unit: "sentence", code: "", coder: "", start: 0, end: 0, text: ""),
        Coding(caseID: "pistoia", elementID: "", code: "resistenza", coder: "Anna", start: Int(Int32.max) + 7,
               end: Int(Int32.max) + 9, text: "Città, perché 🙂 «così»", cue: "", cueStart: 0, cueEnd: nil,
               negated: true, negatedBy: "non", polarityConflict: true),
        Coding(caseID: "pistoia", elementID: "pistoia-e2", code: "x", coder: "auto", start: 1, end: 2,
               text: "prima\u{0}dopo", cue: "re:\\bx", cueStart: nil, cueEnd: 4, negated: false, negatedBy: "",
               polarityConflict: true),
    ]

    static let columns = """
        case_id, element_id, unit, code, coder, origin, start, "end", text, cue, cue_start, cue_end, negated, negated_by,
        polarity_conflict, codebook_id, run_id
        """

    func rows(_ db: Database, origin: String) throws -> [[String]] {
        let names = Self.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let select = names.map { "typeof(\($0)) || ':' || quote(\($0))" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(select) FROM codings WHERE origin = ? ORDER BY id", arguments: [origin])
            .map { row in (0..<names.count).map { row[$0] as String } }
    }

    @Test("the rows are those GRDB's arguments store, value and type")
    func sameRows() throws {
        try project.database.write { db in
            let run = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs")
            let inserter = try CodingInserter(db: db, origin: "auto", codebookID: nil, run: run)
            for coding in Self.codings {
                try inserter.insert(coding)
                try Self.insertThroughGRDB(coding, origin: "manual", run: run, db: db)
            }
            let direct = try rows(db, origin: "auto")
            let plain = try rows(db, origin: "manual")
            #expect(direct.count == Self.codings.count)
            #expect(plain.count == direct.count)
            for (found, expected) in zip(direct, plain) {
                // Only the origin differs.
                #expect(found[..<5] == expected[..<5] && found[6...] == expected[6...])
                #expect(found[5] == "text:'auto'" && expected[5] == "text:'manual'")
            }
            #expect(direct[1][1] == "null:NULL" && direct[2][1] == "text:''" && direct[3][8] == "text:'prima'")
        }
    }

    @Test("values repeated from one row to the next (bound once) and changed back are stored as GRDB stores them")
    func repeatedValues() throws {
        // Rows as a run makes them: several codes on one unit, then the next unit, a unit without an
        // element (NULL), an element again, then a value equal in bytes to the last but another string.
        let base = Self.codings[0]
        func coding(_ code: String, element: String?, text: String, unit: String = "element") -> Coding {
            var coding = base
            (coding.code, coding.elementID, coding.text, coding.unit) = (code, element, text, unit)
            return coding
        }
        let sequence = [
            coding("a", element: "pistoia-e1", text: "Un tavolo di co-progettazione"),
            coding("b", element: "pistoia-e1", text: "Un tavolo di co-progettazione"),
            coding("c", element: "pistoia-e2", text: "Formazione congiunta"),
            coding("d", element: nil, text: "Formazione congiunta", unit: "sentence"),
            coding("e", element: nil, text: "Città più giusta", unit: "sentence"),
            coding("f", element: "pistoia-e2", text: String("Città più giusta".reversed().reversed())),
            coding("g", element: "pistoia-e2", text: ""),
        ]
        try project.database.write { db in
            let run = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs")
            let inserter = try CodingInserter(db: db, origin: "auto", codebookID: nil, run: run)
            for coding in sequence {
                try inserter.insert(coding)
                try Self.insertThroughGRDB(coding, origin: "manual", run: run, db: db)
            }
            let direct = try rows(db, origin: "auto")
            let plain = try rows(db, origin: "manual")
            #expect(direct.count == sequence.count && plain.count == sequence.count)
            for (found, expected) in zip(direct, plain) {
                #expect(found[..<5] == expected[..<5] && found[6...] == expected[6...])
            }
            #expect(direct.map { $0[1] } == ["text:'pistoia-e1'", "text:'pistoia-e1'", "text:'pistoia-e2'", "null:NULL",
                                              "null:NULL", "text:'pistoia-e2'", "text:'pistoia-e2'"])
            #expect(direct.last?[8] == "text:''")
        }
    }

    @Test("a refused row throws, and the inserter goes on with the next")
    func refused() throws {
        try project.database.write { db in
            let inserter = try CodingInserter(db: db, origin: "auto", codebookID: nil, run: nil)
            var missing = Self.codings[0]
            missing.caseID = "no-such-case"
            #expect(throws: DatabaseError.self) { try inserter.insert(missing) }
            try inserter.insert(Self.codings[0])
            #expect(try rows(db, origin: "auto").count == 1)
        }
    }

    @Test("a case's compact codings are stored as the same codings written out are")
    func compactCodings() throws {
        let url = try Fixtures.temporaryFolder("coding-inserter-compact").appendingPathComponent("project.sqlite")
        let corpus = try Project.create(at: url)
        let files = try Fixtures.corpusAndSeed()
        _ = try corpus.importFiles(files, importer: Fixtures.importer)
        let session = try AutoCoder(codebook: try Codebook.load(from: AutoCodingsTests.codebookURL)).makeSession()
        let cases = try AutoCodingsTests.cases()
        try corpus.database.write { db in
            let run = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs")
            let compact = try CodingInserter(db: db, origin: "auto", codebookID: nil, run: run)
            let each = try CodingInserter(db: db, origin: "manual", codebookID: nil, run: run)
            for unit in [CodingUnit.element, .sentence] {
                for sheet in cases {
                    let made = session.autoCodings(of: sheet, unit: unit)
                    try compact.insert(made)
                    for coding in made.codings { try each.insert(coding) }
                }
            }
            let direct = try rows(db, origin: "auto")
            let written = try rows(db, origin: "manual")
            #expect(direct.count > 100 && direct.count == written.count)
            for (found, expected) in zip(direct, written) {
                #expect(found[..<5] == expected[..<5] && found[6...] == expected[6...])
            }
            #expect(direct.contains { $0[12] == "integer:1" && $0[13].hasPrefix("text:") }, "a negated coding")
            #expect(direct.contains { $0[1] == "null:NULL" }, "a sentence")
        }
    }

    /// The same row inserted with GRDB's own arguments: the reference the direct binding must match.
    static func insertThroughGRDB(_ coding: Coding, origin: String, run: Int64?, db: Database) throws {
        try db.execute(sql: CodingInserter.sql, arguments: [
            coding.caseID, coding.elementID, coding.unit, coding.code, coding.coder, origin, coding.start, coding.end,
            coding.text, coding.cue, coding.cueStart, coding.cueEnd, coding.negated, coding.negatedBy,
            coding.polarityConflict, nil as Int64?, run,
        ])
    }
}
