import Foundation
import Testing
@testable import Quaderno

/// HTML through libxml2's forgiving parser: spans, nesting, broken markup, attributes, polarity columns.
@Suite("Import: HTML")
struct HTMLImportTests {
    static func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Prova</title>\(head)</head><body>\n\(body)\n</body></html>"
    }

    @Test("colspan and rowspan resolve into a rectangular grid with spanned copies repeated")
    func spans() throws {
        let html = Self.page("""
            <h2>Elementi di contenuto</h2>
            <table>
              <tr><th>A</th><th>B</th><th>C</th><th>D</th></tr>
              <tr><td rowspan="3">r1</td><td colspan="2">largo</td><td>d1</td></tr>
              <tr><td>x</td><td rowspan="2" colspan="2">blocco</td></tr>
              <tr><td>y</td></tr>
              <tr><td colspan="4">totale € 5,00</td></tr>
              <tr><td>solo</td></tr>
            </table>
            """)
        let sheet = try ImportProbe.importText(html, named: "spans.html")
        try #require(sheet.tables.count == 1)
        let table = sheet.tables[0]
        #expect(table.header == ["A", "B", "C", "D"])
        #expect(table.rows == [
            ["r1", "largo", "largo", "d1"],
            ["r1", "x", "blocco", "blocco"],
            ["r1", "y", "blocco", "blocco"],
            ["totale € 5,00", "totale € 5,00", "totale € 5,00", "totale € 5,00"],
            ["solo", "", "", ""],
        ])
        #expect(sheet.text.components(separatedBy: "blocco").count == 2, "spanned copies are not repeated in the text")
        #expect(sheet.amounts.map(\.value) == [5])
    }

    @Test("overlapping spans do not leak a covered cell into later rows")
    func overlappingSpans() throws {
        let html = Self.page("""
            <h2>Tabella</h2><table>
            <tr><th>A</th><th>B</th><th>C</th></tr>
            <tr><td>a1</td><td rowspan="2">b1</td><td>c1</td></tr>
            <tr><td colspan="3">tutto</td></tr>
            <tr><td>a3</td><td>b3</td><td>c3</td></tr>
            </table>
            """)
        let sheet = try ImportProbe.importText(html, named: "sovrapposte.html")
        let rows = try #require(sheet.tables.first?.rows)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(rows.first == ["a1", "b1", "c1"])
        #expect(rows.last.map { Array($0.prefix(3)) } == ["a3", "b3", "c3"])
    }

    @Test("a nested table is kept as the outer cell's content")
    func nestedTable() throws {
        let html = Self.page("""
            <h2>Elementi procedurali</h2><table><tr><th>Passi</th><th>Note</th></tr>
            <tr><td>prima<table><tr><td>n1</td><td>n2</td></tr><tr><td>n3</td><td></td></tr></table></td><td>dopo</td></tr>
            </table>
            """)
        let sheet = try ImportProbe.importText(html, named: "annidata.html")
        try #require(sheet.tables.count == 1)
        #expect(sheet.tables[0].header == ["Passi", "Note"])
        #expect(sheet.tables[0].rows == [["prima\nn1 | n2\nn3", "dopo"]])
    }

    @Test("malformed HTML (unclosed td, li and p, stray </div>, no </body>) is repaired with the right rows")
    func malformed() throws {
        let html = """
            <HTML><HEAD><TITLE>Scheda rotta</TITLE></HEAD><BODY>
            <H2>Elementi procedurali</H2>
            <TABLE BORDER=1>
            <TR><TH>Fase<TH>Esito
            <TR><TD>Avvio<TD>ok
            </DIV>
            <TR><TD>Chiusura<TD><UL><LI>uno<LI>due</UL>
            </TABLE>
            <P>Paragrafo uno
            <P>Paragrafo <B>due</SPAN>
            <H2>Riassunto degli elementi</H2><H3>Criticità</H3><UL><LI>tempi<LI>costi
            """
        let sheet = try ImportProbe.importText(html, named: "rotta.html")
        #expect(sheet.format == .html)
        #expect(sheet.title == "Scheda rotta")
        try #require(sheet.tables.count == 1)
        #expect(sheet.tables[0].header == ["Fase", "Esito"])
        #expect(sheet.tables[0].rows == [["Avvio", "ok"], ["Chiusura", "uno\ndue"]])
        #expect(sheet.text.contains("Paragrafo uno\nParagrafo due\n"))
        #expect(sheet.elements.map(\.text) == ["tempi", "costi"])
        #expect(sheet.elements.allSatisfy { $0.polarity == .negative })
    }

    @Test("a two-column label/value table gives attributes, anywhere its labels are header cells")
    func labelValueTable() throws {
        let html = Self.page("""
            <h2>Scheda</h2>
            <table><tr><th>Ente proponente</th><td>Comune di Prato</td></tr>
            <tr><td><strong>Ambito territoriale:</strong></td><td>Zona   Pratese</td></tr>
            <tr><td><b>Tipologia di ETS coinvolti</b></td><td>APS<br>cooperative</td></tr></table>
            """)
        let sheet = try ImportProbe.importText(html, named: "attributi.html")
        #expect(sheet.attribute("ente_proponente") == "Comune di Prato")
        #expect(sheet.attribute("ambito_territoriale") == "Zona Pratese")
        #expect(sheet.attribute("tipologia_ets") == "APS\ncooperative")
        #expect(sheet.territory == "Pratese")
        #expect(sheet.tables.isEmpty)
    }

    @Test("a <dl> gives attributes")
    func definitionList() throws {
        let html = Self.page("""
            <h2>Dati identificativi</h2>
            <dl><dt>Ente proponente</dt><dd>SdS Pisana</dd><dt>Nome dell&rsquo;Avviso</dt><dd>Avviso n. 3</dd></dl>
            """)
        let sheet = try ImportProbe.importText(html, named: "dl.html")
        #expect(sheet.attribute("ente_proponente") == "SdS Pisana")
        #expect(sheet.attribute("avviso") == "Avviso n. 3")
        #expect(sheet.attributes.first { $0.key == "avviso" }?.label == "Nome dell’Avviso")
        #expect(sheet.territory == "Pisana")
    }

    @Test("side-by-side Punti di forza | Criticità columns give polarity by column")
    func polarityColumns() throws {
        let html = Self.page("""
            <h2>Riassunto</h2>
            <table><thead><tr><th>Punti di forza</th><th>Criticità</th></tr></thead>
            <tbody><tr><td><ul><li>fiducia</li><li>rete &euro; 7</li></ul></td><td><p>tempi</p><p>costi</p></td></tr>
            <tr><td>ascolto</td><td></td></tr></tbody></table>
            """)
        let sheet = try ImportProbe.importText(html, named: "colonne.html")
        #expect(sheet.elements.map(\.text) == ["fiducia", "rete € 7", "tempi", "costi", "ascolto"])
        #expect(sheet.elements.map(\.polarity) == [.positive, .positive, .negative, .negative, .positive])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "column" })
        #expect(sheet.elements.map(\.polarityEvidence) == ["Punti di forza", "Punti di forza", "Criticità",
                                                           "Criticità", "Punti di forza"])
    }

    @Test("script, style and other hidden elements never reach the text; entities are decoded")
    func hiddenAndEntities() throws {
        let html = Self.page("""
            <script>var segreto = "root:x:0:0";</script>
            <h2>Riassunto degli elementi</h2><noscript>abilita javascript</noscript>
            <h3>Punti di forza</h3><ul><li>Budget di &euro;&nbsp;1.000,00 &amp; &laquo;fiducia&raquo;<style>li{color:red}</style></li>
            <li>Caff&egrave; &#8212; &#x2019;ok&#8217;</li></ul>
            """, head: "<style>body { font-family: serif }</style><script src=\"x.js\">alert(1)</script>")
        let sheet = try ImportProbe.importText(html, named: "nascosti.html")
        for hidden in ["segreto", "root:", "color", "font-family", "alert", "javascript"] {
            #expect(sheet.text.contains(hidden) == false, "\(hidden)")
        }
        #expect(sheet.elements.map(\.text) == ["Budget di € 1.000,00 & «fiducia»", "Caffè — ’ok’"])
        #expect(sheet.amounts.map(\.value) == [1000])
        #expect(sheet.title == "Prova")
    }
}
