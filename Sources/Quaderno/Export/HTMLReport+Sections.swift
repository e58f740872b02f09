/// The HTML report's last sections: the cases table, the codes with their quotes, the agreement.
extension HTMLReport {
    // MARK: 6. Cases

    static func casesTable(_ content: ReportContent) -> String {
        var html = open(.cases, content)
        html += "<div class=\"scroll\"><table class=\"cases\">\n<thead><tr><th scope=\"col\" class=\"case\">Caso</th>"
            + "<th scope=\"col\" class=\"territory\">Territorio</th><th scope=\"col\" class=\"proposer\">Ente proponente</th><th scope=\"col\" class=\"format\">Formato</th>"
            + "<th scope=\"col\" class=\"num\" title=\"elementi positivi\">El. +</th>"
            + "<th scope=\"col\" class=\"num\" title=\"elementi negativi\">El. −</th>"
            + "<th scope=\"col\" class=\"num amount\">Importi</th><th scope=\"col\" class=\"codes\">Codici trovati</th></tr></thead>\n<tbody>\n"
        for row in content.cases {
            let codes = row.codes.map { found in
                "<a class=\"chip\" href=\"#\(HTMLEscaping.anchor("codice", found.code))\">\(e(found.code))"
                    + (found.count > 1 ? "&nbsp;×\(found.count)" : "") + "</a>"
            }
            let warning = row.warnings.isEmpty ? ""
                : " <span class=\"flag\" title=\"\(a(row.warnings.joined(separator: " · ")))\">"
                    + "⚠ \(ReportText.count(row.warnings.count, "avviso", "avvisi"))</span>"
            let unspecified = row.unspecified > 0
                ? " <span class=\"n\" title=\"elementi senza polarità\">(+\(row.unspecified) n.s.)</span>" : ""
            html += "<tr id=\"\(HTMLEscaping.anchor("caso", row.id))\"><th scope=\"row\" class=\"case\">"
                + "<code>\(e(row.id))</code>\(warning)</th><td>\(e(ReportText.group(row.territory)))</td>"
                + "<td>\(e(row.proposer))</td><td>\(e(row.format))</td>"
                + "<td class=\"num\">\(ReportText.integer(row.positive))</td>"
                + "<td class=\"num\">\(ReportText.integer(row.negative))\(unspecified)</td>"
                + "<td class=\"num amount\">\(ReportText.euro(row.amount))</td>"
                + "<td class=\"codes\">\(codes.isEmpty ? "<span class=\"n\">nessuno</span>" : codes.joined(separator: " "))</td></tr>\n"
        }
        html += "</tbody></table></div>\n"
        if content.omittedCases > 0 {
            html += "<p class=\"n\">\(e(ReportText.omittedCases(content.omittedCases, shown: content.cases.count)))</p>\n"
        }
        return html + "</section>\n"
    }

    /// `html` (showing case `id`) linked to the case's row of the cases table; unlinked when the table
    /// leaves the case out.
    static func caseLink(_ html: String, to id: String, _ content: ReportContent) -> String {
        guard content.listedCases.contains(id) else { return html }
        return "<a href=\"#\(HTMLEscaping.anchor("caso", id))\">\(html)</a>"
    }

    // MARK: 7. Codes and quotes

    static func quotes(_ content: ReportContent) -> String {
        var html = open(.quotes, content)
        html += "<p class=\"note\">Per ogni codice: definizione dal codebook, poi le codifiche conteggiate con la cue "
            + "evidenziata e il caso di provenienza. ⚠ segna le codifiche in cui la polarità del codice contraddice "
            + "quella dell'elemento: da rivedere. Le codifiche negate sono in un elenco chiuso, non conteggiate.</p>\n"
        for section in content.sections {
            html += codeSection(section, content)
        }
        return html + "</section>\n"
    }

    private static func codeSection(_ section: ReportContent.CodeSection, _ content: ReportContent) -> String {
        let code = section.info.code
        var html = "<article class=\"code\" id=\"\(HTMLEscaping.anchor("codice", code.id))\" "
            + "style=\"border-left-color:\(section.info.color)\">\n"
        html += "<h3>\(SVGChart.swatch(section.info.color)) \(e(code.name)) <code>\(e(code.id))</code> "
            + "\(polarityBadge(code.polarity))</h3>\n"
        var facts: [String] = []
        if let overall = section.overall {
            facts.append("\(ReportText.count(overall.casesWithCode, "caso", "casi")) su \(ReportText.integer(overall.casesInGroup)), "
                + "\(ReportText.count(overall.codings, "codifica conteggiata", "codifiche conteggiate"))")
        }
        if let parent = code.parent { facts.append("sotto <code>\(e(parent))</code>") }
        if section.info.descendants.isEmpty == false {
            facts.append("conta anche " + section.info.descendants.map { "<code>\(e($0))</code>" }.joined(separator: ", "))
        }
        if section.info.inCodebook == false { facts.append("codice non presente nel codebook") }
        if facts.isEmpty == false { html += "<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>\n" }
        if code.definition.isEmpty == false {
            html += "<p class=\"definition\">\(e(code.definition.trimmingWhitespace()))</p>\n"
        }
        if section.quotes.isEmpty {
            html += "<p class=\"n\">\(e(ReportText.noQuotes(descendants: section.info.descendants)))</p>\n"
        } else {
            html += "<ol class=\"quotes\">\n"
            for quote in section.quotes {
                html += "<li\(quote.polarityConflict ? " class=\"conflict\"" : "")><blockquote>\(marked(quote))</blockquote>"
                    + "<p class=\"source\">\(source(quote, content))</p></li>\n"
            }
            html += "</ol>\n"
            if section.omittedQuotes > 0 {
                html += "<p class=\"n\">\(e(ReportText.omitted(section.omittedQuotes)))</p>\n"
            }
        }
        if section.negated.isEmpty == false {
            html += "<details class=\"negated\"><summary>Non conteggiate: "
                + "\(ReportText.count(section.negated.count + section.omittedNegated, "codifica negata", "codifiche negate"))</summary><ul>\n"
            for quote in section.negated {
                html += "<li><blockquote>\(marked(quote))</blockquote><p class=\"source\">non conteggiata: negata da "
                    + "«\(e(quote.negatedBy ?? ""))» · \(source(quote, content))</p></li>\n"
            }
            html += "</ul></details>\n"
        }
        return html + "</article>\n"
    }

    /// The quote with its cue in `<mark>`.
    static func marked(_ quote: ReportQuote) -> String {
        guard quote.cue.isEmpty == false else { return e(quote.text) }
        return e(quote.before) + "<mark>" + e(quote.cue) + "</mark>" + e(quote.after)
    }

    private static func source(_ quote: ReportQuote, _ content: ReportContent) -> String {
        var parts = [caseLink("<code>\(e(quote.caseID))</code>", to: quote.caseID, content),
                     e(ReportText.group(quote.territory))]
        if let element = quote.elementID {
            let polarity = quote.elementPolarity.map { " (\(ReportText.polarity($0)))" } ?? ""
            parts.append("elemento \(e(element))\(e(polarity))")
        }
        if let cue = quote.cuePattern, cue.isEmpty == false { parts.append("cue «\(e(cue))»") }
        if content.severalCoders { parts.append("codificatore <strong>\(e(quote.coder))</strong>") }
        if quote.polarityConflict && quote.negated == false {
            parts.append("<span class=\"flag\">⚠ conflitto di polarità: da rivedere</span>")
        }
        return parts.joined(separator: " · ")
    }

    // MARK: 8. Agreement

    /// With one coder, says so; with several, their counts and the agreement per code (percent
    /// agreement, Cohen's or Fleiss' kappa, Krippendorff's alpha) on the elements.
    static func agreement(_ content: ReportContent) -> String {
        var html = open(.agreement, content)
        guard let agreement = content.report.agreement else {
            let coder = content.coders.first?.coder ?? content.report.coder
            html += "<p>Un solo codificatore in questo progetto (<code>\(e(coder))</code>): l'accordo tra "
                + "codificatori non si calcola.</p>\n"
            return html + "</section>\n"
        }
        let kappa = agreement.coders.count == 2 ? "κ di Cohen" : "κ di Fleiss"
        html += "<p>Codificatori: " + agreement.coders.map { "<code>\(e($0))</code>" }.joined(separator: ", ")
            + ". \(e(ReportText.agreementExplained))</p>\n"
        html += "<table class=\"coders\">\n<thead><tr><th scope=\"col\">Codice</th><th scope=\"col\" class=\"num\">Unità</th>"
            + "<th scope=\"col\" class=\"num\">Accordo</th><th scope=\"col\" class=\"num\">\(kappa)</th>"
            + "<th scope=\"col\" class=\"num\">α di Krippendorff</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n"
        for row in agreement.rows {
            let kappaValue = agreement.coders.count == 2 ? row.cohenKappa : row.fleissKappa
            html += "<tr><th scope=\"row\"><code>\(e(row.code))</code></th>"
                + "<td class=\"num\">\(ReportText.integer(row.units))</td>"
                + "<td class=\"num\">\(ReportText.statistic(row.percentAgreement))</td>"
                + "<td class=\"num\">\(ReportText.statistic(kappaValue))</td>"
                + "<td class=\"num\">\(ReportText.statistic(row.alpha))</td>"
                + "<td>\(e(row.notes.first ?? ""))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        return html + "</section>\n"
    }
}
