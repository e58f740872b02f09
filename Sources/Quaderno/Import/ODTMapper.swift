/// Maps OpenDocument text (`content.xml`) to ``DocumentBuilder`` events.
///
/// `text:h` gives headings (`outline-level`), `text:p` paragraphs (the `Title` style the title),
/// `text:list`/`text:list-item` list items, `table:table` tables with column and row spans and
/// header rows. Notes, annotations and tracked changes are skipped.
final class ODTMapper: MarkupHandler {
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

    private let builder: DocumentBuilder
    private var inBody = false
    private var hiddenDepth = 0
    private var headerRowsDepth = 0
    private var tableDepth = 0
    private var paragraphHasText = false

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        if namespace == Self.officeNamespace, name == "text" { inBody = true }
        guard inBody else { return }
        if hiddenDepth > 0 || isHidden(name, namespace) {
            hiddenDepth += 1
            return
        }
        if namespace == Self.textNamespace {
            switch name {
            case "h": builder.open(.heading(Int(attributes["outline-level"] ?? "1") ?? 1))
            case "p":
                paragraphHasText = false
                let style = (attributes["style-name"] ?? "").lowercased()
                builder.open(style == "title" || style == "titolo" ? .title : .paragraph)
            case "list": builder.openList()
            case "list-item", "list-header": builder.open(.item)
            case "s": builder.text(String(repeating: " ", count: max(1, Int(attributes["c"] ?? "1") ?? 1)))
            case "tab": builder.text(" ")
            case "line-break": builder.lineBreak()
            default: break
            }
        } else if namespace == Self.tableNamespace {
            switch name {
            case "table":
                tableDepth += 1
                builder.openTable()
            case "table-header-rows": headerRowsDepth += 1
            case "table-row": builder.openRow(header: headerRowsDepth > 0)
            case "table-cell":
                builder.openCell(header: headerRowsDepth > 0,
                                 columns: Int(attributes["number-columns-spanned"] ?? "1") ?? 1,
                                 rows: Int(attributes["number-rows-spanned"] ?? "1") ?? 1)
            default: break
            }
        }
    }

    func endElement(_ name: String, namespace: String?) {
        guard inBody else { return }
        if hiddenDepth > 0 {
            hiddenDepth -= 1
            return
        }
        if namespace == Self.officeNamespace, name == "text" { inBody = false }
        if namespace == Self.textNamespace {
            switch name {
            case "h", "list-item", "list-header": builder.close()
            case "p":
                builder.close()
                // An empty paragraph between lists is the blank line that separates groups.
                if paragraphHasText == false, tableDepth == 0 { builder.separator() }
                paragraphHasText = true
            case "list": builder.closeList()
            default: break
            }
        } else if namespace == Self.tableNamespace {
            switch name {
            case "table":
                tableDepth -= 1
                builder.closeTable()
            case "table-header-rows": headerRowsDepth = max(0, headerRowsDepth - 1)
            case "table-row": builder.closeRow()
            case "table-cell": builder.closeCell()
            default: break
            }
        }
    }

    func characters(_ text: String) {
        guard inBody, hiddenDepth == 0 else { return }
        if text.trimmingWhitespace().isEmpty == false { paragraphHasText = true }
        builder.text(text)
    }

    private func isHidden(_ name: String, _ namespace: String?) -> Bool {
        switch (namespace, name) {
        case (Self.textNamespace, "note"), (Self.textNamespace, "tracked-changes"),
             (Self.officeNamespace, "annotation"), (Self.tableNamespace, "covered-table-cell"),
             (Self.textNamespace, "sequence-decls"), (Self.officeNamespace, "forms"):
            return true
        default:
            return false
        }
    }
}
