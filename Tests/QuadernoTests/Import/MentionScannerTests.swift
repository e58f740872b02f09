import Foundation
import Testing
@testable import Quaderno

@Suite("Mention scanner")
struct MentionScannerTests {
    /// Every keyword form in every case, next to look-alike words, plus the real sheets.
    static func texts() throws -> [String] {
        let forms = ["D.Lgs. 117/2017", "d.lgs 117/2017", "DLgs 117/2017", "Decreto Legislativo n. 117 del 2017",
                     "L.R. 65/2020", "legge regionale 65/2020", "D.M. 72/2021", "DM 72/2021", "decreto ministeriale 72/2021",
                     "D. Ministero del Lavoro 72/2021", "L. 112/2016", "Legge 328/2000", "Det.n.60 del 13/03/2017",
                     "determina n. 5 del 1/2/2020", "DETERMINAZIONE n. 5", "Del. n. 3 del 15/02/2021",
                     "delibera di Giunta n. 5 del 3/3/2021", "Deliberazione n. 7", "decreto n. 9 del 2/2/2022",
                     "della delle dei degli del dello la le lo dl dm de dec det dell' legge leg l. d.",
                     "€ 51.726,00 €51.726 EURO 402.718,00 Eur 35.000 146mila euro 1,2 milioni di euro e 3 eu"]
        var texts = forms + [forms.joined(separator: " ")]
        for url in [Fixtures.seed] + (try InputFiles.collect([Fixtures.corpus.path]).map(\.url)) {
            texts.append(try Fixtures.importer.importFile(at: url).text)
        }
        return texts
    }

    @Test("the first-bytes tests never rule out a place where an amount or a reference starts")
    func prefilterIsSafe() throws {
        var checked = 0
        var found = 0
        var amounts = 0
        for var text in try Self.texts() {
            text.withUTF8 { bytes in
                let scanner = MentionScanner(bytes)
                for index in 0..<bytes.count {
                    if scanner.amount(at: index) != nil {
                        #expect(scanner.mayStartAmount(at: index), "an amount at byte \(index)")
                        amounts += 1
                    }
                    let references = scanner.references(at: index)
                    found += references.count
                    if scanner.mayStartReference(at: index) == false {
                        #expect(references.isEmpty, "a reference at byte \(index) of '\(String(decoding: bytes, as: UTF8.self).prefix(60))'")
                    }
                    checked += 1
                }
            }
        }
        #expect(found > 25 && amounts > 25 && checked > 20_000)
    }
}
