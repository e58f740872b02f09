import Foundation
import Testing
@testable import Quaderno

/// Tables keep their cells as ranges of one text: the case's own text for imported tables.
@Suite("Model: case tables")
struct CaseTableTests {
    @Test("cells cut from a shared text read the same as cells given as strings, spans and blanks included")
    func rangesOfATextEqualStrings() {
        let text = "Fase\tEsito\nAvvio\tok – sì\nChiusura\tuno\ndue\n"
        func range(_ part: String) -> Range<Int> {
            let found = text.range(of: part)!
            return text.utf8.distance(from: text.startIndex, to: found.lowerBound)
                ..< text.utf8.distance(from: text.startIndex, to: found.upperBound)
        }
        let shared = CaseTable(section: "Fasi", text: text,
                               cells: [range("Fase"), range("Esito"), range("Avvio"), range("ok – sì"),
                                       range("Chiusura"), range("uno\ndue"), range("Avvio"), 0..<0],
                               rowEnds: [2, 4, 6, 8])
        let strings = CaseTable(section: "Fasi", header: ["Fase", "Esito"],
                                rows: [["Avvio", "ok – sì"], ["Chiusura", "uno\ndue"], ["Avvio", ""]])
        #expect(shared.header == ["Fase", "Esito"])
        #expect(shared.rows == [["Avvio", "ok – sì"], ["Chiusura", "uno\ndue"], ["Avvio", ""]])
        #expect(shared == strings)
        var changed = shared
        changed.rows[1][0] = "Chiusa"
        #expect(changed != shared)
        #expect(changed.rows == [["Avvio", "ok – sì"], ["Chiusa", "uno\ndue"], ["Avvio", ""]])
        #expect(changed.header == ["Fase", "Esito"])
    }

    @Test("ragged rows and a missing header survive, and JSON keeps the section, header and rows keys")
    func raggedRowsAndJSON() throws {
        let table = CaseTable(section: "§", header: [], rows: [[""], ["a", "b\tc\n"], []])
        #expect(table.header == [])
        #expect(table.rows == [[""], ["a", "b\tc\n"], []])
        let json = try JSONEncoder().encode(table)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["section", "header", "rows"])
        #expect(object["rows"] as? [[String]] == [[""], ["a", "b\tc\n"], []])
        #expect(try JSONDecoder().decode(CaseTable.self, from: json) == table)
    }

    @Test("an imported table's copies of spanned cells read as the cell they repeat")
    func importedSpans() throws {
        let html = "<html><body><h2>Fasi</h2><table><tr><th>Fase</th><th>Chi</th><th>Quando</th></tr>"
            + "<tr><td colspan=\"2\">Avvio congiunto</td><td rowspan=\"2\">2021</td></tr>"
            + "<tr><td>Tavolo</td><td>SdS e ETS</td></tr></table></body></html>"
        let sheet = try ImportProbe.importText(html, named: "spans.html")
        #expect(sheet.tables.map(\.rows) == [[["Avvio congiunto", "Avvio congiunto", "2021"], ["Tavolo", "SdS e ETS", "2021"]]])
        // Copies are not written into the text again.
        #expect(sheet.text.components(separatedBy: "Avvio congiunto").count == 2)
        #expect(sheet.text.components(separatedBy: "2021").count == 2)
    }

    @Test("a row span interrupted by an overlapping cell still reads its text further down")
    func spanOverlappedMidway() throws {
        let html = "<html><body><h2>Fasi</h2><table><tr><th>A</th><th>B</th><th>C</th></tr>"
            + "<tr><td>a1</td><td rowspan=\"3\">lungo</td><td>c1</td></tr>"
            + "<tr><td colspan=\"2\">sopra</td><td>c2</td></tr>"
            + "<tr><td>a3</td><td>c3</td></tr></table></body></html>"
        let sheet = try ImportProbe.importText(html, named: "sovrapposte.html")
        #expect(sheet.tables.first?.rows == [["a1", "lungo", "c1"], ["sopra", "sopra", "c2"], ["a3", "lungo", "c3"]])
        #expect(sheet.text.components(separatedBy: "lungo").count == 2)
    }
}
