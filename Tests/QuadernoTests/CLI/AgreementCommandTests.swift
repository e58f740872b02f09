import Foundation
import Testing
@testable import Quaderno

@Suite("agreement and evaluate commands", .serialized)
struct AgreementCommandTests {
    @Test("--table reproduces Krippendorff's canonical example at the three levels")
    func canonicalTable() throws {
        let rows = [("A", "1 2 3 3 2 1 4 1 2 . . ."), ("B", "1 2 3 3 2 2 4 1 2 5 . 3"),
                    ("C", ". 3 3 3 2 3 4 2 2 5 1 ."), ("D", "1 2 3 3 2 4 4 1 2 5 1 .")]
        var csv = "unit,coder,value\n"
        for (coder, values) in rows {
            for (unit, value) in values.split(separator: " ").enumerated() {
                csv += "u\(unit + 1),\(coder),\(value == "." ? "" : value)\n"
            }
        }
        let file = try Fixtures.write(csv, named: "ratings.csv")
        let expected: [(String, String)] = [("nominal", "0.743"), ("ordinal", "0.815"), ("interval", "0.849")]
        for (level, alpha) in expected {
            let result = try CommandRunner.run(["agreement", "--table", file.path, "--level", level])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Krippendorff's alpha: \(alpha) (11 units"), "\(level): \(result.stdout)")
        }
    }

    @Test("on a project: the gold file as a second coder, per-code table, JSON and CSV, and evaluate")
    func projectAgreement() throws {
        let out = try Fixtures.temporaryFolder("agreement")
        let analyze = try CommandRunner.run(["analyze", "corpora", Fixtures.seed.path, "--out", out.path])
        #expect(analyze.status == 0)
        let project = out.appendingPathComponent("project.sqlite").path
        let imported = try CommandRunner.run(["codings", "import", project, "corpora/gold.csv", "--coder", "gold"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let table = try CommandRunner.run(["agreement", project, "--coders", "auto,gold"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("cohen_k"))
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("overall") })
        let json = try CommandRunner.run(["agreement", project, "--coders", "auto,gold", "--json", "--unit", "case"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["unit"] as? String == "case")
        let codes = try #require(object["codes"] as? [[String: Any]])
        #expect(codes.contains { $0["code"] as? String == "governance" })
        let csv = try CommandRunner.run(["agreement", project, "--coders", "auto,gold", "--csv"])
        #expect(try CSVTable(csv.stdout).header.contains("krippendorff_alpha"))
        let evaluation = try CommandRunner.run(["evaluate", project, "--gold", "gold"])
        #expect(evaluation.status == 0)
        let micro = try #require(evaluation.stdout.split(separator: "\n").first { $0.hasPrefix("micro") })
        let f1 = try #require(Double(micro.split(separator: " ").last.map(String.init) ?? ""))
        #expect(f1 >= 0.85, "the evaluate command agrees with the gold-standard test")
        #expect(evaluation.stdout.contains("missed") || evaluation.stdout.contains("extra"))
        let reportFolder = out.appendingPathComponent("with-gold")
        #expect(try CommandRunner.run(["report", project, "--out", reportFolder.path]).status == 0)
        let html = try String(contentsOf: reportFolder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("α di Krippendorff") && html.contains("<code>gold</code>"), "agreement section with two coders")
        let unknown = try CommandRunner.run(["evaluate", project, "--gold", "nessuno"])
        #expect(unknown.status != 0 && unknown.stderr.contains("nessuno"))
    }
}
