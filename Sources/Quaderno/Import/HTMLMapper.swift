/// Maps HTML (and XHTML) elements to ``DocumentBuilder`` events.
final class HTMLMapper: MarkupHandler {
    /// Nesting deeper than this is flattened: its text is kept, its structure ignored.
    static let maximumDepth = 256

    let builder: DocumentBuilder
    private var depth = 0
    private var hiddenDepth = 0
    private var headerSectionDepth = 0

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        start(HTMLTag.named(name)) { attributes[$0] }
    }

    func startHTMLElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        // Only cells read an attribute, so the list is searched rather than made into a dictionary.
        start(HTMLTag.named(name)) { htmlAttribute($0, in: attributes) }
    }

    func endElement(_ name: String, namespace: String?) {
        end(HTMLTag.named(name))
    }

    func endHTMLElement(_ name: UnsafePointer<UInt8>) {
        end(HTMLTag.named(name))
    }

    /// An element starts; `attribute` gives the value of an attribute by its lower-case name.
    private func start(_ tag: HTMLTag, attribute: (String) -> String?) {
        depth += 1
        if hiddenDepth > 0 || tag.isHidden {
            hiddenDepth += 1
            return
        }
        guard depth <= Self.maximumDepth else { return }
        switch tag {
        case .title: builder.open(.title)
        case .heading(let level): builder.open(.heading(level))
        case .list: builder.openList()
        case .item: builder.open(.item)
        case .lineBreak: builder.lineBreak()
        case .rule:
            builder.open(.paragraph)
            builder.close()
        case .bold: builder.openBold()
        case .table: builder.openTable()
        case .headerSection: headerSectionDepth += 1
        case .row: builder.openRow(header: headerSectionDepth > 0)
        case .cell(let header):
            builder.openCell(header: header || headerSectionDepth > 0,
                             columns: Int(attribute("colspan")?.trimmingWhitespace() ?? "") ?? 1,
                             rows: Int(attribute("rowspan")?.trimmingWhitespace() ?? "") ?? 1)
        case .term:
            builder.openRow()
            builder.openCell(header: true)
        case .definition: builder.openCell()
        case .paragraph: builder.open(.paragraph)
        case .hidden, .other: break
        }
    }

    private func end(_ tag: HTMLTag) {
        defer { depth -= 1 }
        if hiddenDepth > 0 {
            hiddenDepth -= 1
            return
        }
        guard depth <= Self.maximumDepth else { return }
        switch tag {
        case .title, .heading, .item: builder.close()
        case .list: builder.closeList()
        case .bold: builder.closeBold()
        case .table: builder.closeTable()
        case .headerSection: headerSectionDepth = max(0, headerSectionDepth - 1)
        case .row: builder.closeRow()
        case .cell, .term, .definition: builder.closeCell()
        case .paragraph: builder.close()
        case .hidden, .lineBreak, .rule, .other: break
        }
    }

    func characters(_ text: String) {
        guard hiddenDepth == 0 else { return }
        builder.text(text)
    }

    func characters(utf8: UnsafeBufferPointer<UInt8>) {
        guard hiddenDepth == 0 else { return }
        builder.text(utf8: utf8)
    }
}
