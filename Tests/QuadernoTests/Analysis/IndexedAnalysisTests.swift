import Foundation
import Testing
@testable import Quaderno

/// The tables counted through ``CorpusIndex`` equal the straightforward string-keyed computation
/// (``ReferenceAnalysis``) on random views: parent codes, codes the codebook does not know, negated and
/// repeated codings, codings of unknown cases, duplicate and canonically equivalent ids, several coders.
@Suite("Indexed analysis equals the reference")
struct IndexedAnalysisTests {
    static let caseIDs = ["a", "b", "c/1", "caf\u{E9}", "cafe\u{301}", "d", "e", "f"]
    static let codeIDs = ["root", "child", "grandchild", "other", "neg", "unknown", "\u{E9}t\u{E9}", "e\u{301}te\u{301}"]

    static func randomView(_ generator: inout SeededGenerator, duplicateCases: Bool) -> CorpusView {
        func pick<T>(_ values: [T]) -> T { values.randomElement(using: &generator)! }
        var ids = Self.caseIDs.shuffled(using: &generator).prefix(Int.random(in: 0...Self.caseIDs.count, using: &generator))
        if duplicateCases, let first = ids.first { ids.append(first) }
        let cases = ids.map { id in
            Case(id: id, source: id + ".txt", format: .sheet,
                 attributes: Bool.random(using: &generator) ? [] : [
                    Attribute(key: "territory", label: "", value: pick(["Pisana", " Pisana ", "Elba", "", "Val/d"])),
                    Attribute(key: "avviso", label: "", value: pick(["1", "2"])),
                 ],
                 elements: (0..<Int.random(in: 0...4, using: &generator)).map { number in
                     Element(id: pick(["e\(number)", "e/\(number)"]), polarity: pick(Polarity.allCases), polaritySource: "heading",
                             text: "x", start: number * 10, end: number * 10 + 5)
                 })
        }
        let codebook = Codebook(name: "random", codes: [
            Code(id: "root", name: "Root", polarity: .positive),
            Code(id: "child", name: "Child", polarity: .negative, parent: "root"),
            Code(id: "grandchild", name: "Grandchild", polarity: .positive, parent: "child"),
            Code(id: "other", name: "Other"),
            Code(id: "neg", name: "Neg", polarity: .negative),
            Code(id: "\u{E9}t\u{E9}", name: "Accent", polarity: .negative),
        ].shuffled(using: &generator))
        let codings = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
            let start = Int.random(in: 0...3, using: &generator) * 10
            return Coding(caseID: pick(Self.caseIDs + ["ghost"]), elementID: pick([nil, "e0", "e1", "e/2"]),
                          code: pick(Self.codeIDs), coder: pick(["auto", "giulia", "gi\u{FC}lia"]),
                          start: start, end: start + pick([5, 5, 7]), text: "x",
                          negated: Int.random(in: 0..<5, using: &generator) == 0,
                          polarityConflict: Bool.random(using: &generator))
        }
        return CorpusView(cases: cases, codings: codings.shuffled(using: &generator), codebook: codebook)
    }

    @Test("frequencies, matrix, co-occurrence, polarity, case rows and sections")
    func tablesEqualReference() {
        var generator = SeededGenerator(state: 23)
        for round in 0..<400 {
            let view = Self.randomView(&generator, duplicateCases: round % 4 == 3)
            let groupBy = [["territory"], ["territory", "avviso"], []][round % 3]
            let report = CorpusReport(view: view, coder: "auto", groupBy: groupBy)
            #expect(report.frequencies == ReferenceAnalysis.frequencies(view, groupBy: groupBy))
            #expect(report.matrix.rows.map(\.counts) == ReferenceAnalysis.matrix(view))
            #expect(report.matrix.rows.map(\.caseID) == view.cases.map(\.id))
            #expect(report.cooccurrence == ReferenceAnalysis.cooccurrence(view))
            #expect(report.polarity == ReferenceAnalysis.polarity(view, groupBy: groupBy))
            #expect(CodeFrequencies.compute(view, groupBy: groupBy) == report.frequencies)
            #expect(CodeMatrix(view) == report.matrix)

            let content = ReportContent(report)
            let order = content.codes.map(\.code.id)
            #expect(content.cases.map { $0.codes.map { "\($0.code)×\($0.count)" } } == ReferenceAnalysis.caseCodes(view, order: order))
            #expect(content.sections.map { section in
                (section.quotes + section.negated).map { "\($0.caseID)@\($0.start)/\($0.coder)/\($0.negated)" }
                    + ["\(section.quotes.count + section.omittedQuotes)", "\(section.negated.count + section.omittedNegated)"]
            } == ReferenceAnalysis.sections(view, codes: order))
            #expect(content.countedCodings == view.countedCodings.count)
            #expect(content.conflicts == view.countedCodings.filter(\.polarityConflict).count)
            let coders = Dictionary(grouping: view.codings, by: \.coder)
            #expect(content.coders.map(\.coder) == coders.keys.sorted())
            #expect(content.coders.map(\.negated) == coders.keys.sorted().map { coders[$0]!.filter(\.negated).count })
        }
    }

    @Test("codings.csv's element polarity is the element of the coding's case, as the text key found it")
    func elementPolarityEqualsReference() {
        var generator = SeededGenerator(state: 29)
        for _ in 0..<300 {
            let view = Self.randomView(&generator, duplicateCases: false)
            let report = CorpusReport(view: view, coder: "auto", groupBy: [])
            var csv = CSVBuffer(dialect: .standard)
            report.writeCodings(&csv)
            let lines = String(decoding: csv.bytes, as: UTF8.self).components(separatedBy: "\r\n").dropFirst().dropLast()
            let elements = Dictionary(view.cases.flatMap { sheet in sheet.elements.map { ("\(sheet.id)/\($0.id)", $0.polarity) } },
                                      uniquingKeysWith: { first, _ in first })
            let expected = view.codings.map { coding in
                coding.elementID.flatMap { elements["\(coding.caseID)/\($0)"] }?.rawValue ?? ""
            }
            #expect(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] }.map(String.init) == expected)
        }
    }
}
