import Foundation
import Testing
@testable import Quaderno

/// A file's text is decoded and parsed in pieces (about a megabyte each) so that a large file's text
/// is freed as it is parsed. Whatever the piece size, every file must give the same case.
@Suite("Import: text decoded and parsed in pieces")
struct TextPiecesTests {
    /// An importer that cuts every text into pieces of at most 64 bytes.
    static let smallPieces: Importer = {
        var importer = Fixtures.importer
        importer.pieceBytes = 64
        return importer
    }()

    static let realFiles: [URL] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.corpus.path)) ?? []
        let corpus = names.sorted().filter { !$0.hasPrefix("README") && !$0.hasSuffix(".csv") }.map(Fixtures.corpusFile)
        return corpus + [Fixtures.seed]
    }()

    @Test("every corpus file and the seed give the same case in 64-byte pieces as in megabyte pieces",
          arguments: realFiles)
    func realFileInSmallPieces(_ url: URL) throws {
        let whole = try Fixtures.importer.importFile(at: url, path: url.lastPathComponent)
        let pieces = try Self.smallPieces.importFile(at: url, path: url.lastPathComponent)
        #expect(pieces == whole)
    }

    /// A run of 600 bytes with no blank and no `>`: accented letters, emoji and entity references.
    static let longRun = String(repeating: "città&egrave;€😀&amp;l&rsquo;", count: 24)

    static let documents: [(name: String, text: String)] = [
        ("lungo.html", "<!DOCTYPE html [ <!ENTITY x \"ignored\"> ]>\n<html><head><title>Prova</title></head><body>"
            + "<h2>Dati identificativi</h2><p>Ente proponente: Comune di Pisa</p><h2>Riassunto</h2>"
            + "<p>\(longRun)</p><ul><li>Punto &ndash; \(longRun)</li></ul></body></html>"),
        ("lungo.xhtml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
            + "<head><title>T&egrave;st</title></head><body><h2>Dati</h2><p>\(longRun)</p></body></html>"),
        ("lungo.xml", "<?xml version=\"1.0\"?>\n<scheda titolo=\"T&egrave;st\"><sezione titolo=\"Dati identificativi\">"
            + "<campo etichetta=\"Ente proponente\">\(longRun)</campo></sezione></scheda>"),
        ("lungo.txt", "# Scheda\n\nEnte proponente\t\(longRun)\n\n## Riassunto\n\n- \(longRun)\n"),
    ]

    @Test("runs with no blank or '>' are cut between characters and before any '&', never inside one",
          arguments: documents.map(\.name))
    func longRunsInSmallPieces(_ name: String) throws {
        let text = try #require(Self.documents.first { $0.name == name }).text
        let url = try Fixtures.write(text, named: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let whole = try Fixtures.importer.importFile(at: url, path: name)
        let pieces = try Self.smallPieces.importFile(at: url, path: name)
        #expect(pieces == whole)
        #expect(whole.text.contains("città") && whole.text.contains("😀"))
        if name.hasSuffix("txt") == false {
            #expect(whole.text.contains("cittàè€😀&l’"), "entities decoded in \(name)")
        }
        #expect(whole.text.contains("ignored") == false)
    }

    @Test("cuts: the pieces rejoin into the text, stay within the size, start on a character and split no reference",
          arguments: [64, 100, 257])
    func cuts(_ size: Int) throws {
        let text = Self.documents.map(\.text).joined(separator: "\n") + Self.longRun
        let bytes = Array(text.utf8)
        let cuts = bytes.withUnsafeBufferPointer { TextPieces.cuts($0, from: 0, size: size) }
        let bounds = [0] + cuts + [bytes.count]
        #expect(cuts.count >= bytes.count / size)
        for (lower, upper) in zip(bounds, bounds.dropFirst()) {
            #expect(lower < upper && upper - lower <= size)
            #expect(upper == bytes.count || bytes[upper] & 0xC0 != 0x80, "a piece starts inside a character")
            let piece = bytes[lower..<upper]
            // An `&` near the end of a piece is followed by its `;` inside the piece.
            if let ampersand = piece.lastIndex(of: 0x26), upper - ampersand < 40, upper != bytes.count {
                #expect(piece[ampersand...].contains(0x3B), "a reference is split at byte \(upper)")
            }
        }
        let rejoined = zip(bounds, bounds.dropFirst()).map { String(decoding: bytes[$0..<$1], as: UTF8.self) }.joined()
        #expect(rejoined == text)
    }

    @Test("an invalid byte is reported at the same offset whatever the piece size", arguments: EncodingTests.badUTF8)
    func invalidByteInSmallPieces(_ sample: EncodingTests.BadBytes) throws {
        let error = try #require(try ImportProbe.error(sample.bytes, named: "rotto.txt", importer: Self.smallPieces))
        #expect(error.kind == .encoding)
        #expect(error.byteOffset == sample.offset)
    }

    @Test("windows-1252 is decoded piece by piece to the same case")
    func singleByteInSmallPieces() throws {
        let html = "<html><head><meta charset=\"windows-1252\"><title>Caffè</title></head><body><p>"
            + String(repeating: "perché–€“così”", count: 20) + "</p></body></html>"
        let bytes = ImportProbe.singleByte(html, ["è": 0xE8, "é": 0xE9, "ì": 0xEC, "–": 0x96, "€": 0x80,
                                                  "“": 0x93, "”": 0x94])
        let whole = try ImportProbe.importBytes(bytes, named: "cp1252.html")
        let pieces = try ImportProbe.importBytes(bytes, named: "cp1252.html", importer: Self.smallPieces)
        #expect(pieces == whole)
        #expect(whole.text.contains("perché–€“così”perché"))
    }
}
