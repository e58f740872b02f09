import Foundation
import Testing
@testable import Quaderno

/// Minimal DOCX and ODT documents written in the test: styles, spans, merges, lists.
@Suite("Import: DOCX and ODT")
struct OfficeImportTests {
    static func cell(_ text: String, properties: String = "") -> String {
        "<w:tc>" + (properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>") + ZipFixture.paragraph(text) + "</w:tc>"
    }

    static func row(_ cells: String..., header: Bool = false) -> String {
        "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + cells.joined() + "</w:tr>"
    }

    static let docxBody: String = {
        typealias Z = ZipFixture
        return Z.paragraph("Scheda Word di prova", style: "Title")
            + Z.paragraph("Dati identificativi", style: "Heading1")
            + "<w:tbl>" + row(cell("Ente proponente"), cell("Società della Salute Pisana"))
            + row(cell("Ambito territoriale"), cell("Zona pisana")) + "</w:tbl>"
            + Z.paragraph("Elementi di contenuto dell'Avviso", style: "Heading1")
            + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + row(cell("Attività"), cell("Schema"), cell("Risorse"), header: true)
            + row(cell("Unito", properties: "<w:gridSpan w:val=\"2\"/>"),
                  cell("Fuso", properties: "<w:vMerge w:val=\"restart\"/>"))
            + row(cell("a2"), cell("s2"), cell("", properties: "<w:vMerge/>"))
            + row(cell("a3"), cell("s3"), cell("€ 9,00")) + "</w:tbl>"
            + Z.paragraph("Riassunto degli elementi", style: "Heading1")
            + Z.paragraph("Punti di forza", style: "Heading2")
            + Z.paragraph("Fiducia tra enti", listLevel: 0)
            + Z.paragraph("Rete attiva", listLevel: 0)
            + Z.paragraph("Sotto-punto della rete", listLevel: 1)
            + Z.paragraph("Criticità", style: "Heading2")
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
            + "<w:r><w:t>Tempi </w:t></w:r><w:del><w:r><w:delText>CANCELLATO</w:delText></w:r></w:del>"
            + "<w:r><w:rPr><w:b/></w:rPr><w:t>lunghi</w:t></w:r>"
            + "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
            + Z.paragraph("Costi alti", style: "ListParagraph")
    }()

    @Test("DOCX: Title, Heading1/Heading2, label/value table, gridSpan and vMerge, numbered list items")
    func docx() throws {
        let sheet = try ImportProbe.importURL(try ZipFixture.docx(body: Self.docxBody))
        #expect(sheet.format == .docx)
        #expect(sheet.title == "Scheda Word di prova")
        #expect(sheet.attribute("ente_proponente") == "Società della Salute Pisana")
        #expect(sheet.territory == "Pisana")
        try #require(sheet.tables.count == 1)
        #expect(sheet.tables[0].section == "Elementi di contenuto dell'Avviso")
        #expect(sheet.tables[0].header == ["Attività", "Schema", "Risorse"])
        #expect(sheet.tables[0].rows == [["Unito", "Unito", "Fuso"], ["a2", "s2", "Fuso"], ["a3", "s3", "€ 9,00"]])
        let positive = sheet.elements.filter { $0.polarity == .positive }
        let negative = sheet.elements.filter { $0.polarity == .negative }
        #expect(positive.map(\.text) == ["Fiducia tra enti", "Rete attiva", "Sotto-punto della rete"])
        #expect(negative.map(\.text) == ["Tempi lunghi", "Costi alti"])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "heading" })
        #expect(sheet.text.contains("CANCELLATO") == false && sheet.text.contains("PAGE") == false)
        #expect(sheet.amounts.map(\.value) == [9])
    }

    static let odtBody = """
        <text:sequence-decls><text:sequence-decl text:name="Figura"/></text:sequence-decls>
        <text:p text:style-name="Title">Scheda ODT di prova</text:p>
        <text:h text:outline-level="1">Dati identificativi</text:h>
        <table:table table:name="Dati"><table:table-column table:number-columns-repeated="2"/>
        <table:table-row><table:table-cell><text:p>Ente proponente</text:p></table:table-cell>\
        <table:table-cell><text:p>Comune di Prato</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>Ambito territoriale</text:p></table:table-cell>\
        <table:table-cell><text:p>Zona pratese<text:note><text:note-body><text:p>NOTA</text:p></text:note-body></text:note></text:p>\
        </table:table-cell></table:table-row></table:table>
        <text:h text:outline-level="1">Elementi procedurali</text:h>
        <table:table table:name="Passi"><table:table-column table:number-columns-repeated="3"/>
        <table:table-header-rows><table:table-row><table:table-cell><text:p>Fase</text:p></table:table-cell>\
        <table:table-cell><text:p>Chi</text:p></table:table-cell><table:table-cell><text:p>Quando</text:p>\
        </table:table-cell></table:table-row></table:table-header-rows>
        <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Avvio congiunto</text:p>\
        </table:table-cell><table:covered-table-cell><text:p>NASCOSTO</text:p></table:covered-table-cell>\
        <table:table-cell table:number-rows-spanned="2"><text:p>2021</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>Tavolo</text:p></table:table-cell>\
        <table:table-cell><text:p>SdS<text:s text:c="3"/>e ETS</text:p></table:table-cell><table:covered-table-cell/>\
        </table:table-row></table:table>
        <text:h text:outline-level="1">Riassunto degli elementi</text:h>
        <text:h text:outline-level="2">Aspetti positivi</text:h>
        <text:list><text:list-item><text:p>Fiducia</text:p></text:list-item>\
        <text:list-item><text:p>Rete<text:tab/>attiva</text:p><text:list><text:list-item><text:p>Sotto</text:p>\
        </text:list-item></text:list></text:list-item></text:list>
        <text:h text:outline-level="2">Criticità</text:h>
        <text:list><text:list-item><text:p>Tempi lunghi</text:p></text:list-item></text:list>
        """

    @Test("ODT: text:h, tables with column and row spans and covered cells, header rows, nested lists")
    func odt() throws {
        let sheet = try ImportProbe.importURL(try ZipFixture.odt(text: Self.odtBody))
        #expect(sheet.format == .odt)
        #expect(sheet.title == "Scheda ODT di prova")
        #expect(sheet.attribute("ente_proponente") == "Comune di Prato")
        #expect(sheet.attribute("ambito_territoriale") == "Zona pratese")
        #expect(sheet.territory == "Pratese")
        try #require(sheet.tables.count == 1)
        #expect(sheet.tables[0].header == ["Fase", "Chi", "Quando"])
        #expect(sheet.tables[0].rows == [["Avvio congiunto", "Avvio congiunto", "2021"], ["Tavolo", "SdS e ETS", "2021"]])
        #expect(sheet.elements.map(\.text) == ["Fiducia", "Rete attiva", "Sotto", "Tempi lunghi"])
        #expect(sheet.elements.map(\.polarity) == [.positive, .positive, .positive, .negative])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "heading" })
        for hidden in ["NASCOSTO", "NOTA", "Figura"] { #expect(sheet.text.contains(hidden) == false, "\(hidden)") }
    }

    @Test("an OpenDocument spreadsheet is refused as not a text document")
    func spreadsheet() throws {
        let url = try ZipFixture.odt(text: "<text:p>x</text:p>", mimetype: "application/vnd.oasis.opendocument.spreadsheet",
                                     named: "conti.ods")
        let error = try #require(ImportProbe.error(url))
        #expect(error.kind == .malformed)
        #expect(error.message.contains("spreadsheet"))
    }
}
