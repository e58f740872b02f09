import Foundation
import Testing
@testable import Quaderno

/// The byte-level CSV writer, the C-library number formatting and the escaping fast paths give exactly
/// what the straightforward String implementations they replaced give, on random text full of the
/// characters that matter (quotes, separators, line breaks, BOM, controls, Markdown punctuation).
@Suite("Report fast paths equal their reference")
struct ReportFastPathTests {
    /// Pieces random text is made of: plain words and every character some escaping looks at.
    static let pieces = ["a", "Zona", "è", "perché", " ", "  ", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", "\t", "\u{FEFF}",
                         "€", "–", "«", "»", "😀", "e\u{301}", "0", "12", "3.", "4)", ".", ")", "-", "+", "=", "*", "_",
                         "`", "|", "#", "~", "<", ">", "&", "&amp", "&#", "'", "\\", "[", "]", "\u{1}", "\u{7F}",
                         "\u{80}", "\u{9F}", "\u{A0}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "¾", "ï¿¾", "x-y", "a_b"]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...8, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func randomDouble(_ generator: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<8, using: &generator) {
        case 0: return [0, -0.0, 0.5, 1, -1, 1e-7, 5e-7, 0.0000005, 2.5, 1e300, -1e15, .infinity, -.infinity, .nan]
            .randomElement(using: &generator)!
        case 1: return Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 1000
        case 2: return Double(Int.random(in: 0...100, using: &generator)) / Double(Int.random(in: 1...100, using: &generator))
        case 3: return Double(bitPattern: generator.next())
        default: return Double.random(in: -1e9...1e9, using: &generator)
        }
    }

    @Test("the CSV writer equals the reference escaping, in both dialects")
    func csvEqualsReference() {
        var generator = SeededGenerator(state: 7)
        for dialect in [CSVWriter.Dialect.standard, .excel] {
            for _ in 0..<300 {
                let columns = Int.random(in: 0...6, using: &generator)
                let header = (0..<columns).map { _ in Self.randomText(&generator) }
                let rows: [[CSVWriter.Field]] = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                        switch Int.random(in: 0..<5, using: &generator) {
                        case 0: .integer([0, -1, .max, .min, Int(truncatingIfNeeded: generator.next())].randomElement(using: &generator)!)
                        case 1: .decimal(Bool.random(using: &generator) ? nil : Self.randomDouble(&generator))
                        case 2: .flag(Bool.random(using: &generator))
                        default: .text(Self.randomText(&generator))
                        }
                    }
                }
                let writer = CSVWriter(dialect: dialect)
                let expected = ReferenceCSV(dialect: dialect).render(header: header, rows: rows)
                #expect(writer.render(header: header, rows: rows) == expected)
                #expect(writer.bytes(header: header, rows: rows) == Array(expected.utf8))
            }
        }
    }

    @Test("fixed decimals equal String(format:)")
    func fixedDecimalsEqualFoundation() {
        var generator = SeededGenerator(state: 11)
        for _ in 0..<5000 {
            let value = Self.randomDouble(&generator)
            let digits = Int.random(in: 0...9, using: &generator)
            #expect(FixedDecimals.string(value, digits: digits) == String(format: "%.\(digits)f", value))
        }
    }

    @Test("Italian integers and decimals equal the reference formatting")
    func italianNumbers() {
        var generator = SeededGenerator(state: 13)
        let integers = [0, 1, -1, 999, 1000, -1000, 123_456_789, .max, .min]
            + (0..<2000).map { _ in Int(truncatingIfNeeded: generator.next()) >> Int.random(in: 0...63, using: &generator) }
        for value in integers {
            #expect(ReportText.integer(value) == (value < 0 ? "−" : "") + referenceGrouped(String(value.magnitude)))
        }
        for _ in 0..<2000 {
            let value = Self.randomDouble(&generator)
            #expect(ReportText.decimal(value) == referenceDecimal(value))
            #expect(ReportText.statistic(value) == String(format: "%.3f", value).replacingOccurrences(of: ".", with: ","))
        }
    }

    @Test("HTML and Markdown escaping equal their reference on random text")
    func escapingEqualsReference() {
        var generator = SeededGenerator(state: 17)
        for _ in 0..<20000 {
            let text = Self.randomText(&generator)
            #expect(HTMLEscaping.text(text) == ReferenceEscaping.html(text))
            #expect(HTMLEscaping.attribute(text) == ReferenceEscaping.flat(ReferenceEscaping.html(text)))
            #expect(HTMLEscaping.anchor("caso", text) == ReferenceEscaping.anchor("caso", text))
            #expect(MarkdownReport.inline(text) == ReferenceEscaping.inline(text))
            #expect(MarkdownReport.code(text) == ReferenceEscaping.code(text))
        }
    }
}

// MARK: References: the implementations the fast paths replaced, kept verbatim.

/// The CSV writer as it was: one String, fields formatted then escaped scalar by scalar.
private struct ReferenceCSV {
    var dialect: CSVWriter.Dialect
    var separator: String { dialect == .excel ? ";" : "," }

    func render(header: [String], rows: [[CSVWriter.Field]]) -> String {
        var output = dialect == .excel ? "\u{FEFF}" : ""
        output += header.map(escape).joined(separator: separator) + "\r\n"
        for row in rows {
            output += row.map(format).map(escape).joined(separator: separator) + "\r\n"
        }
        return output
    }

    func format(_ field: CSVWriter.Field) -> String {
        switch field {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .flag(let value): return value ? "true" : "false"
        case .decimal(let value):
            guard let value else { return "" }
            var text = String(format: "%.6f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return dialect == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
        }
    }

    func escape(_ text: String) -> String {
        let separatorByte: UInt8 = dialect == .excel ? 0x3B : 0x2C
        let needsQuotes = text.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}

private func referenceGrouped(_ digits: String) -> String {
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
        result.append(digit)
    }
    return result
}

private func referenceDecimal(_ value: Double, digits: Int = 2) -> String {
    guard value.isFinite else { return "—" }
    let fixed = String(format: "%.\(digits)f", abs(value))
    let parts = fixed.split(separator: ".", omittingEmptySubsequences: false)
    let whole = referenceGrouped(String(parts[0]))
    let negative = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." })
    let sign = negative ? "−" : ""
    return parts.count > 1 ? "\(sign)\(whole),\(parts[1])" : sign + whole
}
