import Foundation
import Testing
@testable import Quaderno

/// `quaderno remove` as a researcher uses it after deleting a sheet from the corpus.
@Suite("remove, end to end", .serialized)
struct RemoveCommandTests {
    @Test("a deleted sheet is reported with the remove command to run; after it the reports no longer count the case")
    func deletedSheet() throws {
        let corpus = try IncrementalCodingTests.corpusCopy("remove-cli")
        let study = corpus.deletingLastPathComponent()
        let analyze = ["analyze", "corpus", "--out", "reports", "--codebook", Fixtures.codebook.path]
        #expect(try CommandRunner.run(analyze, in: study).status == 0)
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("senese-anziani.txt"))

        let second = try CommandRunner.run(analyze, in: study)
        #expect(second.status == 0)
        #expect(second.stdout.contains("; 1 gone (file no longer there; case kept)"))
        #expect(second.stderr.contains("corpus/senese-anziani.txt"))
        #expect(second.stderr.contains("quaderno remove \(study.appendingPathComponent("reports/project.sqlite").path) --gone"))

        let removed = try CommandRunner.run(["remove", "reports/project.sqlite", "--gone"], in: study)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "remove: 1 removed\n")

        let third = try CommandRunner.run(analyze, in: study)
        #expect(third.status == 0 && third.stdout.contains("gone") == false)
        let cases = try AnalyzeCommandTests.table(study.appendingPathComponent("reports"), "cases.csv")
        #expect(cases.rows.count == 14)
        #expect(cases.rows.contains { $0[0] == "senese-anziani" } == false)
        let codings = try AnalyzeCommandTests.table(study.appendingPathComponent("reports"), "codings.csv")
        #expect(codings.rows.isEmpty == false && codings.rows.contains { $0[0] == "senese-anziani" } == false)
    }

    @Test("a name that matches no case, or no name at all, is an error that says what to give")
    func badNames() throws {
        let folder = try Fixtures.temporaryFolder("remove-cli-bad")
        let project = folder.appendingPathComponent("p.sqlite").path
        #expect(try CommandRunner.run(["init", project]).status == 0)
        #expect(try CommandRunner.run(["import", project, Fixtures.corpusFile("senese-anziani.txt").path]).status == 0)

        let unknown = try CommandRunner.run(["remove", project, "nessuno", "senese-anziani"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no case 'nessuno' in the project"))
        #expect(unknown.stdout == "remove: 1 removed, 1 not found\n")

        let nothing = try CommandRunner.run(["remove", project])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("or pass --gone"))
    }
}
