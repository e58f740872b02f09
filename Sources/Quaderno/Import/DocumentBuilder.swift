/// Turns structural events (open a heading, some text, a table cell...) into ``Block``s.
///
/// Every markup format maps its own tags to these events, so whitespace handling, lists, tables,
/// spans and nesting are implemented once. Events must nest (each `open` has its `close`). Each block
/// goes to `deliver` as soon as it is complete, so a large document's blocks are never all in memory.
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

    // The builder's state is touched by every character-data and end-tag callback of one parse, on
    // one thread, and never by anything else while a method runs (`deliver` goes to the case, not
    // back here): Swift's run-time exclusivity checks on these properties cost about 6% of reading
    // an HTML file, so they are off (the compiler still checks what it can see).
    private let deliver: (Block) -> Void
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// The UTF-8 of the text gathered for the current block.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var pendingSpace = false
    @exclusivity(unchecked) private var boldDepth = 0
    @exclusivity(unchecked) private var listDepth = 0
    @exclusivity(unchecked) private var tables: [TableAssembly] = []
    /// Set when a table was too large to resolve (see ``TableAssembly/maximumCells``); the reader
    /// refuses the document with this message.
    private(set) var refusal: String?

    /// A builder that hands each finished block to `deliver`, in document order.
    init(deliver: @escaping (Block) -> Void) {
        self.deliver = deliver
    }

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
        if tables.isEmpty { deliver(.separator) }
    }

    /// Character data: runs of whitespace collapse to one space.
    func text(_ string: String) {
        text(Substring(string))
    }

    /// Character data from part of a string.
    func text(_ string: Substring) {
        var string = string
        string.withUTF8 { text(utf8: $0) }
    }

    /// Character data as UTF-8 bytes; a byte that starts no valid sequence becomes U+FFFD.
    func text(utf8: UnsafeBufferPointer<UInt8>) {
        // Work on locals: touching the class's stored properties per byte costs an access check each.
        var buffer = self.buffer
        self.buffer = []
        var pendingSpace = self.pendingSpace
        var scalars = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if Self.isVisibleASCII(byte) {
                // A run of visible ASCII is copied at once, single spaces between its words included
                // (white space is kept as one space anyway).
                var end = index + 1
                while end < utf8.count {
                    if Self.isVisibleASCII(utf8[end]) {
                        end += 1
                    } else if utf8[end] == 0x20, end + 1 < utf8.count, Self.isVisibleASCII(utf8[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                if pendingSpace {
                    buffer.append(0x20)
                    pendingSpace = false
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                scalars += end - index
                index = end
                continue
            }
            guard let (scalar, length) = utf8.utf8Scalar(at: index) else {
                if pendingSpace { buffer.append(0x20) }
                pendingSpace = false
                buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
                scalars += 1
                index += 1
                continue
            }
            if Self.isBlank(scalar) {
                if buffer.isEmpty == false, buffer.last != 0x0A { pendingSpace = true }
            } else {
                if pendingSpace {
                    buffer.append(0x20)
                    pendingSpace = false
                }
                if length == 1 {
                    buffer.append(byte)
                } else {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<index + length]))
                }
                scalars += 1
            }
            index += length
        }
        self.buffer = buffer
        self.pendingSpace = pendingSpace
        if scalars > 0, let index = tables.indices.last {
            tables[index].countText(scalars, bold: boldDepth > 0)
        }
    }

    /// A printable ASCII byte other than the space.
    @inline(__always)
    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }

    /// Whether `scalar` is white space (Unicode's White_Space property, a fixed list of 25 scalars)
    /// or an invisible zero-width space or byte-order mark.
    @inline(__always)
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// A line break (`<br>`) inside the current container.
    func lineBreak() {
        pendingSpace = false
        if buffer.isEmpty == false, buffer.last != 0x0A { buffer.append(0x0A) }
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
            if table.rows.isEmpty == false { deliver(.table(table)) }
            return
        }
        for row in table.rows {
            let line = row.filter { !$0.isSpanCopy && !$0.isEmpty }.map(\.text).joined(separator: " | ")
            if line.isEmpty == false { tables[tables.count - 1].add(CellPart(text: line, isItem: false)) }
        }
    }

    /// Closes whatever is still open and delivers its blocks.
    func finish() {
        flush()
        while tables.isEmpty == false { closeTable() }
    }

    /// Delivers the buffered text as the innermost container's block.
    private func flush(as container: Container? = nil) {
        // Nothing blank is written before visible text or left after it (a space is written only
        // when visible text follows), so only line breaks can end the buffer: no trimming is needed.
        while buffer.last == 0x0A { buffer.removeLast() }
        let text = String(decoding: buffer, as: UTF8.self)
        assert(text == text.trimmingWhitespace(), "a block with white space at an end: \(text.debugDescription)")
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
        guard text.isEmpty == false else { return }
        let kind = container ?? frames.last(where: { !$0.soft })?.container ?? .paragraph
        if tables.isEmpty == false, tables[tables.count - 1].hasOpenCell {
            tables[tables.count - 1].add(CellPart(text: text, isItem: kind == .item))
            return
        }
        switch kind {
        case .title: deliver(.title(text))
        case .heading(let level): deliver(.heading(level: level, text: text))
        case .paragraph: deliver(.paragraph(text))
        case .item: deliver(.item(text, depth: max(1, listDepth)))
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        // Most strings start and end with a visible ASCII character: nothing to trim.
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, (0x21..<0x80).contains(first),
           (0x21..<0x80).contains(last) {
            return string
        }
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
