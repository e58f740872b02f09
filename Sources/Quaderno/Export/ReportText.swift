import Foundation

/// The words and number formats the human-readable reports share: Italian headings and labels,
/// Italian number formatting (`1.234,5`, `€ 1.234.567,89`), dates.
///
/// Formatting is done by hand, not with `NumberFormatter`, so the output does not depend on the
/// locales installed on the machine.
enum ReportText {
    // MARK: Numbers

    /// An integer with Italian thousands separators: `1234567` → `1.234.567`.
    static func integer(_ value: Int) -> String {
        var digits: [UInt8] = []
        var magnitude = value.magnitude
        repeat {
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var text: [UInt8] = value < 0 ? Array("−".utf8) : []
        text.reserveCapacity(text.count + digits.count + digits.count / 3)
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(0x2E) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A number with `digits` decimals and a decimal comma: `0.5` → `0,50`.
    static func decimal(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let fixed = (0...9).contains(digits) ? FixedDecimals.string(abs(value), digits: digits)
            : String(format: "%.\(digits)f", abs(value))
        let parts = fixed.split(separator: ".", omittingEmptySubsequences: false)
        let whole = grouped(String(parts[0]))
        let negative = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." })
        let sign = negative ? "−" : ""
        return parts.count > 1 ? "\(sign)\(whole),\(parts[1])" : sign + whole
    }

    /// A euro amount, Italian style: `1234567.891` → `€ 1.234.567,89`.
    static func euro(_ value: Double) -> String {
        "€ " + decimal(value, digits: 2)
    }

    /// A share in [0, 1] as a whole percentage: `0.666` → `67%`.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "—" }
        return integer(Int((share * 100).rounded())) + "%"
    }

    /// A polarity balance in [−1, 1] with its sign: `+0,33`, `−0,50`, `0,00`; `—` when there is none.
    static func balance(_ value: Double?) -> String {
        guard let value else { return "—" }
        let text = decimal(value, digits: 2)
        return value > 0 && text != "0,00" ? "+" + text : text
    }

    /// Groups a string of digits by thousands with dots.
    private static func grouped(_ digits: String) -> String {
        let count = digits.count
        var result = ""
        result.reserveCapacity(count + count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }

    /// The text with its first letter upper-cased (`territorio` → `Territorio`).
    static func sentenceCase(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// `1 caso`, `3 casi`: a count with the singular or plural noun.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(value)) \(value == 1 ? singular : plural)"
    }

    // MARK: Dates

    /// An ISO 8601 timestamp (`2025-11-27T04:37:12Z`) as `27/11/2025 04:37 UTC`; other text as is.
    static func date(_ iso: String) -> String {
        let scalars = Array(iso.unicodeScalars)
        guard scalars.count >= 16, scalars[4] == "-", scalars[7] == "-", scalars[10] == "T" else { return iso }
        func piece(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        let zone = iso.hasSuffix("Z") ? " UTC" : ""
        return "\(piece(8..<10))/\(piece(5..<7))/\(piece(0..<4)) \(piece(11..<16))\(zone)"
    }

    // MARK: Labels

    /// What a code section says when it has no quote of its own: none at all, or only its descendants'.
    static func noQuotes(descendants: [String]) -> String {
        descendants.isEmpty ? "Nessuna citazione conteggiata."
            : "Nessuna codifica diretta: le citazioni contate qui sono sotto i codici figli."
    }

    /// The report's title.
    static let title = "Quaderno: rapporto sul corpus"

    /// A polarity as an Italian adjective (code polarities are masculine: "codice positivo").
    static func polarity(_ polarity: Polarity) -> String {
        switch polarity {
        case .positive: "positivo"
        case .negative: "negativo"
        case .neutral: "neutro"
        case .unspecified: "non specificato"
        }
    }

    /// The grouping attribute as a noun for headings: `territory` → `territorio`.
    static func groupNoun(_ key: String) -> String {
        switch key {
        case "territory": "territorio"
        case "ente_proponente": "ente proponente"
        case "tipologia_ets": "tipologia di ETS"
        case "avviso": "avviso"
        case "all": "corpus"
        default: key
        }
    }

    /// A group value as shown: `(none)` becomes `(non riconosciuto)`.
    static func group(_ value: String) -> String {
        value == "(none)" ? "(non riconosciuto)" : value
    }

    /// The counting rules, in one paragraph (the same in every report).
    static let countingRules = "Regole di conteggio: le codifiche negate (una negazione o un rovesciamento "
        + "annulla ogni cue del codice) sono elencate in codings.csv e in fondo a ogni codice, ma non sono mai "
        + "conteggiate; un codice padre conta anche le codifiche dei suoi discendenti, e un'unità codificata "
        + "conta una volta sola; la quota di un codice in un gruppo è la parte dei casi del gruppo che hanno "
        + "almeno una codifica del codice; il bilancio di polarità è (codifiche positive − codifiche negative) "
        + "/ (codifiche positive + codifiche negative), tra −1 e +1, calcolato sulle codifiche dei codici "
        + "positivi e negativi."

    /// How the agreement table is computed, in one sentence.
    static let agreementExplained = "Per ogni codice e ogni elemento il valore è 1 se il codificatore ha applicato "
        + "il codice, 0 altrimenti; un codificatore che non ha codificato un caso vi ha valori mancanti; le "
        + "codifiche negate non contano. «n/d» quando la statistica non è definita (per esempio nessuno ha usato il codice)."

    /// The note under a code's quotes when some are left out.
    static func omitted(_ count: Int) -> String {
        "… e altre \(integer(count)) citazioni, tutte in codings.csv (qui se ne mostrano al più \(ReportContent.quoteLimit) per codice)."
    }

    /// The note under the cases table when only the first `shown` cases are listed.
    static func omittedCases(_ count: Int, shown: Int) -> String {
        "… e \(count == 1 ? "un altro caso" : "altri \(integer(count)) casi"), tutti in cases.csv "
            + "(qui si elencano i primi \(integer(shown)))."
    }

    /// A statistic with three decimals and a decimal comma, `n/d` when undefined.
    static func statistic(_ value: Double?) -> String {
        guard let value else { return "n/d" }
        return FixedDecimals.string(value, digits: 3).replacingOccurrences(of: ".", with: ",")
    }

    /// Section titles, in report order; the anchor is the HTML id and the Markdown heading stays stable.
    enum Section: CaseIterable {
        case summary, heatmap, codes, polarity, resources, cases, quotes, agreement

        /// The Italian heading.
        func heading(group: String) -> String {
            switch self {
            case .summary: "Sintesi del corpus"
            case .heatmap: "Codici per \(groupNoun(group))"
            case .codes: "Frequenza dei codici"
            case .polarity: "Bilancio di polarità per \(groupNoun(group))"
            case .resources: "Risorse per territorio"
            case .cases: "Casi"
            case .quotes: "Codici e citazioni"
            case .agreement: "Accordo tra codificatori"
            }
        }

        /// The HTML id of the section.
        var anchor: String {
            switch self {
            case .summary: "sintesi"
            case .heatmap: "mappa"
            case .codes: "frequenze"
            case .polarity: "polarita"
            case .resources: "risorse"
            case .cases: "casi"
            case .quotes: "codici"
            case .agreement: "accordo"
            }
        }
    }
}
