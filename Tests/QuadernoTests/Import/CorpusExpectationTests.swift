import Foundation
import Testing
@testable import Quaderno

/// Every corpus file against what its author says it contains (`Tests/Fixtures/corpus-expectations.json`).
@Suite("Corpus expectations")
struct CorpusExpectationTests {
    struct Expectation: Decodable, Sendable, CustomTestStringConvertible {
        struct Reference: Decodable, Sendable, Equatable {
            var kind: String
            var number: String?
            var date: String?
        }

        var file: String
        var format: String
        var title: String?
        var attributes: [String: String]
        var territory: String?
        var positive: [String]
        var negative: [String]
        var amounts: [Double]
        var dates: [String]
        var references: [Reference]

        var testDescription: String { file }
    }

    static let expectations: [Expectation] = {
        let url = Fixtures.folder.appendingPathComponent("corpus-expectations.json")
        guard let data = try? Data(contentsOf: url),
              let decoded = try? JSONDecoder().decode([Expectation].self, from: data) else { return [] }
        return decoded
    }()

    @Test("the expectations cover every sheet in corpora/")
    func coverage() throws {
        let files = try InputFiles.collect([Fixtures.corpus.path]).map { $0.url.lastPathComponent }
        #expect(files.count >= 12)
        #expect(Set(files) == Set(Self.expectations.map(\.file)))
        #expect(Set(Self.expectations.map(\.format)).isSuperset(of: ["sheet", "html", "xhtml", "xml", "docx", "odt"]))
    }

    @Test("each file imports to what its author wrote", arguments: expectations)
    func file(_ expected: Expectation) throws {
        let sheet = try Fixtures.importCase(Fixtures.corpusFile(expected.file))
        #expect(sheet.format.rawValue == expected.format)
        if let title = expected.title { #expect(sheet.title == title) }
        for (key, value) in expected.attributes {
            if key.hasSuffix("_starts_with") {
                let base = String(key.dropLast("_starts_with".count))
                #expect(sheet.attribute(base)?.hasPrefix(value) == true, "\(base): \(sheet.attribute(base) ?? "nil")")
            } else {
                #expect(sheet.attribute(key) == value, "\(key)")
            }
        }
        #expect(sheet.territory == expected.territory)
        let positive = sheet.elements.filter { $0.polarity == .positive }
        let negative = sheet.elements.filter { $0.polarity == .negative }
        #expect(positive.count == expected.positive.count, "positive: \(positive.map { $0.text.prefix(40) })")
        #expect(negative.count == expected.negative.count, "negative: \(negative.map { $0.text.prefix(40) })")
        for (element, prefix) in zip(positive, expected.positive) { #expect(element.text.hasPrefix(prefix)) }
        for (element, prefix) in zip(negative, expected.negative) { #expect(element.text.hasPrefix(prefix)) }
        #expect(sheet.elements.contains { $0.polarity == .unspecified } == false)
        #expect(sheet.amounts.map(\.value) == expected.amounts)
        #expect(sheet.dates.map(\.value) == expected.dates)
        #expect(sheet.references.map { Expectation.Reference(kind: $0.kind, number: $0.number, date: $0.date) }
                == expected.references)
        expectOffsetsQuote(sheet)
    }
}
