/// Reads XML that is not HTML: sections, label/value fields, lists and paragraphs named in any
/// vocabulary (`<sezione titolo="...">`, `<campo etichetta="...">`, `<elenco>`, `<elemento>`).
///
/// The document is first collected as a small tree (generic XML sheets are small), then walked:
/// HTML-named elements go to ``HTMLMapper``; a titled container is a heading; a leaf with a label
/// attribute, or any other named leaf, is a label/value row; a container of like leaves is a list,
/// announced by its title.
struct GenericXMLMapper {
    static let labelAttributes = ["etichetta", "label", "nome", "name", "titolo", "title", "campo", "key", "chiave"]
    static let titleNames: Set<String> = ["titolo", "title", "intestazione", "heading", "oggetto"]
    static let paragraphNames: Set<String> = ["paragrafo", "paragraph", "testo", "text", "descrizione",
                                              "description", "nota", "note", "para", "contenuto"]
    static let itemNames: Set<String> = ["elemento", "item", "punto", "voce", "entry", "element", "point"]
    static let htmlNames: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
                                         "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "br", "b",
                                         "strong", "div", "html", "body", "span", "i", "em"]

    let builder: DocumentBuilder
    private var inLabelTable = false

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    mutating func walk(_ root: XMLTreeNode) {
        if let title = root.attribute(Self.labelAttributes) {
            emit(.title, title)
        }
        for child in root.elements { visit(child, depth: 1) }
        endLabelTable()
    }

    private mutating func visit(_ node: XMLTreeNode, depth: Int) {
        if Self.htmlNames.contains(node.name) {
            endLabelTable()
            let mapper = HTMLMapper(builder: builder)
            node.replay(into: mapper)
            return
        }
        let label = node.attribute(Self.labelAttributes)
        if node.elements.isEmpty {
            let text = node.textContent
            guard text.trimmingWhitespace().isEmpty == false else { return }
            if depth == 1, label == nil, Self.titleNames.contains(node.name) {
                emit(.title, text)
            } else if label == nil, Self.paragraphNames.contains(node.name) {
                emit(.paragraph, text)
            } else if label == nil, Self.itemNames.contains(node.name) {
                endLabelTable()
                builder.openList()
                emit(.item, text)
                builder.closeList()
            } else {
                labelRow(label ?? Self.humanised(node.name), text)
            }
            return
        }
        endLabelTable()
        let children = node.elements
        let isList = children.allSatisfy { child in
            child.elements.isEmpty && child.attribute(Self.labelAttributes) == nil
                && (Self.itemNames.contains(child.name) || child.name == children[0].name)
        } && children.count > 1 || children.allSatisfy { Self.itemNames.contains($0.name) && $0.elements.isEmpty }
        if isList {
            emit(.paragraph, label ?? Self.humanised(node.name))
            builder.openList()
            for child in children where child.textContent.trimmingWhitespace().isEmpty == false {
                emit(.item, child.textContent)
            }
            builder.closeList()
            return
        }
        var rest = children[...]
        if let label {
            emit(.heading(min(depth, 6)), label)
        } else if let first = rest.first, Self.titleNames.contains(first.name), first.elements.isEmpty {
            emit(.heading(min(depth, 6)), first.textContent)
            rest = rest.dropFirst()
        }
        for child in rest { visit(child, depth: depth + 1) }
        endLabelTable()
    }

    private mutating func emit(_ container: DocumentBuilder.Container, _ text: String) {
        if container != .item { endLabelTable() }
        builder.open(container)
        builder.text(text)
        builder.close()
    }

    private mutating func labelRow(_ label: String, _ value: String) {
        if inLabelTable == false {
            builder.openTable()
            inLabelTable = true
        }
        builder.openRow()
        builder.openCell(header: true)
        builder.text(label)
        builder.closeCell()
        builder.openCell()
        builder.text(value)
        builder.closeCell()
        builder.closeRow()
    }

    private mutating func endLabelTable() {
        guard inLabelTable else { return }
        builder.closeTable()
        inLabelTable = false
    }

    /// `ente_proponente` → `ente proponente`; `tipologiaETS` → `tipologia ETS`.
    static func humanised(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character == "_" || character == "-" || character == "." {
                result.append(" ")
            } else {
                if character.isUppercase, let previous, previous.isLowercase { result.append(" ") }
                result.append(character)
            }
            previous = character
        }
        return result.trimmingWhitespace()
    }
}
