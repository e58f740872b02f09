import Foundation
import Testing
@testable import Quaderno

/// The Markdown and HTML reports, rendered on the real corpus and the seed, and on hostile data.
///
/// Set `QUADERNO_REPORT_DIR` to keep the corpus report in a folder (for screenshots:
/// `scripts/screenshot-report.sh "$QUADERNO_REPORT_DIR/report.html"`).
@Suite("Markdown and HTML reports")
struct ReportRenderingTests {
    /// The corpus (and the seed) imported and auto-coded, as `quaderno analyze` would report it.
    static let corpus: Result<CorpusReport, any Error> = Result {
        let importer = try Importer()
        let codebook = try Codebook.load(from: Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml"))
        let coder = try AutoCoder(codebook: codebook)
        let files = try Fixtures.corpusAndSeed()
        var cases: [Case] = []
        var codings: [Coding] = []
        let session = coder.makeSession()
        for file in files {
            let sheet = try importer.importFile(at: file.url, path: file.path)
            cases.append(sheet)
            codings += session.code(sheet)
        }
        let view = CorpusView(cases: cases, codings: codings, codebook: codebook)
        return CorpusReport(view: view, coder: "auto", groupBy: ["territory"])
    }

    static func corpusReport() throws -> CorpusReport { try corpus.get() }

    @Test("the writer writes report.md and report.html for the corpus")
    func writesBothReports() throws {
        let report = try Self.corpusReport()
        let folder = try ProcessInfo.processInfo.environment["QUADERNO_REPORT_DIR"].map { URL(fileURLWithPath: $0) }
            ?? Fixtures.temporaryFolder("quaderno-report")
        let urls = try ReportWriter().write(report, to: folder)
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(urls.map(\.lastPathComponent).suffix(2) == ["report.md", "report.html"])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"it\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(markdown.hasPrefix("# "))
        #expect(report.view.cases.count == 15)
        if let keep = ProcessInfo.processInfo.environment["QUADERNO_REPORT_DIR"] {
            try ReportWriter().write(Self.hostileReport(coders: ["auto", "giulia"]),
                                     to: URL(fileURLWithPath: keep).appendingPathComponent("hostile"))
        }
    }

    @Test("the HTML is self-contained: no network, no script, no external resource")
    func selfContained() throws {
        let html = HTMLReport.render(try Self.corpusReport()).lowercased()
        for forbidden in ["http://", "https://", "src=", "url(", "@import", "<script", "<link", "<img", "<iframe", "//fonts"] {
            #expect(html.contains(forbidden) == false, "the report contains \(forbidden)")
        }
        #expect(html.contains("<style>"))
        #expect(html.contains("<svg"))
    }

    @Test("libxml2's HTML parser reads every section, code id, case id and quote")
    func parsesWithoutLosingContent() throws {
        let report = try Self.corpusReport()
        let html = HTMLReport.render(report)
        let page = try ParsedPage(html)
        #expect(page.counts["section", default: 0] == ReportText.Section.allCases.count)
        #expect(page.counts["article", default: 0] == report.view.codebook.codes.count)
        #expect(page.counts["svg", default: 0] > report.view.codebook.codes.count * 2)
        for code in report.view.codebook.codes {
            #expect(page.text.contains(code.id), "code id \(code.id)")
            #expect(page.text.contains(code.name), "code name \(code.name)")
        }
        for sheet in report.view.cases {
            #expect(page.text.contains(sheet.id), "case id \(sheet.id)")
        }
        let counted = report.view.countedCodings
        #expect(counted.count > 50)
        #expect(page.quotes.count == report.view.codings.count)
        let quoted = Set(page.quotes.map(\.text))
        for coding in counted {
            #expect(quoted.contains(flat(coding.text)), "quote of \(coding.caseID)/\(coding.code)")
        }
        // Every section heading in the navigation points at a section id.
        for section in ReportText.Section.allCases {
            #expect(page.ids.contains(section.anchor))
            #expect(page.hrefs.contains("#" + section.anchor))
        }
        // Every internal link lands on an id.
        for href in page.hrefs {
            #expect(href.hasPrefix("#") && page.ids.contains(String(href.dropFirst())), "dangling link \(href)")
        }
    }

    @Test("each quote's highlighted cue is the case text at the coding's cue offsets")
    func cueHighlight() throws {
        let report = try Self.corpusReport()
        let page = try ParsedPage(HTMLReport.render(report))
        let sheets = Dictionary(uniqueKeysWithValues: report.view.cases.map { ($0.id, $0) })
        var checked = 0
        for coding in report.view.countedCodings {
            guard let start = coding.cueStart, let end = coding.cueEnd, let sheet = sheets[coding.caseID] else { continue }
            let cue = flat(sheet.text.scalarSlice(start, end))
            let text = flat(coding.text)
            #expect(page.quotes.contains { $0.text == text && $0.marks == [cue] }, "\(coding.caseID) \(coding.code) «\(cue)»")
            checked += 1
        }
        #expect(checked > 50)
        // The same in Markdown: the cue between ** in the quote's line.
        let markdown = MarkdownReport.render(report)
        let coding = try #require(report.view.countedCodings.first { $0.cueStart != nil && $0.code == "governance" })
        let cue = try #require(sheets[coding.caseID]).text.scalarSlice(coding.cueStart!, coding.cueEnd!)
        #expect(markdown.contains("**\(MarkdownReport.inline(cue))**"))
    }

    @Test("text from the data is escaped: <script>, &, quotes and | stay text")
    func hostileData() throws {
        let report = Self.hostileReport(coders: ["auto"])
        let html = HTMLReport.render(report)
        #expect(html.lowercased().contains("<script") == false)
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("Tom &amp; Jerry"))
        let page = try ParsedPage(html)
        #expect(page.text.contains("<script>alert(\"x\")</script>"))
        #expect(page.text.contains("Ente <b>A</b> | B"))
        #expect(page.quotes.first { $0.marks == ["<b>governance</b>"] } != nil)
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.components(separatedBy: "<script").dropFirst().count
            == markdown.components(separatedBy: "\\<script").dropFirst().count, "an unescaped <script")
        // Tables: every row has as many unescaped pipes as its header.
        for table in markdownTables(markdown) {
            let widths = Set(table.map(unescapedPipes))
            #expect(widths.count == 1, "ragged table: \(table)")
        }
        #expect(markdown.contains("Ente \\<b\\>A\\</b\\> \\| B"))
    }

    @Test("numbers are formatted the Italian way")
    func italianNumbers() throws {
        #expect(ReportText.euro(51726) == "€ 51.726,00")
        #expect(ReportText.euro(1_234_567.891) == "€ 1.234.567,89")
        #expect(ReportText.euro(0) == "€ 0,00")
        #expect(ReportText.integer(1234) == "1.234")
        #expect(ReportText.integer(999) == "999")
        #expect(ReportText.decimal(-0.5) == "−0,50")
        #expect(ReportText.balance(1.0 / 3) == "+0,33")
        #expect(ReportText.balance(-1) == "−1,00")
        #expect(ReportText.balance(0) == "0,00")
        #expect(ReportText.balance(nil) == "—")
        #expect(ReportText.percent(2.0 / 3) == "67%")
        #expect(ReportText.date("2025-11-27T04:37:12Z") == "27/11/2025 04:37 UTC")
        let report = try Self.corpusReport()
        let html = HTMLReport.render(report)
        let markdown = MarkdownReport.render(report)
        let richest = try #require(report.resources.first)
        #expect(richest.amountTotal > 1000)
        #expect(html.contains(ReportText.euro(richest.amountTotal)))
        #expect(markdown.contains(ReportText.euro(richest.amountTotal)))
        let hostile = HTMLReport.render(Self.hostileReport(coders: ["auto"]))
        #expect(hostile.contains("€ 51.726,00"))
    }

    @Test("the Markdown has one heading per code, in codebook order, and one per section")
    func markdownHeadings() throws {
        let report = try Self.corpusReport()
        let markdown = MarkdownReport.render(report)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let codeHeadings = lines.filter { $0.hasPrefix("### ") }
        #expect(codeHeadings.count == report.view.codebook.codes.count)
        for (heading, code) in zip(codeHeadings, report.view.codebook.codes) {
            #expect(heading.contains("(`\(code.id)`)"), "\(heading)")
        }
        #expect(lines.filter { $0.hasPrefix("## ") }.count == ReportText.Section.allCases.count)
        for sheet in report.view.cases { #expect(markdown.contains("`\(sheet.id)`")) }
        for table in markdownTables(markdown) {
            #expect(Set(table.map(unescapedPipes)).count == 1, "ragged table starting \(table.first ?? "")")
        }
    }

    @Test("one coder: the agreement section says so; several: per-code agreement statistics")
    func coders() throws {
        let single = HTMLReport.render(Self.hostileReport(coders: ["auto"]))
        #expect(single.contains("Un solo codificatore"))
        var report = Self.hostileReport(coders: ["auto", "giulia"])
        report.agreement = try CoderAgreement(cases: report.view.cases, codings: report.view.codings,
                                              coders: ["auto", "giulia"], codes: report.view.codebook.codes.map(\.id),
                                              unit: .element, automaticCoders: ["auto"])
        let html = HTMLReport.render(report)
        let markdown = MarkdownReport.render(report)
        #expect(html.contains("Un solo codificatore") == false)
        #expect(html.contains("α di Krippendorff") && html.contains("κ di Cohen"))
        #expect(markdown.contains("| `overall` |"))
        #expect(html.contains("<code>giulia</code>"))
        #expect(markdown.contains("codificatore **giulia**"))
        #expect(try ParsedPage(html).quotes.count == 2)
    }

    @Test("an empty corpus, and codings of codes the codebook does not know, still render")
    func edgeCases() throws {
        let codebook = Codebook(name: "Vuoto", codes: [Code(id: "a", name: "A", parent: "b"), Code(id: "b", name: "B", parent: "a")])
        let empty = CorpusReport(view: CorpusView(cases: [], codings: [], codebook: codebook), coder: "auto", groupBy: [])
        let html = HTMLReport.render(empty)
        #expect(try ParsedPage(html).counts["article", default: 0] == 2)
        #expect(MarkdownReport.render(empty).contains("**Casi:** 0"))
        var hostile = Self.hostileReport(coders: ["auto"])
        hostile.view.codings.append(Coding(caseID: "caso<1>", elementID: nil, unit: "span", code: "ignoto", coder: "auto",
                                           start: 0, end: 6, text: "Titolo", cueStart: 99, cueEnd: 120))
        let page = try ParsedPage(HTMLReport.render(hostile))
        #expect(page.text.contains("codice non presente nel codebook"))
        #expect(page.quotes.contains { $0.text == "Titolo" && $0.marks.isEmpty })
        #expect(MarkdownReport.render(hostile).contains("### ignoto (`ignoto`)"))
    }

    // MARK: Support

    /// One case whose text, attributes and codebook carry HTML and Markdown syntax.
    static func hostileReport(coders: [String]) -> CorpusReport {
        let element = "La <b>governance</b> con <script>alert(\"x\")</script> & Tom & Jerry | fine"
        let text = "Titolo\n" + element + "\n"
        let start = 7
        let end = start + element.unicodeScalars.count
        let cueStart = start + 3
        let sheet = Case(id: "caso<1>", source: "caso.txt", format: .sheet, title: "T",
                         attributes: [Attribute(key: "territory", label: "", value: "Val <d'Elsa> & *Co*"),
                                      Attribute(key: "ente_proponente", label: "Ente", value: "Ente <b>A</b> | B")],
                         elements: [Element(id: "e1", polarity: .positive, polaritySource: "heading", text: element,
                                            start: start, end: end)],
                         amounts: [AmountMention(value: 51726, text: "€ 51.726", start: 0, end: 1)],
                         warnings: ["tabella <senza> intestazione"], text: text)
        let long = Case(id: "amiata", source: "amiata.txt", format: .docx, title: "A",
                        attributes: [Attribute(key: "territory", label: "",
                                               value: "Amiata Grossetana-Colline Metallifere-Grossetana")],
                        elements: [Element(id: "e1", polarity: .negative, polaritySource: "heading", text: "Niente",
                                           start: 0, end: 6)],
                        text: "Niente")
        let codebook = Codebook(name: "Prova <&>", version: "1", codes: [
            Code(id: "governance", name: "Governance *condivisa*", polarity: .positive, color: "red;}</style>",
                 definition: "Decidere <insieme> & bene."),
            Code(id: "resistance", name: "Resistenze", polarity: .negative),
        ])
        let codings = coders.map { coder in
            Coding(caseID: sheet.id, elementID: "e1", code: "governance", coder: coder, start: start, end: end,
                   text: element, cue: "governance", cueStart: cueStart, cueEnd: cueStart + 17)
        }
        return CorpusReport(view: CorpusView(cases: [sheet, long], codings: codings, codebook: codebook), coder: coders[0],
                            groupBy: ["territory"])
    }
}

/// Newlines as spaces: how the reports print a quote.
private func flat(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
}

/// The Markdown's tables, as groups of consecutive lines starting with `|`.
private func markdownTables(_ markdown: String) -> [[String]] {
    var tables: [[String]] = []
    var current: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("|") { current.append(String(line)) } else if current.isEmpty == false {
            tables.append(current)
            current = []
        }
    }
    return tables
}

/// Pipes not preceded by a backslash: the cell separators of a table row.
private func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var previous: Character = " "
    for character in line {
        if character == "|", previous != "\\" { count += 1 }
        previous = character == "\\" && previous == "\\" ? " " : character
    }
    return count
}

/// The HTML report as libxml2's HTML parser reads it: text, element counts, ids, links, and the
/// text of each quote (`blockquote`) with the text of its `mark`s.
final class ParsedPage: MarkupHandler {
    private(set) var text = ""
    private(set) var counts: [String: Int] = [:]
    private(set) var ids: Set<String> = []
    private(set) var hrefs: [String] = []
    private(set) var quotes: [(text: String, marks: [String])] = []
    private var quoteDepth = 0
    private var markDepth = 0

    init(_ html: String) throws {
        let stream = XMLStream.open(.html, file: "report.html", handler: self)
        stream.feed(Data(html.utf8))
        stream.finish()
        if let problem = stream.fatalProblem { throw QuadernoError(.invalid, problem.message) }
    }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        counts[name, default: 0] += 1
        if let id = attributes["id"] { ids.insert(id) }
        if name == "a", let href = attributes["href"] { hrefs.append(href) }
        if name == "blockquote" {
            quoteDepth += 1
            quotes.append(("", []))
        }
        if name == "mark", quoteDepth > 0 {
            markDepth += 1
            quotes[quotes.count - 1].marks.append("")
        }
    }

    func endElement(_ name: String, namespace: String?) {
        if name == "blockquote" { quoteDepth -= 1 }
        if name == "mark", markDepth > 0 { markDepth -= 1 }
    }

    func characters(_ piece: String) {
        text += piece
        guard quoteDepth > 0 else { return }
        quotes[quotes.count - 1].text += piece
        if markDepth > 0 { quotes[quotes.count - 1].marks[quotes[quotes.count - 1].marks.count - 1] += piece }
    }
}
