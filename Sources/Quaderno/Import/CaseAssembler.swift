/// Turns the blocks of one document into a ``Case``: the plain text with offsets, attributes,
/// tables, elements and mentions. Every format ends here, so a case reads the same whatever its file.
struct CaseAssembler {
    let vocabulary: ImportVocabulary

    func assemble(_ blocks: consuming [Block], id: String, source: String, format: SourceFormat,
                  warnings: [String] = []) -> Case {
        var merged = PageBreakMerger.merge(blocks)
        blocks = []
        var text = TextBuilder(reservingBytes: Self.estimatedBytes(merged))
        var result = Case(id: id, source: source, format: format, warnings: warnings)
        // Sized once: a regrown array briefly holds its old and its new storage (a large file's
        // segments can take tens of MB).
        result.segments.reserveCapacity(Self.segmentCount(merged))
        var elements = ElementCollector(vocabulary: vocabulary)
        var section = ""
        var inIdentification = false

        result.title = Self.frontMatterTitle(merged) ?? ""
        for index in merged.indices {
            // Each block is let go once used: what the case keeps (cell texts) lives on in it, the
            // rest (the block's own arrays) is freed as the text grows, not at the end.
            let block = merged[index]
            merged[index] = .separator
            switch block {
            case .title(let title):
                if result.title.isEmpty { result.title = Self.cleanTitle(title) }
                let range = text.append(title)
                text.append("\n")
                result.segments.append(Segment(kind: .title, section: section, start: range.lowerBound, end: range.upperBound))
            case .heading(let level, let heading):
                if text.count > 0 { text.append("\n") }
                let range = text.append(heading)
                text.append("\n")
                section = heading
                result.segments.append(Segment(kind: .heading, section: section, start: range.lowerBound,
                                               end: range.upperBound))
                inIdentification = vocabulary.meanings(of: heading).contains(.identification)
                elements.heading(level: level, text: heading)
            case .paragraph(let paragraph):
                let range = text.append(paragraph)
                text.append("\n")
                result.segments.append(Segment(kind: .paragraph, section: section, start: range.lowerBound,
                                               end: range.upperBound))
                if inIdentification, let (label, value) = Self.labelAndValue(paragraph) {
                    addAttribute(label: label, value: value, to: &result)
                } else {
                    elements.paragraph(paragraph, range: range)
                }
            case .item(let item, _):
                let range = text.append(item)
                text.append("\n")
                result.segments.append(Segment(kind: .item, section: section, start: range.lowerBound,
                                               end: range.upperBound))
                elements.item(item, range: range)
            case .separator:
                if text.atLineStart, text.text.utf8.suffix(2).elementsEqual([0x0A, 0x0A]) == false { text.append("\n") }
                elements.separator()
            case .table(let table):
                let parts = render(table, into: &text)
                for part in parts.joined().joined() {
                    result.segments.append(Segment(kind: .cell, section: section, start: part.range.lowerBound,
                                                   end: part.range.upperBound))
                }
                if elements.inSummary == false, isAttributeTable(table, inIdentification: inIdentification) {
                    for row in table.rows.dropFirst(table.headerRowCount) where row[0].isEmpty == false {
                        addAttribute(label: row[0].parts.map(\.text).joined(separator: " "),
                                     value: row[1].parts.map(\.text).joined(separator: " "), to: &result)
                    }
                    continue
                }
                result.tables.append(CaseTable(
                    section: section,
                    header: table.rows.prefix(table.headerRowCount).last?.map(\.text) ?? [],
                    rows: table.rows.dropFirst(table.headerRowCount).map { $0.map(\.text) }))
                _ = elements.table(table, parts: parts)
            }
        }
        merged = []
        result.text = text.text
        result.elements = elements.finish()
        result.warnings += elements.warnings
        resolveTerritory(&result)
        (result.amounts, result.dates, result.references) = MentionExtractor.mentions(in: result.text)
        return result
    }

    /// About how many UTF-8 bytes the text of `blocks` takes (texts plus a separator each), so the
    /// text is allocated once rather than regrown: a regrown buffer can hold twice what it needs.
    private static func estimatedBytes(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { total, block in
            switch block {
            case .title(let text), .heading(_, let text), .paragraph(let text), .item(let text, _):
                return total + text.utf8.count + 2
            case .separator: return total + 1
            case .table(let table):
                return total + table.rows.reduce(0) { $0 + $1.reduce(1) { $0 + $1.parts.reduce(1) { $0 + $1.text.utf8.count + 1 } } }
            }
        }
    }

    /// How many segments `blocks` make: one per title, heading, paragraph and item, one per part of
    /// each table cell that is not a span copy.
    private static func segmentCount(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { total, block in
            switch block {
            case .title, .heading, .paragraph, .item: return total + 1
            case .separator: return total
            case .table(let table):
                return total + table.rows.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isSpanCopy ? 0 : $1.parts.count) } }
            }
        }
    }

    /// Renders a table: cells separated by tabs, parts of a cell by newlines, one row per line.
    /// Returns the range of every part, `[row][column][part]`; spanned copies are not rendered.
    private func render(_ table: TableBlock, into text: inout TextBuilder) -> [[[(text: String, range: Range<Int>)]]] {
        var ranges: [[[(text: String, range: Range<Int>)]]] = []
        for row in table.rows {
            var rowRanges: [[(text: String, range: Range<Int>)]] = []
            for (column, cell) in row.enumerated() {
                if column > 0 { text.append("\t") }
                var cellRanges: [(text: String, range: Range<Int>)] = []
                if cell.isSpanCopy == false {
                    for (index, part) in cell.parts.enumerated() {
                        if index > 0 { text.append("\n") }
                        cellRanges.append((part.text, text.append(part.text)))
                    }
                }
                rowRanges.append(cellRanges)
            }
            text.append("\n")
            ranges.append(rowRanges)
        }
        return ranges
    }

    /// A two-column table of labels and values: in the identification section, or anywhere when the
    /// first column is all header cells and the second has none.
    private func isAttributeTable(_ table: TableBlock, inIdentification: Bool) -> Bool {
        guard table.width == 2 else { return false }
        if inIdentification { return true }
        let body = table.rows.dropFirst(table.headerRowCount)
        return table.headerRowCount == 0 && body.isEmpty == false
            && body.allSatisfy { $0[0].isEmpty || $0[0].isHeader } && body.allSatisfy { $0[1].isHeader == false }
    }

    private func addAttribute(label: String, value: String, to result: inout Case) {
        // Colons around the label go (`Ente proponente:`), byte by byte as Foundation's trimming would.
        let trimmed = label.trimmingWhitespace()
        let utf8 = trimmed.utf8
        let start = utf8.firstIndex { $0 != 0x3A } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 0x3A }.map { utf8.index(after: $0) } ?? start
        let cleanLabel = start < end ? String(trimmed[start..<end]) : ""
        guard cleanLabel.isEmpty == false else { return }
        var key = vocabulary.attributeKey(for: cleanLabel)
        if result.attribute(key) != nil {
            var suffix = 2
            while result.attribute("\(key)_\(suffix)") != nil { suffix += 1 }
            key = "\(key)_\(suffix)"
        }
        result.attributes.append(Attribute(key: key, label: cleanLabel, value: value.trimmingWhitespace()))
    }

    /// The zone named by the territory field or, when the sheet has none, by the proposing body.
    /// A field that names no zone, or several, gives a warning and no territory: never a guess.
    private func resolveTerritory(_ result: inout Case) {
        guard let field = result.attribute("ambito_territoriale") ?? result.attribute("ente_proponente") else {
            result.warnings.append("territory not recognised: the sheet has no territory field "
                + "('Ambito territoriale') and no proposing body")
            return
        }
        let found = vocabulary.territoryMatches(in: field)
        let longest = found.map(\.length).max() ?? 0
        let winners = found.filter { $0.length == longest }.map(\.value)
        switch winners.count {
        case 1:
            result.setAttribute("territory", winners[0])
        case 0:
            result.warnings.append("territory not recognised from '\(field)': no zona-distretto of the gazetteer "
                + "matches; add the spelling to Resources/territories.tsv if it is a zone")
        default:
            result.warnings.append("'\(field)' names several zones (\(winners.joined(separator: ", "))); "
                + "territory left empty: set it by hand or make the sheet's territory field specific")
        }
    }

    /// `Label: value` when the label part is short.
    private static func labelAndValue(_ paragraph: String) -> (String, String)? {
        guard let colon = paragraph.firstIndex(of: ":") else { return nil }
        let label = paragraph[..<colon]
        let value = paragraph[paragraph.index(after: colon)...].trimmingWhitespace()
        guard value.isEmpty == false, label.split(separator: " ").count <= 12 else { return nil }
        return (String(label), value)
    }

    /// The title block if there is one; else a heading that opens the document above its sections:
    /// one before the first top-level heading (a sheet's `## *Scheda ...*` above its `#` sections), or
    /// the only top-level heading when the sections sit below it.
    static func frontMatterTitle(_ blocks: [Block]) -> String? {
        for case .title(let title) in blocks { return cleanTitle(title) }
        let headings = blocks.compactMap { block -> (level: Int, text: String)? in
            if case .heading(let level, let text) = block { (level, text) } else { nil }
        }
        guard let first = headings.first, let topLevel = headings.map(\.level).min() else { return nil }
        if first.level > topLevel { return cleanTitle(first.text) }
        let topCount = headings.filter { $0.level == topLevel }.count
        return topCount == 1 && headings.count > 1 ? cleanTitle(first.text) : nil
    }

    /// A title without surrounding quotes that were left unbalanced, line breaks as spaces.
    static func cleanTitle(_ title: String) -> String {
        var cleaned = title.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        let quotes: [(Character, Character)] = [("“", "”"), ("«", "»"), ("\"", "\"")]
        for (open, close) in quotes {
            if cleaned.first == open, cleaned.dropFirst().contains(close) == false { cleaned.removeFirst() }
            if cleaned.last == close, cleaned.dropLast().contains(open) == false { cleaned.removeLast() }
        }
        return cleaned.trimmingWhitespace()
    }
}
