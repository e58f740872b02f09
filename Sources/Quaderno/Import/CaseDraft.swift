/// A case being assembled from its merged blocks, one at a time (see ``CaseAssembler``).
struct CaseDraft {
    let vocabulary: ImportVocabulary
    private var text: TextBuilder
    private var result = Case(id: "", source: "", format: .text)
    private var elements: ElementCollector
    private var title = FrontMatterTitle()
    private var section = ""
    private var inIdentification = false
    private var tables: [PendingTable] = []
    /// Texts shorter than this (in UTF-8 bytes) are compacted when the case is finished.
    static let compactionLimit = 1 << 20

    init(vocabulary: ImportVocabulary, reservingBytes: Int) {
        self.vocabulary = vocabulary
        text = TextBuilder(reservingBytes: reservingBytes)
        elements = ElementCollector(vocabulary: vocabulary)
    }

    /// Appends a block to the text, with its segments, and reads attributes, tables and elements from it.
    mutating func add(_ block: Block) {
        title.note(block)
        switch block {
        case .title(let title):
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
                addAttribute(label: label, value: value)
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
            add(table)
        }
    }

    private mutating func add(_ table: TableBlock) {
        let rendered = render(table)
        for part in rendered.parts.joined().joined() {
            result.segments.append(Segment(kind: .cell, section: section, start: part.range.lowerBound,
                                           end: part.range.upperBound))
        }
        if elements.inSummary == false, Self.isAttributeTable(table, inIdentification: inIdentification) {
            for row in table.rows.dropFirst(table.headerRowCount) where row[0].isEmpty == false {
                addAttribute(label: row[0].parts.map(\.text).joined(separator: " "),
                             value: row[1].parts.map(\.text).joined(separator: " "))
            }
            return
        }
        // The header is the last header row; the cells stay ranges until the text is final.
        let width = table.width
        let header = table.headerRowCount > 0 ? rendered.cells[(table.headerRowCount - 1) * width..<table.headerRowCount * width] : []
        let body = rendered.cells[(table.headerRowCount * width)...]
        let rowEnds = [header.count] + stride(from: header.count + width, through: header.count + body.count, by: max(1, width))
        tables.append(PendingTable(section: section, cells: Array(header) + body, rowEnds: rowEnds))
        _ = elements.table(table, parts: rendered.parts)
    }

    /// A table rendered into the text.
    private struct RenderedTable {
        /// The scalar range of every part, `[row][column][part]`; spanned copies are not rendered.
        var parts: [[[(text: String, range: Range<Int>)]]] = []
        /// The UTF-8 range of every cell, row by row; a copy has the range of the cell it repeats.
        var cells: [Range<Int>] = []
    }

    /// A table of the case whose cells are UTF-8 ranges of the text, until the text is final.
    private struct PendingTable {
        var section: String
        var cells: [Range<Int>]
        var rowEnds: [Int]
    }

    /// Renders a table: cells separated by tabs, parts of a cell by newlines, one row per line.
    private mutating func render(_ table: TableBlock) -> RenderedTable {
        var rendered = RenderedTable()
        rendered.cells.reserveCapacity(table.rows.count * table.width)
        for row in table.rows {
            var rowRanges: [[(text: String, range: Range<Int>)]] = []
            for (column, cell) in row.enumerated() {
                if column > 0 { text.append("\t") }
                var cellRanges: [(text: String, range: Range<Int>)] = []
                let start = text.text.utf8.count
                if cell.isSpanCopy {
                    rendered.cells.append(sourceRange(of: cell, at: rendered.cells.count, width: table.width,
                                                      column: column, among: rendered.cells))
                } else {
                    for (index, part) in cell.parts.enumerated() {
                        if index > 0 { text.append("\n") }
                        cellRanges.append((part.text, text.append(part.text)))
                    }
                    rendered.cells.append(start..<text.text.utf8.count)
                }
                rowRanges.append(cellRanges)
            }
            text.append("\n")
            rendered.parts.append(rowRanges)
        }
        return rendered
    }

    /// Where the text of a spanned copy already is: the cell it repeats came before it, to its left
    /// for a column span, above it in its column for a row span or a merge with the cell above.
    /// Walking up the column stops at the first cell with the same text (a copy of the same span,
    /// usually the cell just above), so the search stays linear even in a malformed table whose
    /// cells overlap its spans.
    private func sourceRange(of copy: TableCell, at index: Int, width: Int, column: Int,
                             among cells: [Range<Int>]) -> Range<Int> {
        let wanted = copy.text
        let utf8 = text.text.utf8
        func holds(_ range: Range<Int>) -> Bool {
            utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
                .elementsEqual(wanted.utf8)
        }
        if column > 0, holds(cells[index - 1]) { return cells[index - 1] }
        var above = index - width
        while above >= 0 {
            if holds(cells[above]) { return cells[above] }
            above -= width
        }
        assert(wanted.isEmpty, "a spanned copy whose cell was not rendered")
        return utf8.count..<utf8.count
    }

    /// The case, once every block was added: elements settled, territory resolved, mentions found.
    mutating func finish(id: String, source: String, format: SourceFormat, warnings: [String]) -> Case {
        var result = self.result
        self.result = Case(id: "", source: "", format: format)
        (result.id, result.source, result.format, result.title) = (id, source, format, title.title)
        result.text = text.text
        if result.text.utf8.count < Self.compactionLimit {
            // A small case is copied to its exact size: cases can stay in memory for a whole run, and
            // the text was reserved from the file's size, the segments grown by doubling. A large one
            // keeps its spare capacity: pages never written cost no memory, and a copy would double
            // the peak.
            // Appending a string does not validate its UTF-8 again, as decoding its bytes would.
            var exact = ""
            exact.reserveCapacity(result.text.utf8.count)
            exact.append(result.text)
            result.text = exact
            result.segments = Array(result.segments[...])
        }
        // The tables share the final text's storage.
        result.tables = tables.map { CaseTable(section: $0.section, text: result.text, cells: $0.cells, rowEnds: $0.rowEnds) }
        result.elements = elements.finish()
        result.warnings = warnings + result.warnings + elements.warnings
        resolveTerritory(&result)
        (result.amounts, result.dates, result.references) = MentionExtractor.mentions(in: result.text)
        return result
    }

    /// A two-column table of labels and values: in the identification section, or anywhere when the
    /// first column is all header cells and the second has none.
    private static func isAttributeTable(_ table: TableBlock, inIdentification: Bool) -> Bool {
        guard table.width == 2 else { return false }
        if inIdentification { return true }
        let body = table.rows.dropFirst(table.headerRowCount)
        return table.headerRowCount == 0 && body.isEmpty == false
            && body.allSatisfy { $0[0].isEmpty || $0[0].isHeader } && body.allSatisfy { $0[1].isHeader == false }
    }

    /// Adds an attribute, its label without colons; a key already taken gets `_2`, `_3`...
    private mutating func addAttribute(label: String, value: String) {
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
}
