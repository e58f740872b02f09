import Foundation
import Testing
@testable import Quaderno

/// Auto-coding of the corpus (and the seed) against `corpora/gold.csv`, coded by hand by reading each
/// element before any cue was tuned.
@Suite("Auto-coding against the hand-coded gold standard")
struct GoldStandardTests {
    static func goldAndPredictions() throws -> (gold: [ClassificationScores.Item], predicted: [ClassificationScores.Item],
                                               unmatched: [String]) {
        let codebook = try Codebook.load(from: Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml"))
        let coder = try AutoCoder(codebook: codebook)
        let files = try InputFiles.collect([Fixtures.corpus.path]).map(\.url) + [Fixtures.seed]
        var elementsByCase: [String: [Element]] = [:]
        var predicted: [ClassificationScores.Item] = []
        let session = coder.makeSession()
        for url in files {
            let sheet = try Fixtures.importCase(url)
            elementsByCase[sheet.id] = sheet.elements
            for coding in session.code(sheet) where coding.negated == false {
                predicted.append(.init(unit: "\(sheet.id)/\(coding.elementID ?? "")", label: coding.code))
            }
        }
        let csv = try CSVTable(String(contentsOf: Fixtures.corpusFile("gold.csv"), encoding: .utf8))
        let caseColumn = try #require(csv.column("case_id"))
        let elementColumn = try #require(csv.column("element"))
        let codesColumn = try #require(csv.column("codes"))
        var gold: [ClassificationScores.Item] = []
        var unmatched: [String] = []
        for row in csv.rows {
            let elements = elementsByCase[row[caseColumn]] ?? []
            guard let element = elements.first(where: { $0.text == row[elementColumn] }) else {
                unmatched.append("\(row[caseColumn]): \(row[elementColumn].prefix(50))")
                continue
            }
            for code in row[codesColumn].split(separator: ";") {
                gold.append(.init(unit: "\(row[caseColumn])/\(element.id)", label: code.trimmingWhitespace()))
            }
        }
        return (gold, predicted, unmatched)
    }

    @Test("every gold row names an element the importer finds, and micro-F1 is at least 0.85")
    func microF1() throws {
        let (gold, predicted, unmatched) = try Self.goldAndPredictions()
        #expect(unmatched.isEmpty, "gold rows without an imported element: \(unmatched)")
        #expect(gold.count > 100)
        let scores = ClassificationScores(gold: gold, predicted: predicted)
        var report = "code                      P      R      F1   (tp fp fn)\n"
        for label in scores.labels {
            let score = scores.perLabel[label]!
            report += label.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: " %5.2f  %5.2f  %5.2f  (%d %d %d)\n", score.precision ?? 0, score.recall ?? 0,
                         score.f1 ?? 0, score.truePositives, score.falsePositives, score.falseNegatives)
        }
        report += String(format: "micro F1 %.3f, macro F1 %.3f", scores.micro.f1 ?? 0, scores.macro.f1 ?? 0)
        print(report)
        #expect((scores.micro.f1 ?? 0) >= 0.85, "\(report)\nmissed: \(scores.falseNegatives.prefix(40))\nwrong: \(scores.falsePositives.prefix(40))")
    }
}
