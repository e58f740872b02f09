/// The structure every format parser produces: what a reader sees, without the format's markup.
enum Block: Equatable, Sendable {
    /// A document title (HTML `<title>`, the sheet's `***...***` block, a DOCX/ODT Title paragraph).
    case title(String)
    /// A heading with its level (1 is the highest).
    case heading(level: Int, text: String)
    /// A paragraph of running text.
    case paragraph(String)
    /// A list item, bullet or number removed; `depth` 1 for a top-level list.
    case item(String, depth: Int)
    /// A deliberately blank line between groups of items (sheet text only).
    case separator
    /// A table resolved into a rectangular grid.
    case table(TableBlock)
}

/// A table whose rows all have the same number of cells.
struct TableBlock: Equatable, Sendable {
    /// The rows, header rows first.
    var rows: [[TableCell]]
    /// How many leading rows are header rows.
    var headerRowCount: Int

    /// The number of columns.
    var width: Int { rows.first?.count ?? 0 }
}

/// One position of a table grid.
struct TableCell: Equatable, Sendable {
    /// The cell's content: paragraphs and list items.
    var parts: [CellPart]
    /// A `th`, a cell in a header section, or a cell whose text is all bold.
    var isHeader: Bool
    /// True for positions covered by another cell's colspan/rowspan (their content is a copy).
    var isSpanCopy: Bool = false

    /// The content as one string, parts separated by newlines.
    var text: String {
        // One part (the usual cell) shares its storage instead of being copied.
        parts.count == 1 ? parts[0].text : parts.map(\.text).joined(separator: "\n")
    }

    /// Whether the cell has no text.
    var isEmpty: Bool { parts.allSatisfy { $0.text.isEmpty } }

    /// An empty cell that fills a short row.
    static let filler = TableCell(parts: [], isHeader: false)
}

/// A paragraph or list item inside a table cell.
struct CellPart: Equatable, Sendable {
    /// The text.
    var text: String
    /// True for a list item.
    var isItem: Bool
}
