import Foundation
import Testing
@testable import Quaderno

@Suite("Command line")
struct CommandLineTests {
    @Test("inspect --json prints the documented shape; with a codebook it adds codings")
    func inspectJSON() throws {
        let result = try CommandRunner.run(["inspect", "--json", "--codebook", "codebooks/coprogettazione.yml", Fixtures.seed.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["case_id", "source", "format", "title", "attributes", "tables", "elements", "amounts", "dates",
                    "references", "warnings", "text", "codings"] {
            #expect(object[key] != nil, "\(key)")
        }
        let attributes = try #require(object["attributes"] as? [String: String])
        #expect(attributes["territory"] == "Pistoiese")
        let codings = try #require(object["codings"] as? [[String: Any]])
        #expect(codings.contains { $0["code"] as? String == "resistance" && $0["element_id"] as? String == "e11" })
        for key in ["element_id", "code", "start", "end", "cue", "negated", "polarity_conflict"] {
            #expect(codings.first?[key] != nil, "\(key)")
        }
        let text = try #require(object["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        for element in try #require(object["elements"] as? [[String: Any]]) {
            let start = try #require(element["start"] as? Int)
            let end = try #require(element["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == element["text"] as? String)
        }
    }

    @Test("a failing file is reported with its name, the others still print, the exit code is 1")
    func inspectBatchWithFailure() throws {
        let empty = try Fixtures.write("", named: "vuoto.txt")
        let result = try CommandRunner.run(["inspect", "--json", empty.path, Fixtures.seed.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("quaderno: \(empty.path): the file is empty"))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        let missing = try CommandRunner.run(["inspect", "/no/such/file.txt"])
        #expect(missing.status != 0 && missing.stderr.contains("/no/such/file.txt"))
    }

    @Test("codebook validate reports FILE:LINE problems and exits 1")
    func validate() throws {
        let bad = try Fixtures.write("name: x\ncodes:\n  - id: a\n    name: A\n    cues: []\n    colour: red\n", named: "cb.yml")
        let result = try CommandRunner.run(["codebook", "validate", bad.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(bad.path):6: unknown key 'colour'"))
        #expect(result.stdout.contains("\(bad.path):5: code 'a' has no cues"))
        let good = try CommandRunner.run(["codebook", "validate", "codebooks/coprogettazione.yml"])
        #expect(good.status == 0 && good.stdout.contains("ok"))
    }

    @Test("analyze with a codebook that has errors stops before making a project, naming the file and line")
    func analyzeBadCodebook() throws {
        let bad = try Fixtures.write("name: x\ncodes:\n  - id: Bad Id\n    cues: [rete]\n", named: "cattivo.yml")
        let out = try Fixtures.temporaryFolder("cli-bad-codebook").appendingPathComponent("out")
        let result = try CommandRunner.run(["analyze", "corpora", "--codebook", bad.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path):3: code id 'Bad Id'"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("project.sqlite").path) == false)
        #expect(result.stdout.contains("import:") == false)
    }

    @Test("explain marks the cue of each coding and says when a cue is negated")
    func explain() throws {
        let sheet = try Fixtures.write("""
        # Riassunto degli elementi
        ## Criticità
        - Non si sono registrate resistenze, ma il ritorno alla gara d'appalto ha pesato
        """, named: "breve.txt")
        let result = try CommandRunner.run(["explain", sheet.path, "--plain"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[[ritorno alla gara"))
        #expect(result.stdout.contains("resistance ← \"resistenza\"  negated by \"Non\""))
    }

    @Test("init, import, code, codings import/export and report work on their own")
    func projectCommands() throws {
        let folder = try Fixtures.temporaryFolder("cli")
        let project = folder.appendingPathComponent("studio.sqlite").path
        #expect(try CommandRunner.run(["init", project]).status == 0)
        #expect(try CommandRunner.run(["init", project]).status != 0, "refuses to overwrite")
        let imported = try CommandRunner.run(["import", project, "corpora"])
        #expect(imported.status == 0 && imported.stdout.contains("14 imported"))
        #expect(imported.stderr.contains("[1/14]") && imported.stderr.contains("[14/14]"), "progress on stderr, first and last")
        #expect(try CommandRunner.run(["code", project]).status == 0)
        let manual = folder.appendingPathComponent("anna.csv")
        try Data("case_id,element_id,code\nmugello-famiglie,e1,community_involvement\n".utf8).write(to: manual)
        let codings = try CommandRunner.run(["codings", "import", project, manual.path, "--coder", "anna"])
        #expect(codings.status == 0, "\(codings.stderr)")
        let export = try CommandRunner.run(["codings", "export", project, "--coder", "anna"])
        #expect(export.stdout.contains("mugello-famiglie,e1,community_involvement,positive,positive,anna"))
        let report = try CommandRunner.run(["report", project, "--out", folder.appendingPathComponent("out").path,
                                            "--coder", "anna"])
        #expect(report.status == 0, "\(report.stderr)")
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("case_id,element_id,code\nnessuno,e1,governance\n".utf8).write(to: bad)
        let rejected = try CommandRunner.run(["codings", "import", project, bad.path, "--coder", "anna"])
        #expect(rejected.status == 1 && rejected.stderr.contains("\(bad.path):2: no case 'nessuno'"))
    }
}
