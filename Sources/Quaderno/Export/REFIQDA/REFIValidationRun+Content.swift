import Foundation

/// Text sources, selections, values and references.
extension REFIValidationRun {
    /// Checks that depend on an element's content.
    mutating func checkContent(_ node: XMLTreeNode, _ path: String) {
        switch node.name {
        case "TextSource", "Note": checkText(node, path)
        case "VariableValue": values.append((node, path))
        case "IntegerValue" where Int(node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)) == nil,
             "BooleanValue" where ["true", "false", "1", "0"].contains(node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)) == false,
             "FloatValue" where node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
                .wholeMatch(of: /[+-]?(\d+(\.\d*)?|\.\d+)/) == nil,
             "DateValue" where ExchangeProject.lexicalProblem(.date(node.textContent.trimmingCharacters(in: .whitespacesAndNewlines))) != nil,
             "DateTimeValue" where isDateTime(node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)) == false:
            report(.error, node, path, "'\(node.textContent)' is not a valid \(node.name)")
        default: break
        }
    }

    /// A text source has its text, and each selection lies inside it.
    private mutating func checkText(_ node: XMLTreeNode, _ path: String) {
        let inline = node.child("PlainTextContent")
        let textPath = node.attributes["plainTextPath"]
        let text: String
        if let inline {
            if textPath != nil {
                report(.warning, node, path, "has both PlainTextContent and plainTextPath; the standard allows one")
            }
            text = inline.textContent
        } else if let textPath {
            switch lookup(textPath) {
            case .found(let found, _): text = found
            case .missing(let reason):
                report(.error, node, path, "the text is missing: \(reason)")
                return
            }
        } else {
            report(.error, node, path, "has neither PlainTextContent nor plainTextPath, so it has no text")
            return
        }
        let length = text.unicodeScalars.count
        var index = 0
        for selection in node.elements where selection.name == "PlainTextSelection" {
            index += 1
            guard let start = selection.attributes["startPosition"].flatMap({ Int($0) }),
                  let end = selection.attributes["endPosition"].flatMap({ Int($0) }) else { continue }
            let where_ = "\(path)/PlainTextSelection[\(index)]"
            if start < 0 || end < start {
                report(.error, selection, where_, "startPosition \(start) and endPosition \(end) do not make a span")
            } else if end > length {
                report(.error, selection, where_, "the selection \(start)..<\(end) ends past the end of its text "
                       + "(\(length) code points)")
            }
        }
    }

    /// Checks every reference against the GUIDs seen, and every value against its variable's type.
    mutating func resolve() {
        for reference in references {
            guard let owner = owners[reference.target] else {
                let kinds = reference.kinds.sorted().map { "<\($0)>" }.joined(separator: " or ")
                report(.error, reference.node, reference.path,
                       "\(reference.attribute)='\(reference.node.attributes[reference.attribute] ?? "")' points at no \(kinds)")
                continue
            }
            if reference.kinds.contains(owner.kind) == false {
                report(.error, reference.node, reference.path, "\(reference.attribute) points at a <\(owner.kind)> "
                       + "(\(owner.path)), not a <\(reference.kinds.sorted().joined(separator: "> or <"))>")
            }
        }
        for (node, path) in values {
            guard let target = node.child("VariableRef")?.attributes["targetGUID"].flatMap(REFIGUID.canonical),
                  let type = variableTypes[target],
                  let element = node.elements.first(where: { REFIElementRule.valueTypes[$0.name] != nil }),
                  let valueType = REFIElementRule.valueTypes[element.name] else { continue }
            if valueType != type {
                report(.error, element, "\(path)/\(element.name)[1]", "a \(valueType) value for the \(type) variable "
                       + "\(owners[target]?.path ?? target)")
            }
        }
    }
}
