import Foundation
import Testing
@testable import Quaderno

/// The cases table of a large corpus lists the first cases only, says how many it leaves to cases.csv,
/// and never links to a row it left out.
@Suite("Reports: the cases table of a large corpus")
struct ReportCaseLimitTests {
    /// The corpus report with a warning on its last case, which a limit of 4 leaves out of the table.
    static func report() throws -> CorpusReport {
        let corpus = try ReportRenderingTests.corpusReport()
        var cases = corpus.view.cases
        cases[cases.count - 1].warnings.append("a warning on the last case")
        let view = CorpusView(cases: cases, codings: corpus.view.codings, codebook: corpus.view.codebook)
        return CorpusReport(view: view, coder: "auto", groupBy: ["territory"])
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            String(text[Range(match.range(at: 1), in: text)!])
        }
    }

    @Test("with more cases than the limit: the first ones are listed, the rest counted, every link has its row")
    func limited() throws {
        let report = try Self.report()
        let all = report.view.cases.map(\.id)
        let content = ReportContent(report, caseLimit: 4)
        #expect(content.cases.map(\.id) == Array(all.prefix(4)))
        #expect(content.omittedCases == all.count - 4)
        #expect(content.casesWithWarnings.map(\.id).contains(all.last!), "warnings are listed for every case")

        let html = HTMLReport.render(content)
        let rows = try Self.matches(#"<tr id="(caso-[^"]+)""#, in: html)
        let links = try Self.matches(##"href="#(caso-[^"]+)""##, in: html)
        #expect(rows.count == 4)
        #expect(links.isEmpty == false)
        #expect(Set(links).isSubset(of: Set(rows)), "a link to a case left out of the table")
        #expect(html.contains("… e altri \(all.count - 4) casi, tutti in cases.csv (qui si elencano i primi 4)."))
        #expect(html.contains(">\(HTMLEscaping.text(all.last!))</a>") == false)
        let warnings = report.view.cases.last!.warnings.count
        #expect(html.contains(" \(HTMLEscaping.text(all.last!)) (\(warnings))"), "the warned case is named, unlinked")

        let markdown = MarkdownReport.render(content)
        #expect(markdown.contains("altri \(all.count - 4) casi, tutti in cases.csv"))
        // The summary, the heatmap and the bars still count every case, not only the listed ones.
        let full = ReportContent(report)
        #expect(content.caseCount == all.count && content.territoryCount == full.territoryCount)
        #expect(markdown.contains("- **Casi:** \(all.count) ("))
        #expect(markdown.contains("Tutti i casi (\(all.count))"))
        #expect(markdown.contains("casi con il codice su \(all.count);"))
        #expect(html.contains("su \(all.count) casi"))
        let caseRows = markdown.split(separator: "\n").filter { line in all.contains { line.hasPrefix("| `\($0)`") } }
        #expect(caseRows.count == 4)
    }

    @Test("within the limit every case is listed and no note is added")
    func unlimited() throws {
        let report = try Self.report()
        let content = ReportContent(report)
        #expect(content.cases.count == report.view.cases.count)
        #expect(content.omittedCases == 0)
        #expect(HTMLReport.render(content).contains("tutti in cases.csv") == false)
        #expect(MarkdownReport.render(content).contains("tutti in cases.csv") == false)
    }
}
