import Foundation
import GRDB
import Testing
@testable import Quaderno

@Suite("Case rows bound with SQLite directly")
struct CaseWriterTests {
    /// Every column of the case's rows in `table`, as type and quoted value, with the case id masked.
    static func rows(_ db: Database, _ table: String, caseColumn: String, id: String) throws -> [[String]] {
        let names = try db.columns(in: table).map(\.name)
        let select = names.map { "typeof(\"\($0)\") || ':' || quote(\"\($0)\")" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(select) FROM \(table) WHERE \(caseColumn) = ? ORDER BY rowid", arguments: [id])
            .map { row in (0..<names.count).map { row[$0] as String }.map { $0.replacingOccurrences(of: "'\(id)'", with: "'ID'") } }
    }

    @Test("a case, its attributes and elements are stored as GRDB's arguments store them, value and type")
    func sameRows() throws {
        let folder = try Fixtures.temporaryFolder("case-writer")
        let project = try Project.create(at: folder.appendingPathComponent("project.sqlite"))
        var sheet = try Fixtures.importer.importText(ProjectStoreTests.sheet, caseID: "direct", source: "città/🙂.txt")
        #expect(sheet.elements.count >= 2)
        sheet.elements[0].polarityEvidence = nil
        sheet.elements[1].polarityEvidence = "«così» è"
        sheet.setAttribute("vuoto", "", label: "")
        try project.database.write { db in
            let archive = CaseArchive.encode(sheet)
            try CaseWriter(db: db).write(sheet, archive: archive, hash: "h", importedAt: "t", run: nil, replacing: false)
            var reference = sheet
            reference.id = "grdb"
            reference.source += "-grdb"
            try db.execute(sql: """
                INSERT INTO cases (id, source, format, title, text, content_hash, case_data, imported_at, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [reference.id, reference.source, sheet.format.rawValue, sheet.title, sheet.text, "h",
                                 Data(archive), "t", nil as Int64?])
            for (position, item) in sheet.attributes.enumerated() {
                try db.execute(sql: "INSERT INTO attributes (case_id, position, key, label, value) VALUES (?, ?, ?, ?, ?)",
                               arguments: [reference.id, position, item.key, item.label, item.value])
            }
            for (position, item) in sheet.elements.enumerated() {
                try db.execute(sql: """
                    INSERT INTO elements (case_id, id, position, polarity, polarity_source, polarity_evidence, start, "end", text)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [reference.id, item.id, position, item.polarity.rawValue, item.polaritySource,
                                     item.polarityEvidence, item.start, item.end, item.text])
            }
            for (table, column) in [("cases", "id"), ("attributes", "case_id"), ("elements", "case_id")] {
                let direct = try Self.rows(db, table, caseColumn: column, id: "direct")
                let plain = try Self.rows(db, table, caseColumn: column, id: "grdb")
                #expect(direct.isEmpty == false)
                #expect(direct == plain || table == "cases", "\(table)")
                if table == "cases" {
                    // Only the source differs (column 2, unique in the table).
                    #expect(direct[0].enumerated().filter { $0.offset != 1 }.map(\.element)
                        == plain[0].enumerated().filter { $0.offset != 1 }.map(\.element))
                    #expect(direct[0][1] == "text:'città/🙂.txt'")
                }
            }
            let stored = try CaseWriterTests.rows(db, "elements", caseColumn: "case_id", id: "direct")
            #expect(stored[0][5] == "null:NULL" && stored[1][5] == "text:'«così» è'")
            #expect(stored[0][2] == "integer:0" && stored[0][6].hasPrefix("integer:"))
        }
        let read = try #require(try project.cases().first { $0.id == "direct" })
        #expect(read == sheet)
    }

    @Test("writing again replaces the case's attributes and elements")
    func replaces() throws {
        let folder = try Fixtures.temporaryFolder("case-writer")
        let project = try Project.create(at: folder.appendingPathComponent("project.sqlite"))
        let sheet = try Fixtures.importer.importText(ProjectStoreTests.sheet, caseID: "x")
        var fewer = sheet
        fewer.elements.removeLast()
        try project.database.write { db in
            let writer = try CaseWriter(db: db)
            try writer.write(sheet, archive: CaseArchive.encode(sheet), hash: "1", importedAt: "t", run: nil, replacing: false)
            try writer.write(fewer, archive: CaseArchive.encode(fewer), hash: "2", importedAt: "t", run: nil, replacing: true)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM elements WHERE case_id = 'x'") == fewer.elements.count)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT content_hash FROM cases") == "2")
        }
    }
}
