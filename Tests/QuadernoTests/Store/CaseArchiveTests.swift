import Foundation
import GRDB
import Testing
@testable import Quaderno

@Suite("Case archive (the stored form of a case)")
struct CaseArchiveTests {
    /// The seed and every corpus sheet: all kinds of tables, elements, mentions and warnings.
    static func realCases() throws -> [Case] {
        let files = try InputFiles.collect([Fixtures.corpus.path]) + [(Fixtures.seed, "seed.txt")]
        return try files.map { try Fixtures.importer.importFile(at: $0.url, path: $0.path) }
    }

    @Test("every real case survives encode and decode unchanged")
    func roundTrip() throws {
        let cases = try Self.realCases()
        #expect(cases.count >= 15)
        for sheet in cases {
            let bytes = CaseArchive.encode(sheet)
            let back = try bytes.withUnsafeBytes { try CaseArchive.decode($0, text: sheet.text) }
            #expect(back == sheet, "\(sheet.source)")
        }
    }

    @Test("odd values survive: empty fields, nil options, large offsets, non-ASCII, negative zero amounts")
    func oddValues() throws {
        var sheet = Case(id: "", source: "ü/€.txt", format: .odt, title: "“Titolo” 🙂", text: "")
        sheet.attributes = [Attribute(key: "k", label: "", value: String(repeating: "é", count: 300))]
        sheet.tables = [CaseTable(section: "", header: [], rows: [[""], ["a", "b\tc\n"]])]
        sheet.elements = [Element(id: "e1", polarity: .unspecified, polaritySource: "none", polarityEvidence: nil,
                                  text: "x", start: 1 << 40, end: (1 << 40) + 1)]
        sheet.amounts = [AmountMention(value: -0.0, text: "0", start: 0, end: 1),
                         AmountMention(value: 1.0e300, text: "9", start: 2, end: 3)]
        sheet.references = [ReferenceMention(kind: "legge", number: nil, date: "2020-01-01", text: "L", start: 5, end: 6)]
        // Sections that come back after another one, and an empty one, keep their own headings.
        sheet.segments = [Segment(kind: .cell, section: "§", start: 127, end: 128),
                          Segment(kind: .item, section: "B", start: 128, end: 129),
                          Segment(kind: .item, section: "§", start: 129, end: 130),
                          Segment(kind: .item, section: "§", start: 130, end: 131),
                          Segment(kind: .title, section: "", start: 131, end: 132),
                          Segment(kind: .heading, section: "B", start: 132, end: 133)]
        sheet.warnings = ["", "w"]
        let back = try CaseArchive.encode(sheet).withUnsafeBytes { try CaseArchive.decode($0, text: "") }
        #expect(back == sheet)
        #expect(back.amounts[0].value.sign == .minus)
    }

    @Test("a truncated or altered archive is refused, never read as something else")
    func corrupt() throws {
        let sheet = try #require(try Self.realCases().first { $0.elements.isEmpty == false })
        let bytes = CaseArchive.encode(sheet)
        for length in [0, 2, 3, bytes.count / 2, bytes.count - 1] {
            #expect(throws: ArchiveReader.Corrupt.self) {
                try Array(bytes.prefix(length)).withUnsafeBytes { try CaseArchive.decode($0, text: sheet.text) }
            }
        }
        #expect(throws: ArchiveReader.Corrupt.self) {
            try (bytes + [0]).withUnsafeBytes { try CaseArchive.decode($0, text: sheet.text) }
        }
        var huge = Array(bytes.prefix(3))
        huge += [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]  // an id "length" far beyond the archive
        #expect(throws: ArchiveReader.Corrupt.self) {
            try huge.withUnsafeBytes { try CaseArchive.decode($0, text: sheet.text) }
        }
    }

    @Test("a damaged stored case gives an error naming the case and what to do")
    func damagedInProject() throws {
        let folder = try Fixtures.temporaryFolder("archive")
        let url = folder.appendingPathComponent("p.sqlite")
        let project = try Project.create(at: url)
        _ = try project.importFiles([(Fixtures.seed, "seed.txt")], importer: Fixtures.importer)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "UPDATE cases SET case_data = x'514331FF'") }
        let reopened = try Project.open(at: url)
        let error = try #require(throws: QuadernoError.self) { try reopened.cases() }
        #expect(error.description.contains("case '000_5b15b52b858ace5a' is damaged"))
        #expect(error.description.contains("quaderno import"))
    }

    @Test("a project written before the archive (JSON cases, schema v1) is migrated and reads the same")
    func migratesVersionOne() throws {
        let folder = try Fixtures.temporaryFolder("archive-v1")
        let url = folder.appendingPathComponent("old.sqlite")
        let cases = try Self.realCases().prefix(4)
        let queue = try DatabaseQueue(path: url.path)
        try ProjectSchema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            for sheet in cases {
                let json = String(decoding: try JSONEncoder().encode(sheet), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO cases (id, source, format, title, text, content_hash, case_json, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')
                    """, arguments: [sheet.id, sheet.source, sheet.format.rawValue, sheet.title, sheet.text,
                                     "hash-\(sheet.id)", json])
            }
        }
        try queue.close()
        let project = try Project.open(at: url)
        #expect(try project.cases() == cases.sorted { $0.id < $1.id })
        let columns = try DatabaseQueue(path: url.path).read { try $0.columns(in: "cases").map(\.name) }
        #expect(columns.contains("case_data") && columns.contains("case_json") == false)
    }
}
