import Foundation

/// The compact binary form in which a project keeps everything an import found in a case except its
/// text (which has its own column): attributes, tables, elements, mentions, segments and warnings.
///
/// It exists for speed: decoding it is many times faster than JSON, and projects reload every case
/// for each report. Layout: the bytes `Q C 1`, then each field in declaration order; integers as
/// unsigned LEB128, strings as a length and UTF-8 bytes, lists as a count and their items, optional
/// strings behind a 0/1 byte, amounts as IEEE 754 little-endian; the segments' section headings are
/// listed once and referred to by number.
enum CaseArchive {
    static let magic: [UInt8] = [0x51, 0x43, 0x31]  // "QC1"

    /// The case without its text.
    static func encode(_ sheet: Case) -> [UInt8] {
        // Tables hold about as many bytes as the text at most: reserved once, a large case's archive
        // is not regrown (a regrown buffer briefly holds its old and its new storage).
        var out = ArchiveWriter(capacity: 1024 + sheet.segments.count * 24 + sheet.elements.count * 160
                                    + (sheet.tables.isEmpty ? 0 : sheet.text.utf8.count))
        for byte in magic { out.byte(byte) }
        out.string(sheet.id)
        out.string(sheet.source)
        out.string(sheet.format.rawValue)
        out.string(sheet.title)
        out.int(sheet.attributes.count)
        for attribute in sheet.attributes {
            out.string(attribute.key)
            out.string(attribute.label)
            out.string(attribute.value)
        }
        out.int(sheet.tables.count)
        for table in sheet.tables {
            out.string(table.section)
            out.strings(table.header)
            let rows = table.rows
            out.int(rows.count)
            for row in rows { out.strings(row) }
        }
        out.int(sheet.elements.count)
        for element in sheet.elements {
            out.string(element.id)
            out.string(element.polarity.rawValue)
            out.string(element.polaritySource)
            out.optionalString(element.polarityEvidence)
            out.string(element.text)
            out.int(element.start)
            out.int(element.end)
        }
        out.int(sheet.amounts.count)
        for amount in sheet.amounts {
            out.double(amount.value)
            out.string(amount.currency)
            out.string(amount.text)
            out.int(amount.start)
            out.int(amount.end)
        }
        out.int(sheet.dates.count)
        for date in sheet.dates {
            out.string(date.value)
            out.string(date.text)
            out.int(date.start)
            out.int(date.end)
        }
        out.int(sheet.references.count)
        for reference in sheet.references {
            out.string(reference.kind)
            out.optionalString(reference.number)
            out.optionalString(reference.date)
            out.string(reference.text)
            out.int(reference.start)
            out.int(reference.end)
        }
        // Segments repeat their section's heading: each heading is written once, then referred to.
        // A segment's section is mostly its predecessor's, which is compared before any hashing.
        var sections: [String] = []
        var sectionNumbers: [String: Int] = [:]
        var numbers: [Int] = []
        numbers.reserveCapacity(sheet.segments.count)
        for segment in sheet.segments {
            if let last = numbers.last, sections[last] == segment.section {
                numbers.append(last)
                continue
            }
            let number = sectionNumbers[segment.section] ?? sections.count
            if number == sections.count {
                sectionNumbers[segment.section] = number
                sections.append(segment.section)
            }
            numbers.append(number)
        }
        out.strings(sections)
        out.int(sheet.segments.count)
        for (segment, number) in zip(sheet.segments, numbers) {
            out.byte(Self.segmentKinds.firstIndex(of: segment.kind).map(UInt8.init) ?? 0)
            out.int(number)
            out.int(segment.start)
            out.int(segment.end)
        }
        out.strings(sheet.warnings)
        return out.bytes
    }

    /// How much of a case ``decode(_:text:detail:)`` makes.
    enum Detail {
        /// Every field.
        case whole
        /// What the analysis and the reports read: id, source, format, title, attributes, elements,
        /// amounts and warnings. Tables, dates, references and segments are stepped over (their
        /// bytes still checked) and left empty.
        case summary
    }

    /// The case `encode` wrote, with `text` as its text; with `.summary`, only the fields it names.
    static func decode(_ bytes: UnsafeRawBufferPointer, text: String, detail: Detail = .whole) throws -> Case {
        var input = ArchiveReader(bytes)
        for byte in magic where try input.byte() != byte {
            throw ArchiveReader.Corrupt(offset: 0, problem: "not a case archive")
        }
        let id = try input.string()
        let source = try input.string()
        let formatName = try input.string()
        guard let format = SourceFormat(rawValue: formatName) else {
            throw ArchiveReader.Corrupt(offset: input.offset, problem: "unknown format '\(formatName)'")
        }
        let whole = detail == .whole
        var sheet = Case(id: id, source: source, format: format, title: try input.string(), text: text)
        sheet.attributes = try list(&input) { try Attribute(key: $0.string(), label: $0.string(), value: $0.string()) }
        if whole {
            sheet.tables = try list(&input) { input in
                try CaseTable(section: input.string(), header: input.strings(), rows: list(&input) { try $0.strings() })
            }
        } else {
            try skip(&input) { input in
                try input.skipString()
                try input.skipStrings()
                try skip(&input) { try $0.skipStrings() }
            }
        }
        sheet.elements = try list(&input) { input in
            let id = try input.string()
            let polarityName = try input.string()
            guard let polarity = Polarity(rawValue: polarityName) else {
                throw ArchiveReader.Corrupt(offset: input.offset, problem: "unknown polarity '\(polarityName)'")
            }
            return try Element(id: id, polarity: polarity, polaritySource: input.string(),
                               polarityEvidence: input.optionalString(), text: input.string(), start: input.int(),
                               end: input.int())
        }
        sheet.amounts = try list(&input) {
            try AmountMention(value: $0.double(), currency: $0.string(), text: $0.string(), start: $0.int(), end: $0.int())
        }
        if whole {
            sheet.dates = try list(&input) {
                try DateMention(value: $0.string(), text: $0.string(), start: $0.int(), end: $0.int())
            }
            sheet.references = try list(&input) {
                try ReferenceMention(kind: $0.string(), number: $0.optionalString(), date: $0.optionalString(),
                                     text: $0.string(), start: $0.int(), end: $0.int())
            }
        } else {
            try skip(&input) { input in
                for _ in 0..<2 { try input.skipString() }
                for _ in 0..<2 { _ = try input.int() }
            }
            try skip(&input) { input in
                try input.skipString()
                for _ in 0..<2 { try input.skipOptionalString() }
                try input.skipString()
                for _ in 0..<2 { _ = try input.int() }
            }
        }
        if whole {
            let sections = try input.strings()
            sheet.segments = try list(&input) { input in
                let (kind, section) = try segmentHead(&input, sections: sections.count)
                return try Segment(kind: kind, section: sections[section], start: input.int(), end: input.int())
            }
        } else {
            let sections = try input.count()
            for _ in 0..<sections { try input.skipString() }
            try skip(&input) { input in
                _ = try segmentHead(&input, sections: sections)
                for _ in 0..<2 { _ = try input.int() }
            }
        }
        sheet.warnings = try input.strings()
        guard input.isAtEnd else { throw ArchiveReader.Corrupt(offset: input.offset, problem: "bytes after the end") }
        return sheet
    }

    /// A segment's kind and section number, checked against the kinds and the `sections` listed.
    private static func segmentHead(_ input: inout ArchiveReader, sections: Int) throws -> (Segment.Kind, Int) {
        let kind = Int(try input.byte())
        guard kind < segmentKinds.count else {
            throw ArchiveReader.Corrupt(offset: input.offset - 1, problem: "unknown segment kind \(kind)")
        }
        let section = try input.int()
        guard section < sections else {
            throw ArchiveReader.Corrupt(offset: input.offset, problem: "unknown section \(section)")
        }
        return (segmentKinds[kind], section)
    }

    /// Segment kinds by their stored number; new kinds go at the end.
    private static let segmentKinds: [Segment.Kind] = [.title, .heading, .paragraph, .item, .cell]

    private static func list<T>(_ input: inout ArchiveReader, _ item: (inout ArchiveReader) throws -> T) throws -> [T] {
        let count = try input.count()
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(&input)) }
        return items
    }

    /// Steps over a list whose items `item` steps over.
    private static func skip(_ input: inout ArchiveReader, _ item: (inout ArchiveReader) throws -> Void) throws {
        let count = try input.count()
        for _ in 0..<count { try item(&input) }
    }
}
