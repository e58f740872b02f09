import Foundation
import Testing
@testable import Quaderno

/// Byte-order marks, declared charsets and invalid bytes, on files generated in each encoding.
@Suite("Import: encodings")
struct EncodingTests {
    /// A summary with accents, a curly apostrophe, a euro amount and a character outside the BMP.
    static let sheet = """
        # Riassunto degli elementi

        ## Punti di forza

        - Città più vicina: € 1.200,00 all’anno 😀
        """
    static let element = "Città più vicina: € 1.200,00 all’anno 😀"

    @Test("UTF-8 with a BOM: the BOM is dropped, accents, euro and emoji survive")
    func utf8WithBOM() throws {
        let sheet = try ImportProbe.importBytes([0xEF, 0xBB, 0xBF] + Array(Self.sheet.utf8), named: "bom.txt")
        #expect(sheet.format == .sheet)
        #expect(sheet.text.hasPrefix("Riassunto degli elementi\n"), "no U+FEFF at the start")
        #expect(sheet.elements.map(\.text) == [Self.element])
        #expect(sheet.elements.first?.polarity == .positive)
        #expect(sheet.amounts.map(\.value) == [1200])
    }

    @Test("UTF-16 with a BOM, little- and big-endian", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let body = try #require(Self.sheet.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        let sheet = try ImportProbe.importBytes(bom + Array(body), named: bigEndian ? "be.txt" : "le.txt")
        #expect(sheet.format == .sheet)
        #expect(sheet.text.hasPrefix("Riassunto degli elementi\n"))
        #expect(sheet.elements.map(\.text) == [Self.element])
        #expect(sheet.amounts.map(\.text) == ["€ 1.200,00"])
    }

    @Test("UTF-16 with an unpaired surrogate: an encoding error at the surrogate's byte")
    func unpairedSurrogate() throws {
        // BOM, "ab", a lone high surrogate, "c": the surrogate starts at byte 2 + 4.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x62, 0x00, 0x00, 0xD8, 0x63, 0x00]
        let error = try #require(try ImportProbe.error(bytes, named: "surrogate.txt"))
        #expect(error.kind == .encoding)
        #expect(error.byteOffset == 6)
        #expect(error.description.contains("surrogate.txt"))
    }

    @Test("HTML declaring windows-1252: cp1252 bytes and entities decode to the same characters")
    func windows1252HTML() throws {
        let html = """
            <!DOCTYPE html><html><head><meta charset="windows-1252"><title>Prova</title></head><body>
            <h2>Riassunto degli elementi</h2><h3>Punti di forza</h3><ul>
            <li>Spesa di € 1.500,00 per l’anno, caffè incluso</li>
            <li>Spesa di &euro; 2.000,00, perch&egrave; l&#8217;ente c&rsquo;era</li>
            </ul></body></html>
            """
        let bytes = ImportProbe.singleByte(html, ["€": 0x80, "’": 0x92, "è": 0xE8])
        #expect(bytes.contains(0x80) && bytes.contains(0x92) && bytes.contains(0xE8))
        let sheet = try ImportProbe.importBytes(bytes, named: "cp1252.htm")
        #expect(sheet.format == .html)
        #expect(sheet.elements.map(\.text) == ["Spesa di € 1.500,00 per l’anno, caffè incluso",
                                               "Spesa di € 2.000,00, perchè l’ente c’era"])
        #expect(sheet.amounts.map(\.value) == [1500, 2000])
    }

    @Test("HTML declaring ISO-8859-15: 0xA4 is the euro sign, 0xBD is œ")
    func latin9HTML() throws {
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15"></head><body>
            <h2>Riassunto degli elementi</h2><h3>Criticità</h3><p>Costo: € 300,00 già speso per il cœur</p>
            </body></html>
            """
        let bytes = ImportProbe.singleByte(html, ["€": 0xA4, "œ": 0xBD, "à": 0xE0])
        let sheet = try ImportProbe.importBytes(bytes, named: "latin9.html")
        #expect(sheet.elements.map(\.text) == ["Costo: € 300,00 già speso per il cœur"])
        #expect(sheet.elements.first?.polarity == .negative)
        #expect(sheet.amounts.map(\.value) == [300])
    }

    @Test("HTML declaring ISO-8859-1: 0xA4 is ¤, and 0x80–0x9F read as windows-1252 as browsers do")
    func latin1HTML() throws {
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>
            <h2>Dati identificativi</h2><p>Ente proponente: Società ’della’ Salute ¤ </p></body></html>
            """
        let bytes = ImportProbe.singleByte(html, ["à": 0xE0, "’": 0x92, "¤": 0xA4])
        let sheet = try ImportProbe.importBytes(bytes, named: "latin1.html")
        #expect(sheet.attribute("ente_proponente") == "Società ’della’ Salute ¤")
        #expect(sheet.text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) } == false,
                "no C1 control characters in the text")
    }

    @Test("XML declaring encoding=\"windows-1252\"")
    func windows1252XML() throws {
        let xml = """
            <?xml version="1.0" encoding="windows-1252"?>
            <scheda><titolo>Scheda – prova</titolo>
            <sezione titolo="Dati identificativi"><campo etichetta="Ente proponente">Comune di Citt… </campo></sezione>
            <sezione titolo="Riassunto degli elementi"><elenco titolo="Elementi negativi">
            <elemento>Caffè e “ritardi” per € 50,00</elemento></elenco></sezione></scheda>
            """
        let bytes = ImportProbe.singleByte(xml, ["–": 0x96, "…": 0x85, "è": 0xE8, "“": 0x93, "”": 0x94, "€": 0x80])
        let sheet = try ImportProbe.importBytes(bytes, named: "cp1252.xml")
        #expect(sheet.format == .xml)
        #expect(sheet.title == "Scheda – prova")
        #expect(sheet.attribute("ente_proponente") == "Comune di Citt…")
        #expect(sheet.elements.map(\.text) == ["Caffè e “ritardi” per € 50,00"])
        #expect(sheet.elements.first?.polarity == .negative)
        #expect(sheet.amounts.map(\.value) == [50])
    }

    @Test("HTML named entities in XHTML (no DTD loaded) and in a hand-written XML sheet are decoded, not dropped",
          arguments: ["xhtml", "xml"])
    func namedEntitiesInXML(_ kind: String) throws {
        let value = "Citt&agrave; di Pisa&nbsp;&ndash; SdS Pisana &euro;&#160;5 &amp; l&rsquo;ente"
        let document = kind == "xhtml"
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>T&egrave;st</title></head><body><h2>Dati identificativi</h2><dl><dt>Ente proponente</dt>"
                + "<dd>\(value)</dd></dl></body></html>"
            : "<?xml version=\"1.0\"?>\n<scheda titolo=\"T&egrave;st\"><sezione titolo=\"Dati identificativi\">"
                + "<campo etichetta=\"Ente proponente\">\(value)</campo></sezione></scheda>"
        let sheet = try ImportProbe.importText(document, named: "entita.\(kind)")
        #expect(sheet.format.rawValue == kind)
        #expect(sheet.title == "Tèst")
        #expect(sheet.attribute("ente_proponente") == "Città di Pisa – SdS Pisana € 5 & l’ente")
        #expect(sheet.amounts.map(\.value) == [5])
        #expect(sheet.warnings.contains { $0.contains("well-formed") } == false, "\(sheet.warnings)")
    }

    struct BadBytes: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var offset: Int
        var testDescription: String { name }
    }

    static let badUTF8: [BadBytes] = {
        let head = Array("# Titolo\n\nUn testo con ".utf8)
        let html = Array("<html><meta charset=utf-8><p>caff".utf8)
        return [
            BadBytes(name: "latin-1 è", bytes: head + [0xE8] + Array(" sbagliato\n".utf8), offset: head.count),
            BadBytes(name: "lone continuation byte", bytes: head + [0x80, 0x41], offset: head.count),
            BadBytes(name: "overlong slash", bytes: head + [0xC0, 0xAF], offset: head.count),
            BadBytes(name: "encoded surrogate", bytes: head + [0xED, 0xA0, 0x80], offset: head.count),
            BadBytes(name: "truncated at the end", bytes: head + Array("ok ".utf8) + [0xE2, 0x82],
                     offset: head.count + 3),
            BadBytes(name: "after a BOM", bytes: [0xEF, 0xBB, 0xBF] + head + [0xFF], offset: head.count + 3),
            BadBytes(name: "HTML declaring utf-8", bytes: html + [0xE8] + Array("</p>".utf8), offset: html.count),
        ]
    }()

    @Test("invalid UTF-8 without a declared charset: encoding error at the exact byte, naming the file",
          arguments: badUTF8)
    func invalidUTF8(_ sample: BadBytes) throws {
        let error = try #require(try ImportProbe.error(sample.bytes, named: "rotto.txt"))
        #expect(error.kind == .encoding)
        #expect(error.byteOffset == sample.offset)
        #expect(error.file == "rotto.txt")
        #expect(error.description.hasPrefix("rotto.txt: byte \(sample.offset): "))
    }

    @Test("a byte windows-1252 leaves undefined (0x81) in a declared windows-1252 file: error at that byte")
    func undefinedWindows1252Byte() throws {
        let head = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>prezzo ".utf8)
        let error = try #require(try ImportProbe.error(head + [0x80, 0x81] + Array(" 10</p>".utf8), named: "cp.html"))
        #expect(error.kind == .encoding)
        #expect(error.byteOffset == head.count + 1)
        #expect(error.message.contains("0x81"))
        #expect(error.description.contains("cp.html"))
    }

    @Test("the search for a charset or format marker finds what a byte-by-byte search finds")
    func markerSearch() {
        var random = SeededGenerator(state: 7)
        // Short alphabets, so that patterns occur, partly occur and overlap often.
        let alphabet = Array("ehx=<-".utf8)
        let patterns = ["charset=", "encoding=", "<html", "dtd xhtml", "-->", "he", "=", "x", "ee=", "<-<"].map { Array($0.utf8) }
        var found = 0
        for round in 0..<400 {
            let count = Int(random.next() % 64)
            var bytes = (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let pattern = patterns[round % patterns.count]
            if round % 3 == 0, count > pattern.count {
                let at = Int(random.next() % UInt64(count - pattern.count))
                bytes.replaceSubrange(at..<at + pattern.count, with: pattern)
            }
            let start = count == 0 ? 0 : Int(random.next() % UInt64(count))
            let plain = (start..<max(start, bytes.count - pattern.count + 1)).first {
                Array(bytes[$0..<$0 + pattern.count]) == pattern
            }
            #expect(TextDecoding.firstIndex(of: pattern, in: bytes, from: start) == plain, "\(pattern) in \(bytes) from \(start)")
            if plain != nil { found += 1 }
        }
        #expect(found > 100)
    }
}
