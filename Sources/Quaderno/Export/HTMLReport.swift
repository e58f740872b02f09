/// The report as one self-contained HTML page: inline `<style>` and inline `<svg>` only, no script,
/// no network reference, `<details>` for what is collapsed. Headings are Italian, code ids stay visible.
///
/// Sections, in order: summary, code × group heatmap, code frequencies, polarity balance by group,
/// resources by territory, cases, codes with their quotes, agreement between coders. Every text from the
/// data goes through ``HTMLEscaping``.
enum HTMLReport {
    /// The whole page.
    static func render(_ report: CorpusReport) -> String {
        render(ReportContent(report))
    }

    /// The whole page, from content already worked out.
    static func render(_ content: ReportContent) -> String {
        let report = content.report
        var html = """
        <!DOCTYPE html>
        <html lang="it">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(ReportText.title)) – \(e(report.view.codebook.name))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <header>
        <h1>\(e(ReportText.title))</h1>
        <p class="subtitle">Codebook <strong>\(e(report.view.codebook.name))</strong>\(version(report)) · codificatore \
        <strong>\(e(report.coder))</strong> · generato il \(e(ReportText.date(report.generatedAt)))</p>
        \(navigation(content))
        </header>
        <main>

        """
        html += summary(content)
        html += heatmap(content)
        html += frequencies(content)
        html += polarity(content)
        html += resources(content)
        html += casesTable(content)
        html += quotes(content)
        html += agreement(content)
        html += "</main>\n<footer>Rapporto generato da Quaderno il \(e(ReportText.date(report.generatedAt))).</footer>\n"
            + "</body>\n</html>\n"
        return html
    }

    /// Escapes data for element content.
    static func e(_ text: String) -> String { HTMLEscaping.text(text) }

    /// Escapes data for an attribute value.
    static func a(_ text: String) -> String { HTMLEscaping.attribute(text) }

    private static func version(_ report: CorpusReport) -> String {
        report.view.codebook.version.isEmpty ? "" : " versione \(e(report.view.codebook.version))"
    }

    private static func navigation(_ content: ReportContent) -> String {
        let items = ReportText.Section.allCases.map { section in
            "<li><a href=\"#\(section.anchor)\">\(e(section.heading(group: content.groupKey ?? "all")))</a></li>"
        }
        return "<nav aria-label=\"indice\"><ol>" + items.joined() + "</ol></nav>"
    }

    /// Opens a section with its heading.
    static func open(_ section: ReportText.Section, _ content: ReportContent) -> String {
        "<section id=\"\(section.anchor)\">\n<h2>\(e(section.heading(group: content.groupKey ?? "all")))</h2>\n"
    }

    // MARK: 1. Summary

    private static func summary(_ content: ReportContent) -> String {
        let report = content.report
        var html = open(.summary, content)
        let territories = content.territoryCount
        let stats: [(String, String, String)] = [
            ("Casi", ReportText.integer(content.caseCount), ReportText.count(territories, "territorio", "territori")),
            ("Elementi", ReportText.integer(content.elementCount),
             "\(ReportText.integer(content.elementCount(.positive))) positivi · "
                + "\(ReportText.integer(content.elementCount(.negative))) negativi · "
                + "\(ReportText.integer(content.elementCount(.unspecified))) non specificati"),
            ("Codifiche conteggiate", ReportText.integer(content.countedCodings),
             "\(ReportText.integer(content.conflicts)) in conflitto di polarità"),
            ("Codifiche negate", ReportText.integer(content.negatedCodings), "elencate, mai conteggiate"),
        ]
        html += "<div class=\"stats\">"
        for (label, value, detail) in stats {
            html += "<div class=\"stat\"><div class=\"label\">\(e(label))</div><div class=\"value\">\(e(value))</div>"
                + "<div class=\"detail\">\(e(detail))</div></div>"
        }
        html += "</div>\n<dl class=\"facts\">"
        html += "<dt>Codificatore</dt><dd><strong>\(e(report.coder))</strong>"
        if content.coders.map(\.coder) != [report.coder], content.coders.isEmpty == false {
            html += " (codifiche presenti di: " + content.coders.map { "<code>\(e($0.coder))</code>" }.joined(separator: ", ") + ")"
        }
        html += "</dd><dt>Codebook</dt><dd>\(e(report.view.codebook.name))\(version(report)), "
            + "\(ReportText.count(report.view.codebook.codes.count, "codice", "codici"))</dd>"
        html += "<dt>Raggruppamento</dt><dd>per \(e(content.groupNoun))</dd>"
        html += "<dt>Data</dt><dd>\(e(ReportText.date(report.generatedAt)))</dd></dl>\n"
        html += "<p class=\"rules\">\(e(ReportText.countingRules))</p>\n"
        let warned = content.casesWithWarnings
        if warned.isEmpty {
            html += "<p class=\"warnings none\">Avvisi di importazione: nessuno.</p>\n"
        } else {
            let list = warned.map { "\(caseLink(e($0.id), to: $0.id, content)) (\($0.warnings.count))" }
            html += "<p class=\"warnings\"><strong>Avvisi di importazione</strong> da controllare in "
                + "\(ReportText.count(warned.count, "caso", "casi")): " + list.joined(separator: ", ") + ".</p>\n"
            html += "<details class=\"warnings\"><summary>Testo degli avvisi</summary><dl>"
            for row in warned {
                html += "<dt>\(e(row.id))</dt>" + row.warnings.map { "<dd>\(e($0))</dd>" }.joined()
            }
            html += "</dl></details>\n"
        }
        return html + "</section>\n"
    }

    // MARK: 2. Heatmap

    private static func heatmap(_ content: ReportContent) -> String {
        var html = open(.heatmap, content)
        let total = content.caseCount
        html += "<p class=\"note\">Ogni cella: quota dei casi del \(e(content.groupNoun)) che hanno il codice (in "
            + "grassetto) e numero di casi con il codice sul totale. \(SVGChart.heatLegend())</p>\n"
        // Columns share the width: no wider than 72 px each, no narrower than 46 px (then the table scrolls).
        let columns = content.groups.count + 1
        html += "<div class=\"scroll\"><table class=\"heatmap\" style=\"max-width:\(270 + 72 * columns)px;"
            + "min-width:\(190 + 46 * columns)px\">\n<thead><tr><th class=\"corner\" scope=\"col\">Codice</th>"
        html += "<th scope=\"col\" class=\"rot all\"><div>Tutti i casi <span class=\"n\">(\(total))</span></div></th>"
        for group in content.groups {
            html += "<th scope=\"col\" class=\"rot\"><div>\(e(ReportText.group(group.value))) "
                + "<span class=\"n\">(\(ReportText.integer(group.cases)))</span></div></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in content.heatmap {
            html += "<tr><th scope=\"row\" class=\"code depth\(min(row.info.depth, 3))\">" + codeLabel(row.info) + "</th>"
            html += heatCell(row.overall, group: "tutti i casi", code: row.info.code.id, extraClass: "all")
            for (group, cell) in zip(content.groups, row.cells) {
                html += heatCell(cell, group: ReportText.group(group.value), code: row.info.code.id, extraClass: "")
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    private static func heatCell(_ row: FrequencyRow?, group: String, code: String, extraClass: String) -> String {
        guard let row else { return "<td class=\"heat empty \(extraClass)\">—</td>" }
        let colors = SVGChart.heat(row.share)
        let title = "\(code) – \(group): \(row.casesWithCode) di \(row.casesInGroup) casi, \(row.codings) codifiche"
        let zero = row.casesWithCode == 0 ? " zero" : ""
        return "<td class=\"heat\(zero) \(extraClass)\" style=\"background:\(colors.background);color:\(colors.foreground)\" "
            + "title=\"\(a(title))\"><span class=\"pct\">\(ReportText.percent(row.share))</span>"
            + "<span class=\"n\">\(row.casesWithCode)/\(row.casesInGroup)</span></td>"
    }

    /// A code's name with its colour, its id and a link to its quotes.
    static func codeLabel(_ info: ReportContent.CodeInfo) -> String {
        SVGChart.swatch(info.color) + " <a href=\"#\(HTMLEscaping.anchor("codice", info.code.id))\">"
            + "\(e(info.code.name))</a> <code>\(e(info.code.id))</code>"
    }

    // MARK: 3. Frequencies

    private static func frequencies(_ content: ReportContent) -> String {
        var html = open(.codes, content)
        let total = content.caseCount
        let maximum = content.maximumCodings
        html += "<p class=\"note\">Barre nel colore del codice. Casi: su \(ReportText.integer(total)) casi; codifiche: "
            + "unità codificate (conteggiate), scala fino a \(ReportText.integer(maximum)).</p>\n"
        html += "<div class=\"scroll\"><table class=\"chart frequencies\">\n<thead><tr><th scope=\"col\">Codice</th>"
            + "<th scope=\"col\">Polarità</th><th scope=\"col\" class=\"barcol\">Casi con il codice</th>"
            + "<th scope=\"col\" class=\"num\">Casi</th><th scope=\"col\" class=\"barcol\">Codifiche</th>"
            + "<th scope=\"col\" class=\"num\">Codifiche</th></tr></thead>\n<tbody>\n"
        for row in content.heatmap {
            let cases = row.overall?.casesWithCode ?? 0
            let codings = row.overall?.codings ?? 0
            let name = row.info.code.id
            html += "<tr><th scope=\"row\" class=\"code depth\(min(row.info.depth, 3))\">\(codeLabel(row.info))</th>"
                + "<td>\(polarityBadge(row.info.code.polarity))</td>"
                + "<td class=\"barcol\">" + SVGChart.bar(Double(cases), maximum: Double(max(total, 1)), color: row.info.color,
                                                       label: "\(name): \(cases) casi su \(total)") + "</td>"
                + "<td class=\"num\">\(ReportText.integer(cases)) <span class=\"n\">(\(ReportText.percent(row.overall?.share ?? 0)))</span></td>"
                + "<td class=\"barcol\">" + SVGChart.bar(Double(codings), maximum: Double(maximum), color: row.info.color,
                                                       label: "\(name): \(codings) codifiche") + "</td>"
                + "<td class=\"num\">\(ReportText.integer(codings))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    /// `positivo` / `negativo` / `neutro` as a coloured label.
    static func polarityBadge(_ polarity: Polarity) -> String {
        "<span class=\"badge \(polarity.rawValue)\">\(ReportText.polarity(polarity))</span>"
    }

    // MARK: 4. Polarity

    private static func polarity(_ content: ReportContent) -> String {
        var html = open(.polarity, content)
        html += "<p class=\"note\">Bilancio = (codifiche positive − negative) / (positive + negative): a destra, in verde, "
            + "prevalgono i codici positivi; a sinistra, in rosso, quelli negativi. Elementi: come li presenta la scheda.</p>\n"
        html += "<div class=\"scroll\"><table class=\"chart polarity\">\n<thead><tr>"
            + "<th scope=\"col\">\(e(ReportText.sentenceCase(content.groupNoun)))</th>"
            + "<th scope=\"col\" class=\"num\">Elementi +</th><th scope=\"col\" class=\"num\">Elementi −</th>"
            + "<th scope=\"col\" class=\"num\">Codifiche +</th><th scope=\"col\" class=\"num\">Codifiche −</th>"
            + "<th scope=\"col\" class=\"barcol\">\(SVGChart.divergingAxis())</th><th scope=\"col\" class=\"num\">Bilancio</th>"
            + "</tr></thead>\n<tbody>\n"
        var rows: [(String, PolarityRow, Bool)] = content.overallPolarity.map { [("Tutti i casi", $0, true)] } ?? []
        rows += content.groupPolarity.map { (ReportText.group($0.group), $0, false) }
        for (label, row, total) in rows {
            html += "<tr\(total ? " class=\"total\"" : "")><th scope=\"row\">\(e(label))</th>"
                + "<td class=\"num\">\(ReportText.integer(row.positiveElements))</td>"
                + "<td class=\"num\">\(ReportText.integer(row.negativeElements))</td>"
                + "<td class=\"num\">\(ReportText.integer(row.positiveCodings))</td>"
                + "<td class=\"num\">\(ReportText.integer(row.negativeCodings))</td>"
                + "<td class=\"barcol\">" + SVGChart.diverging(row.balance, label: "\(label): \(ReportText.balance(row.balance))")
                + "</td><td class=\"num balance\">\(ReportText.balance(row.balance))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    // MARK: 5. Resources

    private static func resources(_ content: ReportContent) -> String {
        var html = open(.resources, content)
        html += "<p class=\"note\">Somma degli importi in euro trovati nei testi delle schede (ogni menzione conta: lo "
            + "stesso importo citato due volte è sommato due volte).</p>\n"
        let rows = content.report.resources
        let maximum = rows.map(\.amountTotal).max() ?? 0
        html += "<div class=\"scroll\"><table class=\"chart resources\">\n<thead><tr><th scope=\"col\">Territorio</th>"
            + "<th scope=\"col\" class=\"num\">Casi</th><th scope=\"col\" class=\"barcol\">Importo</th>"
            + "<th scope=\"col\" class=\"num\">Totale</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let label = ReportText.group(row.territory)
            html += "<tr><th scope=\"row\">\(e(label))</th><td class=\"num\">\(ReportText.integer(row.cases))</td>"
                + "<td class=\"barcol\">" + SVGChart.bar(row.amountTotal, maximum: maximum, color: "#00695C",
                                                       label: "\(label): \(ReportText.euro(row.amountTotal))")
                + "</td><td class=\"num amount\">\(ReportText.euro(row.amountTotal))</td></tr>\n"
        }
        let sum = rows.reduce(0) { $0 + $1.amountTotal }
        html += "<tr class=\"total\"><th scope=\"row\">Totale</th>"
            + "<td class=\"num\">\(ReportText.integer(rows.reduce(0) { $0 + $1.cases }))</td><td></td>"
            + "<td class=\"num amount\">\(ReportText.euro(sum))</td></tr>\n"
        return html + "</tbody></table></div>\n</section>\n"
    }
}
