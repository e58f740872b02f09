/// Finds euro amounts, dates and administrative references in a case's text, with scalar offsets.
///
/// A hand-written scanner over the text's UTF-8 bytes (no regular expressions): one pass per kind,
/// linear in the text, safe to run on several threads at once.
///
/// - Amounts: `€ 51.726,00`, `€51.726`, `euro 402.718,00`, `EUR 35.000`, `146mila euro`,
///   `1,2 milioni di euro`. Parts are separated by spaces (no-break spaces included) but never by a
///   tab or a newline, which separate table cells and lines; a number right after a letter, a digit,
///   `.` or `,` is part of something else.
/// - Dates: `13/03/2017` (also `-` or `.`), `19 aprile 2022`, `1° marzo 2020`; impossible dates are
///   left out.
/// - References: determine, delibere and decreti with their number and date (`Det.n.60 del
///   13/03/2017`, `Delibera di Giunta n. 5 del ...`), and laws by number/year (`D.Lgs. 117/2017`,
///   `L.R. 65/2020`, `DM 72/2021`, `L. 112/2016`).
struct MentionExtractor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let offsets: ByteScalarMap

    /// An extractor over `bytes`, the UTF-8 of a text, valid only while `bytes` is.
    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        offsets = ByteScalarMap(bytes)
    }

    /// The amounts, dates and references of `text`, read in place (a case text can be tens of MB).
    static func mentions(in text: String) -> (amounts: [AmountMention], dates: [DateMention],
                                              references: [ReferenceMention]) {
        var text = text
        return text.withUTF8 { bytes in MentionExtractor(bytes: bytes).scan() }
    }

    static let months: [StaticString] = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                                         "agosto", "settembre", "ottobre", "novembre", "dicembre"]

    /// For each byte: bit 0 if a mention can start with it (digits for amounts and dates, `€`'s
    /// first byte and `e` for amounts, `d` and `l` for references, either case), bit 1 if it is an
    /// ASCII letter, digit or `_`.
    private static let byteFlags: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        let starts = MentionScanner.isDigit(byte) || byte == 0xE2 || [0x65, 0x64, 0x6C].contains(byte | 0x20)
        return (starts ? 1 : 0) | (MentionScanner.asciiWordBytes[value] ? 2 : 0)
    }

    /// Calls `body` with each byte offset where a mention may start, in order: a start byte that is
    /// not a letter or digit continuing a word (`euro`, `D.Lgs.`, `146mila`, `13/03` start a word;
    /// inside one they are passed over without a look, and the scanner refuses them too). Worked out
    /// from the byte and the one before without a branch, so that the loop branches only where a
    /// mention may start: branching on every `e`, `d` and `l` first mispredicted often enough to
    /// make this loop a tenth of an import.
    @inline(__always)
    private func forEachPossibleStart(_ body: (Int) -> Void) {
        Self.byteFlags.withUnsafeBufferPointer { flags in
            var before: UInt8 = 0
            for index in bytes.indices {
                let flag = flags[Int(bytes[index])]
                // Bit 0 of `flag`, cleared when this byte and the one before both have bit 1.
                let possible = flag & ~((flag & before) >> 1) & 1
                before = flag
                if possible != 0 { body(index) }
            }
        }
    }

    /// One pass over the text for the three kinds. Amounts and dates are taken in text order, the
    /// search for the next one resuming after each found; references may overlap until the end,
    /// where the more specific kind wins (a decreto legislativo before a decreto).
    private func scan() -> (amounts: [AmountMention], dates: [DateMention], references: [ReferenceMention]) {
        var amounts: [AmountMention] = []
        var dates: [DateMention] = []
        var candidates: [(kind: Int, range: Range<Int>, number: String, date: String?)] = []
        let scanner = MentionScanner(bytes)
        var amountFrom = 0
        var dateFrom = 0
        forEachPossibleStart { index in
            if index >= amountFrom, scanner.mayStartAmount(at: index), let amount = scanner.amount(at: index) {
                amounts.append(AmountMention(value: amount.value, text: quote(index..<amount.end),
                                             start: offsets.scalar(index), end: offsets.scalar(amount.end)))
                amountFrom = amount.end
            }
            if index >= dateFrom, MentionScanner.isDigit(bytes[index]), let date = scanner.date(at: index) {
                if let iso = date.iso {
                    dates.append(DateMention(value: iso, text: quote(index..<date.end), start: offsets.scalar(index),
                                             end: offsets.scalar(date.end)))
                }
                dateFrom = date.end
            }
            if scanner.mayStartReference(at: index) {
                for reference in scanner.references(at: index) {
                    candidates.append((reference.kind, index..<reference.end, reference.number, reference.date))
                }
            }
        }
        return (amounts, dates, references(from: candidates))
    }

    /// The references kept from the candidates, in text order.
    private func references(from candidates: [(kind: Int, range: Range<Int>, number: String, date: String?)])
        -> [ReferenceMention] {
        var kept: [(kind: Int, range: Range<Int>, number: String, date: String?)] = []
        for candidate in candidates.sorted(by: { ($0.kind, $0.range.lowerBound) < ($1.kind, $1.range.lowerBound) })
        where kept.contains(where: { $0.range.overlaps(candidate.range) }) == false {
            kept.append(candidate)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { candidate in
            ReferenceMention(kind: MentionScanner.referenceKinds[candidate.kind], number: candidate.number,
                             date: candidate.date, text: quote(candidate.range),
                             start: offsets.scalar(candidate.range.lowerBound), end: offsets.scalar(candidate.range.upperBound))
        }
    }

    private func quote(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The value of a number's UTF-8 digits in Italian notation, group dots dropped and the decimal
    /// comma read as a point: `51.726,00` → 51726.0; `1,2` → 1.2.
    static func parseNumber(_ digits: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digits.count) { plain in
            var count = 0
            for byte in digits where byte != 0x2E {
                plain[count] = byte == 0x2C ? 0x2E : byte
                count += 1
            }
            return Double(String(decoding: plain[..<count], as: UTF8.self))
        }
    }

    /// `2017-03-13` for a real calendar date between 1900 and 2100, else nil.
    static func isoDate(day: Int, month: Int, year: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        let pad = { (value: Int, width: Int) in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// Converts byte offsets in UTF-8 text to scalar offsets, with a checkpoint every 64 bytes.
struct ByteScalarMap {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var checkpoints: [Int] = []
    private static let stride = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        checkpoints.reserveCapacity(bytes.count / Self.stride + 2)
        var count = 0
        var start = 0
        while start < bytes.count {
            checkpoints.append(count)
            let end = min(start + Self.stride, bytes.count)
            count += Self.scalarStarts(bytes, start..<end)
            start = end
        }
        checkpoints.append(count)
    }

    /// How many scalars start in `range`: every byte but continuation bytes (`10xxxxxx`) starts one.
    /// Eight bytes at a time: a byte is a continuation byte when its bit 7 is set and bit 6 clear.
    private static func scalarStarts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let high: UInt64 = 0x8080_8080_8080_8080
        var starts = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            starts += 8 - (word & ~(word << 1) & high).nonzeroBitCount
            index += 8
        }
        while index < range.upperBound {
            if bytes[index] & 0xC0 != 0x80 { starts += 1 }
            index += 1
        }
        return starts
    }

    /// The scalar offset of byte `offset` (which starts a scalar, or is the end).
    func scalar(_ offset: Int) -> Int {
        let block = offset / Self.stride
        var count = checkpoints[min(block, checkpoints.count - 1)]
        var index = block * Self.stride
        while index < offset, index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
