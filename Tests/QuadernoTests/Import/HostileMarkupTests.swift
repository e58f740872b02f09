import Foundation
import Testing
@testable import Quaderno

/// Hostile markup: external entities, entity expansion, extreme nesting and a very large page.
@Suite("Import: hostile markup", .timeLimit(.minutes(3)))
struct HostileMarkupTests {
    /// What a hostile file must give.
    enum Outcome: Sendable {
        /// A `QuadernoError` of this kind.
        case refused(QuadernoError.Kind)
        /// A case.
        case read
    }

    /// Imports `url` and checks the outcome; neither the case nor the error may contain `forbidden`.
    /// Returns the case when there is one.
    @discardableResult
    static func expect(_ url: URL, _ outcome: Outcome, never forbidden: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Case? {
        do {
            let sheet = try ImportProbe.importURL(url, sourceLocation: sourceLocation)
            if case .refused(let kind) = outcome {
                Issue.record("expected a \(kind) error, got a case", sourceLocation: sourceLocation)
            }
            for text in forbidden {
                #expect(sheet.text.contains(text) == false, "\(text)", sourceLocation: sourceLocation)
                #expect(sheet.attributes.contains { $0.value.contains(text) } == false, sourceLocation: sourceLocation)
            }
            return sheet
        } catch let error as QuadernoError {
            if case .refused(let kind) = outcome {
                #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            } else {
                Issue.record("expected a case, got \(error)", sourceLocation: sourceLocation)
            }
            #expect(error.description.hasPrefix(url.lastPathComponent), sourceLocation: sourceLocation)
            for text in forbidden { #expect(error.description.contains(text) == false, sourceLocation: sourceLocation) }
            return nil
        }
    }

    static let externalEntity = "<!DOCTYPE %@ [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> "
        + "<!ENTITY % remote SYSTEM \"file:///etc/passwd\"> %remote; ]>\n"

    static func doctype(_ root: String) -> String {
        externalEntity.replacingOccurrences(of: "%@", with: root)
    }

    @Test("XML with an external entity: /etc/passwd never reaches the case")
    func xmlExternalEntity() throws {
        let xml = "<?xml version=\"1.0\"?>\n" + Self.doctype("scheda") + "<scheda><sezione titolo=\"Dati identificativi\">"
            + "<campo etichetta=\"Ente proponente\">&xxe;</campo></sezione></scheda>"
        try Self.expect(try Fixtures.write(xml, named: "xxe.xml"), .refused(.unsafe), never: ["root:", "/bin/"])
    }

    @Test("XHTML with an external entity: /etc/passwd never reaches the case, the page still reads")
    func xhtmlExternalEntity() throws {
        let xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Self.doctype("html")
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Prova</title></head><body>"
            + "<h2>Dati identificativi</h2><p>Ente proponente: SdS Pisana &xxe;</p></body></html>"
        if let sheet = try Self.expect(try Fixtures.write(xhtml, named: "xxe.xhtml"), .read, never: ["root:", "/bin/"]) {
            #expect(sheet.format == .xhtml)
            #expect(sheet.territory == "Pisana")
            #expect(sheet.text.contains("ENTITY") == false, "the DTD is not page text")
        }
    }

    @Test("DOCX whose document.xml declares an external entity: /etc/passwd never reaches the case")
    func docxExternalEntity() throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Self.doctype("w:document")
            + "<w:document xmlns:w=\"\(ZipFixture.word)\"><w:body>" + ZipFixture.paragraph("Ente: &xxe;")
            + "</w:body></w:document>"
        let url = try ZipFixture.write(ZipFixture.docxEntries(document: document), named: "xxe.docx")
        try Self.expect(url, .refused(.unsafe), never: ["root:", "/bin/"])
    }

    /// Ten entities, each made of ten of the previous: 10^10 copies of "lol" if expanded.
    static func laughs(root: String) -> String {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        return "<!DOCTYPE \(root) [ \(declarations) ]>\n"
    }

    @Test("billion laughs: refused in XML and DOCX; XHTML falls back to the HTML parser, which expands nothing",
          arguments: ["xml", "xhtml", "docx"])
    func billionLaughs(_ kind: String) throws {
        let url: URL
        switch kind {
        case "xml":
            url = try Fixtures.write("<?xml version=\"1.0\"?>\n" + Self.laughs(root: "scheda")
                + "<scheda><paragrafo>&lol9;</paragrafo></scheda>", named: "laughs.xml")
        case "xhtml":
            url = try Fixtures.write("<?xml version=\"1.0\"?>\n" + Self.laughs(root: "html")
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&lol9;</p></body></html>", named: "laughs.xhtml")
        default:
            let document = "<?xml version=\"1.0\"?>\n" + Self.laughs(root: "w:document")
                + "<w:document xmlns:w=\"\(ZipFixture.word)\"><w:body>" + ZipFixture.paragraph("&lol9;")
                + "</w:body></w:document>"
            url = try ZipFixture.write(ZipFixture.docxEntries(document: document), named: "laughs.docx")
        }
        if let sheet = try Self.expect(url, kind == "xhtml" ? .read : .refused(.unsafe), never: ["lollollol"]) {
            #expect(sheet.text.unicodeScalars.count < 10_000)
        }
    }

    @Test("100,000 nested <div>s in HTML: the innermost text is kept, no stack overflow")
    func deepHTML() throws {
        let depth = 100_000
        let html = "<html><body><h2>Dati identificativi</h2><p>Ente proponente: SdS Pisana</p>"
            + String(repeating: "<div>", count: depth) + "profondo" + String(repeating: "</div>", count: depth)
            + "<p>dopo</p></body></html>"
        let sheet = try ImportProbe.importURL(try Fixtures.write(html, named: "profondo.html"))
        #expect(sheet.text.contains("profondo\ndopo\n"))
        #expect(sheet.attribute("ente_proponente") == "SdS Pisana")
    }

    @Test("100,000 nested unclosed <table><tr><td>s in HTML: bounded, no stack overflow")
    func deepTables() throws {
        let html = "<html><body>" + String(repeating: "<table><tr><td>x", count: 100_000) + "fine"
        let sheet = try ImportProbe.importURL(try Fixtures.write(html, named: "tabelle.html"))
        #expect(sheet.text.contains("fine"))
    }

    @Test("100,000 nested XML elements: read, deep structure flattened, no stack overflow", arguments: ["xml", "xhtml"])
    func deepXML(_ kind: String) throws {
        let depth = 100_000
        let open = kind == "xml" ? "<scheda>" : "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
        let close = kind == "xml" ? "</scheda>" : "</body></html>"
        let xml = "<?xml version=\"1.0\"?>\n" + open + String(repeating: "<a>", count: depth) + "profondo"
            + String(repeating: "</a>", count: depth) + close
        if let sheet = try Self.expect(try Fixtures.write(xml, named: "profondo.\(kind)"), .read, never: []) {
            #expect(sheet.text.contains("profondo"))
            if kind == "xml" { #expect(sheet.warnings.contains { $0.contains("nested deeper than") }) }
        }
    }

    @Test("an 87 KB page whose colspans would pad a table to 400 million cells is refused, not laid out")
    func spanAmplification() throws {
        let wide = "<tr>" + String(repeating: "<td colspan=\"100\">w</td>", count: 2000) + "</tr>"
        let rows = (0..<2000).map { "<tr><td>\($0)</td></tr>" }.joined()
        let url = try Fixtures.write("<html><body><table>" + wide + rows + "</table></body></html>", named: "largo.html")
        let error = try #require(ImportProbe.error(url))
        #expect(error.kind == .unsafe)
        #expect(error.message.contains("cells"))
    }

    /// One row as Word's "Save as web page" writes it: inline styles on every cell, paragraph and run.
    static func wordRow(_ index: Int) -> String {
        let cell = "<td width=205 valign=top style='width:153.8pt;border:solid windowtext 1.0pt;border-top:none;"
            + "padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal style='margin-bottom:0cm;line-height:normal'>"
            + "<span lang=IT style='font-size:10.0pt;font-family:\"Arial\",sans-serif;color:black'>"
        return "<tr style='mso-yfti-irow:\(index);height:14.2pt'>" + cell + "\(index)</span></p></td>"
            + cell + "Riga generata numero \(index)</span></p></td>" + cell + "voce \(index % 97)</span></p></td></tr>\n"
    }

    @Test("a 50 MB HTML table in Word's web-page shape is read whole: every generated row is there")
    func largeHTML() throws {
        var html = "<html><body lang=IT><h2>Elementi di contenuto</h2><table class=MsoTableGrid border=1>"
            + "<tr><th>Numero</th><th>Descrizione</th><th>Importo</th></tr>\n"
        html.reserveCapacity(52 << 20)
        var rows = 0
        while html.utf8.count < 50 << 20 {
            html += Self.wordRow(rows)
            rows += 1
        }
        html += "</table><p>fine</p></body></html>"
        let sheet = try ImportProbe.importBytes(Array(html.utf8), named: "grande.html")
        let table = try #require(sheet.tables.first)
        #expect(sheet.tables.count == 1)
        #expect(table.header == ["Numero", "Descrizione", "Importo"])
        #expect(table.rows.count == rows)
        #expect(table.rows.last == ["\(rows - 1)", "Riga generata numero \(rows - 1)", "voce \((rows - 1) % 97)"])
        #expect(sheet.text.hasSuffix("fine\n"))
    }
}
