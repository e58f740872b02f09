import Foundation
import Testing
@testable import Quaderno

/// Every run of white space in a paragraph becomes one space, whatever it is made of; the builder
/// copies runs of ASCII words with their single spaces at once, so these tests mix single spaces,
/// longer runs, tabs, line breaks, no-break and typographic spaces with ASCII and accented words.
@Suite("White space in imported text")
struct WhiteSpaceTests {
    static let words = ["co-progettazione", "dell'avviso", "città", "è", "tavolo", "ETS", "€", "1.200,00", "perché",
                        "a", "x", "Società", "(art.", "55)", "rete;", "qualità", "d", "é", "OK", "—"]
    static let gaps = [" ", " ", " ", "  ", "\t", "\n", " \n ", "\u{A0}", " \u{2003}", "\u{202F}", "\r\n", "   \t "]

    /// Paragraphs of random words and gaps: what is written, and what the case text should hold.
    static func paragraphs(count: Int) -> [(html: String, expected: String)] {
        var generator = SeededGenerator(state: 3)
        return (0..<count).map { _ in
            let chosen = (0..<Int.random(in: 1...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            var html = Bool.random(using: &generator) ? gaps.randomElement(using: &generator)! : ""
            for (index, word) in chosen.enumerated() {
                if index > 0 { html += gaps.randomElement(using: &generator)! }
                html += word
            }
            if Bool.random(using: &generator) { html += gaps.randomElement(using: &generator)! }
            return (html, chosen.joined(separator: " "))
        }
    }

    @Test("runs of white space in HTML paragraphs read as one space, among accents and punctuation")
    func runsCollapse() throws {
        let paragraphs = Self.paragraphs(count: 300)
        let html = "<html><body><h1>Scheda</h1>"
            + paragraphs.map { "<p>\($0.html.replacingOccurrences(of: "€", with: "&euro;"))</p>" }.joined()
            + "</body></html>"
        let sheet = try Fixtures.importCase(try Fixtures.write(html, named: "spazi.html"))
        var position = sheet.text.startIndex
        for paragraph in paragraphs {
            let found = try #require(sheet.text.range(of: paragraph.expected, range: position..<sheet.text.endIndex),
                                     "\(paragraph.html.debugDescription)")
            position = found.upperBound
        }
        #expect(sheet.text.contains("  ") == false)
        #expect(sheet.text.contains("\t") == false)
        #expect(sheet.text.contains("\u{A0}") == false)
        expectOffsetsQuote(sheet)
    }
}
