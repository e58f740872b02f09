import Foundation
import Testing
@testable import Quaderno

/// The real workshop sheet (`../shared/seeds/`), imported as a researcher would.
@Suite("Seed sheet")
struct SeedSheetTests {
    let sheet: Case

    init() throws {
        sheet = try Fixtures.importCase(Fixtures.seed)
    }

    @Test("identification data become the five attributes, territory from the gazetteer")
    func attributes() {
        #expect(sheet.format == .sheet)
        #expect(sheet.attribute("ente_proponente") == "Società della Salute Pistoiese")
        #expect(sheet.attribute("ambito_territoriale") == "Zona Pistoiese")
        #expect(sheet.territory == "Pistoiese")
        #expect(sheet.attribute("avviso")?.hasPrefix("Istruttoria pubblica finalizzata") == true)
        #expect(sheet.attribute("tipologia_ets")?.contains("Curia Vescovile") == true)
        #expect(sheet.attribute("motivazioni")?.hasPrefix("Del. n.26 del 28/09/2016") == true)
        #expect(sheet.attribute("motivazioni")?.contains("<i>") == false, "inline HTML becomes plain text")
    }

    @Test("the title block in ***...*** is the event title")
    func title() {
        #expect(sheet.title.hasPrefix("Co-progettare la co-programmazione e la co-progettazione"))
        #expect(sheet.title.hasSuffix("una ricognizione del contesto toscano"))
    }

    @Test("the page break continues one 3-column content table, header once; one procedural table")
    func tables() throws {
        let content = sheet.tables.filter { $0.section == "Elementi di contenuto dell'Avviso" }
        try #require(content.count == 1)
        #expect(content[0].header.count == 3)
        #expect(content[0].header[0] == "Descrizione delle attività richieste")
        #expect(content[0].rows.count == 2)
        #expect(content[0].rows.allSatisfy { $0.count == 3 })
        #expect(content[0].rows[1][0].contains("una proposta di assetto organizzativo"))
        #expect(content[0].rows.contains { $0[0] == content[0].header[0] } == false, "repeated header dropped")
        let procedural = sheet.tables.filter { $0.section == "Elementi procedurali" }
        #expect(procedural.count == 1)
        #expect(procedural.first?.header.count == 2)
        #expect(procedural.first?.rows.count == 1)
        #expect(sheet.tables.count == 2, "the identification table became attributes")
    }

    @Test("ten positive and three negative elements, bullets removed, split by the whitespace-only line")
    func elements() {
        let positive = sheet.elements.filter { $0.polarity == .positive }
        let negative = sheet.elements.filter { $0.polarity == .negative }
        #expect(positive.count == 10)
        #expect(negative.count == 3)
        #expect(positive.first?.text.hasPrefix("Nasce prima dell'emanazione") == true)
        #expect(negative.first?.text.hasPrefix("Resistenze iniziali") == true)
        #expect(sheet.elements.allSatisfy { $0.polaritySource == "group-order" })
        #expect(sheet.elements.contains { $0.text.contains("❑") || $0.text.hasPrefix("-") } == false)
        #expect(sheet.elements.contains { $0.text.contains("*") } == false, "emphasis markers removed")
        #expect(sheet.elements.map(\.id) == (1...13).map { "e\($0)" })
        expectOffsetsQuote(sheet)
    }

    @Test("euro amounts and the references of 13/03/2017, 28/09/2016 and 20/01/2016")
    func mentions() {
        #expect(sheet.amounts.map(\.value) == [51726.00, 308716.54, 78496.63])
        #expect(sheet.amounts.allSatisfy { $0.currency == "EUR" })
        let dated = sheet.references.compactMap(\.date)
        #expect(dated == ["2017-03-13", "2016-09-28", "2016-01-20"])
        #expect(sheet.references.first?.kind == "determina")
        #expect(sheet.references.first?.number == "60")
        #expect(sheet.references.contains { $0.kind == "delibera" && $0.number == "32" })
        #expect(sheet.dates.map(\.value).contains("2022-04-19"), "19 aprile 2022")
        expectOffsetsQuote(sheet)
    }

    @Test("the plain text keeps the content and drops markup")
    func plainText() {
        #expect(sheet.text.contains("<b>") == false)
        #expect(sheet.text.contains("<li>") == false)
        #expect(sheet.text.contains("creazione di una progettualità innovativa"))
        #expect(sheet.warnings.isEmpty, "\(sheet.warnings)")
    }
}
