/// Maps WordprocessingML (`word/document.xml`) to ``DocumentBuilder`` events.
///
/// Heading styles (`Heading1`, `Titolo1`, or an outline level) give headings, `Title` the title,
/// numbered or bulleted paragraphs (`w:numPr`, `List...` styles) list items, `w:tbl` tables with
/// `gridSpan` and `vMerge` spans and `tblHeader` header rows. Deleted text and field codes are skipped.
final class DOCXMapper: MarkupHandler {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    private struct Paragraph {
        var style = ""
        var outlineLevel: Int?
        var listLevel: Int?
        var runs: [(text: String, bold: Bool)] = []
    }

    private struct PendingCell {
        var columns = 1
        var continuesAbove = false
        var opened = false
    }

    private let builder: DocumentBuilder
    private var paragraphs: [Paragraph] = []
    private var runBold = false
    private var inRunProperties = false
    private var inText = false
    private var openLists = 0
    private var rowIsHeader = false
    private var rowOpened = false
    private var cells: [PendingCell] = []

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        guard namespace == Self.namespace else { return }
        switch name {
        case "p":
            openPendingCell()
            paragraphs.append(Paragraph())
        case "pStyle": paragraphs.lastModify { $0.style = attributes["val"] ?? "" }
        case "outlineLvl": paragraphs.lastModify { $0.outlineLevel = Int(attributes["val"] ?? "").map { $0 + 1 } }
        case "numPr": paragraphs.lastModify { $0.listLevel = $0.listLevel ?? 0 }
        case "ilvl": paragraphs.lastModify { $0.listLevel = Int(attributes["val"] ?? "0") ?? 0 }
        case "r": runBold = false
        case "rPr": inRunProperties = true
        case "b" where inRunProperties: runBold = Self.isOn(attributes["val"])
        case "t": inText = true
        case "tab": appendRun(" ")
        case "br", "cr": if attributes["type"] != "page" { appendRun("\n") }
        case "tbl":
            openPendingCell()
            closeLists()
            builder.openTable()
        case "tr":
            rowIsHeader = false
            rowOpened = false
        case "tblHeader": rowIsHeader = Self.isOn(attributes["val"])
        case "tc": cells.append(PendingCell())
        case "gridSpan": cells.lastModify { $0.columns = Int(attributes["val"] ?? "1") ?? 1 }
        case "vMerge": cells.lastModify { $0.continuesAbove = attributes["val"] != "restart" }
        default: break
        }
    }

    func endElement(_ name: String, namespace: String?) {
        guard namespace == Self.namespace else { return }
        switch name {
        case "p": emitParagraph()
        case "rPr": inRunProperties = false
        case "t": inText = false
        case "tc":
            openPendingCell()
            cells.removeLast()
            builder.closeCell()
        case "tr": builder.closeRow()
        case "tbl":
            builder.closeTable()
        case "body": closeLists()
        default: break
        }
    }

    func characters(_ text: String) {
        if inText { appendRun(text) }
    }

    private func appendRun(_ text: String) {
        guard paragraphs.isEmpty == false else { return }
        paragraphs[paragraphs.count - 1].runs.append((text, runBold))
    }

    /// Cells open lazily, once their properties (span, merge) have been read.
    private func openPendingCell() {
        guard let cell = cells.last, cell.opened == false else { return }
        if rowOpened == false {
            builder.openRow(header: rowIsHeader)
            rowOpened = true
        }
        builder.openCell(header: rowIsHeader, columns: cell.columns, continuesAbove: cell.continuesAbove)
        cells[cells.count - 1].opened = true
    }

    private func emitParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        let hasText = paragraph.runs.contains { $0.text.trimmingWhitespace().isEmpty == false }
        let style = paragraph.style.lowercased()
        let container: DocumentBuilder.Container
        if style == "title" || style == "titolo" {
            container = .title
        } else if let level = Self.headingLevel(style) ?? paragraph.outlineLevel.flatMap({ $0 <= 9 ? $0 : nil }) {
            container = .heading(level)
        } else if paragraph.listLevel != nil || style.hasPrefix("list") || style.hasPrefix("elenco") {
            container = .item
        } else {
            container = .paragraph
        }
        if container == .item, hasText {
            let depth = (paragraph.listLevel ?? 0) + 1
            while openLists < depth { builder.openList(); openLists += 1 }
            while openLists > depth { builder.closeList(); openLists -= 1 }
        } else if hasText || cells.isEmpty {
            closeLists()
        }
        guard hasText else {
            if cells.isEmpty { builder.separator() }
            return
        }
        builder.open(container)
        for run in paragraph.runs {
            if run.bold { builder.openBold() }
            if run.text == "\n" { builder.lineBreak() } else { builder.text(run.text) }
            if run.bold { builder.closeBold() }
        }
        builder.close()
    }

    private func closeLists() {
        while openLists > 0 { builder.closeList(); openLists -= 1 }
    }

    /// `heading1`, `heading 1`, `titolo1`, `überschrift1` → 1.
    static func headingLevel(_ style: String) -> Int? {
        for prefix in ["heading", "titolo", "überschrift", "berschrift", "titre", "título"] where style.hasPrefix(prefix) {
            let rest = style.dropFirst(prefix.count).trimmingWhitespace()
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }

    private static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return value != "0" && value != "false" && value != "off" && value != "none"
    }
}

extension Array {
    /// Changes the last element in place, if there is one.
    mutating func lastModify(_ change: (inout Element) -> Void) {
        guard isEmpty == false else { return }
        change(&self[count - 1])
    }
}
