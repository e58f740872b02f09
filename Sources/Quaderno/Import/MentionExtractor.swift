import Foundation

/// Finds euro amounts, dates and administrative references in a case's text, with scalar offsets.
struct MentionExtractor {
    let text: String
    private let nsText: NSString
    private let offsets: UTF16ScalarMap

    init(text: String) {
        self.text = text
        nsText = text as NSString
        offsets = UTF16ScalarMap(text)
    }

    /// A number in Italian notation: `51.726,00`, `51726`, `1,2`.
    static let number = #"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"#
    static let months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                         "settembre", "ottobre", "novembre", "dicembre"]
    /// A date: `13/03/2017`, `13-03-2017`, `19 aprile 2022`, `1° marzo 2020`.
    static let date = #"\b\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}\b|\b\d{1,2}°?\p{Zs}+(?:"#
        + months.joined(separator: "|") + #")\p{Zs}+\d{4}\b"#

    /// Parts of an amount are separated by spaces (`\p{Zs}`, which includes no-break spaces) but never
    /// by a tab or a newline: those separate table cells and lines, so `2021<TAB>€ 5` is not 2021 euros.
    /// A number that follows a letter or digit (`s3 €`) is part of a word, not an amount.
    private static let amountPattern = regex(
        #"(?:€|\beuro\b|\bEUR\b)\p{Zs}?(?<a>"# + number + #")(?:\p{Zs}?(?<am>mila|milion[ei]|mln)\b)?"#
        + #"|(?<![\p{L}\d.,])(?<b>"# + number + #")\p{Zs}?(?<bm>mila|milion[ei]|mln)?\p{Zs}?(?:di\p{Zs}+)?"#
        + #"(?:€|euro\b|EUR\b)"#)
    private static let datePattern = regex(date)

    /// Euro amounts in text order.
    func amounts() -> [AmountMention] {
        matches(Self.amountPattern).compactMap { match in
            let digits = group(match, "a") ?? group(match, "b") ?? ""
            guard var value = Self.parseNumber(digits) else { return nil }
            switch (group(match, "am") ?? group(match, "bm"))?.lowercased() {
            case "mila": value *= 1_000
            case "milioni", "milione", "mln": value *= 1_000_000
            default: break
            }
            let (quoted, start, end) = span(match.range)
            return AmountMention(value: value, text: quoted, start: start, end: end)
        }
    }

    /// Valid calendar dates in text order, as ISO dates.
    func dates() -> [DateMention] {
        matches(Self.datePattern).compactMap { match in
            let (quoted, start, end) = span(match.range)
            guard let iso = Self.isoDate(quoted) else { return nil }
            return DateMention(value: iso, text: quoted, start: start, end: end)
        }
    }

    /// References to acts, in text order.
    func references() -> [ReferenceMention] {
        var found: [ReferenceMention] = []
        for pattern in ReferencePattern.all {
            for match in matches(pattern.regex) {
                let (quoted, start, end) = span(match.range)
                guard found.contains(where: { $0.start < end && start < $0.end }) == false else { continue }
                let date = group(match, "date").flatMap(Self.isoDate)
                found.append(ReferenceMention(kind: pattern.kind, number: group(match, "number"), date: date,
                                              text: quoted, start: start, end: end))
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    // MARK: - Helpers

    static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file; a failure is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private func matches(_ regex: NSRegularExpression) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: NSRange(location: 0, length: nsText.length))
    }

    private func group(_ match: NSTextCheckingResult, _ name: String) -> String? {
        let range = match.range(withName: name)
        return range.location == NSNotFound ? nil : nsText.substring(with: range)
    }

    private func span(_ range: NSRange) -> (String, Int, Int) {
        (nsText.substring(with: range), offsets.scalarOffset(range.location),
         offsets.scalarOffset(range.location + range.length))
    }

    /// `51.726,00` → 51726.0; `1,2` → 1.2.
    static func parseNumber(_ digits: String) -> Double? {
        Double(digits.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
    }

    /// `13/03/2017` or `19 aprile 2022` → `2017-03-13`; nil for impossible dates.
    static func isoDate(_ written: String) -> String? {
        let parts = written.lowercased().split(whereSeparator: { "/-. °".contains($0) }).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]) else { return nil }
        guard let month = Int(parts[1]) ?? months.firstIndex(of: parts[1]).map({ $0 + 1 }) else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        guard (1...12).contains(month), (1...31).contains(day), (1900...2100).contains(year),
              components.isValidDate(in: Calendar(identifier: .gregorian)) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
