import Foundation
import Testing
@testable import Quaderno

@Suite("File stems")
struct FileStemTests {
    @Test("an ordinary file name gives the case id Foundation's URL gives it",
          arguments: ["a.html", "sheets/a.b.html", "/x/y/Scheda Lucca 2022.odt", "noext", "dir.d/noext",
                      "città è.docx", "a.tar.gz", "a .html", "corpora/lucca/scheda-01.txt", ".hidden", "a..b"])
    func matchesFoundation(path: String) {
        #expect(FileStem.of(path) == URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    @Test("a leading or trailing dot is not an extension; a folder's trailing slash is skipped")
    func edges() {
        #expect(FileStem.of(".hidden") == ".hidden")
        #expect(FileStem.of("name.") == "name.")
        #expect(FileStem.of("sheets/") == "sheets")
        #expect(FileStem.of("") == "")
    }

    @Test("two files with one stem become two cases, name and name-2")
    func importIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stems-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = "<html><body><h1>Scheda</h1><p>Territorio: Lucca</p></body></html>"
        for name in ["scheda.v1.html", "b/scheda.v1.txt"] {
            try Data(sheet.utf8).write(to: folder.appendingPathComponent(name))
        }
        let project = try Project.create(at: folder.appendingPathComponent("p.sqlite"))
        let files = try InputFiles.collect([folder.path]).filter { $0.path.hasSuffix(".sqlite") == false }
        let summary = try project.importFiles(files, importer: Importer())
        #expect(Set(summary.imported) == ["scheda.v1", "scheda.v1-2"])
    }
}
