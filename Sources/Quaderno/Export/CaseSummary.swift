import Foundation

/// A readable, terminal-sized summary of an imported case (what `quaderno inspect` prints).
public enum CaseSummary {
    /// The summary text, several lines; with `codings`, each element lists its codes.
    public static func text(_ sheet: Case, codings: [Coding]? = nil) -> String {
        var lines: [String] = ["\(sheet.source)  [\(sheet.format.rawValue), case \(sheet.id)]"]
        if sheet.title.isEmpty == false { lines.append("  title               \(clip(sheet.title, 90))") }
        lines.append("  territory           \(sheet.territory ?? "(not recognised)")")
        for attribute in sheet.attributes where attribute.key != "territory" {
            lines.append("  \(attribute.key.padding(toLength: 19, withPad: " ", startingAt: 0)) "
                + clip(attribute.value, 90))
        }
        for table in sheet.tables {
            let (header, rows) = (table.header, table.rows)
            lines.append("  table               \(clip(table.section, 50)): \(header.count) header cells, "
                + "\(rows.count) rows × \(rows.first?.count ?? header.count) columns")
        }
        let counts = Dictionary(grouping: sheet.elements, by: \.polarity).mapValues(\.count)
        lines.append("  elements            \(counts[.positive] ?? 0) positive, \(counts[.negative] ?? 0) negative, "
            + "\(counts[.unspecified] ?? 0) unspecified")
        for element in sheet.elements {
            let sign = element.polarity == .positive ? "+" : element.polarity == .negative ? "-" : "?"
            lines.append("    \(sign) \(element.id.padding(toLength: 4, withPad: " ", startingAt: 0)) "
                + clip(element.text, 96))
            if let codings {
                let codes = codings.filter { $0.elementID == element.id }.map { coding in
                    coding.negated ? "(\(coding.code): negated)" : coding.polarityConflict ? "\(coding.code)!" : coding.code
                }
                if codes.isEmpty == false { lines.append("           codes: " + codes.joined(separator: ", ")) }
            }
        }
        if sheet.amounts.isEmpty == false {
            lines.append("  amounts             " + sheet.amounts.map { "\($0.text) (\(euros($0.value)))" }.joined(separator: "; "))
        }
        if sheet.dates.isEmpty == false {
            lines.append("  dates               " + sheet.dates.map(\.value).joined(separator: ", "))
        }
        for reference in sheet.references {
            lines.append("  reference           \(reference.kind) \(reference.number ?? "")"
                + (reference.date.map { " of \($0)" } ?? "") + "  «\(clip(reference.text, 60))»")
        }
        for warning in sheet.warnings { lines.append("  warning             \(warning)") }
        return lines.joined(separator: "\n")
    }

    static func clip(_ text: String, _ length: Int) -> String {
        let flat = hasLineBreak(text) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
        // Counts at most `length` characters, not a long text to its end.
        guard let end = flat.index(flat.startIndex, offsetBy: length, limitedBy: flat.endIndex), end < flat.endIndex else {
            return flat
        }
        return String(flat.prefix(length - 1)) + "…"
    }

    /// Whether `text` has a character that `Character.isNewline` accepts: LF, VT, FF, CR, U+0085,
    /// U+2028 or U+2029 (looked for in the UTF-8, without breaking the text into characters).
    private static func hasLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x0A...0x0D: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): return true
                default: continue
                }
            }
            return false
        }
    }

    static func euros(_ value: Double) -> String { String(format: "%.2f", value) }
}
