/// Turns structural events (open a heading, some text, a table cell...) into ``Block``s.
///
/// Every markup format maps its own tags to these events, so whitespace handling, lists, tables,
/// spans and nesting are implemented once. Events must nest (each `open` has its `close`).
final class DocumentBuilder {
    /// Text containers a format can open.
    enum Container: Equatable {
        case title
        case heading(Int)
        case paragraph
        case item
    }

    private struct Frame {
        var container: Container
        /// A paragraph inside an item, heading or title: it adds a space instead of a new block.
        var soft: Bool
    }

    private(set) var blocks: [Block] = []
    private var frames: [Frame] = []
    private var buffer = ""
    private var pendingSpace = false
    private var boldDepth = 0
    private var listDepth = 0
    private var tables: [TableAssembly] = []
    /// Set when a table was too large to resolve (see ``TableAssembly/maximumCells``); the reader
    /// refuses the document with this message.
    private(set) var refusal: String?

    /// Opens a text container.
    func open(_ container: Container) {
        if container == .paragraph, let host = frames.last(where: { !$0.soft }), host.container != .paragraph {
            frames.append(Frame(container: container, soft: true))
            pendingSpace = pendingSpace || buffer.isEmpty == false
            return
        }
        flush()
        frames.append(Frame(container: container, soft: false))
    }

    /// Closes the innermost text container.
    func close() {
        guard let frame = frames.popLast() else { return }
        if frame.soft {
            pendingSpace = pendingSpace || buffer.isEmpty == false
        } else {
            flush(as: frame.container)
        }
    }

    /// Starts a bulleted or numbered list.
    func openList() {
        flush()
        listDepth += 1
    }

    /// Ends the innermost list.
    func closeList() {
        flush()
        listDepth = max(0, listDepth - 1)
    }

    /// Starts a bold (or strong) run: cells whose text is all bold count as header cells.
    func openBold() { boldDepth += 1 }

    /// Ends a bold run.
    func closeBold() { boldDepth = max(0, boldDepth - 1) }

    /// A deliberate blank line between groups (outside tables only).
    func separator() {
        flush()
        if tables.isEmpty { blocks.append(.separator) }
    }

    /// Character data: runs of whitespace collapse to one space.
    func text(_ string: String) {
        var appended = 0
        for scalar in string.unicodeScalars {
            let blank = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value))
                : scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
            if blank {
                if buffer.isEmpty == false, buffer.unicodeScalars.last != "\n" { pendingSpace = true }
                continue
            }
            if pendingSpace {
                buffer.unicodeScalars.append(" ")
                pendingSpace = false
            }
            buffer.unicodeScalars.append(scalar)
            appended += 1
        }
        if appended > 0, let index = tables.indices.last {
            tables[index].countText(appended, bold: boldDepth > 0)
        }
    }

    /// A line break (`<br>`) inside the current container.
    func lineBreak() {
        pendingSpace = false
        if buffer.isEmpty == false, buffer.unicodeScalars.last != "\n" { buffer.unicodeScalars.append("\n") }
    }

    /// Starts a table (possibly inside a cell of another table).
    func openTable() {
        flush()
        tables.append(TableAssembly())
    }

    /// Starts a row; `header` marks rows from `thead` or a repeated-header property.
    func openRow(header: Bool = false) {
        flush()
        guard tables.isEmpty == false else { return }
        tables[tables.count - 1].openRow(header: header)
    }

    /// Ends the current row.
    func closeRow() {
        flush()
        guard tables.isEmpty == false else { return }
        tables[tables.count - 1].closeRow()
    }

    /// Starts a cell. `continuesAbove` marks a cell merged with the one above (DOCX `vMerge`).
    func openCell(header: Bool = false, columns: Int = 1, rows: Int = 1, continuesAbove: Bool = false) {
        flush()
        guard tables.isEmpty == false else {
            open(.paragraph)
            return
        }
        tables[tables.count - 1].openCell(header: header, columns: columns, rows: rows,
                                           continuesAbove: continuesAbove)
    }

    /// Ends the current cell.
    func closeCell() {
        guard tables.isEmpty == false else {
            close()
            return
        }
        flush()
        tables[tables.count - 1].closeCell()
    }

    /// Ends the innermost table: a top-level table becomes a block, a nested one becomes cell text.
    func closeTable() {
        flush()
        guard var assembly = tables.popLast() else { return }
        guard let table = assembly.resolved() else {
            refusal = refusal ?? "a table would have more than \(TableAssembly.maximumCells) cells once its "
                + "row and column spans are laid out"
            return
        }
        if tables.isEmpty {
            if table.rows.isEmpty == false { blocks.append(.table(table)) }
            return
        }
        for row in table.rows {
            let line = row.filter { !$0.isSpanCopy && !$0.isEmpty }.map(\.text).joined(separator: " | ")
            if line.isEmpty == false { tables[tables.count - 1].add(CellPart(text: line, isItem: false)) }
        }
    }

    /// Closes whatever is still open and returns the blocks.
    func finish() -> [Block] {
        flush()
        while tables.isEmpty == false { closeTable() }
        return blocks
    }

    /// Delivers the buffered text as the innermost container's block.
    private func flush(as container: Container? = nil) {
        let text = buffer.trimmingWhitespace()
        buffer = ""
        pendingSpace = false
        guard text.isEmpty == false else { return }
        let kind = container ?? frames.last(where: { !$0.soft })?.container ?? .paragraph
        if tables.isEmpty == false, tables[tables.count - 1].hasOpenCell {
            tables[tables.count - 1].add(CellPart(text: text, isItem: kind == .item))
            return
        }
        switch kind {
        case .title: blocks.append(.title(text))
        case .heading(let level): blocks.append(.heading(level: level, text: text))
        case .paragraph: blocks.append(.paragraph(text))
        case .item: blocks.append(.item(text, depth: max(1, listDepth)))
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
