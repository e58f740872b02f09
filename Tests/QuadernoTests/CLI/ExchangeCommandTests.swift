import Foundation
import Testing
@testable import Quaderno

/// REFI-QDA exchange through the project and the command line.
@Suite("export, import-qdpx, validate and codebook exchange", .serialized)
struct ExchangeCommandTests {
    /// A project with the corpus and the seed, auto-coded, plus the gold file as a second coder.
    static func codedProject() throws -> URL {
        let out = try Fixtures.temporaryFolder("exchange")
        #expect(try CommandRunner.run(["analyze", "corpora", Fixtures.seed.path, "--out", out.path]).status == 0)
        let project = out.appendingPathComponent("project.sqlite")
        #expect(try CommandRunner.run(["codings", "import", project.path, "corpora/gold.csv", "--coder", "gold"]).status == 0)
        return project
    }

    @Test("export → validates against Project.xsd → import into a new project: same codes, cases, attributes, codings")
    func roundTrip() throws {
        let projectURL = try Self.codedProject()
        let folder = projectURL.deletingLastPathComponent()
        let qdpx = folder.appendingPathComponent("corpus.qdpx")
        let exported = try CommandRunner.run(["export", projectURL.path, "--qdpx", qdpx.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try REFITest.schemaFailures(qdpx).isEmpty)
        let validated = try CommandRunner.run(["validate", qdpx.path])
        #expect(validated.status == 0 && validated.stdout.contains("valid"), "\(validated.stdout)")

        let second = folder.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        let again = second.appendingPathComponent("corpus.qdpx")
        #expect(try CommandRunner.run(["export", projectURL.path, "--qdpx", again.path]).status == 0)
        #expect(try Data(contentsOf: qdpx) == Data(contentsOf: again), "stable GUIDs, identical bytes")

        let copy = folder.appendingPathComponent("copy.sqlite")
        #expect(try CommandRunner.run(["init", copy.path]).status == 0)
        let imported = try CommandRunner.run(["import", copy.path, qdpx.path])
        #expect(imported.status == 0, "\(imported.stderr)")

        let original = try Project.open(at: projectURL)
        let restored = try Project.open(at: copy)
        let before = try original.latestCodebook()!
        let after = try restored.latestCodebook()!
        #expect(after.codes.map(\.id).sorted() == before.codes.map(\.id).sorted())
        #expect(Set(after.codes.map { "\($0.id)<\($0.parent ?? "")" }) == Set(before.codes.map { "\($0.id)<\($0.parent ?? "")" }))
        #expect(after.code("governance")?.cues == before.code("governance")?.cues, "cues travel in the description block")
        #expect(try restored.cases().map(\.id) == original.cases().map(\.id))
        for (old, new) in zip(try original.cases(), try restored.cases()) {
            #expect(new.text == old.text)
            for attribute in old.attributes { #expect(new.attribute(attribute.key) == attribute.value, "\(old.id) \(attribute.key)") }
        }
        func key(_ coding: Coding) -> String { "\(coding.caseID)|\(coding.coder)|\(coding.code)|\(coding.text)" }
        let counted = try original.codings().map(\.coding).filter { $0.negated == false }
        #expect(Set(try restored.codings().map { key($0.coding) }) == Set(counted.map(key)))
        #expect(try restored.coders().sorted() == ["auto", "gold"])
    }

    @Test("the two real exports import: NVivo's nested codebook and users, qc's relative sources and 158 selections")
    func samples() throws {
        let folder = try Fixtures.temporaryFolder("samples")
        let project = folder.appendingPathComponent("samples.sqlite")
        #expect(try CommandRunner.run(["init", project.path]).status == 0)
        let nvivo = try CommandRunner.run(["import-qdpx", project.path, REFITest.nvivoSample.path])
        #expect(nvivo.status == 0, "\(nvivo.stderr)")
        #expect(nvivo.stdout.contains("262 codes"))
        let qc = try CommandRunner.run(["import", project.path, REFITest.qcSample.path])
        #expect(qc.status == 0, "\(qc.stderr)")
        #expect(qc.stdout.contains("2 cases, 262 codes"))
        let opened = try Project.open(at: project)
        let codings = try opened.codings().map(\.coding)
        let cases = Dictionary(uniqueKeysWithValues: try opened.cases().map { ($0.id, $0) })
        let qcCases = Set(try opened.cases().filter { $0.source.contains("qc-1.3.2") }.map(\.id))
        #expect(qcCases.count == 2, "both text sources found through their relative plainTextPath")
        let selections = Set(codings.filter { qcCases.contains($0.caseID) }.map { "\($0.caseID)#\($0.start)-\($0.end)" })
        #expect(selections.count == 158)
        for coding in codings {
            let text = try #require(cases[coding.caseID]).text
            #expect(coding.text.isEmpty == false)
            #expect(text.scalarSlice(coding.start, coding.end) == coding.text)
        }
        let codebook = try #require(try opened.latestCodebook())
        #expect(codebook.codes.count == 262)
        #expect(codebook.codes.contains { $0.parent != nil }, "hierarchy kept")
    }

    @Test("codebook export writes a .qdc valid against Codebook.xsd; import gives back the same codes and cues")
    func codebookExchange() throws {
        let folder = try Fixtures.temporaryFolder("qdc")
        let qdc = folder.appendingPathComponent("coprogettazione.qdc")
        let exported = try CommandRunner.run(["codebook", "export", "codebooks/coprogettazione.yml", "--qdc", qdc.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try REFITest.schemaFailures(qdc, schema: REFITest.codebookSchema).isEmpty)
        let yaml = folder.appendingPathComponent("back.yml")
        let imported = try CommandRunner.run(["codebook", "import", qdc.path, "--yaml", yaml.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try Codebook.load(from: Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml"))
        let back = try Codebook.load(from: yaml)
        #expect(back.codes.map(\.id) == original.codes.map(\.id))
        for (a, b) in zip(original.codes, back.codes) {
            #expect(a.cues == b.cues && a.polarity == b.polarity && a.parent == b.parent && a.color == b.color, "\(a.id)")
            #expect(a.definition.trimmingWhitespace() == b.definition.trimmingWhitespace(), "\(a.id)")
        }
    }

    @Test("validate reports a broken file and exits 1")
    func validateBroken() throws {
        let file = try Fixtures.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
        <Code guid="not-a-guid" name="a" isCodable="true" color="red"/></Codes></CodeBook></Project>
        """, named: "broken.qde")
        let result = try CommandRunner.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("GUID") || result.stdout.contains("guid"))
    }
}
