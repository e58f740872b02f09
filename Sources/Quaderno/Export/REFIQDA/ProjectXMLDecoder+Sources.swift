import Foundation

/// Text sources, selections and codings; other sources are skipped.
extension ProjectXMLDecoder {
    mutating func decodeSource(_ node: XMLTreeNode) -> ExchangeProject.TextSource? {
        expect(node, ["Description", "PlainTextContent", "PlainTextSelection", "VariableValue", "Coding"])
        let path = node.attributes["plainTextPath"]
        let name = node.attributes["name"] ?? path?.split(separator: "/").last.map(String.init) ?? ""
        guard let guid = self.guid(node, "the text source '\(name)'") else { return nil }
        let selectionCount = node.children("PlainTextSelection").count
        let text: String
        if let inline = node.child("PlainTextContent") {
            text = inline.textContent
            if path != nil { warnings.add("the text source '\(name)' has both PlainTextContent and plainTextPath; used the content") }
        } else if let path {
            switch lookup(path) {
            case .found(let found, _): text = found
            case .missing(let reason):
                warnings.add("skipped the text source '\(name)' and its \(selectionCount) selection(s): \(reason)")
                return nil
            }
        } else {
            warnings.add("skipped the text source '\(name)': it has neither PlainTextContent nor plainTextPath")
            return nil
        }
        let wholeSource = node.children("Coding").count
        if wholeSource > 0 {
            warnings.add("ignored \(wholeSource) coding(s) of the whole source '\(name)': only codings of selections are imported")
        }
        var source = ExchangeProject.TextSource(guid: guid, name: name, text: text, description: node.childText("Description"))
        source.creatingUser = user(node)
        source.values = node.children("VariableValue").compactMap { decodeValue($0) }
        let length = text.unicodeScalars.count
        for child in node.children("PlainTextSelection") {
            if let selection = decodeSelection(child, length: length, source: name) { source.selections.append(selection) }
        }
        return source
    }

    private mutating func decodeSelection(_ node: XMLTreeNode, length: Int, source: String) -> ExchangeProject.Selection? {
        expect(node, ["Description", "Coding"])
        guard let guid = self.guid(node, "a selection in '\(source)'") else { return nil }
        let start = node.attributes["startPosition"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let end = node.attributes["endPosition"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let start, let end, 0 <= start, start <= end, end <= length else {
            let span = "\(node.attributes["startPosition"] ?? "?")..<\(node.attributes["endPosition"] ?? "?")"
            warnings.add("skipped the selection \(guid) in '\(source)': its span \(span) is not inside the text "
                + "(\(length) code points)")
            return nil
        }
        var selection = ExchangeProject.Selection(guid: guid, name: node.attributes["name"] ?? "", start: start, end: end,
                                                  description: node.childText("Description"))
        selection.creatingUser = user(node)
        for child in node.children("Coding") {
            expect(child, ["CodeRef"])
            guard let codingGUID = self.guid(child, "a coding in '\(source)'") else { continue }
            guard let reference = child.child("CodeRef"),
                  let code = self.guid(reference, "the <CodeRef> of the coding \(codingGUID)", attribute: "targetGUID") else {
                warnings.add("skipped the coding \(codingGUID) in '\(source)': it has no <CodeRef>")
                continue
            }
            guard codeGUIDs.contains(code) else {
                warnings.add("skipped the coding \(codingGUID) in '\(source)': its code \(code) is not in the codebook")
                continue
            }
            selection.codings.append(ExchangeProject.Coding(guid: codingGUID, code: code, creatingUser: user(child)))
        }
        return selection
    }

    /// Reports a PDF, picture, audio or video source, which Quaderno does not import.
    mutating func skipMediaSource(_ node: XMLTreeNode) {
        let kind = node.name.replacingOccurrences(of: "Source", with: "")
        let name = node.attributes["name"] ?? node.attributes["guid"] ?? "?"
        let codings = node.descendants("Coding").count
        let lost = codings > 0 ? " (\(codings) coding(s) in it are not imported)" : ""
        warnings.add("skipped the \(kind == "PDF" ? "PDF" : kind.lowercased()) source '\(name)': "
            + "Quaderno imports text sources only\(lost)")
    }
}
