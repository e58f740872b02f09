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

    @Test("mentions are looked for where a word starts, `€` anywhere, and their offsets are the text's scalars")
    func wordStarts() {
        let text = "Città: Det.n.60 del 13/03/2017; xDet.n.61 del 14/03/2017; a13/03/2017; è€ 5.000,00; x€ 7; D.Lgs. 117/2017"
        let found = MentionExtractor.mentions(in: text)
        let scalars = Array(text.unicodeScalars)
        func quoted(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
        // `xDet.n.61` starts inside a word and is no determina; its date, after a space, is a date.
        #expect(found.references.map(\.text) == ["Det.n.60 del 13/03/2017", "D.Lgs. 117/2017"])
        #expect(found.dates.map(\.value) == ["2017-03-13", "2017-03-14"])
        // `€` after a letter (ASCII or not) still starts an amount.
        #expect(found.amounts.map(\.value) == [5000, 7])
        for mention in found.references { #expect(quoted(mention.start, mention.end) == mention.text) }
        for mention in found.dates { #expect(quoted(mention.start, mention.end) == mention.text) }
        for mention in found.amounts { #expect(quoted(mention.start, mention.end) == mention.text) }
    }
}
