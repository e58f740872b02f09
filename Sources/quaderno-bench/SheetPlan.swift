import Foundation

/// One synthetic case sheet before it is written: what it says, independent of the file format.
struct SheetPlan: Sendable {
    /// The two formats the synthetic corpus uses.
    enum Format: String, Sendable, Codable {
        /// The survey's text export, as in the seed sheet: `#` headings, TAB rows, `- ❑` elements.
        case sheetText = "txt"
        /// An HTML page: headings, `<table>` with th/td, `<ul>` lists under polarity headings.
        case html
    }

    /// A table cell: paragraphs, then a list.
    struct Cell: Sendable {
        var paragraphs: [String] = []
        var items: [String] = []
        var ordered = false
    }

    /// One label/value row of the identification data.
    struct Field: Sendable {
        var label: String
        var value: String
    }

    var id: String
    var format: Format
    var title: String
    var fields: [Field]
    var contentHeader: [String]
    var contentRows: [[Cell]]
    var procedureHeader: [String]
    var procedureRows: [[Cell]]
    /// Text sheets only: the second content row follows a page break that repeats the heading and header.
    var pageBreak: Bool
    var positives: [String]
    var negatives: [String]
    /// The canonical zone the territory field names.
    var zone: String

    /// The file name: the id plus the format's extension.
    var fileName: String { "\(id).\(format.rawValue)" }

    /// The sheet as the bytes of its file.
    func render() -> String {
        switch format {
        case .sheetText: SheetTextRenderer.render(self)
        case .html: HTMLRenderer.render(self)
        }
    }

    /// The survey's section headings.
    static let identificationHeading = "Dati identificativi"
    static let contentHeading = "Elementi di contenuto dell'Avviso"
    static let procedureHeading = "Elementi procedurali"
    static let summaryHeading = "Riassunto degli elementi che contraddistinguono positivamente e negativamente "
        + "l'esperienza raccontata"
}

/// Writes a plan in the seed sheet's text-export convention.
enum SheetTextRenderer {
    static func render(_ plan: SheetPlan) -> String {
        var out = "\n\n## *\(plan.title)*\n\n\n# \(SheetPlan.identificationHeading)\n\n"
        for field in plan.fields { out += "<b>\(field.label)</b>\t\(field.value)\n" }
        let contentHeader = plan.contentHeader.map { "<b>\($0)</b>" }.joined(separator: "\t")
        out += "\n# \(SheetPlan.contentHeading)\n\n\(contentHeader)\n"
        for (index, row) in plan.contentRows.enumerated() {
            if index == 1, plan.pageBreak { out += "\n# \(SheetPlan.contentHeading)\n\n\(contentHeader)\n" }
            out += row.map(cell).joined(separator: "\t") + "\n"
        }
        out += "\n# \(SheetPlan.procedureHeading)\n\n"
        out += plan.procedureHeader.map { "<p><b>\($0)</b></p>" }.joined(separator: "\t") + "\n"
        for row in plan.procedureRows { out += row.map(cell).joined(separator: "\t") + "\n" }
        out += "\n# \(SheetPlan.summaryHeading)\n\n"
        for element in plan.positives { out += "- ❑ \(element)\n" }
        out += "  \n"
        for element in plan.negatives { out += "- \(element)\n" }
        return out
    }

    /// A cell as inline HTML on one line; a lone paragraph stays plain text, as in the seed.
    static func cell(_ cell: SheetPlan.Cell) -> String {
        if cell.items.isEmpty, cell.paragraphs.count == 1 { return cell.paragraphs[0] }
        var parts = cell.paragraphs.map { "<p>\($0)</p>" }
        if cell.items.isEmpty == false {
            let tag = cell.ordered ? "ol" : "ul"
            let items = cell.items.enumerated().map { index, item in
                "<li>\(cell.ordered ? "\(index + 1)." : "•") \(item)</li>"
            }
            parts.append("<\(tag) style=\"list-style-type: none\">\(items.joined())</\(tag)>")
        }
        return parts.joined(separator: " ")
    }
}

/// Writes a plan as an HTML page.
enum HTMLRenderer {
    static func render(_ plan: SheetPlan) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(escape(plan.title))</title>\n</head>\n<body>\n<h1>\(escape(plan.title))</h1>\n\n"
        out += "<h2>\(SheetPlan.identificationHeading)</h2>\n<table border=\"1\">\n"
        for field in plan.fields {
            out += "  <tr><td><strong>\(escape(field.label))</strong></td><td>\(escape(field.value))</td></tr>\n"
        }
        out += "</table>\n\n"
        out += table(SheetPlan.contentHeading, header: plan.contentHeader, rows: plan.contentRows)
        out += table(SheetPlan.procedureHeading, header: plan.procedureHeader, rows: plan.procedureRows)
        out += "<h2>\(escape(SheetPlan.summaryHeading))</h2>\n"
        out += "<h3>Punti di forza</h3>\n<ul>\n" + plan.positives.map { "  <li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        out += "<h3>Criticità</h3>\n<ul>\n" + plan.negatives.map { "  <li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        out += "</body>\n</html>\n"
        return out
    }

    static func table(_ heading: String, header: [String], rows: [[SheetPlan.Cell]]) -> String {
        var out = "<h2>\(escape(heading))</h2>\n<table border=\"1\">\n  <thead>\n    <tr>"
        out += header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n  </thead>\n  <tbody>\n"
        for row in rows {
            out += "    <tr>\n" + row.map { "      <td>\(cell($0))</td>\n" }.joined() + "    </tr>\n"
        }
        return out + "  </tbody>\n</table>\n\n"
    }

    static func cell(_ cell: SheetPlan.Cell) -> String {
        var out = cell.paragraphs.map { "<p>\(escape($0))</p>" }.joined()
        if cell.items.isEmpty == false {
            let tag = cell.ordered ? "ol" : "ul"
            out += "<\(tag)>" + cell.items.map { "<li>\(escape($0))</li>" }.joined() + "</\(tag)>"
        }
        return out
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
