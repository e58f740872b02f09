/// The report as Markdown (CommonMark with GitHub tables): the same sections, in the same order, as
/// ``HTMLReport``, with text bars where the HTML draws charts and the cue in `**bold**`.
///
/// Text from the data is escaped (``inline(_:)``): Markdown punctuation gets a backslash, `<` cannot
/// open raw HTML, `|` cannot end a table cell, newlines become spaces.
enum MarkdownReport {
    /// The whole document.
    static func render(_ report: CorpusReport) -> String {
        render(ReportContent(report))
    }

    /// The whole document, from content already worked out.
    static func render(_ content: ReportContent) -> String {
        let report = content.report
        var lines: [String] = ["# \(ReportText.title)", ""]
        var subtitle = "Codebook **\(inline(report.view.codebook.name))**"
        if report.view.codebook.version.isEmpty == false { subtitle += " versione \(inline(report.view.codebook.version))" }
        subtitle += " · codificatore **\(inline(report.coder))** · generato il \(inline(ReportText.date(report.generatedAt)))"
        lines += [subtitle, ""]
        lines += summary(content)
        lines += heatmap(content)
        lines += frequencies(content)
        lines += polarity(content)
        lines += resources(content)
        lines += cases(content)
        lines += quotes(content)
        lines += agreement(content)
        return lines.joined(separator: "\n") + "\n"
    }

    static func heading(_ section: ReportText.Section, _ content: ReportContent) -> [String] {
        ["## \(inline(section.heading(group: content.groupKey ?? "all")))", ""]
    }

    // MARK: 1. Summary

    private static func summary(_ content: ReportContent) -> [String] {
        let report = content.report
        var lines = heading(.summary, content)
        let territories = content.territoryCount
        lines.append("- **Casi:** \(ReportText.integer(content.caseCount)) (\(ReportText.count(territories, "territorio", "territori")))")
        lines.append("- **Elementi:** \(ReportText.integer(content.elementCount)): "
            + "\(ReportText.integer(content.elementCount(.positive))) positivi, "
            + "\(ReportText.integer(content.elementCount(.negative))) negativi, "
            + "\(ReportText.integer(content.elementCount(.unspecified))) non specificati")
        lines.append("- **Codifiche conteggiate:** \(ReportText.integer(content.countedCodings)) "
            + "(\(ReportText.integer(content.conflicts)) in conflitto di polarità); **negate:** "
            + "\(ReportText.integer(content.negatedCodings)) (elencate, mai conteggiate)")
        var coder = "- **Codificatore:** \(inline(report.coder))"
        if content.coders.map(\.coder) != [report.coder], content.coders.isEmpty == false {
            coder += " (codifiche presenti di: " + content.coders.map { "`\(code($0.coder))`" }.joined(separator: ", ") + ")"
        }
        lines.append(coder)
        var codebook = "- **Codebook:** \(inline(report.view.codebook.name))"
        if report.view.codebook.version.isEmpty == false { codebook += " versione \(inline(report.view.codebook.version))" }
        lines.append(codebook + ", \(ReportText.count(report.view.codebook.codes.count, "codice", "codici"))")
        lines.append("- **Raggruppamento:** per \(inline(content.groupNoun))")
        lines.append("- **Data:** \(inline(ReportText.date(report.generatedAt)))")
        lines += ["", inline(ReportText.countingRules), ""]
        let warned = content.casesWithWarnings
        if warned.isEmpty {
            lines += ["Avvisi di importazione: nessuno.", ""]
        } else {
            lines.append("**Avvisi di importazione** da controllare in \(ReportText.count(warned.count, "caso", "casi")): "
                + warned.map { "`\(code($0.id))` (\($0.warnings.count))" }.joined(separator: ", ") + ".")
            lines.append("")
            lines += ["<details><summary>Testo degli avvisi</summary>", ""]
            for row in warned {
                lines.append("- `\(code(row.id))`")
                lines += row.warnings.map { "  - \(inline($0))" }
            }
            lines += ["", "</details>", ""]
        }
        return lines
    }

    // MARK: 2. Heatmap

    private static func heatmap(_ content: ReportContent) -> [String] {
        var lines = heading(.heatmap, content)
        lines += ["Ogni cella: quota dei casi del \(inline(content.groupNoun)) che hanno il codice, e casi con il codice "
            + "sul totale del gruppo.", ""]
        // Columns: all cases, then the groups; tables of at most `perTable` columns, so that each one stays
        // readable where Markdown tables do not scroll.
        let perTable = 5
        let columns: [(title: String, cell: (ReportContent.HeatRow) -> FrequencyRow?)] =
            [("Tutti i casi (\(content.caseCount))", { $0.overall })]
            + content.groups.enumerated().map { index, group in
                ("\(ReportText.group(group.value)) (\(group.cases))", { $0.cells[index] })
            }
        for start in stride(from: 0, to: columns.count, by: perTable) {
            let part = columns[start..<min(start + perTable, columns.count)]
            let rows = content.heatmap.map { row in
                [codeLabel(row.info)] + part.map { column -> String in
                    guard let cell = column.cell(row) else { return "—" }
                    let text = "\(ReportText.percent(cell.share))\u{A0}(\(cell.casesWithCode)/\(cell.casesInGroup))"
                    return cell.casesWithCode > 0 ? "**\(text)**" : text
                }
            }
            lines += table(header: ["Codice"] + part.map { inline($0.title) }, rows: rows, numeric: Set(1...part.count))
            lines.append("")
        }
        return lines
    }

    /// `Name (`id`)`, indented with `↳` for child codes.
    static func codeLabel(_ info: ReportContent.CodeInfo) -> String {
        String(repeating: "↳ ", count: min(info.depth, 3)) + "\(inline(info.code.name)) (`\(code(info.code.id))`)"
    }

    // MARK: 3. Frequencies

    private static func frequencies(_ content: ReportContent) -> [String] {
        var lines = heading(.codes, content)
        let total = content.caseCount
        lines += ["Barre di testo: casi con il codice su \(ReportText.integer(total)); codifiche conteggiate su una scala "
            + "fino a \(ReportText.integer(content.maximumCodings)).", ""]
        let rows = content.heatmap.map { row -> [String] in
            let cases = row.overall?.casesWithCode ?? 0
            let codings = row.overall?.codings ?? 0
            return [codeLabel(row.info), ReportText.polarity(row.info.code.polarity),
                    "\(ReportText.integer(cases))\u{A0}(\(ReportText.percent(row.overall?.share ?? 0)))",
                    "`\(textBar(Double(cases), maximum: Double(max(total, 1))))`",
                    ReportText.integer(codings),
                    "`\(textBar(Double(codings), maximum: Double(content.maximumCodings)))`"]
        }
        lines += table(header: ["Codice", "Polarità", "Casi", "", "Codifiche", ""], rows: rows, numeric: [2, 4])
        return lines + [""]
    }

    // MARK: 4. Polarity

    private static func polarity(_ content: ReportContent) -> [String] {
        var lines = heading(.polarity, content)
        lines += ["Bilancio = (codifiche positive − negative) / (positive + negative), da −1 a +1: la barra va a destra "
            + "quando prevalgono i codici positivi, a sinistra quando prevalgono i negativi.", ""]
        var rows: [[String]] = []
        if let all = content.overallPolarity { rows.append(polarityRow("**Tutti i casi**", all)) }
        rows += content.groupPolarity.map { polarityRow(inline(ReportText.group($0.group)), $0) }
        lines += table(header: [ReportText.sentenceCase(content.groupNoun), "Elementi +", "Elementi −", "Codifiche +",
                                "Codifiche −", "−1 … 0 … +1", "Bilancio"],
                       rows: rows, numeric: [1, 2, 3, 4, 6])
        return lines + [""]
    }

    private static func polarityRow(_ label: String, _ row: PolarityRow) -> [String] {
        [label, ReportText.integer(row.positiveElements), ReportText.integer(row.negativeElements),
         ReportText.integer(row.positiveCodings), ReportText.integer(row.negativeCodings),
         "`\(textDiverging(row.balance))`", ReportText.balance(row.balance)]
    }

    // MARK: 5. Resources

    private static func resources(_ content: ReportContent) -> [String] {
        var lines = heading(.resources, content)
        lines += ["Somma degli importi in euro trovati nei testi delle schede (ogni menzione conta).", ""]
        let rows = content.report.resources
        let maximum = rows.map(\.amountTotal).max() ?? 0
        var cells = rows.map { row in
            [inline(ReportText.group(row.territory)), ReportText.integer(row.cases), ReportText.euro(row.amountTotal),
             "`\(textBar(row.amountTotal, maximum: maximum))`"]
        }
        cells.append(["**Totale**", ReportText.integer(rows.reduce(0) { $0 + $1.cases }),
                      "**\(ReportText.euro(rows.reduce(0) { $0 + $1.amountTotal }))**", ""])
        lines += table(header: ["Territorio", "Casi", "Totale", ""], rows: cells, numeric: [1, 2])
        return lines + [""]
    }

    // MARK: 6. Cases

    private static func cases(_ content: ReportContent) -> [String] {
        var lines = heading(.cases, content)
        let rows = content.cases.map { row -> [String] in
            let codes = row.codes.map { "`\(code($0.code))`" + ($0.count > 1 ? " ×\($0.count)" : "") }
            let warnings = row.warnings.isEmpty ? "" : " ⚠ \(row.warnings.count)"
            let unspecified = row.unspecified > 0 ? " (+\(row.unspecified) n.s.)" : ""
            return ["`\(code(row.id))`\(warnings)", inline(ReportText.group(row.territory)), inline(row.proposer),
                    inline(row.format), ReportText.integer(row.positive), ReportText.integer(row.negative) + unspecified,
                    ReportText.euro(row.amount), codes.isEmpty ? "nessuno" : codes.joined(separator: ", ")]
        }
        lines += table(header: ["Caso", "Territorio", "Ente proponente", "Formato", "El. +", "El. −", "Importi",
                                "Codici trovati"], rows: rows, numeric: [4, 5, 6])
        if content.omittedCases > 0 {
            lines += ["", inline(ReportText.omittedCases(content.omittedCases, shown: content.cases.count))]
        }
        return lines + [""]
    }
}
