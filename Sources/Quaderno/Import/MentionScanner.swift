/// The byte-level grammar of amounts, dates and references (see ``MentionExtractor``).
///
/// Works on UTF-8 bytes: every keyword is ASCII; the few non-ASCII characters that matter (`€`, `°`,
/// no-break spaces) are matched as byte sequences, and non-ASCII letters count as word characters.
struct MentionScanner {
    static let referenceKinds = ["decreto_legislativo", "legge_regionale", "decreto_ministeriale", "legge", "determina",
                                 "delibera", "decreto"]
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Characters

    func byte(_ index: Int) -> UInt8 { index < bytes.count && index >= 0 ? bytes[index] : 0 }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

    /// For each byte, whether it is an ASCII letter, digit or underscore (a word byte).
    static let asciiWordBytes: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return isDigit(byte) || isASCIILetter(byte) || byte == 0x5F
    }

    /// A letter, digit or underscore (non-ASCII letters included): what `\b` and `\w` mean.
    func isWord(at index: Int) -> Bool {
        let value = byte(index)
        if value < 0x80 { return Self.asciiWordBytes[Int(value)] }
        var start = index
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)?.scalar.properties.isAlphabetic ?? false
    }

    func isWordBefore(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        return isWord(at: index - 1)
    }

    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? { bytes.utf8Scalar(at: index) }

    /// The length of a space (`\p{Zs}`) at `index`, or 0: never a tab or a line break.
    func space(at index: Int) -> Int {
        let first = byte(index)
        if first < 0x80 { return first == 0x20 ? 1 : 0 }  // the only ASCII space separator
        guard let (scalar, length) = scalar(at: index), scalar.properties.generalCategory == .spaceSeparator else { return 0 }
        return length
    }

    /// Any whitespace, line breaks included (`\s`).
    func whitespace(at index: Int) -> Int {
        let first = byte(index)
        if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : 0 }
        guard let (scalar, length) = scalar(at: index), scalar.properties.isWhitespace else { return 0 }
        return length
    }

    func skipping(_ measure: (Int) -> Int, from index: Int, atMost limit: Int = .max) -> Int {
        var position = index
        var count = 0
        while count < limit {
            let length = measure(position)
            guard length > 0 else { break }
            position += length
            count += 1
        }
        return position
    }

    /// `word` (ASCII, compared case-insensitively) at `index`; returns the index after it. Keywords
    /// are literals, read as bytes without going through `String`.
    func keyword(_ word: StaticString, at index: Int) -> Int? {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (offset, wanted) in expected.enumerated() {
            let actual = byte(index + offset)
            let matches = Self.isASCIILetter(wanted) ? (actual | 0x20) == (wanted | 0x20) : actual == wanted
            guard matches else { return nil }
        }
        return index + expected.count
    }

    /// `word` followed by a word boundary.
    func word(_ word: StaticString, at index: Int) -> Int? {
        // Keywords are ASCII: one ending in punctuation (`d.`) needs no boundary after it.
        guard let end = keyword(word, at: index) else { return nil }
        let last = word.utf8CodeUnitCount > 0 ? word.utf8Start[word.utf8CodeUnitCount - 1] : 0
        guard isWord(at: end) == false || (Self.isDigit(last) == false && Self.isASCIILetter(last) == false) else { return nil }
        return end
    }

    func digits(at index: Int) -> Int {
        var position = index
        while Self.isDigit(byte(position)) { position += 1 }
        return position - index
    }

    func isDigit(_ byte: UInt8) -> Bool { Self.isDigit(byte) }

    /// The value of the ASCII digits in `range` (at most a few: days, months, years).
    func integer(_ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    func isASCIILetter(_ byte: UInt8) -> Bool { Self.isASCIILetter(byte) }
    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

    // MARK: Amounts

    /// A number in Italian notation (`51.726,00`, `51726`, `1,2`): its end and value.
    private func number(at index: Int) -> (end: Int, value: Double)? {
        guard let end = numberEnd(at: index) else { return nil }
        return value(index..<end).map { (end, $0) }
    }

    /// Where the number starting at `index` ends, without reading its value.
    private func numberEnd(at index: Int) -> Int? {
        let run = digits(at: index)
        guard run > 0 else { return nil }
        var end = index + run
        if run <= 3 {
            var grouped = end
            while byte(grouped) == 0x2E, digits(at: grouped + 1) == 3 { grouped += 4 }
            end = grouped
        }
        if byte(end) == 0x2C, digits(at: end + 1) > 0 { end += 1 + digits(at: end + 1) }
        return end
    }

    private func value(_ range: Range<Int>) -> Double? {
        MentionExtractor.parseNumber(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private func isEuroSign(at index: Int) -> Bool {
        byte(index) == 0xE2 && byte(index + 1) == 0x82 && byte(index + 2) == 0xAC
    }

    private func currency(at index: Int) -> Int? {
        if isEuroSign(at: index) { return index + 3 }
        guard isWordBefore(index) == false else { return nil }
        return word("euro", at: index) ?? word("eur", at: index)
    }

    /// `€`, `euro` or `eur` after a number (`146mila euro`, `35.000€`): a boundary after the word only.
    private func suffixCurrency(at index: Int) -> Int? {
        if isEuroSign(at: index) { return index + 3 }
        return word("euro", at: index) ?? word("eur", at: index)
    }

    private static let multipliers: [(StaticString, Double)] = [("milioni", 1e6), ("milione", 1e6), ("mila", 1e3),
                                                                ("mln", 1e6)]

    private func multiplier(at index: Int) -> (end: Int, factor: Double)? {
        for (name, factor) in Self.multipliers {
            if let end = keyword(name, at: index) { return (end, factor) }
        }
        return nil
    }

    /// An amount starting exactly at `index`.
    /// Whether an amount can start at `index`: a digit, `€`, or the `eu` of `euro`/`eur` (any case).
    /// Cheap enough to test at every byte before calling ``amount(at:)``.
    @inline(__always)
    func mayStartAmount(at index: Int) -> Bool {
        let first = byte(index)
        return Self.isDigit(first) || first == 0xE2 || (first | 0x20 == 0x65 && byte(index + 1) | 0x20 == 0x75)
    }

    func amount(at index: Int) -> (end: Int, value: Double)? {
        let first = byte(index)
        guard Self.isDigit(first) || first == 0xE2 || first | 0x20 == 0x65 else { return nil }
        if let afterSign = currency(at: index) {
            let start = afterSign + space(at: afterSign)
            guard var (end, value) = number(at: start) else { return nil }
            let gap = end + space(at: end)
            if let (after, factor) = multiplier(at: gap), isWord(at: after) == false {
                end = after
                value *= factor
            }
            return (end, value)
        }
        guard Self.isDigit(byte(index)), isWordBefore(index) == false, byte(index - 1) != 0x2E, byte(index - 1) != 0x2C,
              let end = numberEnd(at: index) else { return nil }
        var factor: Double?
        var position = end + space(at: end)
        if let (after, multiplier) = multiplier(at: position) {
            factor = multiplier
            position = after + space(at: after)
        }
        if let afterDi = keyword("di", at: position), space(at: afterDi) > 0 {
            position = skipping(space, from: afterDi)
        }
        // Most numbers (dates, counts, years) have no currency after them: their value is never read.
        guard let after = suffixCurrency(at: position), let number = value(index..<end) else { return nil }
        return (after, factor.map { number * $0 } ?? number)
    }

    // MARK: Dates

    /// A date starting exactly at `index`: `13/03/2017`, `13-03-2017`, `19 aprile 2022`, `1° marzo 2020`.
    func date(at index: Int) -> (end: Int, iso: String?)? {
        guard Self.isDigit(byte(index)), isWordBefore(index) == false else { return nil }
        let dayLength = digits(at: index)
        guard (1...2).contains(dayLength) else { return nil }
        let day = integer(index..<index + dayLength)
        var position = index + dayLength
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x2D || byte == 0x2E }
        if isSeparator(byte(position)) {
            let monthLength = digits(at: position + 1)
            guard (1...2).contains(monthLength) else { return nil }
            let month = integer((position + 1)..<(position + 1 + monthLength))
            position += 1 + monthLength
            guard isSeparator(byte(position)), digits(at: position + 1) == 4, isWord(at: position + 5) == false
            else { return nil }
            let year = integer((position + 1)..<(position + 5))
            return (position + 5, MentionExtractor.isoDate(day: day, month: month, year: year))
        }
        if byte(position) == 0xC2, byte(position + 1) == 0xB0 { position += 2 }
        let afterSpaces = skipping(space, from: position)
        guard afterSpaces > position else { return nil }
        for (number, name) in MentionExtractor.months.enumerated() {
            guard let afterMonth = keyword(name, at: afterSpaces) else { continue }
            let yearStart = skipping(space, from: afterMonth)
            guard yearStart > afterMonth, digits(at: yearStart) == 4, isWord(at: yearStart + 4) == false else { return nil }
            let year = integer(yearStart..<yearStart + 4)
            return (yearStart + 4, MentionExtractor.isoDate(day: day, month: number + 1, year: year))
        }
        return nil
    }
}
