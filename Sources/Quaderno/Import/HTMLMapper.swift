/// Maps HTML (and XHTML) elements to ``DocumentBuilder`` events.
final class HTMLMapper: MarkupHandler {
    /// Elements whose content is never text a reader sees.
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "iframe", "object",
                                              "svg", "math", "select", "button"]
    /// Elements that break running text into paragraphs.
    static let paragraphElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
        "address", "center", "figure", "figcaption", "caption", "form", "fieldset", "legend", "details",
        "summary", "body",
    ]
    /// Nesting deeper than this is flattened: its text is kept, its structure ignored.
    static let maximumDepth = 256

    /// What an element means to the builder.
    private enum Tag {
        case hidden, title, heading(Int), list, item, lineBreak, rule, bold, table, headerSection, row
        case cell(header: Bool), term, definition, paragraph, other

        var isHidden: Bool {
            if case .hidden = self { return true }
            return false
        }
    }

    /// Every element name the mapper knows, looked up once per element instead of compared with each.
    private static let tags: [String: Tag] = {
        var tags: [String: Tag] = [:]
        for name in hiddenElements { tags[name] = .hidden }
        for name in paragraphElements { tags[name] = .paragraph }
        for level in 1...6 { tags["h\(level)"] = .heading(level) }
        for name in ["ul", "ol", "menu", "dir"] { tags[name] = .list }
        for name in ["b", "strong"] { tags[name] = .bold }
        for name in ["table", "dl"] { tags[name] = .table }
        tags["title"] = .title
        tags["li"] = .item
        tags["br"] = .lineBreak
        tags["hr"] = .rule
        tags["thead"] = .headerSection
        tags["tr"] = .row
        tags["td"] = .cell(header: false)
        tags["th"] = .cell(header: true)
        tags["dt"] = .term
        tags["dd"] = .definition
        return tags
    }()

    let builder: DocumentBuilder
    private var depth = 0
    private var hiddenDepth = 0
    private var headerSectionDepth = 0

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        depth += 1
        let tag = Self.tags[name] ?? .other
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
                             columns: Int(attributes["colspan"]?.trimmingWhitespace() ?? "") ?? 1,
                             rows: Int(attributes["rowspan"]?.trimmingWhitespace() ?? "") ?? 1)
        case .term:
            builder.openRow()
            builder.openCell(header: true)
        case .definition: builder.openCell()
        case .paragraph: builder.open(.paragraph)
        case .hidden, .other: break
        }
    }

    func endElement(_ name: String, namespace: String?) {
        defer { depth -= 1 }
        if hiddenDepth > 0 {
            hiddenDepth -= 1
            return
        }
        guard depth <= Self.maximumDepth else { return }
        switch Self.tags[name] ?? .other {
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
