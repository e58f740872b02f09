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

    let builder: DocumentBuilder
    private var depth = 0
    private var hiddenDepth = 0
    private var headerSectionDepth = 0

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        depth += 1
        if hiddenDepth > 0 || Self.hiddenElements.contains(name) {
            hiddenDepth += 1
            return
        }
        guard depth <= Self.maximumDepth else { return }
        switch name {
        case "title": builder.open(.title)
        case "h1", "h2", "h3", "h4", "h5", "h6": builder.open(.heading(Int(name.dropFirst()) ?? 1))
        case "ul", "ol", "menu", "dir": builder.openList()
        case "li": builder.open(.item)
        case "br": builder.lineBreak()
        case "hr":
            builder.open(.paragraph)
            builder.close()
        case "b", "strong": builder.openBold()
        case "table", "dl": builder.openTable()
        case "thead": headerSectionDepth += 1
        case "tr": builder.openRow(header: headerSectionDepth > 0)
        case "td", "th":
            builder.openCell(header: name == "th" || headerSectionDepth > 0,
                             columns: Int(attributes["colspan"]?.trimmingWhitespace() ?? "") ?? 1,
                             rows: Int(attributes["rowspan"]?.trimmingWhitespace() ?? "") ?? 1)
        case "dt":
            builder.openRow()
            builder.openCell(header: true)
        case "dd": builder.openCell()
        default:
            if Self.paragraphElements.contains(name) { builder.open(.paragraph) }
        }
    }

    func endElement(_ name: String, namespace: String?) {
        defer { depth -= 1 }
        if hiddenDepth > 0 {
            hiddenDepth -= 1
            return
        }
        guard depth <= Self.maximumDepth else { return }
        switch name {
        case "title", "h1", "h2", "h3", "h4", "h5", "h6", "li": builder.close()
        case "ul", "ol", "menu", "dir": builder.closeList()
        case "b", "strong": builder.closeBold()
        case "table", "dl": builder.closeTable()
        case "thead": headerSectionDepth = max(0, headerSectionDepth - 1)
        case "tr": builder.closeRow()
        case "td", "th", "dt", "dd": builder.closeCell()
        default:
            if Self.paragraphElements.contains(name) { builder.close() }
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
