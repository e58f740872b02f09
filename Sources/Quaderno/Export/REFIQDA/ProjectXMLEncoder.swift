import Foundation

/// Turns an ``ExchangeProject`` into `project.qde` XML, elements in the order `Project.xsd` requires.
///
/// Text sources are not inlined: each points at `internal://<guid>.txt` (the writer stores the text
/// at `sources/<guid>.txt`), so their text is never touched by XML escaping or line-end handling.
enum ProjectXMLEncoder {
    /// The project namespace.
    static let namespace = "urn:QDA-XML:project:1.0"

    /// The document for `project` (GUIDs already canonical).
    static func encode(_ project: ExchangeProject) -> String {
        var xml = XMLWriter()
        xml.start("Project", [("xmlns", namespace), ("name", project.name), ("origin", project.origin),
                              ("creatingUserGUID", project.creatingUser),
                              ("creationDateTime", project.creationDateTime.map(timestamp))])
        if project.users.isEmpty == false {
            xml.start("Users")
            for user in project.users {
                xml.emptyElement("User", [("guid", user.guid), ("name", nonEmpty(user.name)), ("id", user.id)])
            }
            xml.end()
        }
        if project.codes.isEmpty == false {
            xml.start("CodeBook")
            writeCodes(project.codes, into: &xml)
            xml.end()
        }
        if project.variables.isEmpty == false {
            xml.start("Variables")
            for variable in project.variables {
                xml.start("Variable", [("guid", variable.guid), ("name", variable.name),
                                       ("typeOfVariable", variable.type.rawValue)])
                description(variable.description, into: &xml)
                xml.end()
            }
            xml.end()
        }
        if project.cases.isEmpty == false {
            xml.start("Cases")
            for item in project.cases { writeCase(item, into: &xml) }
            xml.end()
        }
        if project.sources.isEmpty == false {
            xml.start("Sources")
            for source in project.sources { writeSource(source, into: &xml) }
            xml.end()
        }
        description(project.description, into: &xml)
        return xml.finish()
    }

    /// `<Codes>` with the code tree (shared with the QDC codebook, whose `Code` has the same shape).
    static func writeCodes(_ codes: [ExchangeProject.Code], into xml: inout XMLWriter) {
        func write(_ code: ExchangeProject.Code) {
            xml.start("Code", [("guid", code.guid), ("name", code.name), ("isCodable", code.isCodable ? "true" : "false"),
                               ("color", code.color.flatMap(REFIColor.normalized))])
            description(code.description, into: &xml)
            for child in code.children { write(child) }
            xml.end()
        }
        xml.start("Codes")
        for code in codes { write(code) }
        xml.end()
    }

    /// `<Description>` when `text` is not empty.
    static func description(_ text: String, into xml: inout XMLWriter) {
        if text.isEmpty == false { xml.textElement("Description", text) }
    }

    private static func writeCase(_ item: ExchangeProject.Case, into xml: inout XMLWriter) {
        xml.start("Case", [("guid", item.guid), ("name", nonEmpty(item.name))])
        description(item.description, into: &xml)
        for code in item.codes { xml.emptyElement("CodeRef", [("targetGUID", code)]) }
        for value in item.values { writeValue(value, into: &xml) }
        for source in item.sources { xml.emptyElement("SourceRef", [("targetGUID", source)]) }
        for selection in item.selections { xml.emptyElement("SelectionRef", [("targetGUID", selection)]) }
        xml.end()
    }

    private static func writeValue(_ value: ExchangeProject.VariableValue, into xml: inout XMLWriter) {
        xml.start("VariableValue")
        xml.emptyElement("VariableRef", [("targetGUID", value.variable)])
        xml.textElement("\(value.value.type.rawValue)Value", value.value.lexical)
        xml.end()
    }

    private static func writeSource(_ source: ExchangeProject.TextSource, into xml: inout XMLWriter) {
        xml.start("TextSource", [("guid", source.guid), ("name", nonEmpty(source.name)),
                                 ("plainTextPath", "internal://\(source.guid).txt"),
                                 ("creatingUser", source.creatingUser)])
        description(source.description, into: &xml)
        for selection in source.selections {
            xml.start("PlainTextSelection", [("guid", selection.guid), ("name", nonEmpty(selection.name)),
                                             ("startPosition", String(selection.start)),
                                             ("endPosition", String(selection.end)),
                                             ("creatingUser", selection.creatingUser)])
            description(selection.description, into: &xml)
            for coding in selection.codings {
                xml.start("Coding", [("guid", coding.guid), ("creatingUser", coding.creatingUser)])
                xml.emptyElement("CodeRef", [("targetGUID", coding.code)])
                xml.end()
            }
            xml.end()
        }
        for value in source.values { writeValue(value, into: &xml) }
        xml.end()
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// `2024-09-15T15:36:45Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
