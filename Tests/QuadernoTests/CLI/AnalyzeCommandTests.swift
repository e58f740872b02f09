import Foundation
import Testing
@testable import Quaderno

/// `quaderno analyze` end to end on the corpus plus the seed, and the consistency of its tables.
@Suite("analyze, end to end", .serialized)
struct AnalyzeCommandTests {
    static func analyze(_ extra: [String] = []) throws -> (URL, CommandRunner.Output) {
        let out = try Fixtures.temporaryFolder("analyze")
        let result = try CommandRunner.run(["analyze", "corpora", Fixtures.seed.path, "--out", out.path,
                                            "--by", "territory,format"] + extra)
        return (out, result)
    }

    static func table(_ folder: URL, _ name: String) throws -> CSVTable {
        try CSVTable(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name)
    }

    @Test("writes every file, prints where and the headlines, and its numbers agree")
    func consistentTables() throws {
        let (out, result) = try Self.analyze()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("import: 15 imported"))
        #expect(result.stdout.contains("most frequent codes:"))
        for name in ReportWriter.fileNames + ["project.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let cases = try Self.table(out, "cases.csv")
        #expect(Array(cases.header.prefix(10)) == ["case_id", "source", "format", "territory", "ente_proponente", "avviso",
                                                   "tipologia_ets", "n_positive", "n_negative", "amount_eur_total"])
        #expect(cases.rows.count == 15)
        let frequencies = try Self.table(out, "frequencies.csv")
        #expect(frequencies.header == ["group_by", "group", "code", "cases_with_code", "codings", "cases_in_group", "share"])
        for row in frequencies.rows {
            let share = try #require(Double(row[6]))
            #expect(Int(row[3])! <= Int(row[5])!)
            #expect((0...1).contains(share))
        }
        #expect(Set(frequencies.rows.map { $0[0] }) == ["all", "territory", "format"])
        // Each territory group's cases add up to the corpus.
        let codes = Set(frequencies.rows.map { $0[2] })
        for code in codes {
            let territoryRows = frequencies.rows.filter { $0[0] == "territory" && $0[2] == code }
            #expect(territoryRows.reduce(0) { $0 + Int($1[5])! } == 15)
        }
        // Matrix totals equal the codings counted in frequencies (all), and the counted rows of codings.csv.
        let matrix = try Self.table(out, "matrix.csv")
        let codings = try Self.table(out, "codings.csv")
        #expect(Array(codings.header.prefix(12)) == ["case_id", "element_id", "code", "code_polarity", "element_polarity",
                                                     "coder", "start", "end", "cue", "negated", "polarity_conflict", "text"])
        let parents = Set(["resources"])
        for (index, code) in matrix.header.enumerated().dropFirst(2) {
            let total = matrix.rows.reduce(0) { $0 + Int($1[index])! }
            let all = try #require(frequencies.rows.first { $0[0] == "all" && $0[2] == code })
            #expect(total == Int(all[4])!, "\(code)")
            if parents.contains(code) == false {
                #expect(total == codings.rows.filter { $0[2] == code && $0[9] == "false" }.count, "\(code)")
            }
        }
        #expect(codings.rows.contains { $0[9] == "true" }, "negated codings are listed")
        // Every coding quotes the text of its element.
        let elements = try Self.table(out, "elements.csv")
        let elementText = Dictionary(uniqueKeysWithValues: elements.rows.map { ("\($0[0])/\($0[1])", $0[6]) })
        for row in codings.rows where row[1].isEmpty == false {
            #expect(elementText["\(row[0])/\(row[1])"] == row[11])
        }
        let cooccurrence = try Self.table(out, "cooccurrence.csv")
        #expect(cooccurrence.header == ["code_a", "code_b", "elements_together", "cases_together", "jaccard"])
        for row in cooccurrence.rows { #expect((0...1).contains(Double(row[4])!)) }
        let polarity = try Self.table(out, "polarity.csv")
        #expect(polarity.header == ["group_by", "group", "positive_elements", "negative_elements", "positive_codings",
                                    "negative_codings", "balance"])
        let all = try #require(polarity.rows.first { $0[0] == "all" })
        #expect(Int(all[2])! == cases.rows.reduce(0) { $0 + Int($1[7])! })
    }

    @Test("every CSV parses with Python's csv module")
    func standardReader() throws {
        let (out, result) = try Self.analyze()
        #expect(result.status == 0)
        let script = """
        import csv, sys, glob
        for path in sorted(glob.glob(sys.argv[1] + '/*.csv')):
            with open(path, newline='', encoding='utf-8') as f:
                rows = list(csv.reader(f))
            widths = {len(r) for r in rows}
            assert len(widths) == 1, (path, widths)
            print(path.split('/')[-1], len(rows))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, out.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.split(separator: "\n").count == 7)
    }

    @Test("--excel writes a BOM, ';' separators and decimal commas")
    func excel() throws {
        let (out, result) = try Self.analyze(["--excel"])
        #expect(result.status == 0)
        let bytes = try Data(contentsOf: out.appendingPathComponent("frequencies.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("group_by;group;code;cases_with_code;codings;cases_in_group;share\r\n"))
        #expect(text.contains(",5") || text.contains(",6") || text.contains(",2"), "decimal commas")
        let table = try CSVTable(String(decoding: bytes, as: UTF8.self))
        #expect(table.header.count == 7, "';' detected as the separator")
        for row in table.rows { #expect(Double(row[6].replacingOccurrences(of: ",", with: ".")) != nil) }
    }

    @Test("running again reuses the project: unchanged files are neither imported nor coded, and the tables are the same")
    func rerun() throws {
        let (out, first) = try Self.analyze()
        #expect(first.status == 0)
        let names = ["cases.csv", "codings.csv", "frequencies.csv", "matrix.csv", "cooccurrence.csv", "polarity.csv"]
        func tables() throws -> [String] {
            try names.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
        }
        let before = try tables()
        let second = try CommandRunner.run(["analyze", "corpora", Fixtures.seed.path, "--out", out.path,
                                            "--by", "territory,format"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 imported, 0 updated, 15 unchanged, 0 failed"))
        #expect(second.stdout.contains("code: 0 codings on 0 cases"))
        #expect(second.stdout.contains("15 cases unchanged since coded with this codebook and unit (codings kept)"))
        #expect(try tables() == before)
        let forced = try CommandRunner.run(["analyze", "corpora", Fixtures.seed.path, "--out", out.path, "--recode-all"])
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("codings on 15 cases"))
        // The same folder typed as an absolute path is the same files, not 14 more cases.
        let absolute = try CommandRunner.run(["analyze", Fixtures.corpus.path, Fixtures.seed.path, "--out", out.path])
        #expect(absolute.stdout.contains("0 imported, 0 updated, 15 unchanged, 0 failed"))
        #expect(absolute.stdout.contains("code: 0 codings on 0 cases"))
    }
}
