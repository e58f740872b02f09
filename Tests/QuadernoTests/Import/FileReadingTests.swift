import Foundation
import Testing
@testable import Quaderno

@Suite("Reading files and walking folders")
struct FileReadingTests {
    @Test("a file is read whole; a missing file, a folder and a file over the limit are clear errors")
    func readsOrRefuses() throws {
        let folder = try Fixtures.temporaryFolder("file-bytes")
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let url = folder.appendingPathComponent("big.bin")
        try Data(bytes).write(to: url)
        #expect(try FileBytes.read(url, file: "big.bin", limit: 1 << 20) == Data(bytes))

        let missing = try #require(throws: QuadernoError.self) {
            try FileBytes.read(folder.appendingPathComponent("nope.txt"), file: "nope.txt", limit: 1 << 20)
        }
        #expect(missing.description.contains("nope.txt") && missing.description.contains("no such file"))
        let directory = try #require(throws: QuadernoError.self) { try FileBytes.read(folder, file: "dir", limit: 1 << 20) }
        #expect(directory.description.contains("is a folder"))
        let large = try #require(throws: QuadernoError.self) { try FileBytes.read(url, file: "big.bin", limit: 1000) }
        #expect(large.description.contains("limit"))

        let importer = try Importer(limits: ImportLimits(maximumFileBytes: 1000))
        #expect(throws: QuadernoError.self) { try importer.importFile(at: url) }
    }

    @Test("folders are walked in name order; hidden files, READMEs and other extensions are skipped")
    func walksFolders() throws {
        let root = try Fixtures.temporaryFolder("walk")
        let names = ["b.txt", "a.html", "README.md", ".hidden.txt", "notes.pdf", "sub/z.odt", "sub/deeper/c.MD",
                     ".git/x.txt", "sub/readme.txt"]
        for name in names {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link.txt"),
                                                   withDestinationURL: root.appendingPathComponent("b.txt"))
        let found = try InputFiles.collect([root.path])
        #expect(found.map(\.path) == ["a.html", "b.txt", "link.txt", "sub/deeper/c.MD", "sub/z.odt"].map { root.path + "/" + $0 })
        #expect(found.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) })
        #expect(throws: QuadernoError.self) { try InputFiles.collect([root.path + "/missing"]) }
    }
}
