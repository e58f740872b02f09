import Foundation
import Testing
@testable import Quaderno

/// The content decides the format; the extension only breaks ties.
@Suite("Import: format detection")
struct FormatDetectionTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var content: String
        var format: SourceFormat
        var testDescription: String { "\(name) read as \(format)" }
    }

    static let identification = "<h2>Dati identificativi</h2><table><tr><th>Ente proponente</th><td>SdS Pisana</td></tr></table>"
    static let xhtmlBody = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head><body>"
        + identification + "</body></html>"
    static let strictDoctype = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"

    static let samples: [Sample] = [
        Sample(name: "finto.txt", content: "<!DOCTYPE html>\n<html><body>\(identification)</body></html>", format: .html),
        Sample(name: "commento.txt", content: "<!-- esportato il 3/5 -->\n<!DOCTYPE html><html><body>\(identification)</body></html>",
               format: .html),
        Sample(name: "pagina.odt", content: "\n  <html><body>\(identification)</body></html>", format: .html),
        Sample(name: "pagina.xml", content: "<?xml version=\"1.0\"?>\n" + xhtmlBody, format: .xhtml),
        Sample(name: "pagina.txt", content: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + strictDoctype + xhtmlBody,
               format: .xhtml),
        Sample(name: "pagina.xhtml", content: strictDoctype + xhtmlBody, format: .xhtml),
        Sample(name: "pagina.html", content: strictDoctype + xhtmlBody, format: .html),
        Sample(name: "dati.txt", content: "<?xml version=\"1.0\"?>\n<scheda><sezione titolo=\"Dati identificativi\">"
               + "<campo etichetta=\"Ente proponente\">SdS Pisana</campo></sezione></scheda>", format: .xml),
        Sample(name: "dati.xml", content: "<scheda><sezione titolo=\"Dati identificativi\">"
               + "<campo etichetta=\"Ente proponente\">SdS Pisana</campo></sezione></scheda>", format: .xml),
        Sample(name: "scheda.html", content: "# Dati identificativi\n\nEnte proponente\tSdS Pisana\n", format: .sheet),
    ]

    @Test("content first, extension second", arguments: samples)
    func detect(_ sample: Sample) throws {
        let sheet = try ImportProbe.importText(sample.content, named: sample.name)
        #expect(sheet.format == sample.format)
        #expect(sheet.attribute("ente_proponente") == "SdS Pisana", "\(sheet.attributes)")
        #expect(sheet.territory == "Pisana")
    }

    @Test("a .html file that is really a Word document is read as DOCX")
    func zipNamedHTML() throws {
        let body = ZipFixture.paragraph("Dati identificativi", style: "Heading1")
            + ZipFixture.paragraph("Ente proponente: SdS Pisana")
        let sheet = try ImportProbe.importURL(try ZipFixture.docx(body: body, named: "documento.html"))
        #expect(sheet.format == .docx)
        #expect(sheet.attribute("ente_proponente") == "SdS Pisana")
    }

    @Test("plain text without headings or tables is format text: paragraphs only")
    func plainText() throws {
        let text = "Una nota qualsiasi, scritta di getto.\nContinua sulla riga dopo.\n\nSecondo paragrafo: 3 marzo 2021.\n"
        let sheet = try ImportProbe.importText(text, named: "nota.md")
        #expect(sheet.format == .text)
        #expect(sheet.tables.isEmpty)
        #expect(sheet.elements.isEmpty)
        #expect(sheet.text == "Una nota qualsiasi, scritta di getto. Continua sulla riga dopo.\n\n"
                + "Secondo paragrafo: 3 marzo 2021.\n")
        #expect(sheet.dates.map(\.value) == ["2021-03-03"])
    }

    @Test("the same words with one heading are a sheet")
    func sheetText() throws {
        let sheet = try ImportProbe.importText("# Nota\n\nUna nota qualsiasi.\n", named: "nota.txt")
        #expect(sheet.format == .sheet)
        #expect(sheet.text == "Nota\n\nUna nota qualsiasi.\n")
    }
}
