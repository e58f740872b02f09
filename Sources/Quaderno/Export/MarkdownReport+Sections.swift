import Foundation

/// The Markdown report's last sections (codes with quotes, agreement) and its building blocks:
/// escaping, tables and text bars.
extension MarkdownReport {
    // MARK: 7. Codes and quotes

    static func quotes(_ content: ReportContent) -> [String] {
        var lines = heading(.quotes, content)
        lines += ["Per ogni codice: definizione dal codebook, poi le codifiche conteggiate con la cue in **grassetto** e il "
            + "caso di provenienza. ⚠ segna le codifiche in cui la polarità del codice contraddice quella "
            + "dell'elemento: da rivedere. Le codifiche negate sono in un elenco chiuso, non conteggiate.", ""]
        for section in content.sections {
            lines += codeSection(section, content)
        }
        return lines
    }

    private static func codeSection(_ section: ReportContent.CodeSection, _ content: ReportContent) -> [String] {
        let code = section.info.code
        var lines = ["### \(inline(code.name)) (`\(self.code(code.id))`)", ""]
        var facts = ["*Polarità:* \(ReportText.polarity(code.polarity))"]
        if let overall = section.overall {
            facts.append("\(ReportText.count(overall.casesWithCode, "caso", "casi")) su \(ReportText.integer(overall.casesInGroup)), "
                + ReportText.count(overall.codings, "codifica conteggiata", "codifiche conteggiate"))
        }
        if let parent = code.parent { facts.append("sotto `\(self.code(parent))`") }
        if section.info.descendants.isEmpty == false {
            facts.append("conta anche " + section.info.descendants.map { "`\(self.code($0))`" }.joined(separator: ", "))
        }
        if section.info.inCodebook == false { facts.append("codice non presente nel codebook") }
        lines += [facts.joined(separator: " · "), ""]
        if code.definition.isEmpty == false {
            lines += ["*Definizione:* \(inline(code.definition.trimmingWhitespace()))", ""]
        }
        if section.quotes.isEmpty {
            lines += [inline(ReportText.noQuotes(descendants: section.info.descendants)), ""]
        } else {
            for (index, quote) in section.quotes.enumerated() {
                let marker = "\(index + 1). "
                lines.append(marker + "«\(marked(quote))»  ")
                lines.append(String(repeating: " ", count: marker.count) + "— " + source(quote, content))
            }
            lines.append("")
            if section.omittedQuotes > 0 { lines += [inline(ReportText.omitted(section.omittedQuotes)), ""] }
        }
        if section.negated.isEmpty == false {
            lines += ["<details><summary>Non conteggiate: "
                + "\(ReportText.count(section.negated.count + section.omittedNegated, "codifica negata", "codifiche negate"))</summary>", ""]
            for quote in section.negated {
                lines.append("- «\(marked(quote))»  ")
                lines.append("  — non conteggiata: negata da «\(inline(quote.negatedBy ?? ""))» · " + source(quote, content))
            }
            lines += ["", "</details>", ""]
        }
        return lines
    }

    /// The quote with its cue in bold (spaces at the cue's edges kept outside the markers).
    static func marked(_ quote: ReportQuote) -> String {
        let core = quote.cue.trimmingWhitespace()
        guard core.isEmpty == false, let range = quote.cue.range(of: core) else { return inline(quote.text) }
        let lead = String(quote.cue[..<range.lowerBound])
        let trail = String(quote.cue[range.upperBound...])
        return inline(quote.before + lead) + "**" + inline(core) + "**" + inline(trail + quote.after)
    }

    private static func source(_ quote: ReportQuote, _ content: ReportContent) -> String {
        var parts = ["`\(code(quote.caseID))`, \(inline(ReportText.group(quote.territory)))"]
        if let element = quote.elementID {
            parts.append("elemento \(inline(element))" + (quote.elementPolarity.map { " (\(ReportText.polarity($0)))" } ?? ""))
        }
        if let cue = quote.cuePattern, cue.isEmpty == false { parts.append("cue «\(inline(cue))»") }
        if content.severalCoders { parts.append("codificatore **\(inline(quote.coder))**") }
        if quote.polarityConflict && quote.negated == false { parts.append("**⚠ conflitto di polarità: da rivedere**") }
        return parts.joined(separator: " · ")
    }

    // MARK: 8. Agreement

    static func agreement(_ content: ReportContent) -> [String] {
        var lines = heading(.agreement, content)
        guard let agreement = content.report.agreement else {
            let coder = content.coders.first?.coder ?? content.report.coder
            return lines + ["Un solo codificatore in questo progetto (`\(code(coder))`): l'accordo tra codificatori "
                + "non si calcola.", ""]
        }
        lines += ["Codificatori: " + agreement.coders.map { "`\(code($0))`" }.joined(separator: ", ") + ". "
            + inline(ReportText.agreementExplained), ""]
        let kappa = agreement.coders.count == 2 ? "κ di Cohen" : "κ di Fleiss"
        lines += table(header: ["Codice", "Unità", "Accordo", kappa, "α di Krippendorff", "Note"],
                       rows: agreement.rows.map { row in
                           ["`\(code(row.code))`", ReportText.integer(row.units), ReportText.statistic(row.percentAgreement),
                            ReportText.statistic(agreement.coders.count == 2 ? row.cohenKappa : row.fleissKappa),
                            ReportText.statistic(row.alpha), inline(row.notes.first ?? "")]
                       },
                       numeric: [1, 2, 3, 4])
        return lines + [""]
    }

    // MARK: Building blocks

    /// A GitHub table; cells must already be escaped (``inline(_:)``, ``code(_:)``). Numeric columns are
    /// right-aligned.
    static func table(header: [String], rows: [[String]], numeric: Set<Int>) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let rule = header.indices.map { numeric.contains($0) ? "---:" : "---" }
        return [line(header), line(rule)] + rows.map(line)
    }

    /// Escapes data for inline Markdown: a backslash before Markdown punctuation (so `*`, `_`, `<`,
    /// `[`, `|`, ... read as themselves and `<script>` is text, not HTML), `&` before a name, and a
    /// leading list or heading marker; newlines and tabs become spaces.
    static func inline(_ text: String) -> String {
        guard inlineNeedsEscaping(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r", "\t":
                result += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~":
                result += "\\" + String(scalar)
            case "&":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                result += next.properties.isAlphabetic || next == "#" ? "\\&" : "&"
            case "-", "+", "=", ".", ")":
                let leadingMarker = index == 0 && (scalar == "-" || scalar == "+" || scalar == "=")
                let numberedItem = (scalar == "." || scalar == ")") && index > 0
                    && scalars[..<index].allSatisfy { ("0"..."9").contains($0) }
                    && (index + 1 == scalars.count || scalars[index + 1] == " ")
                result += (leadingMarker || numberedItem ? "\\" : "") + String(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether ``inline(_:)`` would change `text`: it holds a control character, Markdown punctuation,
    /// `&`, a leading `-`, `+` or `=`, or a `.` or `)` right after leading digits.
    static func inlineNeedsEscaping(_ text: String) -> Bool {
        var digitsOnly = true
        var index = 0
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, 0x7F, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23, 0x7E, 0x26:
                return true
            case 0x2D, 0x2B, 0x3D:
                if index == 0 { return true }
            case 0x2E, 0x29:
                if index > 0 && digitsOnly { return true }
            default:
                break
            }
            if byte < 0x30 || byte > 0x39 { digitsOnly = false }
            index += 1
        }
        return false
    }

    /// Text for inside a code span: backticks become `'`, `|` is escaped for tables, newlines spaces.
    static func code(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x60 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x7C }) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "`" ? "'" : $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
            .replacingOccurrences(of: "|", with: "\\|")
    }

    /// Width of a text bar, in characters.
    static let barWidth = 20

    /// A bar of full and light blocks: `█████░░░…` (always ``barWidth`` characters).
    static func textBar(_ value: Double, maximum: Double) -> String {
        let fraction = maximum > 0 && value.isFinite ? min(1, max(0, value / maximum)) : 0
        var full = Int((fraction * Double(barWidth)).rounded())
        if value > 0, full == 0 { full = 1 }
        return String(repeating: "█", count: full) + String(repeating: "░", count: barWidth - full)
    }

    /// A diverging bar around `┃`, ten cells each side: negative to the left, positive to the right
    /// (`░░░░░░░░░░┃████░░░░░░` for +0,37); no space, so code spans keep every bar the same width.
    static func textDiverging(_ value: Double?) -> String {
        let half = barWidth / 2
        let empty = String(repeating: "░", count: half)
        guard let value, value.isFinite else { return empty + "┃" + empty }
        var cells = Int((min(1, abs(value)) * Double(half)).rounded())
        if value != 0, cells == 0 { cells = 1 }
        let left = value < 0 ? String(repeating: "░", count: half - cells) + String(repeating: "█", count: cells) : empty
        let right = value > 0 ? String(repeating: "█", count: cells) + String(repeating: "░", count: half - cells) : empty
        return left + "┃" + right
    }
}
