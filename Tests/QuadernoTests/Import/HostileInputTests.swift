import Foundation
import Testing
@testable import Quaderno

/// Broken and hostile files: each gives a clear `QuadernoError` or a correct case, never a crash, a hang
/// or unbounded memory.
@Suite("Import: hostile input", .timeLimit(.minutes(2)))
struct HostileInputTests {
    @Test("an empty or whitespace-only file is a malformed-file error", arguments: ["", "  \n\t\r\n \u{A0}\n\u{FEFF}"])
    func empty(_ content: String) throws {
        let error = try #require(try ImportProbe.error(Array(content.utf8), named: "vuoto.txt"))
        #expect(error.kind == .malformed)
        #expect(error.description.hasPrefix("vuoto.txt: "))
        #expect(error.message.contains("no text") || error.message.contains("empty"))
    }

    /// Deterministic pseudo-random bytes (a linear congruential generator).
    static func garbage(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test("binary garbage with NUL bytes is an encoding error at the first NUL")
    func binaryGarbage() throws {
        var bytes = Self.garbage(count: 64 << 10, seed: 42)
        bytes[0] = 0x47
        for index in bytes.indices where bytes[index] == 0 { bytes[index] = 1 }
        bytes[777] = 0
        bytes[9000] = 0
        let error = try #require(try ImportProbe.error(bytes, named: "rumore.txt"))
        #expect(error.kind == .encoding)
        #expect(error.byteOffset == 777)
    }

    @Test("a NUL byte deep in an otherwise valid HTML or XML file is an encoding error at that byte",
          arguments: ["pagina.html", "dati.xml"])
    func lateNUL(_ name: String) throws {
        let opening = name.hasSuffix("xml") ? "<?xml version=\"1.0\"?><scheda>" : "<html><body>"
        let head = Array((opening + String(repeating: "<p>Testo normale.</p>\n", count: 1000)).utf8)
        let error = try #require(try ImportProbe.error(head + [0] + Array("<p>dopo</p>".utf8), named: name))
        #expect(error.kind == .encoding)
        #expect(error.byteOffset == head.count)
    }

    @Test("the first half of a real DOCX is a malformed-archive error")
    func truncatedDOCX() throws {
        let whole = try Data(contentsOf: Fixtures.corpusFile("fiorentina-nordovest-disabilita.docx"))
        let error = try #require(try ImportProbe.error(Array(whole.prefix(whole.count / 2)), named: "mezzo.docx"))
        #expect(error.kind == .malformed)
        #expect(error.file == "mezzo.docx")
    }

    /// The offset of the local file header of the entry called `name`.
    static func localHeader(_ name: [UInt8], in bytes: [UInt8]) -> Int? {
        for index in 0..<(bytes.count - 30 - name.count) where bytes[index] == 0x50 && bytes[index + 1] == 0x4B
            && bytes[index + 2] == 3 && bytes[index + 3] == 4 {
            if Array(bytes[(index + 30)..<(index + 30 + name.count)]) == name { return index }
        }
        return nil
    }

    @Test("a DOCX whose document.xml is damaged inside is a malformed error, not garbage text")
    func corruptedEntry() throws {
        let url = try ZipFixture.docx(body: String(repeating: ZipFixture.paragraph("Testo di prova numero 12345"),
                                                   count: 400))
        var bytes = Array(try Data(contentsOf: url))
        let name = Array("word/document.xml".utf8)
        let header = try #require(Self.localHeader(name, in: bytes))
        let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        let compressed = Int(bytes[header + 18]) | Int(bytes[header + 19]) << 8 | Int(bytes[header + 20]) << 16
        let start = header + 30 + name.count + extra
        for offset in stride(from: compressed / 3, to: compressed * 2 / 3, by: 7) { bytes[start + offset] ^= 0x5A }
        let error = try #require(try ImportProbe.error(bytes, named: "guasto.docx"))
        #expect(error.kind == .malformed)
    }

    @Test("a zip bomb (50 MB document.xml) is refused by the compression-ratio limit")
    func zipBomb() throws {
        let error = try #require(ImportProbe.error(try ZipFixture.bomb(size: 50 << 20)))
        #expect(error.kind == .unsafe)
        #expect(error.message.contains("word/document.xml"))
        #expect(error.hint?.contains("zip bomb") == true)
    }

    @Test("with the ratio check relaxed, the total inflated-bytes limit still stops the bomb")
    func zipBombTotal() throws {
        let importer = try Importer(limits: ImportLimits(maximumInflatedBytes: 8 << 20, maximumCompressionRatio: .max))
        let error = try #require(ImportProbe.error(try ZipFixture.bomb(size: 50 << 20), importer: importer))
        #expect(error.kind == .unsafe)
        #expect(error.message.contains("8 MB"))
    }

    @Test("a zip entry that escapes the archive is refused", arguments: ["../../evil.xml", "/etc/evil.xml", "a\\..\\b.xml"])
    func pathTraversal(_ path: String) throws {
        let entries = ZipFixture.docxEntries(document: ZipFixture.documentXML(ZipFixture.paragraph("ciao")))
            + [(path, Data("<x/>".utf8))]
        let error = try #require(ImportProbe.error(try ZipFixture.write(entries, named: "fuga.docx")))
        #expect(error.kind == .unsafe)
        #expect(error.message.contains(path))
    }

    @Test("a zip that is neither DOCX nor ODT is a malformed error")
    func otherZip() throws {
        let url = try ZipFixture.write([("leggimi.txt", Data("ciao".utf8)), ("dati/x.csv", Data("a,b".utf8))],
                                       named: "archivio.docx")
        let error = try #require(ImportProbe.error(url))
        #expect(error.kind == .malformed)
        #expect(error.message.contains("neither"))
    }
}
