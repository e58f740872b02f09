import Testing
@testable import Quaderno

@Suite("inspect's case summary")
struct CaseSummaryTests {
    @Test("clip: line breaks of every kind become spaces, long values are cut with an ellipsis, short ones stay",
          arguments: [
            ("Comune di Pisa", 90, "Comune di Pisa"),
            ("Comune\ndi\r\nPisa", 90, "Comune di Pisa"),
            ("a\u{0B}b\u{0C}c\u{85}d\u{2028}e\u{2029}f", 90, "a b c d e f"),
            ("Città è “così”", 14, "Città è “così”"),
            ("Città è “così”", 8, "Città è…"),
            (String(repeating: "é", count: 10), 10, String(repeating: "é", count: 10)),
            ("€ 1.000 – € 2.000", 90, "€ 1.000 – € 2.000"),
          ])
    func clip(_ text: String, _ length: Int, _ expected: String) {
        #expect(CaseSummary.clip(text, length) == expected)
    }

    @Test("the seed's summary names its territory, its tables and its thirteen elements")
    func seedSummary() throws {
        let summary = CaseSummary.text(try Fixtures.importCase(Fixtures.seed))
        #expect(summary.contains("territory           Pistoiese"))
        #expect(summary.contains("elements            10 positive, 3 negative, 0 unspecified"))
        #expect(summary.split(separator: "\n").allSatisfy { $0.count <= 130 })
    }
}
