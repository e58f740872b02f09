import Foundation
import Testing
@testable import Quaderno

/// The sheet text export and Markdown: tables, page breaks, bullets, emphasis, inline HTML, polarity.
@Suite("Import: sheet text")
struct SheetTextTests {
    static let contentHeading = "# Elementi di contenuto dell'Avviso"

    @Test("a pipe table: the |---| line marks the header, \\| is a literal bar, alignment colons ignored")
    func pipeTable() throws {
        let text = """
            # Elementi procedurali

            | Fase | Esito |
            |:---|---:|
            | Avvio | **ok** |
            | Chiusura | fatto \\| chiuso |
            """
        let sheet = try ImportProbe.importText(text, named: "pipe.md")
        #expect(sheet.format == .sheet)
        try #require(sheet.tables.count == 1)
        #expect(sheet.tables[0].section == "Elementi procedurali")
        #expect(sheet.tables[0].header == ["Fase", "Esito"])
        #expect(sheet.tables[0].rows == [["Avvio", "ok"], ["Chiusura", "fatto | chiuso"]])
        #expect(sheet.text.contains("---") == false)
        #expect(sheet.attributes.isEmpty, "a table with a header row is not label/value data")
    }

    @Test("horizontal rules are three or more of one mark with optional spaces; list items and mixed marks are not",
          arguments: [("---", true), ("* * *", true), ("___ _", true), ("--", false), ("- item", false),
                      ("-*-", false), ("- - x", false), ("- \u{301}--", false), ("—--", false)])
    func rules(line: String, isRule: Bool) {
        #expect(SheetTextParser.isRule(line) == isRule)
    }

    static func tabSection(header: String, row: String) -> String {
        "\(contentHeading)\n\n\(header)\n\(row)\n"
    }

    @Test("a TAB table continued after a page break that repeats heading and header row is one table")
    func pageBreakContinuation() throws {
        let header = "**Attività**\t**Schema**\t**Risorse**"
        let text = Self.tabSection(header: header, row: "a1\ts1\t€ 10,00")
            + "\n\n" + Self.tabSection(header: header, row: "a2\ts2\t€ 20,00")
            + "\n# Elementi procedurali\n\nFine.\n"
        let sheet = try ImportProbe.importText(text, named: "continua.txt")
        try #require(sheet.tables.count == 1)
        #expect(sheet.tables[0].header == ["Attività", "Schema", "Risorse"])
        #expect(sheet.tables[0].rows == [["a1", "s1", "€ 10,00"], ["a2", "s2", "€ 20,00"]])
        #expect(sheet.text.components(separatedBy: "Elementi di contenuto").count == 2, "heading once")
        #expect(sheet.text.components(separatedBy: "Attività").count == 2, "header row once")
        #expect(sheet.amounts.map(\.value) == [10, 20])
    }

    @Test("a repeated section whose table has a different header keeps two tables")
    func differentHeaderStaysApart() throws {
        let text = Self.tabSection(header: "**Attività**\t**Schema**\t**Risorse**", row: "a1\ts1\tr1")
            + "\n" + Self.tabSection(header: "**Fase**\t**Chi**\t**Quando**", row: "f1\tc1\tq1")
        let sheet = try ImportProbe.importText(text, named: "due.txt")
        try #require(sheet.tables.count == 2)
        #expect(sheet.tables.map(\.header) == [["Attività", "Schema", "Risorse"], ["Fase", "Chi", "Quando"]])
        #expect(sheet.tables.map(\.rows) == [[["a1", "s1", "r1"]], [["f1", "c1", "q1"]]])
        #expect(sheet.tables.allSatisfy { $0.section == "Elementi di contenuto dell'Avviso" })
    }

    @Test("bullets -, *, +, •, ❑, ▪, 1. and emphasis markers are removed from element text")
    func bulletsAndEmphasis() throws {
        let text = """
            # Riassunto degli elementi

            ## Punti di forza

            - primo trattino
            * secondo asterisco
            + terzo più
            • quarto pallino
            ❑ quinto quadrato
            ▪ sesto quadratino
            1. settimo numero
            - ❑ ottavo doppio

            ## Criticità

            - *corsivo* nono
            - **grassetto** decimo
            - ***entrambi*** undicesimo
            2) dodicesimo 3*4
            """
        let sheet = try ImportProbe.importText(text, named: "punti.txt")
        let positive = sheet.elements.filter { $0.polarity == .positive }
        let negative = sheet.elements.filter { $0.polarity == .negative }
        #expect(positive.map(\.text) == ["primo trattino", "secondo asterisco", "terzo più", "quarto pallino",
                                         "quinto quadrato", "sesto quadratino", "settimo numero", "ottavo doppio"])
        #expect(negative.map(\.text) == ["corsivo nono", "grassetto decimo", "entrambi undicesimo", "dodicesimo 3*4"])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "heading" })
        #expect(positive.allSatisfy { $0.polarityEvidence == "Punti di forza" })
        #expect(negative.allSatisfy { $0.polarityEvidence == "Criticità" })
        #expect(sheet.elements.map(\.id) == (1...12).map { "e\($0)" })
        #expect(sheet.warnings.contains { $0.contains("summary") || $0.contains("polarity") } == false, "\(sheet.warnings)")
    }

    @Test("inline markup is recognised by a tag or an entity, not by a stray < or &",
          arguments: [
              ("<li>uno</li>", true), ("testo </p>", true), ("<!-- nota -->", true), ("<èlemento>", true),
              ("&egrave; così", true), ("costo &#8364; 5", true), ("&agrave;", true),
              ("a < b e c > d", false), ("AT&T e soci", false), ("& poi;", false), ("fine <", false), ("fine &", false),
              ("&abcdefghijklmnop;", false), ("&abcdefghijk;", true), ("nessun segno", false), ("", false),
          ])
    func markupDetection(text: String, expected: Bool) {
        #expect(MarkupFragment.containsMarkup(Substring(text)) == expected)
    }

    @Test("inline HTML in a cell gives list items; side-by-side polarity columns give column elements")
    func inlineHTMLCells() throws {
        let text = """
            # Elementi procedurali

            <b>Passaggi</b>\t<b>Gestione</b>
            <ul><li>avviso</li><li>tavolo &amp; accordo</li></ul>\t<p>Tavolo <i>coordinato</i></p><p>dalla SdS</p>

            # Sintesi

            <b>Punti di forza</b>\t<b>Criticità</b>
            <ul><li>fiducia</li><li>rete</li></ul>\t<ul><li>tempi lunghi</li></ul>
            """
        let sheet = try ImportProbe.importText(text, named: "celle.txt")
        try #require(sheet.tables.count == 2)
        #expect(sheet.tables[0].header == ["Passaggi", "Gestione"])
        #expect(sheet.tables[0].rows == [["avviso\ntavolo & accordo", "Tavolo coordinato\ndalla SdS"]])
        #expect(sheet.text.contains("<") == false)
        #expect(sheet.elements.map(\.text) == ["fiducia", "rete", "tempi lunghi"])
        #expect(sheet.elements.map(\.polarity) == [.positive, .positive, .negative])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "column" })
        #expect(sheet.elements.map(\.polarityEvidence) == ["Punti di forza", "Punti di forza", "Criticità"])
    }

    @Test("**Aspetti positivi** / **Aspetti negativi** labels under a combined heading give polarity by label")
    func labels() throws {
        let text = """
            # Riassunto degli elementi positivi e negativi

            **Aspetti positivi**

            - uno
            - due

            **Aspetti negativi:**

            - tre
            """
        let sheet = try ImportProbe.importText(text, named: "etichette.md")
        #expect(sheet.elements.map(\.text) == ["uno", "due", "tre"])
        #expect(sheet.elements.map(\.polarity) == [.positive, .positive, .negative])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "label" })
        #expect(sheet.elements.map(\.polarityEvidence) == ["Aspetti positivi", "Aspetti positivi", "Aspetti negativi:"])
    }

    static let combined = "# Riassunto degli elementi che contraddistinguono positivamente e negativamente "
        + "l'esperienza raccontata"

    @Test("two groups under the combined heading: positives first (group-order)")
    func twoGroups() throws {
        let sheet = try ImportProbe.importText(Self.combined + "\n\n- a\n- b\n  \n- c\n", named: "due-gruppi.txt")
        #expect(sheet.elements.map(\.text) == ["a", "b", "c"])
        #expect(sheet.elements.map(\.polarity) == [.positive, .positive, .negative])
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "group-order" })
    }

    @Test("three groups under the combined heading: unspecified, and a warning says why")
    func threeGroups() throws {
        let sheet = try ImportProbe.importText(Self.combined + "\n\n- a\n- b\n\n- c\n\n- d\n", named: "tre.txt")
        #expect(sheet.elements.map(\.text) == ["a", "b", "c", "d"])
        #expect(sheet.elements.allSatisfy { $0.polarity == .unspecified && $0.polaritySource == "none" })
        #expect(sheet.warnings.contains { $0.contains("3 group(s)") }, "\(sheet.warnings)")
    }

    @Test("a sheet without a summary section warns that it has no elements")
    func noSummary() throws {
        let text = "# Dati identificativi\n\n<b>Ente proponente</b>\tSdS Pisana\n\n# Elementi procedurali\n\nNiente.\n"
        let sheet = try ImportProbe.importText(text, named: "senza.txt")
        #expect(sheet.elements.isEmpty)
        #expect(sheet.attribute("ente_proponente") == "SdS Pisana")
        #expect(sheet.territory == "Pisana")
        #expect(sheet.warnings.contains { $0.hasPrefix("no summary section") }, "\(sheet.warnings)")
    }

    @Test("CRLF line ends and a ***title*** block")
    func crlfAndTitle() throws {
        let text = "***Scheda di prova***\r\n\r\n# Riassunto degli elementi\r\n\r\n## Criticità\r\n\r\n- ritardi\r\n"
        let sheet = try ImportProbe.importText(text, named: "crlf.txt")
        #expect(sheet.title == "Scheda di prova")
        #expect(sheet.text.contains("\r") == false)
        #expect(sheet.elements.map(\.text) == ["ritardi"])
        #expect(sheet.elements.first?.polarity == .negative)
    }
}
