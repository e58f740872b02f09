import Foundation
import GRDB
import Testing
@testable import Quaderno

/// A project knows a file it imported however its path is typed, and after the study folder moves.
@Suite("Project store: the same file typed another way is the same case")
struct SourceKeyTests {
    @Test("a key is the file's path from the project's folder, with . and .. resolved")
    func keys() {
        let reports = URL(fileURLWithPath: "/studio/reports")
        #expect(SourceKey.of(URL(fileURLWithPath: "/studio/corpora/x.txt"), projectFolder: reports) == "../corpora/x.txt")
        #expect(SourceKey.of(URL(fileURLWithPath: "/studio/./reports/../corpora/x.txt"), projectFolder: reports)
            == "../corpora/x.txt")
        #expect(SourceKey.of(URL(fileURLWithPath: "/studio/corpora/x.txt"), projectFolder: URL(fileURLWithPath: "/studio"))
            == "corpora/x.txt")
        #expect(SourceKey.of(URL(fileURLWithPath: "/altrove/y.html"), projectFolder: URL(fileURLWithPath: "/studio/a/b"))
            == "../../../altrove/y.html")
        #expect(SourceKey.of(URL(fileURLWithPath: "/studio/reports/dentro.txt"), projectFolder: reports) == "dentro.txt")
    }

    @Test("a file's standardized path is Foundation's, whether or not the path needed standardizing")
    func standardizedPaths() {
        let paths = ["/studio/corpora/x.txt", "/studio/./corpora/x.txt", "/studio/reports/../corpora/x.txt",
                     "/studio//corpora/x.txt", "/studio/corpora/", "/studio/corpora/..", "/studio/corpora/.",
                     "/", "/studio/corpora/.x.txt", "/studio/corpora/..x", "/studio/città/scheda 1.txt",
                     "corpora/x.txt", "./corpora/../corpora/x.txt"]
        for path in paths {
            let url = URL(fileURLWithPath: path)
            #expect(SourceKey.standardizedPath(url) == url.standardizedFileURL.path, "\(path)")
            #expect(SourceKey.components(of: url) == url.standardizedFileURL.pathComponents, "\(path)")
        }
    }

    /// A study folder holding `corpus/` (the sample sheets and the seed) and `project.sqlite`.
    static func study(_ label: String) throws -> URL {
        let corpus = try IncrementalCodingTests.corpusCopy(label)
        return corpus.deletingLastPathComponent()
    }

    /// The corpus files with their paths typed as `corpus/NAME` (from inside the study folder).
    static func typedRelative(_ study: URL) throws -> [(url: URL, path: String)] {
        try InputFiles.collect([study.appendingPathComponent("corpus").path]).map { file in
            (file.url, "corpus/" + file.url.lastPathComponent)
        }
    }

    /// A study folder whose corpus is imported into its project with the paths typed as `corpus/NAME`.
    static func importedStudy(_ label: String) throws -> (study: URL, project: Project, files: [(url: URL, path: String)]) {
        let study = try Self.study(label)
        let project = try Project.create(at: study.appendingPathComponent("project.sqlite"))
        let files = try Self.typedRelative(study)
        #expect(try project.importFiles(files, importer: Fixtures.importer).imported.count == 15)
        return (study, project, files)
    }

    static func sources(_ project: Project) throws -> [String] {
        try project.database.read { try String.fetchAll($0, sql: "SELECT source FROM cases ORDER BY id") }
    }

    @Test("typed relatively, then absolutely: every file is unchanged, and a changed one is updated under its first name")
    func typedTwoWays() throws {
        let (study, project, relative) = try Self.importedStudy("source-key-typed")
        let sources = try Self.sources(project)
        #expect(sources.allSatisfy { $0.hasPrefix("corpus/") })

        let absolute = relative.map { (url: $0.url, path: $0.url.path) }
        let again = try project.importFiles(absolute, importer: Fixtures.importer)
        #expect(again.unchanged.count == 15 && again.imported.isEmpty && again.updated.isEmpty)
        #expect(try project.cases().count == 15)

        let edited = study.appendingPathComponent("corpus/senese-anziani.txt")
        try (String(contentsOf: edited, encoding: .utf8) + "\nUna riga in più.\n").write(to: edited, atomically: true, encoding: .utf8)
        let changed = try project.importFiles(absolute, importer: Fixtures.importer)
        #expect(changed.updated == ["senese-anziani"] && changed.imported.isEmpty)
        #expect(try Self.sources(project) == sources)
    }

    @Test("a study folder moved elsewhere keeps its cases")
    func movedFolder() throws {
        let study = try Self.study("source-key-moved")
        do {
            let project = try Project.create(at: study.appendingPathComponent("project.sqlite"))
            let files = try InputFiles.collect([study.appendingPathComponent("corpus").path])
            #expect(try project.importFiles(files, importer: Fixtures.importer).imported.count == 15)
        }
        let moved = try Fixtures.temporaryFolder("source-key-elsewhere").appendingPathComponent("studio")
        try FileManager.default.moveItem(at: study, to: moved)
        let project = try Project.open(at: moved.appendingPathComponent("project.sqlite"))
        let files = try InputFiles.collect([moved.appendingPathComponent("corpus").path])
        let again = try project.importFiles(files, importer: Fixtures.importer)
        #expect(again.unchanged.count == 15 && again.imported.isEmpty)
        #expect(again.gone.isEmpty)
        #expect(try project.cases().count == 15)
    }

    @Test("a file deleted from the corpus is reported as gone and its case kept; one imported earlier and still there is not")
    func deletedFile() throws {
        let (study, project, relative) = try Self.importedStudy("source-key-deleted")
        try FileManager.default.removeItem(at: study.appendingPathComponent("corpus/senese-anziani.txt"))
        let rest = relative.filter { $0.url.lastPathComponent != "senese-anziani.txt" }
        // Imported in two parts: the files of the other part are still there.
        _ = try project.importFiles(Array(rest.prefix(5)), importer: Fixtures.importer)
        let summary = try project.importFiles(Array(rest.dropFirst(5)), importer: Fixtures.importer)
        #expect(summary.gone == ["corpus/senese-anziani.txt"])
        #expect(summary.line.hasSuffix("; 1 gone (file no longer there; case kept)"))
        #expect(try project.cases().count == 15)
    }

    @Test("cases stored before keys are found by their typed path and given a key")
    func storedBeforeKeys() throws {
        let (_, project, relative) = try Self.importedStudy("source-key-legacy")
        try project.database.write { try $0.execute(sql: "UPDATE cases SET source_key = NULL") }

        #expect(try project.importFiles(relative, importer: Fixtures.importer).unchanged.count == 15)
        let keys = try project.database.read { try String?.fetchAll($0, sql: "SELECT source_key FROM cases") }
        #expect(keys.allSatisfy { $0?.hasPrefix("corpus/") == true })
        let absolute = relative.map { (url: $0.url, path: $0.url.path) }
        #expect(try project.importFiles(absolute, importer: Fixtures.importer).unchanged.count == 15)
    }

    @Test("another file typed with a path a case already has is a new case, shown by its absolute path")
    func samePathAnotherFile() throws {
        let (study, project, _) = try Self.importedStudy("source-key-other")

        // `corpus/senese-anziani.txt` typed from another folder that has its own copy.
        let other = try Fixtures.temporaryFolder("source-key-other-folder").appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let copy = other.appendingPathComponent("senese-anziani.txt")
        try FileManager.default.copyItem(at: study.appendingPathComponent("corpus/valdinievole-poverta.txt"), to: copy)
        let summary = try project.importFiles([(url: copy, path: "corpus/senese-anziani.txt")], importer: Fixtures.importer)
        #expect(summary.imported == ["senese-anziani-2"] && summary.failed.isEmpty)
        #expect(try Self.sources(project).contains(copy.standardizedFileURL.path))
        #expect(try project.cases().count == 16)
    }
}
