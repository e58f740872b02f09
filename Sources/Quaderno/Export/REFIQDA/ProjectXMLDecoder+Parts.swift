import Foundation

/// Users, codes, variables and cases.
extension ProjectXMLDecoder {
    mutating func decodeUser(_ node: XMLTreeNode) {
        expect(node, [])
        guard let guid = self.guid(node, "a <User>") else { return }
        guard userGUIDs.insert(guid).inserted else { return }
        project.users.append(ExchangeProject.User(guid: guid, name: node.attributes["name"] ?? "", id: node.attributes["id"]))
    }

    /// The code tree under `<Codes>` (also used for `.qdc` codebooks).
    mutating func decodeCodes(_ codes: XMLTreeNode) -> [ExchangeProject.Code] {
        expect(codes, ["Code"])
        return codes.children("Code").compactMap { decodeCode($0) }
    }

    private mutating func decodeCode(_ node: XMLTreeNode) -> ExchangeProject.Code? {
        expect(node, ["Description", "Code"])
        let name = node.attributes["name"] ?? ""
        guard let guid = self.guid(node, "the code '\(name)'") else { return nil }
        codeGUIDs.insert(guid)
        var color: String?
        if let raw = node.attributes["color"] {
            color = REFIColor.normalized(raw.trimmingCharacters(in: .whitespaces))
            if color == nil { warnings.add("the code '\(name)' has color '\(raw)', not #RRGGBB; color dropped") }
        }
        let codable = node.attributes["isCodable"].map { ["true", "1"].contains($0.trimmingCharacters(in: .whitespaces)) } ?? true
        let children = node.children("Code").compactMap { decodeCode($0) }
        return ExchangeProject.Code(guid: guid, name: name, isCodable: codable, color: color,
                                    description: node.childText("Description"), children: children)
    }

    mutating func decodeVariable(_ node: XMLTreeNode) -> ExchangeProject.Variable? {
        expect(node, ["Description"])
        let name = node.attributes["name"] ?? ""
        guard let guid = self.guid(node, "the variable '\(name)'") else { return nil }
        let raw = node.attributes["typeOfVariable"] ?? ""
        let type = ExchangeProject.VariableType.allCases.first { $0.rawValue.lowercased() == raw.lowercased() }
        if type == nil { warnings.add("the variable '\(name)' has type '\(raw)'; read as Text") }
        return ExchangeProject.Variable(guid: guid, name: name, type: type ?? .text, description: node.childText("Description"))
    }

    /// A `<Case>`; `sourceGUIDs` and `selectionGUIDs` are what was imported, so references to skipped
    /// sources are dropped.
    mutating func decodeCase(_ node: XMLTreeNode, sourceGUIDs: Set<String>,
                             selectionGUIDs: Set<String>) -> ExchangeProject.Case? {
        expect(node, ["Description", "CodeRef", "VariableValue", "SourceRef", "SelectionRef"])
        let name = node.attributes["name"] ?? ""
        guard let guid = self.guid(node, "the case '\(name)'") else { return nil }
        var item = ExchangeProject.Case(guid: guid, name: name, description: node.childText("Description"))
        item.values = node.children("VariableValue").compactMap { decodeValue($0) }
        item.codes = references(node, "CodeRef", in: codeGUIDs, what: "code", owner: "case '\(name)'")
        item.sources = references(node, "SourceRef", in: sourceGUIDs, what: "source", owner: "case '\(name)'")
        item.selections = references(node, "SelectionRef", in: selectionGUIDs, what: "selection", owner: "case '\(name)'")
        return item
    }

    /// The canonical `targetGUID`s of the `element` children that point at one of `targets`.
    private mutating func references(_ node: XMLTreeNode, _ element: String, in targets: Set<String>, what: String,
                                     owner: String) -> [String] {
        node.children(element).compactMap { child in
            guard let target = self.guid(child, "a <\(element)> of the \(owner)", attribute: "targetGUID") else { return nil }
            guard targets.contains(target) else {
                warnings.add("the \(owner) refers to a \(what) that was not imported (\(target)); reference dropped")
                return nil
            }
            return target
        }
    }

    /// A `<VariableValue>`: its variable and the typed value (converted to the variable's type).
    mutating func decodeValue(_ node: XMLTreeNode) -> ExchangeProject.VariableValue? {
        guard let reference = node.child("VariableRef"),
              let variableGUID = self.guid(reference, "a <VariableRef>", attribute: "targetGUID") else {
            warnings.add("a <VariableValue> has no <VariableRef>; skipped")
            return nil
        }
        guard let variable = project.variables.first(where: { $0.guid == variableGUID }) else {
            warnings.add("a value refers to no variable of the project (\(variableGUID)); skipped")
            return nil
        }
        guard let element = node.elements.first(where: { $0.name.hasSuffix("Value") }) else { return nil }
        let text = element.textContent
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let value: ExchangeProject.Value?
        switch variable.type {
        case .text: value = .text(text)
        case .integer: value = Int(trimmed).map { .integer($0) }
        case .float: value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")).map { .float($0) }
        case .boolean: value = ["true", "1"].contains(trimmed) ? .boolean(true) : ["false", "0"].contains(trimmed) ? .boolean(false) : nil
        case .date: value = .date(trimmed)
        case .dateTime: value = .dateTime(trimmed)
        }
        guard let value, ExchangeProject.lexicalProblem(value) == nil else {
            warnings.add("the value '\(trimmed)' of the \(variable.type.rawValue) variable '\(variable.name)' is malformed; skipped")
            return nil
        }
        return ExchangeProject.VariableValue(variable: variableGUID, value: value)
    }
}
